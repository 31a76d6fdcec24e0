using System.IO;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using FactSchema.Generators.Tests.TestSupport;
using FactSchema.Validation;

namespace FactSchema.Generators.Tests;

/// <summary>
/// What the generated readers prove on their own, for the schema idioms other tools emit: a nullable reference
/// (<c>anyOf</c> of a <c>$ref</c> and <c>{"type": "null"}</c>, as Pydantic writes it) and a reference wrapped to carry
/// a description (<c>allOf</c> of one <c>$ref</c>). Neither may fall back to running the validator over the value,
/// and <c>Deserialize</c> must still agree with the validator on every document.
/// </summary>
public sealed class OnePassPlanTests
{
    private const string Schema = """
        {
          "title": "Holder",
          "type": "object",
          "properties": {
            "maybe": { "anyOf": [ { "$ref": "#/$defs/code" }, { "type": "null" } ] },
            "wrapped": { "allOf": [ { "$ref": "#/$defs/code" } ], "description": "A code." },
            "child": { "anyOf": [ { "type": "null" }, { "$ref": "#/$defs/child" } ] },
            "other": { "oneOf": [ { "$ref": "#/$defs/child" }, { "type": "null" } ] },
            "loose": { "oneOf": [ { "$ref": "#/$defs/untyped" }, { "type": "null" } ] },
            "codes": { "type": "array", "items": { "allOf": [ { "$ref": "#/$defs/code" } ] }, "uniqueItems": true },
            "either": { "oneOf": [ { "$ref": "#/$defs/code" }, { "type": "integer" } ] }
          },
          "$defs": {
            "code": { "type": "string", "pattern": "^[A-Z]{3}$" },
            "child": { "type": "object", "properties": { "n": { "type": "integer", "minimum": 1 } }, "required": [ "n" ] },
            "untyped": { "properties": { "n": { "type": "integer" } }, "required": [ "n" ] }
          }
        }
        """;

    [Fact]
    public void NullableAndWrappedReferencesAreCheckedOnRead()
    {
        var run = GeneratorHarness.Run(new SchemaInput("holder.schema.json", Schema));
        var source = string.Join("\n", run.Sources.Values);
        var holder = source.Substring(source.IndexOf("partial record Holder ", StringComparison.Ordinal));
        holder = holder.Substring(0, holder.IndexOf("partial record Child ", StringComparison.Ordinal) is var end and > 0 ? end : holder.Length);

        // Only "loose" needs its location's validator run over the value: its branch has no type, so null could match both
        // branches of its oneOf. "either" is a generated union, which proves itself.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(holder, @"JsonValidator __fs_check\d+ ="));
        Assert.Contains("Schemas.Child.ReadChecked(ref reader, ref proven)", holder, StringComparison.Ordinal);
        Assert.Contains("HolderEither.ReadChecked(ref reader, ref proven)", holder, StringComparison.Ordinal);

        // The code's pattern is checked on read for "maybe", "wrapped" and the items of "codes".
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Matches(holder, @"IsMatch\(ref reader").Count);
    }

    [Theory]
    [InlineData("""{ "maybe": null, "wrapped": "ABC", "child": null }""")]
    [InlineData("""{ "maybe": "XYZ", "child": { "n": 2 }, "codes": ["ABC", "ABD"], "either": 5 }""")]
    [InlineData("""{ "either": "QRS" }""")]
    [InlineData("""{ "maybe": "abc" }""")]
    [InlineData("""{ "wrapped": "AB" }""")]
    [InlineData("""{ "child": { "n": 0 } }""")]
    [InlineData("""{ "other": null, "loose": null }""")]
    [InlineData("""{ "other": { "n": 0 } }""")]
    [InlineData("""{ "other": { "n": 3 }, "loose": { "n": 1 } }""")]
    [InlineData("""{ "codes": ["ABC", "ABC"] }""")]
    [InlineData("""{ "codes": ["ABC", "abc"] }""")]
    [InlineData("""{ "either": "abc" }""")]
    public void DeserializeAgreesWithTheValidator(string json)
    {
        var run = GeneratorHarness.Run(new SchemaInput("holder.schema.json", Schema));
        using var stream = new MemoryStream();
        var emitted = run.OutputCompilation.Emit(stream);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        var context = new AssemblyLoadContext("one-pass", isCollectible: true);
        try
        {
            stream.Position = 0;
            var type = context.LoadFromStream(stream).GetType("Consumer.Schemas.Holder")!;
            var valid = ((ValidationResult)type.GetMethod("ValidateJson", new[] { typeof(string) })!.Invoke(null, new object[] { json })!).IsValid;
            var deserialize = type.GetMethod("Deserialize", new[] { typeof(string) })!;
            if (valid)
            {
                Assert.NotNull(deserialize.Invoke(null, new object[] { json }));
            }
            else
            {
                // A keyword error comes from the validator; a value no union branch can hold, from the typed read.
                var error = Assert.Throws<TargetInvocationException>(() => deserialize.Invoke(null, new object[] { json }));
                Assert.IsAssignableFrom<JsonException>(error.InnerException);
            }
        }
        finally
        {
            context.Unload();
        }
    }
}
