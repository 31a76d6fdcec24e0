using System.Collections.Immutable;
using System.Linq;
using BenchmarkDotNet.Attributes;
using FactSchema.Benchmarks.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FactSchema.Benchmarks;

/// <summary>
/// The generator itself, driven by <see cref="CSharpGeneratorDriver"/> as the compiler drives it, over 1, 50 and 500
/// schema files (<see cref="SyntheticSchemas"/>): a cold run with a new driver, and re-runs of a driver that has
/// already run once, after editing one schema and after adding a C# file. Step tracking is off, as in the compiler.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private ImmutableArray<AdditionalText> _texts;
    private CSharpCompilation _compilation = null!;
    private GeneratorDriver _warmDriver = null!;
    private AdditionalText _editTarget = null!;
    private SchemaFile _editedFile = null!;
    private SyntaxTree _csharpEdit = null!;

    /// <summary>Number of schema files in the project.</summary>
    [Params(1, 50, 500)]
    public int Schemas { get; set; }

    /// <summary>Makes the files and the compilation and runs the generator once (checking its output).</summary>
    [GlobalSetup]
    public void Setup()
    {
        var files = SyntheticSchemas.Create(Schemas);
        _texts = GeneratorHost.ToAdditionalTexts(files);
        _compilation = GeneratorHost.CreateCompilation();
        _warmDriver = GeneratorHost.RunChecked(GeneratorHost.CreateDriver(_texts), _compilation, Schemas);

        var edited = files[Schemas / 2];
        _editTarget = _texts.Single(text => text.Path == GeneratorHost.ProjectDirectory + edited.Path);
        _editedFile = edited with { Text = SyntheticSchemas.AddProperty(edited.Text, "addedByEdit") };
        GeneratorHost.RunChecked(_warmDriver.ReplaceAdditionalText(_editTarget, GeneratorHost.ToAdditionalText(_editedFile)), _compilation, Schemas);
        _csharpEdit = GeneratorHost.ParseEdit();
    }

    /// <summary>A new driver's first run: every schema parsed, named, mapped and emitted.</summary>
    /// <returns>The driver after the run.</returns>
    [Benchmark]
    public GeneratorDriver ColdRun() => GeneratorHost.CreateDriver(_texts).RunGenerators(_compilation);

    /// <summary>The warm driver re-run after one schema file changed (a property added).</summary>
    /// <returns>The driver after the run.</returns>
    [Benchmark]
    public GeneratorDriver RerunAfterSchemaEdit()
        => _warmDriver.ReplaceAdditionalText(_editTarget, GeneratorHost.ToAdditionalText(_editedFile)).RunGenerators(_compilation);

    /// <summary>The warm driver re-run on a new compilation with one more C# file, as after a keystroke in the IDE.</summary>
    /// <returns>The driver after the run.</returns>
    [Benchmark]
    public GeneratorDriver RerunAfterCSharpEdit() => _warmDriver.RunGenerators(_compilation.AddSyntaxTrees(_csharpEdit));
}
