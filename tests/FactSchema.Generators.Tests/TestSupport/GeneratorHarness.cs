using System.Collections.Immutable;
using System.Text;
using System.Threading;
using FactSchema.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace FactSchema.Generators.Tests.TestSupport;

/// <summary>A schema file for an in-memory generator run, with optional item metadata.</summary>
public sealed record SchemaInput(string Path, string Text, string? Namespace = null, string? TypeName = null, IReadOnlyDictionary<string, string>? Metadata = null);

/// <summary>The outcome of one generator run.</summary>
public sealed record GeneratorRun(
    GeneratorDriver Driver,
    GeneratorDriverRunResult Result,
    Compilation OutputCompilation,
    ImmutableArray<Diagnostic> GeneratorDiagnostics)
{
    /// <summary>Generated sources by hint name.</summary>
    public IReadOnlyDictionary<string, string> Sources => Result.Results
        .SelectMany(r => r.GeneratedSources)
        .ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);

    /// <summary>Errors and warnings of compiling the generated code (generator diagnostics excluded).</summary>
    public IReadOnlyList<Diagnostic> CompilationDiagnostics => OutputCompilation.GetDiagnostics()
        .Where(d => d.Severity >= DiagnosticSeverity.Warning)
        .ToList();
}

/// <summary>Runs the real generator in memory, the way the compiler does, with step tracking on.</summary>
public static class GeneratorHarness
{
    public const string ProjectDirectory = "/project/";

    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(() =>
        Basic.Reference.Assemblies.Net100.References.All
            .Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(FactSchema.Serialization.FactSchemaReader).Assembly.Location))
            .ToImmutableArray());

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    /// <summary>The strictest settings a consumer might use: nullable on, every warning an error.</summary>
    public static CSharpCompilationOptions StrictOptions { get; } = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
        .WithNullableContextOptions(NullableContextOptions.Enable)
        .WithGeneralDiagnosticOption(ReportDiagnostic.Error)
        .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
        {
            // Assembly-version unification notes from the reference set, not from our code.
            ["CS1701"] = ReportDiagnostic.Suppress,
            ["CS1702"] = ReportDiagnostic.Suppress,
        });

    public static CSharpCompilation CreateCompilation(IEnumerable<string>? csharpSources = null, CSharpCompilationOptions? options = null)
        => CSharpCompilation.Create(
            "Consumer",
            (csharpSources ?? Array.Empty<string>()).Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"Source{i}.cs")),
            s_references.Value,
            options ?? StrictOptions);

    public static GeneratorDriver CreateDriver(IEnumerable<SchemaInput> schemas, IDictionary<string, string>? globalOptions = null)
        => CreateDriver(schemas, out _, globalOptions);

    public static GeneratorDriver CreateDriver(IEnumerable<SchemaInput> schemas, out ImmutableArray<AdditionalText> texts, IDictionary<string, string>? globalOptions = null)
    {
        texts = schemas.Select(s => (AdditionalText)new InMemoryAdditionalText(FullPath(s.Path), s.Text)).ToImmutableArray();
        var options = new TestOptionsProvider(schemas.ToDictionary(s => FullPath(s.Path)), globalOptions);
        return CSharpGeneratorDriver.Create(
            new[] { new FactSchemaGenerator().AsSourceGenerator() },
            texts,
            ParseOptions,
            options,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    public static GeneratorRun Run(params SchemaInput[] schemas) => Run(schemas, csharpSources: null);

    public static GeneratorRun Run(IEnumerable<SchemaInput> schemas, IEnumerable<string>? csharpSources, IDictionary<string, string>? globalOptions = null, CSharpCompilationOptions? options = null)
    {
        var driver = CreateDriver(schemas, globalOptions);
        return RunDriver(driver, CreateCompilation(csharpSources, options));
    }

    public static GeneratorRun RunDriver(GeneratorDriver driver, Compilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics, CancellationToken.None);
        return new GeneratorRun(driver, driver.GetRunResult(), output, diagnostics);
    }

    public static string FullPath(string relative) => relative.StartsWith("/", StringComparison.Ordinal) ? relative : ProjectDirectory + relative;

    /// <summary>"FS0004 (12,5): message" lines for snapshots and assertions.</summary>
    public static string Describe(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        var file = span.Path.Length == 0 ? string.Empty : System.IO.Path.GetFileName(span.Path) + " ";
        return $"{diagnostic.Id} {file}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
    }

    /// <summary>An additional text as the compiler would pass it (used to replace one between runs).</summary>
    public static AdditionalText CreateText(string path, string text) => new InMemoryAdditionalText(FullPath(path), text);

    private sealed class InMemoryAdditionalText : AdditionalText
    {
        private readonly SourceText _text;

        public InMemoryAdditionalText(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text, Encoding.UTF8);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class TestOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly IReadOnlyDictionary<string, SchemaInput> _files;

        public TestOptionsProvider(IReadOnlyDictionary<string, SchemaInput> files, IDictionary<string, string>? global)
        {
            _files = files;
            var globals = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["build_property.RootNamespace"] = "Consumer.Schemas",
                ["build_property.ProjectDir"] = ProjectDirectory,
            };
            foreach (var pair in global ?? new Dictionary<string, string>())
            {
                globals[pair.Key] = pair.Value;
            }

            GlobalOptions = new DictionaryOptions(globals);
        }

        public override AnalyzerConfigOptions GlobalOptions { get; }

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => DictionaryOptions.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
        {
            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (_files.TryGetValue(textFile.Path, out var input))
            {
                if (input.Namespace is not null)
                {
                    values["build_metadata.AdditionalFiles.FactSchemaNamespace"] = input.Namespace;
                }

                if (input.TypeName is not null)
                {
                    values["build_metadata.AdditionalFiles.FactSchemaTypeName"] = input.TypeName;
                }

                foreach (var pair in input.Metadata ?? new Dictionary<string, string>())
                {
                    values["build_metadata.AdditionalFiles." + pair.Key] = pair.Value;
                }
            }

            return new DictionaryOptions(values);
        }
    }

    private sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        public static readonly DictionaryOptions Empty = new(new Dictionary<string, string>());

        private readonly IReadOnlyDictionary<string, string> _values;

        public DictionaryOptions(IReadOnlyDictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, out string value)
        {
            if (_values.TryGetValue(key, out var found))
            {
                value = found;
                return true;
            }

            value = string.Empty;
            return false;
        }
    }
}
