using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Running;
using FactSchema.Benchmarks.Data;
using FactSchema.Benchmarks.Generator;
using FactSchema.Benchmarks.RealWorld;

namespace FactSchema.Benchmarks;

/// <summary>Entry point: BenchmarkDotNet's switcher, so any of its command-line options work, plus a few modes of our own.</summary>
/// <remarks>
/// From the repository root, always in Release (see benchmarks/README.md):
/// <code>
/// dotnet run -c Release --project benchmarks/FactSchema.Benchmarks -- --quick                     # quick mode: a few minutes
/// dotnet run -c Release --project benchmarks/FactSchema.Benchmarks -- --filter '*'                # everything, default job: slow
/// dotnet run -c Release --project benchmarks/FactSchema.Benchmarks -- --check                     # documents: sizes, validity, parity
/// dotnet run -c Release --project benchmarks/FactSchema.Benchmarks -- --incrementality            # generator re-runs, step by step
/// dotnet run -c Release --project benchmarks/FactSchema.Benchmarks -- --first-run 500             # generator's first run in a fresh process
/// dotnet run -c Release --project benchmarks/FactSchema.Benchmarks -- --first-run catalog         # the same over the SchemaStore catalog copy
/// dotnet run -c Release --project benchmarks/FactSchema.Benchmarks -- --real-world-check          # the SchemaStore suite: sizes, agreement
/// </code>
/// </remarks>
public static class Program
{
    /// <summary>Runs what the arguments select.</summary>
    /// <param name="args">Our modes (<c>--quick</c>, <c>--documents</c>, <c>--check</c>, <c>--incrementality</c>, <c>--first-run</c>) or BenchmarkDotNet arguments.</param>
    /// <returns>The process exit code.</returns>
    public static int Main(string[] args)
    {
        var rest = new List<string>(args);

        // --documents sample,1k: the documents the serialization benchmarks run over (inherited by BenchmarkDotNet's child processes).
        var documents = TakeOption(rest, "--documents");
        if (documents is not null)
        {
            Environment.SetEnvironmentVariable(BenchmarkDocuments.SelectionVariable, documents);
        }

        if (rest.Remove("--check"))
        {
            return Check();
        }

        if (rest.Remove("--real-world-check"))
        {
            return RealWorldCheck(rest.Count > 0 ? rest : null);
        }

        // BenchmarkDotNet's child processes run from their own folders: hand them the catalog copy this process found.
        if (SchemaStoreSuite.Directory is { } catalog && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("FACTSCHEMA_SHARED_DIR")))
        {
            Environment.SetEnvironmentVariable("FACTSCHEMA_SHARED_DIR", System.IO.Path.GetDirectoryName(catalog));
        }

        if (rest.Remove("--incrementality"))
        {
            Console.WriteLine(GeneratorIncrementality.FormatTable(new[] { 1, 50, 500 }));
            return 0;
        }

        if (TakeOption(rest, "--first-run") is { } count)
        {
            return count == "catalog" ? FirstRunOverCatalog() : FirstRun(int.Parse(count, CultureInfo.InvariantCulture));
        }

        if (rest.Remove("--quick"))
        {
            // Quick mode: BenchmarkDotNet's short job over everything, without the 100,000-fact document.
            if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(BenchmarkDocuments.SelectionVariable)))
            {
                Environment.SetEnvironmentVariable(BenchmarkDocuments.SelectionVariable, string.Join(",", BenchmarkDocuments.All.Where(d => d != BenchmarkDocuments.Facts100K)));
            }

            if (!rest.Contains("--job") && !rest.Contains("-j"))
            {
                rest.AddRange(new[] { "--job", "short" });
            }

            if (!rest.Contains("--filter") && !rest.Contains("-f"))
            {
                rest.AddRange(new[] { "--filter", "*" });
            }
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(rest.ToArray());
        return 0;
    }

    private static string? TakeOption(List<string> args, string name)
    {
        var at = args.IndexOf(name);
        if (at < 0 || at + 1 >= args.Count)
        {
            return null;
        }

        var value = args[at + 1];
        args.RemoveRange(at, 2);
        return value;
    }

    /// <summary>Sizes, schema validity and parity of every selected document.</summary>
    private static int Check()
    {
        var failures = 0;
        foreach (var name in BenchmarkDocuments.Selected())
        {
            var watch = Stopwatch.StartNew();
            var document = BenchmarkDocuments.Get(name);
            Console.WriteLine($"{name}: {document.Description}; {document.Utf8Json.Length:N0} bytes read, {document.CompactLength:N0} bytes written (made in {watch.Elapsed.TotalSeconds:N1} s)");
            if (document.Shape == DocumentShape.FactSet)
            {
                var facts = FactSchema.News.FactSet.Deserialize(document.Utf8Json, BenchmarkParity.FactSchemaReaderOptions);
                Console.WriteLine($"  {facts.Pledges.Count:N0} pledges, {facts.Quotes.Count:N0} quotes, {facts.Actors.Count:N0} actors, {facts.Sources.Count:N0} sources");
                var errors = StandardSchemaValidator.Validate(document.Utf8Json);
                Console.WriteLine(errors.Count == 0 ? "  valid against the standard schemas (JsonSchema.Net)" : $"  INVALID: {string.Join(Environment.NewLine + "    ", errors.Take(20))}");
                failures += errors.Count > 0 ? 1 : 0;
            }

            var mismatches = BenchmarkParity.FindMismatches(document);
            Console.WriteLine(mismatches.Count == 0 ? "  every serializer path writes the same JSON" : $"  MISMATCH: {string.Join(", ", mismatches)}");
            failures += mismatches.Count > 0 ? 1 : 0;
        }

        return failures == 0 ? 0 : 1;
    }

    /// <summary>
    /// The real-world suite, schema by schema: documents, bytes, the generated file's size, and whether FactSchema and
    /// JsonSchema.Net accept every valid document (names on the command line check other catalog schemas).
    /// </summary>
    private static int RealWorldCheck(IReadOnlyList<string>? names)
    {
        if (SchemaStoreSuite.Absent is { } absent)
        {
            Console.WriteLine(absent);
            return 0;
        }

        var failures = 0;
        Console.WriteLine("| schema | draft | documents | bytes | schemas reached | generated lines | generated bytes | verdict |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var name in names ?? SchemaStoreSuite.Selected())
        {
            var suite = SchemaStoreSuite.Load(name);
            string verdict;
            var lines = "-";
            var bytes = "-";
            try
            {
                var compiled = RealWorldCompiler.Compile(suite);
                (lines, bytes) = (compiled.GeneratedLines.ToString("N0", CultureInfo.InvariantCulture), compiled.GeneratedBytes.ToString("N0", CultureInfo.InvariantCulture));
                verdict = RealWorldValidationBenchmarks.Disagreement(suite, compiled.IsValidJson, RealWorldValidationBenchmarks.BuildJsonSchemaNet(suite)) ?? "both accept every document";
            }
            catch (Exception e) when (e is InvalidOperationException or System.Text.Json.JsonException or ArgumentException or Json.Schema.JsonSchemaException or NotSupportedException)
            {
                verdict = e.GetType().Name + ": " + e.Message;
            }

            failures += verdict.StartsWith("both", StringComparison.Ordinal) ? 0 : 1;
            var draft = System.Text.RegularExpressions.Regex.Match(suite.Text, "\"\\$schema\"\\s*:\\s*\"[^\"]*?(draft-0\\d|20\\d\\d-\\d\\d)").Groups[1].Value;
            Console.WriteLine($"| {name} | {draft} | {suite.Documents.Count} | {suite.DocumentBytes:N0} | {suite.Referenced.Count} | {lines} | {bytes} | {verdict.ReplaceLineEndings(" ")} |");
        }

        return failures == 0 ? 0 : 1;
    }

    /// <summary>The generator's first and second cold runs over the SchemaStore catalog copy, in this (fresh) process.</summary>
    private static int FirstRunOverCatalog()
    {
        if (SchemaStoreSuite.Absent is { } absent)
        {
            Console.WriteLine(absent);
            return 1;
        }

        var files = SchemaStoreGeneratorBenchmarks.Load();
        var texts = GeneratorHost.ToAdditionalTexts(files);
        var compilation = GeneratorHost.CreateCompilation();
        var watch = Stopwatch.StartNew();
        var (_, generated) = GeneratorHost.RunWithoutFailure(GeneratorHost.CreateDriver(texts, namespacePerFile: true), compilation, files.Count);
        var first = watch.Elapsed;
        watch.Restart();
        GeneratorHost.RunWithoutFailure(GeneratorHost.CreateDriver(texts, namespacePerFile: true), compilation, files.Count);
        var second = watch.Elapsed;
        Console.WriteLine($"{files.Count} catalog schemas ({generated} generated files): first cold run {first.TotalMilliseconds:N0} ms (JIT included), second cold run {second.TotalMilliseconds:N0} ms");
        return 0;
    }

    /// <summary>The generator's first and second cold runs in this (fresh) process: the first includes JIT compilation.</summary>
    private static int FirstRun(int schemaCount)
    {
        var texts = GeneratorHost.ToAdditionalTexts(SyntheticSchemas.Create(schemaCount));
        var compilation = GeneratorHost.CreateCompilation();
        var watch = Stopwatch.StartNew();
        GeneratorHost.RunChecked(GeneratorHost.CreateDriver(texts), compilation, schemaCount);
        var first = watch.Elapsed;
        watch.Restart();
        GeneratorHost.RunChecked(GeneratorHost.CreateDriver(texts), compilation, schemaCount);
        var second = watch.Elapsed;
        Console.WriteLine($"{schemaCount} schemas: first cold run {first.TotalMilliseconds:N0} ms (JIT included), second cold run {second.TotalMilliseconds:N0} ms");
        return 0;
    }
}
