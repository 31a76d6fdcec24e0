using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using FactSchema.Benchmarks.RealWorld;
using Json.Schema;

namespace FactSchema.Benchmarks;

/// <summary>
/// Validation on schemas no one here wrote: each operation validates every valid document the SchemaStore catalog has
/// for one schema (<see cref="SchemaStoreSuite"/>). FactSchema's generated <c>IsValidJson</c> from the bytes, against
/// JsonSchema.Net from the same bytes (parse with <see cref="JsonDocument"/> included; the baseline) and from documents
/// already parsed in the setup (its evaluation alone).
/// </summary>
/// <remarks>
/// Both sides read the schema as written, with formats as annotations (FactSchema's default for a project's schema, and
/// JsonSchema.Net's). The schemas its <c>$ref</c>s reach in the catalog are given to both: as files of the same project to
/// the generator, registered by their ids for JsonSchema.Net. The setup checks that all three columns accept every document,
/// so no column is fast by refusing early.
/// </remarks>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByParams)]
public class RealWorldValidationBenchmarks
{
    private static readonly JsonDocumentOptions s_documentOptions = new() { MaxDepth = 64 };
    private static readonly EvaluationOptions s_flag = new() { OutputFormat = OutputFormat.Flag };

    private static readonly Lazy<bool> s_draft04AsDraft06 = new(() =>
    {
        DialectRegistry.Global.Register(Dialect.Draft06.With([], new Uri("http://json-schema.org/draft-04/schema#")));
        DialectRegistry.Global.Register(Dialect.Draft06.With([], new Uri("http://json-schema.org/draft-04/schema")));
        return true;
    });

    private RealWorldSchema _suite = null!;
    private byte[][] _documents = [];
    private JsonDocument[] _parsed = [];
    private SpanValidator _isValidJson = null!;
    private JsonSchema _schema = null!;

    /// <summary>The catalog schema (<see cref="SchemaStoreSuite.Names"/>).</summary>
    [ParamsSource(nameof(Schemas))]
    public string Schema { get; set; } = "package";

    /// <summary>The suite's schemas (none, and a message, without the catalog copy).</summary>
    public static IEnumerable<string> Schemas => SchemaStoreSuite.Selected();

    /// <summary>Loads the schema and its documents, compiles the generated validator, builds JsonSchema.Net's, and checks they agree.</summary>
    /// <exception cref="InvalidOperationException">A column rejects a valid document.</exception>
    [GlobalSetup]
    public void Setup()
    {
        _suite = SchemaStoreSuite.Load(Schema);
        _documents = [.. _suite.Documents];
        _parsed = _documents.Select(d => JsonDocument.Parse(d, s_documentOptions)).ToArray();
        _isValidJson = RealWorldCompiler.Compile(_suite).IsValidJson;
        _schema = BuildJsonSchemaNet(_suite);
        var disagreement = Disagreement(_suite, _isValidJson, _schema);
        if (disagreement is not null)
        {
            throw new InvalidOperationException(disagreement);
        }

        // The generated validators of a large schema are large methods, and JsonSchema.Net's keyword code is many: the
        // JIT takes seconds to move them all to optimized code (tier 1), longer than a short job's warm-up. Run every
        // workload until that is done, so that each column measures steady state, not the JIT (issue 16: a short run
        // of popxf measured 11 ms where the steady state is 2 ms).
        var sink = 0;
        var warm = System.Diagnostics.Stopwatch.StartNew();
        while (warm.Elapsed < WarmUpTime)
        {
            sink += JsonSchemaNetFromBytes() + JsonSchemaNetFromElement() + FactSchemaIsValidJson();
        }

        GC.KeepAlive(sink);
        GC.Collect();
        GC.WaitForPendingFinalizers();
    }

    /// <summary>How long the setup runs the workloads before BenchmarkDotNet's own warm-up.</summary>
    private static readonly TimeSpan WarmUpTime = TimeSpan.FromSeconds(5);

    /// <summary>Releases the parsed documents.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var document in _parsed)
        {
            document.Dispose();
        }
    }

    /// <summary>JsonSchema.Net from the bytes: parse each document, evaluate with flag output.</summary>
    /// <returns>How many documents are valid.</returns>
    [Benchmark(Baseline = true)]
    public int JsonSchemaNetFromBytes()
    {
        var valid = 0;
        foreach (var utf8Json in _documents)
        {
            using var parsed = JsonDocument.Parse(utf8Json, s_documentOptions);
            valid += _schema.Evaluate(parsed.RootElement, s_flag).IsValid ? 1 : 0;
        }

        return valid;
    }

    /// <summary>JsonSchema.Net on documents parsed in the setup: its evaluation alone.</summary>
    /// <returns>How many documents are valid.</returns>
    [Benchmark]
    public int JsonSchemaNetFromElement()
    {
        var valid = 0;
        foreach (var parsed in _parsed)
        {
            valid += _schema.Evaluate(parsed.RootElement, s_flag).IsValid ? 1 : 0;
        }

        return valid;
    }

    /// <summary>FactSchema: the generated <c>RootSchema.IsValidJson(bytes)</c> of each document.</summary>
    /// <returns>How many documents are valid.</returns>
    [Benchmark]
    public int FactSchemaIsValidJson()
    {
        var valid = 0;
        foreach (var utf8Json in _documents)
        {
            valid += _isValidJson(utf8Json) ? 1 : 0;
        }

        return valid;
    }

    /// <summary>JsonSchema.Net's schema for a suite entry, with the catalog schemas it reaches registered by their ids.</summary>
    /// <remarks>
    /// JsonSchema.Net has no draft-04 dialect; a draft-04 schema is read as draft-06, the nearest it has (draft-06 renamed
    /// <c>id</c> to <c>$id</c> and made the exclusive bounds numbers). The setup's agreement check guards the difference.
    /// </remarks>
    public static JsonSchema BuildJsonSchemaNet(RealWorldSchema suite)
    {
        ArgumentNullException.ThrowIfNull(suite);
        _ = s_draft04AsDraft06.Value;
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        var documentOptions = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 512 };
        foreach (var (_, text, id) in suite.Referenced)
        {
            var referenced = JsonSchema.FromText(text, options, new Uri(id), documentOptions);
            if (options.SchemaRegistry.Get(new Uri(id)) is null)
            {
                options.SchemaRegistry.Register(new Uri(id), referenced);
            }
        }

        var ids = SchemaStoreSuite.IdsAndReferences(suite.Text).Ids;
        return JsonSchema.FromText(suite.Text, options, ids.Count > 0 ? new Uri(ids[0]) : new Uri("https://json.schemastore.org/" + suite.Name + ".json"), documentOptions);
    }

    /// <summary>Which valid documents a column rejects (null where every column accepts every one).</summary>
    public static string? Disagreement(RealWorldSchema suite, SpanValidator isValidJson, JsonSchema schema)
    {
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(isValidJson);
        ArgumentNullException.ThrowIfNull(schema);
        var problems = new List<string>();
        for (var i = 0; i < suite.Documents.Count; i++)
        {
            bool factSchema;
            try
            {
                factSchema = isValidJson(suite.Documents[i]);
            }
            catch (JsonException)
            {
                factSchema = false;
            }

            string jsonSchemaNet;
            try
            {
                using var parsed = JsonDocument.Parse(suite.Documents[i], s_documentOptions);
                jsonSchemaNet = schema.Evaluate(parsed.RootElement, s_flag).IsValid ? "accepts" : "rejects";
            }
#pragma warning disable CA1031 // Whatever JsonSchema.Net throws on a schema (it has bugs of its own) rules the schema out of the suite.
            catch (Exception e)
#pragma warning restore CA1031
            {
                jsonSchemaNet = "throws " + e.GetType().Name;
            }

            if (!factSchema || jsonSchemaNet != "accepts")
            {
                problems.Add($"document {i}: FactSchema {(factSchema ? "accepts" : "rejects")}, JsonSchema.Net {jsonSchemaNet}");
            }
        }

        return problems.Count == 0 ? null : $"{suite.Name}: a valid document is rejected, so the comparison would mean nothing: " + string.Join("; ", problems);
    }
}
