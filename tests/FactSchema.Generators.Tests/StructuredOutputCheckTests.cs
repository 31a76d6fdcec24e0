using System.IO;
using FactSchema.Generators.Tests.TestSupport;
using Microsoft.CodeAnalysis;

namespace FactSchema.Generators.Tests;

/// <summary>FS0020: with FactSchemaStructuredOutputProfile=OpenAIStrict, each place a strict schema cannot be derived for is reported where it is written.</summary>
public sealed class StructuredOutputCheckTests
{
    private const string Profile = "build_property.FactSchemaStructuredOutputProfile";

    private const string Loose = """
        {
          "title": "Loose",
          "type": "object",
          "properties": {
            "name": { "type": "string" },
            "extra": true,
            "bag": { "type": "object" },
            "pair": { "type": "array", "prefixItems": [{ "type": "string" }] },
            "list": { "type": "array" },
            "both": { "allOf": [{ "type": "string" }, { "minLength": 2 }] },
            "tags": { "type": "object", "additionalProperties": { "type": "integer" } },
            "kind": { "$ref": "#/$defs/kind", "description": "fine" },
            "typed": { "$ref": "#/$defs/kind", "type": "string" }
          },
          "$defs": { "kind": { "enum": ["a", "b"] } }
        }
        """;

    private static GeneratorRun Run(string? profile, params SchemaInput[] schemas)
        => GeneratorHarness.Run(schemas, csharpSources: null, globalOptions: profile is null ? null : new Dictionary<string, string> { [Profile] = profile });

    [Fact]
    public void EveryPlaceThatCannotBeMadeStrictIsReportedWhereItIsWritten()
    {
        var run = Run("OpenAIStrict", new SchemaInput("loose.schema.json", Loose));

        var found = run.GeneratorDiagnostics.Where(d => d.Id == "FS0020").OrderBy(d => d.Location.GetLineSpan().StartLinePosition.Line).ToList();
        Assert.All(found, d => Assert.Equal(DiagnosticSeverity.Warning, d.Descriptor.DefaultSeverity));
        Assert.Collection(
            found,
            d => { DiagnosticTests.AssertAt(d, "loose.schema.json", 6, 14); Assert.Contains("accepts any value (the schema true)", d.GetMessage()); },
            d => { DiagnosticTests.AssertAt(d, "loose.schema.json", 7, 12); Assert.Contains("an open object with no declared properties", d.GetMessage()); },
            d => { DiagnosticTests.AssertAt(d, "loose.schema.json", 8, 13); Assert.Contains("a tuple", d.GetMessage()); },
            d => { DiagnosticTests.AssertAt(d, "loose.schema.json", 9, 13); Assert.Contains("an array of any items", d.GetMessage()); },
            d => { DiagnosticTests.AssertAt(d, "loose.schema.json", 10, 13); Assert.Contains("an allOf of several schemas", d.GetMessage()); },
            d => { DiagnosticTests.AssertAt(d, "loose.schema.json", 13, 24); Assert.Contains("a $ref beside 'type'", d.GetMessage()); });
        Assert.Contains("loose.schema.json.g.cs", run.Sources.Keys);
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Exact")]
    public void NothingIsCheckedUnlessTheProjectAsksForTheStrictProfile(string? profile)
    {
        var run = Run(profile, new SchemaInput("loose.schema.json", Loose));

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is "FS0020" or "FS0021");
    }

    [Fact]
    public void AnUnknownProfileIsReportedOnce()
    {
        var run = Run("Strictest", new SchemaInput("loose.schema.json", Loose), new SchemaInput("other.schema.json", """{ "title": "Other", "type": "string" }"""));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "FS0021");
        Assert.Contains("'Strictest'", diagnostic.GetMessage());
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "FS0020");
    }

    [Fact]
    public void TheStandardVocabularyCanBeMadeStrict()
    {
        // The run-time deriver makes every vocabulary type strict (FactSchema.Extensions.AI.Tests); the build-time check agrees.
        var folder = Path.Combine(RepoPaths.Root, "src", "FactSchema", "Schemas");
        var schemas = Directory.GetFiles(folder, "*.schema.json").Select(path => new SchemaInput(Path.GetFileName(path), File.ReadAllText(path))).ToArray();

        var run = Run("OpenAIStrict", schemas);

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is "FS0020" or "FS0012");
    }
}
