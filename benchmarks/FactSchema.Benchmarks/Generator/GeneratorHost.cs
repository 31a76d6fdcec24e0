using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using FactSchema.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace FactSchema.Benchmarks.Generator;

/// <summary>
/// Runs the real <see cref="FactSchemaGenerator"/> in memory, as the compiler does: schema files as additional texts
/// with the options MSBuild would pass (FactSchemaItem metadata, RootNamespace, ProjectDir), over a small C#
/// compilation that references the running runtime's assemblies and the FactSchema runtime.
/// </summary>
public static class GeneratorHost
{
    /// <summary>The project directory the in-memory files live in.</summary>
    public const string ProjectDirectory = "/project/";

    /// <summary>The consumer's code before any edit.</summary>
    public const string ConsumerSource = """
        namespace Consumer;

        public static class Program
        {
            public static int Main() => 0;
        }
        """;

    /// <summary>The C# edit: a new file, as when a developer adds a class.</summary>
    public const string EditedSource = """
        namespace Consumer;

        public sealed class AddedByEdit
        {
            public int Count { get; set; }

            public override string ToString() => "added " + Count;
        }
        """;

    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(CreateReferences);

    /// <summary>Parse options of the consumer: the latest C#.</summary>
    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    /// <summary>The runtime's assemblies (implementation assemblies of the running .NET) plus the FactSchema runtime.</summary>
    public static ImmutableArray<MetadataReference> References => s_references.Value;

    /// <summary>Makes the consumer compilation (nullable on, as in this repository).</summary>
    /// <returns>The compilation.</returns>
    public static CSharpCompilation CreateCompilation()
        => CSharpCompilation.Create(
            "Consumer",
            new[] { CSharpSyntaxTree.ParseText(ConsumerSource, ParseOptions, path: ProjectDirectory + "Program.cs") },
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>Parses <see cref="EditedSource"/> as a new file of the project.</summary>
    /// <returns>The syntax tree.</returns>
    public static SyntaxTree ParseEdit() => CSharpSyntaxTree.ParseText(EditedSource, ParseOptions, path: ProjectDirectory + "AddedByEdit.cs");

    /// <summary>Wraps schema files as the additional texts the compiler would pass.</summary>
    /// <param name="files">The files.</param>
    /// <returns>The texts.</returns>
    public static ImmutableArray<AdditionalText> ToAdditionalTexts(IEnumerable<SchemaFile> files)
        => files.Select(file => (AdditionalText)new InMemoryText(ProjectDirectory + file.Path, file.Text)).ToImmutableArray();

    /// <summary>Makes one additional text.</summary>
    /// <param name="file">The file.</param>
    /// <returns>The text.</returns>
    public static AdditionalText ToAdditionalText(SchemaFile file) => new InMemoryText(ProjectDirectory + file.Path, file.Text);

    /// <summary>Makes a fresh driver with the generator and the given schema files.</summary>
    /// <param name="texts">The schema files.</param>
    /// <param name="trackSteps">Whether to record each pipeline step's outputs (for the incrementality report; costs time).</param>
    /// <param name="namespacePerFile">Whether each file gets a namespace of its own (named after the file), as unrelated schemas of one project would.</param>
    /// <returns>The driver, not yet run.</returns>
    public static GeneratorDriver CreateDriver(ImmutableArray<AdditionalText> texts, bool trackSteps = false, bool namespacePerFile = false)
        => CSharpGeneratorDriver.Create(
            new[] { new FactSchemaGenerator().AsSourceGenerator() },
            texts,
            ParseOptions,
            namespacePerFile ? OptionsProvider.NamespacePerFile : OptionsProvider.Instance,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>Runs a driver and fails if the generator failed on a file (FS0012) or was not able to run (CS8785); other diagnostics are the schemas' own.</summary>
    /// <param name="driver">The driver.</param>
    /// <param name="compilation">The compilation.</param>
    /// <param name="schemaCount">How many schema files the driver holds.</param>
    /// <returns>The driver after the run, and how many files it generated for the schemas.</returns>
    /// <exception cref="InvalidOperationException">The generator failed.</exception>
    public static (GeneratorDriver Driver, int Files) RunWithoutFailure(GeneratorDriver driver, Compilation compilation, int schemaCount)
    {
        driver = driver.RunGenerators(compilation, CancellationToken.None);
        var result = driver.GetRunResult();
        var failures = result.Diagnostics.Where(d => d.Id is "FS0012" or "CS8785").ToList();
        if (failures.Count > 0)
        {
            throw new InvalidOperationException("The generator failed: " + string.Join(Environment.NewLine, failures.Take(10)));
        }

        var files = result.Results.SelectMany(r => r.GeneratedSources).Count(s => s.HintName.EndsWith(".schema.json.g.cs", StringComparison.Ordinal));
        if (files == 0 && schemaCount > 0)
        {
            throw new InvalidOperationException($"The generator made no file for {schemaCount} schemas.");
        }

        return (driver, files);
    }

    /// <summary>Runs a driver and fails unless the generator produced one file per schema and no error.</summary>
    /// <param name="driver">The driver.</param>
    /// <param name="compilation">The compilation.</param>
    /// <param name="schemaCount">How many schema files the driver holds.</param>
    /// <returns>The driver after the run.</returns>
    /// <exception cref="InvalidOperationException">The generator reported an error or a file is missing.</exception>
    public static GeneratorDriver RunChecked(GeneratorDriver driver, Compilation compilation, int schemaCount)
    {
        driver = driver.RunGenerators(compilation, CancellationToken.None);
        var result = driver.GetRunResult();
        var errors = result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The generator reported: " + string.Join(Environment.NewLine, errors.Take(10)));
        }

        var schemaSources = result.Results.SelectMany(r => r.GeneratedSources).Count(s => s.HintName.EndsWith(".schema.json.g.cs", StringComparison.Ordinal));
        if (schemaSources != schemaCount)
        {
            throw new InvalidOperationException($"Expected {schemaCount} generated files, one per schema, but the generator made {schemaSources}.");
        }

        return driver;
    }

    private static ImmutableArray<MetadataReference> CreateReferences()
    {
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var trusted = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => string.Equals(Path.GetDirectoryName(path), runtimeDirectory, StringComparison.Ordinal))
            .OrderBy(path => path, StringComparer.Ordinal);
        return trusted
            .Append(typeof(FactSchema.Serialization.FactSchemaReader).Assembly.Location)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }

    private sealed class InMemoryText : AdditionalText
    {
        private readonly SourceText _text;

        public InMemoryText(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text, Encoding.UTF8);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    /// <summary>The options MSBuild gives a FactSchema consumer: every schema is a FactSchema item.</summary>
    private sealed class OptionsProvider : AnalyzerConfigOptionsProvider
    {
        public static readonly OptionsProvider Instance = new(namespacePerFile: false);

        public static readonly OptionsProvider NamespacePerFile = new(namespacePerFile: true);

        private readonly bool _namespacePerFile;

        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Options> _perFile = new(StringComparer.Ordinal);

        private OptionsProvider(bool namespacePerFile) => _namespacePerFile = namespacePerFile;

        private static readonly Options s_item = new(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["build_metadata.AdditionalFiles.FactSchemaItem"] = "true",
        });

        private static readonly Options s_none = new(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["build_property.RootNamespace"] = "Consumer.Schemas",
            ["build_property.ProjectDir"] = ProjectDirectory,
        });

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => s_none;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
            => _namespacePerFile ? _perFile.GetOrAdd(textFile.Path, static path => new Options(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["build_metadata.AdditionalFiles.FactSchemaItem"] = "true",
                ["build_metadata.AdditionalFiles.FactSchemaNamespace"] = "Consumer.Schemas." + NamespaceSegment(System.IO.Path.GetFileName(path)),
            })) : s_item;

        private static string NamespaceSegment(string fileName)
        {
            var name = fileName.EndsWith(".schema.json", StringComparison.Ordinal) ? fileName[..^".schema.json".Length] : fileName;
            var segment = new StringBuilder("S_");
            foreach (var c in name)
            {
                segment.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
            }

            return segment.ToString();
        }
    }

    private sealed class Options : AnalyzerConfigOptions
    {
        private readonly Dictionary<string, string> _values;

        public Options(Dictionary<string, string> values) => _values = values;

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
