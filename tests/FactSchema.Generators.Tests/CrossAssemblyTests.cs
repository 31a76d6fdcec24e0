using System.IO;
using FactSchema.Generators.Tests.TestSupport;
using Microsoft.CodeAnalysis;

namespace FactSchema.Generators.Tests;

/// <summary>
/// A library built with FactSchema records which type each schema $id maps to; a project referencing it
/// can $ref those schemas by $id and gets the library's types, not duplicates.
/// </summary>
public sealed class CrossAssemblyTests
{
    [Fact]
    public void ReferencesByIdResolveToTheReferencedLibrarysTypes()
    {
        const string consumerSchema = """
            {
              "title": "Briefing",
              "type": "object",
              "properties": {
                "speaker": { "$ref": "https://factschema.dev/schemas/news/actor.schema.json" },
                "speakerId": { "$ref": "https://factschema.dev/schemas/news/actor.schema.json#/$defs/actorId" },
                "kind": { "$ref": "https://factschema.dev/schemas/news/pledge.schema.json#/$defs/pledgeKind" },
                "amounts": { "type": "array", "items": { "$ref": "https://factschema.dev/schemas/news/pledge.schema.json#/$defs/amount" } },
                "claims": { "type": "array", "items": { "$ref": "https://factschema.dev/schemas/news/statement.schema.json" } },
                "basis": {
                  "oneOf": [
                    { "$ref": "https://factschema.dev/schemas/news/evidence.schema.json" },
                    { "type": "string" }
                  ]
                }
              },
              "required": ["speaker"]
            }
            """;

        // The runtime assembly the harness references is itself a library built with FactSchema.
        var run = GeneratorHarness.Run(new SchemaInput("briefing.schema.json", consumerSchema));

        Assert.Empty(run.GeneratorDiagnostics.Select(GeneratorHarness.Describe));
        var source = run.Sources["briefing.schema.json.g.cs"];
        Assert.Contains("public required global::FactSchema.News.Actor Speaker", source);
        Assert.Contains("public string? SpeakerId", source);
        Assert.Contains("public global::FactSchema.News.PledgeKind? Kind", source);
        Assert.Contains("IReadOnlyList<global::FactSchema.News.Amount>? Amounts", source);

        // A union of the library is used as is; a union here over it wraps it (its variants cannot derive twice).
        Assert.Contains("IReadOnlyList<global::FactSchema.News.Statement>? Claims", source);
        Assert.True(source.Contains("public sealed partial record BriefingBasisEvidence(global::FactSchema.News.Evidence Value) : global::Consumer.Schemas.BriefingBasis", StringComparison.Ordinal), source);
        Assert.Equal(new[] { "FactSchemaTypes.g.cs", "briefing.schema.json.g.cs" }, run.Sources.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Fact]
    public void ALibraryRecordsItsSchemaLocations()
    {
        var library = GeneratorHarness.Run(new SchemaInput("lib/unit.schema.json", """
            { "$id": "https://example.org/unit.schema.json", "title": "Unit", "type": "object",
              "properties": { "code": { "$ref": "#/$defs/code" } },
              "$defs": { "code": { "type": "string" }, "size": { "type": "integer", "minimum": 0, "maximum": 10 } } }
            """));
        Assert.Empty(library.CompilationDiagnostics);
        using var stream = new MemoryStream();
        var emitted = library.OutputCompilation.WithAssemblyName("UnitLibrary").Emit(stream);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));

        var reference = MetadataReference.CreateFromImage(stream.ToArray());
        var driver = GeneratorHarness.CreateDriver(new[] { new SchemaInput("app.schema.json", """
            { "title": "App", "type": "object", "properties": {
                "unit": { "$ref": "https://example.org/unit.schema.json" },
                "size": { "$ref": "https://example.org/unit.schema.json#/$defs/size" } } }
            """, Namespace: "App") });
        var consumer = GeneratorHarness.RunDriver(driver, GeneratorHarness.CreateCompilation().AddReferences(reference));

        Assert.Empty(consumer.GeneratorDiagnostics.Select(GeneratorHarness.Describe));
        Assert.Contains("global::Consumer.Schemas.Unit? Unit", consumer.Sources["app.schema.json.g.cs"]);
        Assert.Contains("int? Size", consumer.Sources["app.schema.json.g.cs"]);
        Assert.Empty(consumer.CompilationDiagnostics);
    }
}
