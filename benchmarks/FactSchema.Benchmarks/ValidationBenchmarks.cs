using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using FactSchema.Benchmarks.Data;
using FactSchema.News;
using Json.Schema;

namespace FactSchema.Benchmarks;

/// <summary>
/// Validating a fact-set document against the standard fact-set schema (src/FactSchema/Schemas/fact-set.schema.json
/// and the four schemas it refers to): FactSchema's generated validators against an independent JSON Schema
/// 2020-12 implementation, JsonSchema.Net (the baseline), on the same UTF-8 bytes. Every column returns whether the
/// document is valid; the global setup checks that all four say so, and that all four reject the same document with
/// one pattern broken (so none of them is trivially "valid", e.g. through an unresolved <c>$ref</c>).
/// </summary>
/// <remarks>
/// <para>
/// Both sides do the same checks: types, <c>required</c>, <c>additionalProperties</c>, <c>const</c>, <c>enum</c>,
/// <c>pattern</c>, lengths, <c>minimum</c>, <c>minItems</c>, <c>uniqueItems</c> and <c>$ref</c>s across files.
/// <c>format</c> is an assertion for both: the standard vocabulary turns format assertion on (its dates and URIs are
/// part of the contract), so the generated validators check formats, and JsonSchema.Net is asked to as well
/// (<see cref="EvaluationOptions.RequireFormatValidation"/> on).
/// </para>
/// <para>
/// JsonSchema.Net cannot validate raw bytes: it evaluates a <see cref="JsonElement"/>, so parsing the document with
/// <see cref="JsonDocument"/> is part of its cost. Its schema objects are built once, in the global setup.
/// </para>
/// <para>
/// Documents: the sample fact set and the 1,000-fact one. Not the 100,000-fact one: it is 99.6 MB, over the
/// generated <c>IsValidJson</c>'s fixed 64 MB document limit (it takes no reader options). Not the deep one: it
/// is not a fact set.
/// </para>
/// </remarks>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByParams)]
public class ValidationBenchmarks
{
    /// <summary>Name of the JsonSchema.Net column (parse with <see cref="JsonDocument"/>, evaluate, flag output).</summary>
    public const string JsonSchemaNetPath = "JsonSchema.Net";

    /// <summary>Name of the column that calls the generated <c>FactSetSchema.IsValidJson</c>.</summary>
    public const string IsValidJsonPath = "FactSchema FactSetSchema.IsValidJson";

    /// <summary>Name of the column that calls the generated <c>FactSetSchema.ValidateJson</c>.</summary>
    public const string ValidateJsonPath = "FactSchema FactSetSchema.ValidateJson";

    /// <summary>Name of the column that calls <c>Validate()</c> on a deserialized <see cref="FactSet"/>.</summary>
    public const string TypedValidatePath = "FactSchema FactSet.Validate()";

    private static readonly JsonDocumentOptions s_documentOptions = new() { MaxDepth = 64 };

    // Flag output: only "valid or not", the cheapest JsonSchema.Net can do. Formats are asserted (see remarks).
    private static readonly EvaluationOptions s_flag = new() { OutputFormat = OutputFormat.Flag, RequireFormatValidation = true };

    private byte[] _utf8Json = Array.Empty<byte>();
    private JsonSchema _schema = null!;
    private FactSet _value = null!;

    /// <summary>Which document to validate: <c>sample</c> or <c>1k</c> (see <see cref="BenchmarkDocuments"/>).</summary>
    [ParamsSource(nameof(Documents))]
    public string Document { get; set; } = BenchmarkDocuments.Sample;

    /// <summary>The fact-set documents among those selected (<see cref="BenchmarkDocuments.SelectionVariable"/>), without 100k.</summary>
    public static IEnumerable<string> Documents
        => BenchmarkDocuments.Selected().Where(name => name is BenchmarkDocuments.Sample or BenchmarkDocuments.Facts1K);

    /// <summary>
    /// Loads the document, builds JsonSchema.Net's schemas and deserializes the typed value once, and checks that
    /// every column accepts the document and rejects a broken copy of it.
    /// </summary>
    /// <exception cref="InvalidOperationException">The columns disagree, so the comparison would be meaningless.</exception>
    [GlobalSetup]
    public void Setup()
    {
        var document = BenchmarkDocuments.Get(Document);
        _utf8Json = document.Utf8Json;
        _schema = StandardSchemaValidator.FactSetSchema;
        _value = FactSet.Deserialize(_utf8Json, BenchmarkParity.FactSchemaReaderOptions);
        EnsureAgreement(document.Name, _utf8Json);
    }

    /// <summary>JsonSchema.Net, the baseline: parse the bytes into a <see cref="JsonDocument"/>, evaluate the schema with flag output.</summary>
    /// <returns>Whether the document is valid.</returns>
    [Benchmark(Baseline = true)]
    public bool JsonSchemaNet()
    {
        using var parsed = JsonDocument.Parse(_utf8Json, s_documentOptions);
        return _schema.Evaluate(parsed.RootElement, s_flag).IsValid;
    }

    /// <summary>FactSchema: <c>FactSetSchema.IsValidJson(bytes)</c>, which stops at the first error and never allocates.</summary>
    /// <returns>Whether the document is valid.</returns>
    [Benchmark]
    public bool FactSchemaIsValidJson() => FactSetSchema.IsValidJson(_utf8Json);

    /// <summary>FactSchema: <c>FactSetSchema.ValidateJson(bytes)</c>, the full result (the shared <c>Valid</c> result for a valid document).</summary>
    /// <returns>Whether the document is valid.</returns>
    [Benchmark]
    public bool FactSchemaValidateJson() => FactSetSchema.ValidateJson(_utf8Json).IsValid;

    /// <summary>
    /// FactSchema: <c>Validate()</c> on a <see cref="FactSet"/> deserialized once in the setup: serializes the value
    /// into a pooled buffer (compact) and validates those bytes. MB/s counts the document as read, not as re-written.
    /// </summary>
    /// <returns>Whether the value is valid.</returns>
    [Benchmark]
    public bool FactSchemaTypedValidate() => _value.Validate().IsValid;

    /// <summary>What each column says about a fact-set document, through the same calls the benchmarks make.</summary>
    /// <param name="utf8Json">A fact-set document, UTF-8 encoded (at most 64 MB).</param>
    /// <returns>Each column's verdict (true: valid), keyed by column name, in the order of the benchmarks.</returns>
    public static IReadOnlyList<KeyValuePair<string, bool>> VerdictOfEach(byte[] utf8Json)
    {
        if (utf8Json is null)
        {
            throw new ArgumentNullException(nameof(utf8Json));
        }

        bool jsonSchemaNet;
        using (var parsed = JsonDocument.Parse(utf8Json, s_documentOptions))
        {
            jsonSchemaNet = StandardSchemaValidator.FactSetSchema.Evaluate(parsed.RootElement, s_flag).IsValid;
        }

        bool typed;
        try
        {
            typed = FactSet.Deserialize(utf8Json, BenchmarkParity.FactSchemaReaderOptions).Validate().IsValid;
        }
        catch (JsonException)
        {
            // The reader checks some of the schema as it reads; a document it rejects has no typed value to validate.
            typed = false;
        }

        return new[]
        {
            new KeyValuePair<string, bool>(JsonSchemaNetPath, jsonSchemaNet),
            new KeyValuePair<string, bool>(IsValidJsonPath, FactSetSchema.IsValidJson(utf8Json)),
            new KeyValuePair<string, bool>(ValidateJsonPath, FactSetSchema.ValidateJson(utf8Json).IsValid),
            new KeyValuePair<string, bool>(TypedValidatePath, typed),
        };
    }

    /// <summary>
    /// Checks that every column accepts the document and rejects a copy with one pledge id that breaks the id
    /// <c>pattern</c> (a value the reader accepts, so only validation can catch it).
    /// </summary>
    /// <param name="utf8Json">A valid fact-set document with at least one pledge.</param>
    /// <returns>One line per column that got either document wrong; empty when all agree.</returns>
    public static IReadOnlyList<string> FindDisagreements(byte[] utf8Json)
    {
        var problems = new List<string>();
        foreach (var pair in VerdictOfEach(utf8Json).Where(pair => !pair.Value))
        {
            problems.Add($"{pair.Key} says the document is invalid");
        }

        var facts = FactSet.Deserialize(utf8Json, BenchmarkParity.FactSchemaReaderOptions);
        if (facts.Pledges.Count == 0)
        {
            problems.Add("the document has no pledge to break");
            return problems;
        }

        var broken = facts with { Pledges = facts.Pledges.Select((p, i) => i == 0 ? p with { Id = "Not Kebab" } : p).ToList() };
        foreach (var pair in VerdictOfEach(broken.SerializeToUtf8Bytes()).Where(pair => pair.Value))
        {
            problems.Add($"{pair.Key} accepts a pledge id that breaks the schema's pattern");
        }

        if (broken.Validate().IsValid)
        {
            problems.Add($"{TypedValidatePath} accepts a value with a pledge id that breaks the schema's pattern");
        }

        return problems;
    }

    private static void EnsureAgreement(string name, byte[] utf8Json)
    {
        var problems = FindDisagreements(utf8Json);
        if (problems.Count > 0)
        {
            var details = StandardSchemaValidator.Validate(utf8Json).Take(10);
            throw new InvalidOperationException(
                $"The validation columns disagree on the '{name}' document, so the comparison would be meaningless: {string.Join("; ", problems)}."
                + $" JsonSchema.Net's errors: {string.Join("; ", details)}");
        }
    }
}
