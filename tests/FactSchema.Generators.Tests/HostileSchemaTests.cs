using System.IO;
using System.Text;
using System.Threading;
using FactSchema.Generators.Tests.TestSupport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FactSchema.Generators.Tests;

/// <summary>
/// Hostile and broken schemas (Schemas/Hostile, plus large ones made here): the build either produces
/// code that compiles, or stops with a located FS diagnostic. Never a generator exception (CS8785), never
/// code injected from schema text, never unbounded work.
/// </summary>
public sealed class HostileSchemaTests
{
    private const string Good = """{ "title": "Bystander", "type": "object", "properties": { "x": { "type": "string" } } }""";

    public static IEnumerable<object[]> CorpusFiles()
        => Directory.GetFiles(Path.Combine(RepoPaths.TestProject, "Schemas", "Hostile"), "*.json")
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => new object[] { Path.GetFileName(p) });

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void CorpusSchemaCompilesOrIsReportedAtItsLocation(string fileName)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.TestProject, "Schemas", "Hostile", fileName), new UTF8Encoding(false));
        var run = GeneratorHarness.Run(new SchemaInput(fileName.Replace(".json", ".schema.json"), text), new SchemaInput("bystander.schema.json", Good));
        AssertSafe(run, fileName.Replace(".json", ".schema.json"));
        Assert.Contains("bystander.schema.json.g.cs", run.Sources.Keys);
    }

    [Fact]
    public void InjectionAttemptsAddNoMembersOrTypes()
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.TestProject, "Schemas", "Hostile", "injection.json"));
        var run = GeneratorHarness.Run(new SchemaInput("injection.schema.json", text));
        AssertSafe(run, "injection.schema.json");
        Assert.Empty(run.CompilationDiagnostics);

        var compilation = run.OutputCompilation;
        // Schema text may become (sanitised) identifiers; it must never become code of its own.
        var injectedNames = new[] { "InjectedA", "InjectedB", "InjectedC", "InjectedD", "InjectedE", "InjectedF", "InjectedG", "InjectedH", "InjectedTitle", "InjectedType" };
        var injected = compilation.GetSymbolsWithName(name => injectedNames.Contains(name), SymbolFilter.All).ToList();
        Assert.Empty(injected.Select(s => s.ToDisplayString()));
        Assert.DoesNotContain(run.OutputCompilation.SyntaxTrees, t => t.GetRoot().DescendantTrivia().Any(tr => tr.IsKind(SyntaxKind.ErrorDirectiveTrivia)));
        Assert.All(run.OutputCompilation.SyntaxTrees, t => Assert.Empty(t.GetDiagnostics()));
    }

    [Fact]
    public void RecordsWithoutTypeCompileWhateverTheirNamesAndMembersAreCalled()
    {
        // The NonObjectValue member of a record without "type" must not clash with a type, a property or a derived record.
        var run = GeneratorHarness.Run(new SchemaInput("n.schema.json", """
            {
              "title": "NonObjectValue",
              "properties": {
                "NonObjectValue": { "type": "string" },
                "nonObjectValue": { "properties": { "NonObjectValue": { "type": "integer" } }, "required": ["NonObjectValue"] },
                "derived": { "allOf": [{ "$ref": "#/$defs/base" }], "properties": { "more": { "properties": {} } } }
              },
              "$defs": { "base": { "properties": { "a": { "type": "string" } }, "required": ["a"] } }
            }
            """));
        AssertSafe(run, "n.schema.json");
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Fact]
    public void ReferenceCyclesThroughSeveralFilesAreReported()
    {
        var run = GeneratorHarness.Run(
            new SchemaInput("a.schema.json", """{ "title": "A", "type": "object", "properties": { "x": { "$ref": "b.schema.json#/$defs/b" } }, "$defs": { "a": { "$ref": "b.schema.json#/$defs/b" } } }"""),
            new SchemaInput("b.schema.json", """{ "title": "B", "$defs": { "b": { "$ref": "c.schema.json#/$defs/c" } } }"""),
            new SchemaInput("c.schema.json", """{ "title": "C", "$defs": { "c": { "$ref": "a.schema.json#/$defs/a" } } }"""));
        AssertSafe(run, null);
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "FS0006");
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Fact]
    public void ObjectRecursionThroughSeveralFilesIsLegal()
    {
        var run = GeneratorHarness.Run(
            new SchemaInput("person.schema.json", """{ "title": "Person", "type": "object", "properties": { "employer": { "$ref": "org.schema.json" } } }"""),
            new SchemaInput("org.schema.json", """{ "title": "Org", "type": "object", "properties": { "head": { "$ref": "person.schema.json" }, "staff": { "type": "array", "items": { "$ref": "person.schema.json" } } } }"""));
        Assert.Empty(run.GeneratorDiagnostics.Select(GeneratorHarness.Describe));
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Fact]
    public void FiveThousandProperties()
    {
        var properties = string.Join(",\n", Enumerable.Range(0, 5000).Select(i => $"    \"p{i}\": {{ \"type\": \"{(i % 3 == 0 ? "string" : i % 3 == 1 ? "integer" : "boolean")}\" }}"));
        var required = string.Join(", ", Enumerable.Range(0, 5000).Where(i => i % 7 == 0).Select(i => $"\"p{i}\""));
        var schema = $"{{\n  \"title\": \"Wide\",\n  \"type\": \"object\",\n  \"properties\": {{\n{properties}\n  }},\n  \"required\": [{required}]\n}}";
        var run = GeneratorHarness.Run(new SchemaInput("wide.schema.json", schema));
        Assert.Empty(run.GeneratorDiagnostics.Select(GeneratorHarness.Describe));
        Assert.Empty(run.CompilationDiagnostics);
        Assert.Contains("public long? P4999", run.Sources["wide.schema.json.g.cs"]);
    }

    [Fact]
    public void NestingFiveHundredLevelsDeep()
    {
        // Inline objects: every level becomes a type; names stay bounded in length.
        var objects = new StringBuilder();
        for (var i = 0; i < 500; i++)
        {
            objects.Append("{\"type\":\"object\",\"properties\":{\"child\":");
        }

        objects.Append("{\"type\":\"string\"}");
        for (var i = 0; i < 500; i++)
        {
            objects.Append("}}");
        }

        // Arrays of arrays: capped, then raw JSON with a warning.
        var arrays = new StringBuilder("{\"title\":\"Arrays\",\"type\":\"object\",\"properties\":{\"deep\":");
        for (var i = 0; i < 500; i++)
        {
            arrays.Append("{\"type\":\"array\",\"items\":");
        }

        arrays.Append("{\"type\":\"integer\"}");
        arrays.Append('}', 500).Append("}}");

        var run = GeneratorHarness.Run(
            new SchemaInput("objects.schema.json", objects.ToString().Insert(1, "\"title\":\"Deep\",")),
            new SchemaInput("arrays.schema.json", arrays.ToString()));
        AssertSafe(run, null);
        Assert.Empty(run.CompilationDiagnostics);
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "FS0007" && d.GetMessage().Contains("nested more than", StringComparison.Ordinal));
        Assert.All(run.OutputCompilation.SyntaxTrees.SelectMany(t => t.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.BaseTypeDeclarationSyntax>()), type => Assert.True(type.Identifier.ValueText.Length <= 120));
    }

    [Fact]
    public void NestingBeyondTheParserLimitIsALocatedError()
    {
        var text = new string('[', 5000) + new string(']', 5000);
        var run = GeneratorHarness.Run(new SchemaInput("abyss.schema.json", text), new SchemaInput("bystander.schema.json", Good));
        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("FS0001", diagnostic.Id);
        Assert.Contains("nested more than", diagnostic.GetMessage());
        Assert.Contains("bystander.schema.json.g.cs", run.Sources.Keys);
    }

    [Fact]
    public void TenMegabyteSchema()
    {
        var description = new string('x', 4_000) + " </summary> */ \\\"\\\"\\\" ";
        var properties = string.Join(",", Enumerable.Range(0, 2_500).Select(i => $"\"p{i}\":{{\"type\":\"string\",\"description\":\"{description}\"}}"));
        var schema = "{\"title\":\"Big\",\"type\":\"object\",\"properties\":{" + properties + "}}";
        Assert.True(schema.Length > 10_000_000);

        var run = GeneratorHarness.Run(new SchemaInput("big.schema.json", schema));
        Assert.Empty(run.GeneratorDiagnostics.Select(GeneratorHarness.Describe));
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Fact]
    public void TheGeneratorHonoursCancellation()
    {
        var properties = string.Join(",", Enumerable.Range(0, 3_000).Select(i => $"\"p{i}\":{{\"type\":\"string\"}}"));
        var driver = GeneratorHarness.CreateDriver(new[] { new SchemaInput("big.schema.json", "{\"title\":\"Big\",\"type\":\"object\",\"properties\":{" + properties + "}}") });
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => driver.RunGenerators(GeneratorHarness.CreateCompilation(), cancelled.Token));
    }

    /// <summary>No generator exception; any FS error is located in the expected file; otherwise the output compiles.</summary>
    internal static void AssertSafe(GeneratorRun run, string? file)
    {
        var described = run.GeneratorDiagnostics.Select(GeneratorHarness.Describe).ToList();
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is "CS8784" or "CS8785" or "FS0012");
        var errors = run.GeneratorDiagnostics.Where(d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error).ToList();
        foreach (var error in errors)
        {
            Assert.True(error.Location.IsInSource || error.Location.Kind == LocationKind.ExternalFile, $"unlocated: {GeneratorHarness.Describe(error)}");
            if (file is not null)
            {
                Assert.Equal(GeneratorHarness.FullPath(file), error.Location.GetLineSpan().Path);
            }
        }

        Assert.All(run.GeneratorDiagnostics.Where(d => d.Id.StartsWith("FS", StringComparison.Ordinal)), d => Assert.Equal(LocationKind.ExternalFile, d.Location.Kind));

        // Output compiles whether or not the schema had errors (an error fails the build, not the compiler).
        Assert.True(run.CompilationDiagnostics.Count == 0, string.Join("\n", run.CompilationDiagnostics.Select(d => d.ToString()).Take(10).Concat(described.Take(10))));
    }
}
