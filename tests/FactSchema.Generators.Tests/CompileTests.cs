using System.IO;
using FactSchema.Generators.Tests.TestSupport;
using Microsoft.CodeAnalysis;

namespace FactSchema.Generators.Tests;

/// <summary>Generated code compiles with zero warnings under nullable and warnings-as-errors, docs checked.</summary>
public sealed class CompileTests
{
    [Fact]
    public void EveryConstructSchemaCompilesWithoutWarnings()
    {
        var schemas = Directory.GetFiles(RepoPaths.Constructs, "*.schema.json")
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => SnapshotTests.Load(Path.GetFileName(p)))
            .ToArray();
        var run = GeneratorHarness.Run(schemas);

        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error).Select(GeneratorHarness.Describe));
        Assert.Empty(run.CompilationDiagnostics.Select(d => d.ToString().Replace("FactSchema.Generators/FactSchema.Generators.FactSchemaGenerator/", string.Empty)));
        Assert.True(run.Sources.Count >= schemas.Length);
    }

    [Fact]
    public void TheStandardVocabularyCompilesWithoutWarnings()
    {
        var directory = Path.Combine(RepoPaths.Root, "src", "FactSchema", "Schemas");
        var schemas = Directory.GetFiles(directory, "*.schema.json")
            .Select(p => new SchemaInput("Schemas/" + Path.GetFileName(p), File.ReadAllText(p), Namespace: "Consumer.News"))
            .ToArray();
        var run = GeneratorHarness.Run(schemas);

        Assert.Empty(run.GeneratorDiagnostics.Select(GeneratorHarness.Describe));
        Assert.Empty(run.CompilationDiagnostics.Select(d => d.ToString().Replace("FactSchema.Generators/FactSchema.Generators.FactSchemaGenerator/", string.Empty)));
    }

    [Fact]
    public void GeneratedCodeGrowsLinearlyWithCrossReferencingSchemas()
    {
        // Schemas that refer to one another in a ring: each file must call the others' validators, not carry copies
        // of them (copies made the generated code grow with the square of the number of files).
        static SchemaInput[] Ring(int count) => Enumerable.Range(0, count).Select(i => new SchemaInput($"ring{i}.schema.json", $$"""
            { "$id": "https://example.org/ring{{i}}.schema.json", "title": "Ring{{i}}", "type": "object",
              "properties": {
                "name": { "type": "string", "pattern": "^[a-z]+$", "maxLength": 40 },
                "next": { "$ref": "ring{{(i + 1) % count}}.schema.json" },
                "tags": { "type": "array", "items": { "$ref": "ring{{(i + 7) % count}}.schema.json#/$defs/tag" }, "uniqueItems": true }
              },
              "$defs": { "tag": { "type": "string", "minLength": 1 } } }
            """)).ToArray();
        static long Size(GeneratorRun run) => run.Sources.Values.Sum(source => (long)source.Length);

        var small = GeneratorHarness.Run(Ring(10));
        var large = GeneratorHarness.Run(Ring(40));

        Assert.Empty(large.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(GeneratorHarness.Describe));
        Assert.Empty(large.CompilationDiagnostics);
        var growth = (double)Size(large) / Size(small);
        Assert.InRange(growth, 3.5, 4.5); // four times the files: linear gives about 4, quadratic about 16
    }
}
