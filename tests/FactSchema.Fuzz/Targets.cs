using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using FactSchema.Generators;
using FactSchema.News;
using FactSchema.Serialization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace FactSchema.Fuzz;

/// <summary>
/// The fuzz targets. Each takes arbitrary bytes; the documented failure is swallowed, anything else
/// escapes and is a finding (libFuzzer and AFL report it as a crash).
/// </summary>
internal static class Targets
{
    /// <summary>Generated readers: bytes are a fact set, or fail with FactSchemaJsonException; a value read must round-trip.</summary>
    public static void Reader(ReadOnlySpan<byte> input)
    {
        FactSet value;
        try
        {
            value = FactSet.Deserialize(input);
        }
        catch (FactSchemaJsonException)
        {
            return;
        }

        var again = FactSet.Deserialize(value.SerializeToUtf8Bytes());
        if (!again.Equals(value))
        {
            throw new InvalidOperationException("A fact set changed on a round trip.");
        }
    }

    private static readonly Lazy<MetadataReference[]> s_references = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(System.IO.Path.PathSeparator)
            .Where(p => p.EndsWith(".dll", StringComparison.Ordinal))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(FactSchemaReader).Assembly.Location))
            .ToArray());

    /// <summary>The generator: bytes are a schema file; the generator must not throw and its output must compile.</summary>
    public static void Generator(ReadOnlySpan<byte> input)
    {
        var text = Encoding.UTF8.GetString(input);
        var compilation = CSharpCompilation.Create("Fuzz", references: s_references.Value, options: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var driver = CSharpGeneratorDriver.Create(
            new[] { new FactSchemaGenerator().AsSourceGenerator() },
            ImmutableArray.Create<AdditionalText>(new Text("/fuzz/input.schema.json", text)),
            new CSharpParseOptions(LanguageVersion.Latest));
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics, CancellationToken.None);
        if (diagnostics.FirstOrDefault(d => d.Id is "CS8784" or "CS8785" or "FS0012") is { } crash)
        {
            throw new InvalidOperationException("The generator failed: " + crash);
        }

        if (output.GetDiagnostics().FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error) is { } error)
        {
            throw new InvalidOperationException("Generated code does not compile: " + error);
        }
    }

    private sealed class Text : AdditionalText
    {
        private readonly SourceText _text;

        public Text(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text, Encoding.UTF8);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
