using FactSchema.Generators.Tests.TestSupport;
using Microsoft.CodeAnalysis;

namespace FactSchema.Generators.Tests.Evolution;

/// <summary>The check as the build runs it: baseline files as additional files, the policy from MSBuild properties.</summary>
public sealed class CompatibilityBuildTests
{
    private const string Baseline = """
        {
          "title": "Pledge",
          "type": "object",
          "properties": {
            "status": { "enum": ["made", "kept", "broken"] },
            "amount": { "type": "number" }
          }
        }
        """;

    // "broken" removed (breaks old documents), "amount" widened to accept null (breaks old readers).
    private const string Current = """
        {
          "title": "Pledge",
          "type": "object",
          "properties": {
            "status": { "enum": ["made", "kept"] },
            "amount": { "type": ["number", "null"] }
          }
        }
        """;

    [Fact]
    public void FindingsAreWarningsAtTheNewFileNamingTheBaselineLocation()
    {
        var run = Run(Current, Baseline);
        var removed = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "FS1012");
        Assert.Equal(DiagnosticSeverity.Warning, removed.DefaultSeverity);
        var span = removed.Location.GetLineSpan();
        Assert.Equal("/project/pledge.schema.json", span.Path);
        Assert.Equal((4, 16), (span.StartLinePosition.Line, span.StartLinePosition.Character));
        var message = removed.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("\"broken\"", message);
        Assert.Contains("enum-value-removed", message);
        Assert.Contains("WIRE_READ", message);
        Assert.Contains("baseline: pledge.schema.json:5:17", message);
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "FS1038");
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "FS1009");
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Fact]
    public void BackwardChecksOnlyWhatBreaksOldDocumentsAndOldCode()
    {
        var run = Run(Current, Baseline, new() { ["build_property.FactSchemaCompatibility"] = "BACKWARD" });
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "FS1012");
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "FS1009");
    }

    [Fact]
    public void ForwardChecksOnlyWhatBreaksOldReaders()
    {
        var run = Run(Current, Baseline, new() { ["build_property.FactSchemaCompatibility"] = "WIRE_WRITE" });
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "FS1009");
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is "FS1012" or "FS1038");
    }

    [Fact]
    public void TheUserCanAskForErrors()
    {
        var run = Run(Current, Baseline, new() { ["build_property.FactSchemaCompatibility"] = "FULL", ["build_property.FactSchemaCompatibilityErrors"] = "true" });
        Assert.All(run.GeneratorDiagnostics.Where(d => d.Id.StartsWith("FS10", StringComparison.Ordinal)), d => Assert.Equal(DiagnosticSeverity.Error, d.DefaultSeverity));
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "FS1012");
    }

    [Fact]
    public void NoneChecksNothingAndAnUnknownTokenIsReported()
    {
        Assert.DoesNotContain(Run(Current, Baseline, new() { ["build_property.FactSchemaCompatibility"] = "NONE" }).GeneratorDiagnostics, d => d.Id.StartsWith("FS10", StringComparison.Ordinal));
        var run = Run(Current, Baseline, new() { ["build_property.FactSchemaCompatibility"] = "BACKWARDS" });
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "FS1000" && d.GetMessage().Contains("BACKWARDS", StringComparison.Ordinal));
    }

    [Fact]
    public void AnUnchangedSchemaHasNoFindingsAndTheBaselineGeneratesNoCode()
    {
        var run = Run(Baseline, Baseline);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Single(run.Sources.Keys, k => k.Contains("pledge", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Fact]
    public void AnUnreadableBaselineIsAWarningNotACrash()
    {
        var run = Run(Current, "{ not json");
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "FS1041");
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "FS0012");
    }

    private static GeneratorRun Run(string current, string baseline, Dictionary<string, string>? options = null)
        => GeneratorHarness.Run(
            new[]
            {
                new SchemaInput("pledge.schema.json", current),
                new SchemaInput("/baseline/v1/pledge.schema.json", baseline, Metadata: new Dictionary<string, string> { ["FactSchemaBaselineItem"] = "true", ["FactSchemaBaselinePath"] = "pledge.schema.json" }),
            },
            csharpSources: null,
            globalOptions: options);
}
