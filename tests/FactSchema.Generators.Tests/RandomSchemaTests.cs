using System.Text;
using CsCheck;
using FactSchema.Generators.Tests.TestSupport;

namespace FactSchema.Generators.Tests;

/// <summary>
/// Property test: random schemas from a grammar of the keywords we read (valid, half-valid and broken)
/// never make the generator throw, and its output always compiles; problems are FS diagnostics.
/// A fixed seed keeps CI repeatable; FACTSCHEMA_RANDOM_ITERATIONS runs longer by hand.
/// </summary>
public sealed class RandomSchemaTests
{
    private static readonly string[] s_names =
    {
        "id", "name", "Name", "NAME", "kind", "class", "namespace", "", " ", "1st", "a-b", "a_b", "naïve", "日本", "🙂", "__fs_v0",
        "value", "Equals", "writeTo", "additionalProperties", "x\"y", "a/b", "c~d", "\\", "\u2028",
    };

    private static readonly string[] s_texts =
    {
        "plain", "*/ public int Evil; /*", "</summary><x>", "\"\"\"", "#error no", "line\nbreak", "\u2028sep", "\u0000nul", "&amp;<>",
    };

    private static readonly Gen<string> s_name = Gen.OneOf(s_names).Select(JsonText.Quote);

    private static readonly Gen<string> s_literal = Gen.OneOf<string>(
        Gen.OneOf("null", "true", "false", "0", "-1", "1.5", "1e400", "12345678901234567890123", "[]", "{}", "[1,\"a\"]", "{\"a\":1}"),
        Gen.OneOf(s_texts).Select(JsonText.Quote),
        Gen.OneOf(s_names).Select(JsonText.Quote));

    private static readonly Gen<string> s_type = Gen.OneOf(
        "\"string\"", "\"integer\"", "\"number\"", "\"boolean\"", "\"null\"", "\"object\"", "\"array\"",
        "[\"string\",\"null\"]", "[\"integer\",\"string\"]", "[]", "\"strin\"", "5", "[\"object\",\"null\"]");

    private static readonly Gen<string> s_format = Gen.OneOf("date", "date-time", "uri", "uuid", "decimal", "int32", "int64", "email", "nonsense").Select(JsonText.Quote);

    private static Gen<string> Schema(int depth)
    {
        var leaf = Gen.Select(s_type, s_format.Null(), s_literal.Array[0, 4].Null(), s_literal.Null(), s_literal.Null(), Gen.OneOf(s_texts).Null(),
            (type, format, @enum, @const, @default, text) => Object(
                ("type", type), ("format", format), ("enum", @enum is null ? null : "[" + string.Join(",", @enum) + "]"),
                ("const", @const), ("default", @default), ("description", text is null ? null : JsonText.Quote(text))));
        var oddities = Gen.OneOf("true", "false", "{}", "\"not a schema\"", "[]", "{\"$ref\":\"#\"}", "{\"$ref\":\"#/$defs/d0\"}",
            "{\"$ref\":\"#/$defs/missing\"}", "{\"$ref\":\"other.schema.json\"}", "{\"$ref\":5}", "{\"required\":\"x\"}", "{\"properties\":[]}");
        if (depth == 0)
        {
            return Gen.OneOf<string>(leaf, oddities);
        }

        var inner = Schema(depth - 1);
        var properties = Gen.Select(s_name, inner, (n, s) => n + ":" + s).Array[0, 5].Select(ps => "{" + string.Join(",", ps) + "}");
        var obj = Gen.Select(properties, s_name.Array[0, 3], Gen.OneOf("false", "true", "{\"type\":\"string\"}").Null(), Gen.OneOf(s_texts).Null(), Gen.Bool,
            (props, required, additional, title, deprecated) => Object(
                ("type", "\"object\""), ("title", title is null ? null : JsonText.Quote(title)), ("properties", props), ("required", "[" + string.Join(",", required) + "]"),
                ("additionalProperties", additional), ("deprecated", deprecated ? "true" : null)));
        var array = Gen.Select(inner, Gen.Bool, (items, tuple) => tuple ? Object(("type", "\"array\""), ("prefixItems", "[" + items + "]")) : Object(("type", "\"array\""), ("items", items)));
        var composite = Gen.Select(Gen.OneOf("oneOf", "anyOf", "allOf"), inner.Array[1, 3], (keyword, branches) => Object((keyword, "[" + string.Join(",", branches) + "]")));
        var map = inner.Select(value => Object(("type", "\"object\""), ("additionalProperties", value)));
        return Gen.Frequency<string>((3, leaf), (1, oddities), (3, obj), (2, array), (1, composite), (1, map));
    }

    private static readonly Gen<string> s_document = Gen.Select(Schema(3), Schema(2), Schema(2), Gen.OneOf(s_texts).Null(),
        (root, d0, d1, title) => root.StartsWith("{", StringComparison.Ordinal) && root.Length > 2
            ? "{\"title\":" + JsonText.Quote(title ?? "Random") + ",\"$defs\":{\"d0\":" + d0 + ",\"d1\":" + d1 + "}," + root.Substring(1)
            : root);

    [Fact]
    public void RandomSchemasNeverBreakTheBuild()
    {
        var iterations = int.TryParse(Environment.GetEnvironmentVariable("FACTSCHEMA_RANDOM_ITERATIONS"), out var n) ? n : 40;
        var pcg = new PCG(7, 20261128);
        for (var i = 0; i < iterations; i++)
        {
            // Five schemas per compilation: cross-file names and refs collide too, and compiling is the slow part.
            var schemas = Enumerable.Range(0, 5)
                .Select(k => new SchemaInput($"r{k}/random.schema.json", s_document.Generate(pcg, null, out _)))
                .Append(new SchemaInput("other.schema.json", "{\"title\":\"Other\",\"type\":\"object\",\"properties\":{\"o\":{\"type\":\"string\"}}}"))
                .ToArray();
            try
            {
                var run = GeneratorHarness.Run(schemas);
                HostileSchemaTests.AssertSafe(run, null);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                throw new Xunit.Sdk.XunitException($"iteration {i} failed: {ex.Message}\n" + string.Join("\n---\n", schemas.Select(s => s.Text)));
            }
        }
    }

    private static string Object(params (string Key, string? Value)[] members)
        => "{" + string.Join(",", members.Where(m => m.Value is not null).Select(m => JsonText.Quote(m.Key) + ":" + m.Value)) + "}";
}
