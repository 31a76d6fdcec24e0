using System.IO;
using System.Text;
using FactSchema.Generators.Tests.TestSupport;

namespace FactSchema.Generators.Tests;

/// <summary>
/// One snapshot of generated code per schema construct (tests/FactSchema.Generators.Tests/Schemas/Constructs).
/// Each snapshot holds the generator's diagnostics followed by every generated file.
/// </summary>
public sealed class SnapshotTests
{
    [Theory]
    [InlineData("object-properties")]
    [InlineData("nullability")]
    [InlineData("string-enum")]
    [InlineData("const")]
    [InlineData("defaults")]
    [InlineData("arrays")]
    [InlineData("defs-and-local-ref")]
    [InlineData("additional-properties")]
    [InlineData("formats")]
    [InlineData("deprecated-and-docs")]
    [InlineData("draft07-definitions")]
    [InlineData("maps")]
    [InlineData("unsupported")]
    [InlineData("escaping")]
    [InlineData("boolean-and-empty")]
    [InlineData("reserved-names")]
    [InlineData("discriminated-union")]
    [InlineData("shape-union")]
    [InlineData("type-union")]
    [InlineData("all-of")]
    [InlineData("maps-and-tuples")]
    [InlineData("composition-edges")]
    [InlineData("union-shared-properties")]
    [InlineData("implied-types")]
    public void Construct(string name)
    {
        var run = GeneratorHarness.Run(Load(name + ".schema.json"));
        Snapshot.Verify(name, Render(run));
    }

    [Fact]
    public void FormatsAsserted()
    {
        // Where formats are assertions the validator guarantees a full-date, so "date" is a DateOnly.
        var input = Load("formats.schema.json") with { Metadata = new Dictionary<string, string> { ["FactSchemaFormatAssertion"] = "true" } };
        Snapshot.Verify("formats-asserted", Render(GeneratorHarness.Run(input)));
    }

    [Fact]
    public void CrossFileReference()
    {
        var run = GeneratorHarness.Run(Load("cross-file-actor.schema.json"), Load("cross-file-quote.schema.json"));
        Snapshot.Verify("cross-file-ref", Render(run));
    }

    internal static SchemaInput Load(string fileName)
        => new(fileName, File.ReadAllText(Path.Combine(RepoPaths.Constructs, fileName)));

    internal static string Render(GeneratorRun run)
    {
        var builder = new StringBuilder();
        builder.Append("// Diagnostics:\n");
        foreach (var diagnostic in run.GeneratorDiagnostics.OrderBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id))
        {
            builder.Append("//   ").Append(GeneratorHarness.Describe(diagnostic).Replace("\n", " ")).Append('\n');
        }

        foreach (var source in run.Sources.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            builder.Append("\n// ===== ").Append(source.Key).Append(" =====\n").Append(source.Value);
        }

        return builder.ToString();
    }
}
