using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using FactSchema.Benchmarks.Generator;
using FactSchema.Benchmarks.RealWorld;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FactSchema.Benchmarks;

/// <summary>
/// The generator over real schemas at their real sizes: every schema of the SchemaStore catalog copy
/// (<see cref="SchemaStoreSuite.Directory"/>) as one project, each file in a namespace of its own, so references between
/// catalog schemas by <c>$id</c> resolve inside the project as they would in a user's. Beside <see cref="GeneratorBenchmarks"/>,
/// whose synthetic files are all alike. Without the catalog copy there is nothing to run (and the parameter list is empty).
/// </summary>
[MemoryDiagnoser]
public class SchemaStoreGeneratorBenchmarks
{
    private ImmutableArray<AdditionalText> _texts;
    private CSharpCompilation _compilation = null!;
    private GeneratorDriver _warmDriver = null!;
    private AdditionalText _editTarget = null!;
    private AdditionalText _edited = null!;

    /// <summary>The batch: the whole catalog copy.</summary>
    [ParamsSource(nameof(Batches))]
    public string Batch { get; set; } = "catalog";

    /// <summary>"catalog" where the copy is found, else nothing.</summary>
    public static IEnumerable<string> Batches => SchemaStoreSuite.Directory is null ? [] : ["catalog"];

    /// <summary>Reads the catalog, runs the generator once (checking it failed on no file), and prepares a one-file edit.</summary>
    /// <exception cref="InvalidOperationException">The catalog copy is absent or the generator failed.</exception>
    [GlobalSetup]
    public void Setup()
    {
        var files = Load();
        _texts = GeneratorHost.ToAdditionalTexts(files);
        _compilation = GeneratorHost.CreateCompilation();
        var (driver, generated) = GeneratorHost.RunWithoutFailure(CreateDriver(), _compilation, files.Count);
        _warmDriver = driver;
        Console.WriteLine($"// {files.Count} catalog schemas, {files.Sum(f => (long)f.Text.Length):N0} characters; {generated} generated schema files");

        // The edit: the middle file gains a root "$comment" (its text changes, its types do not), as a save in the IDE would.
        var target = files[files.Count / 2];
        _editTarget = _texts.Single(text => text.Path == GeneratorHost.ProjectDirectory + target.Path);
        _edited = GeneratorHost.ToAdditionalText(target with { Text = AddComment(target.Text) });
        GeneratorHost.RunWithoutFailure(_warmDriver.ReplaceAdditionalText(_editTarget, _edited), _compilation, files.Count);
    }

    /// <summary>A new driver's first run over the whole catalog.</summary>
    /// <returns>The driver after the run.</returns>
    [Benchmark]
    public GeneratorDriver ColdRun() => CreateDriver().RunGenerators(_compilation);

    /// <summary>The warm driver re-run after one catalog schema changed.</summary>
    /// <returns>The driver after the run.</returns>
    [Benchmark]
    public GeneratorDriver RerunAfterSchemaEdit() => _warmDriver.ReplaceAdditionalText(_editTarget, _edited).RunGenerators(_compilation);

    /// <summary>
    /// Every catalog schema as a project file <c>catalog/&lt;name&gt;.schema.json</c>, in name order; only those
    /// <see cref="SchemaStoreSuite.SelectionVariable"/> names where it is set (to profile one schema).
    /// </summary>
    /// <exception cref="InvalidOperationException">The catalog copy is absent.</exception>
    public static IReadOnlyList<SchemaFile> Load()
    {
        var root = SchemaStoreSuite.Directory ?? throw new InvalidOperationException(SchemaStoreSuite.Absent);
        return Directory.GetFiles(Path.Combine(root, "schemas"), "*.json")
            .OrderBy(path => path, StringComparer.Ordinal)
            .Where(path => Environment.GetEnvironmentVariable(SchemaStoreSuite.SelectionVariable) is not { Length: > 0 } only || only.Split(',').Contains(Path.GetFileNameWithoutExtension(path)))
            .Select(path => new SchemaFile("catalog/" + Path.GetFileNameWithoutExtension(path) + ".schema.json", File.ReadAllText(path)))
            .ToList();
    }

    private GeneratorDriver CreateDriver() => GeneratorHost.CreateDriver(_texts, namespacePerFile: true);

    private static string AddComment(string text)
    {
        var at = text.IndexOf('{', StringComparison.Ordinal);
        return at < 0 ? text + " " : string.Concat(text.AsSpan(0, at + 1), "\n  \"$comment\": \"edited\",", text.AsSpan(at + 1));
    }
}
