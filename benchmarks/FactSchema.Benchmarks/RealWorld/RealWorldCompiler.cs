using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Runtime.Loader;
using System.Threading;
using FactSchema.Benchmarks.Generator;
using FactSchema.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace FactSchema.Benchmarks.RealWorld;

/// <summary>A generated <c>IsValidJson(ReadOnlySpan&lt;byte&gt;)</c>, called without reflection once bound.</summary>
/// <param name="utf8Json">The document.</param>
/// <returns>Whether it is valid.</returns>
public delegate bool SpanValidator(ReadOnlySpan<byte> utf8Json);

/// <summary>The generated code of one real-world schema, compiled in memory and loaded.</summary>
/// <param name="IsValidJson">The root schema class's <c>IsValidJson</c>.</param>
/// <param name="GeneratedLines">Lines of generated code for the schema itself (its own file, not the schemas it reaches).</param>
/// <param name="GeneratedBytes">UTF-8 bytes of that file.</param>
public sealed record CompiledSchema(SpanValidator IsValidJson, int GeneratedLines, long GeneratedBytes);

/// <summary>
/// Runs the real generator over a real-world schema and the catalog schemas it reaches, as a new user's project would
/// (one schema file each, no settings but a namespace per file), compiles the output optimized (Release), and loads it.
/// </summary>
public static class RealWorldCompiler
{
    private const string RootNamespace = "RealWorld.Root";

    /// <summary>Compiles <paramref name="schema"/>; the generator's and the compiler's errors are an exception.</summary>
    /// <exception cref="InvalidOperationException">The generated code does not build, or has no validator for the root.</exception>
    public static CompiledSchema Compile(RealWorldSchema schema)
    {
        var files = new List<(string Path, string Text, string Namespace)> { ("schemas/root.schema.json", schema.Text, RootNamespace) };
        for (var i = 0; i < schema.Referenced.Count; i++)
        {
            files.Add(($"schemas/s{i + 1}.schema.json", schema.Referenced[i].Text, "RealWorld.S" + (i + 1)));
        }

        var texts = files.Select(f => (AdditionalText)new Text(GeneratorHost.ProjectDirectory + f.Path, f.Text)).ToImmutableArray();
        var options = new OptionsProvider(files.ToDictionary(f => GeneratorHost.ProjectDirectory + f.Path, f => f.Namespace, StringComparer.Ordinal));
        var compilation = CSharpCompilation.Create(
            "RealWorld_" + schema.Name.Replace('-', '_').Replace('.', '_'),
            [],
            GeneratorHost.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release, nullableContextOptions: NullableContextOptions.Enable));
        var driver = CSharpGeneratorDriver.Create([new FactSchemaGenerator().AsSourceGenerator()], texts, GeneratorHost.ParseOptions, options);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics, CancellationToken.None);
        // A $ref to a schema the catalog copy does not hold is FS0004 and fails closed where a document reaches it (the
        // agreement check sees that); what must not happen is C# that does not build, or the generator giving up.
        var errors = generatorDiagnostics.Where(d => d.Id == "FS0012").Concat(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error)).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"{schema.Name}: the generated code does not build: " + string.Join(Environment.NewLine, errors.Take(5)));
        }

        // FACTSCHEMA_BENCH_DUMP=<folder>: keep the generated files there, to read what a benchmark runs.
        if (Environment.GetEnvironmentVariable("FACTSCHEMA_BENCH_DUMP") is { Length: > 0 } dump)
        {
            var folder = Path.Combine(dump, schema.Name);
            Directory.CreateDirectory(folder);
            foreach (var tree in output.SyntaxTrees.Where(t => t.FilePath.Length > 0))
            {
                File.WriteAllText(Path.Combine(folder, Path.GetFileName(tree.FilePath)), tree.GetText().ToString());
            }
        }

        using var stream = new MemoryStream();
        var emitted = output.Emit(stream);
        if (!emitted.Success)
        {
            throw new InvalidOperationException($"{schema.Name}: emit failed: " + string.Join(Environment.NewLine, emitted.Diagnostics.Take(5)));
        }

        stream.Position = 0;
        var assembly = new AssemblyLoadContext("realworld-" + schema.Name).LoadFromStream(stream);
        var method = assembly.GetType(RootNamespace + ".RootSchema")?.GetMethod("IsValidJson", [typeof(ReadOnlySpan<byte>)])
            ?? throw new InvalidOperationException($"{schema.Name}: no RootSchema.IsValidJson(ReadOnlySpan<byte>) was generated.");
        var own = output.SyntaxTrees.Single(t => t.FilePath.EndsWith("root.schema.json.g.cs", StringComparison.Ordinal)).GetText();
        return new CompiledSchema(method.CreateDelegate<SpanValidator>(), own.Lines.Count, System.Text.Encoding.UTF8.GetByteCount(own.ToString()));
    }

    private sealed class Text(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text, System.Text.Encoding.UTF8);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class OptionsProvider(IReadOnlyDictionary<string, string> namespaces) : AnalyzerConfigOptionsProvider
    {
        private static readonly Options s_none = new(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["build_property.RootNamespace"] = "RealWorld",
            ["build_property.ProjectDir"] = GeneratorHost.ProjectDirectory,
        });

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => s_none;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Options(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["build_metadata.AdditionalFiles.FactSchemaItem"] = "true",
            ["build_metadata.AdditionalFiles.FactSchemaNamespace"] = namespaces[textFile.Path],
            ["build_metadata.AdditionalFiles.FactSchemaTypeName"] = "Root",
        });
    }

    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}
