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
}
