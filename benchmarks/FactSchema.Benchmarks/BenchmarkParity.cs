using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using FactSchema.Benchmarks.Comparison;
using FactSchema.Benchmarks.Data;
using FactSchema.News;
using FactSchema.Serialization;

namespace FactSchema.Benchmarks;

/// <summary>
/// Shows that every benchmark column does the same work: each library reads the document into its own model and
/// writes it back through the same calls the benchmarks measure, and the JSON texts must all mean the same as the
/// input. Used by the benchmarks' global setup and by the tests (tests/FactSchema.Tests/BenchmarkParityTests.cs).
/// </summary>
public static class BenchmarkParity
{
    /// <summary>Name of the FactSchema path (generated reader and writer).</summary>
    public const string FactSchemaPath = "FactSchema";

    /// <summary>Name of the System.Text.Json path that writes with the source-generated fast path (the serialize baseline).</summary>
    public const string StjFastPathPath = "System.Text.Json (source-generated, fast path)";

    /// <summary>Name of the System.Text.Json path that reads and writes with source-generated metadata (the deserialize baseline).</summary>
    public const string StjSourceGenPath = "System.Text.Json (source-generated, metadata)";

    /// <summary>Name of the System.Text.Json reflection path.</summary>
    public const string StjReflectionPath = "System.Text.Json (reflection)";

    /// <summary>Name of the Newtonsoft.Json path.</summary>
    public const string NewtonsoftPath = "Newtonsoft.Json";

    /// <summary>The paths that write through <see cref="Utf8JsonWriter"/>: their output must be byte for byte the same.</summary>
    public static IReadOnlyList<string> Utf8JsonWriterPaths { get; } = new[] { FactSchemaPath, StjFastPathPath, StjSourceGenPath, StjReflectionPath };

    /// <summary>The options FactSchema's readers get in the benchmarks: the default depth limit, no size limit short of 2 GB (100k is large).</summary>
    public static FactSchemaReaderOptions FactSchemaReaderOptions { get; } = new() { MaxDocumentBytes = int.MaxValue };

    /// <summary>The same limits with schema validation off: the typed read only (types, required, enum, const, additionalProperties: false).</summary>
    public static FactSchemaReaderOptions FactSchemaReaderOptionsUnvalidated { get; } = new() { MaxDocumentBytes = int.MaxValue, ValidateSchema = false };

    /// <summary>
    /// Deserializes a fact-set document with each library and serializes the result with the same library.
    /// </summary>
    /// <param name="utf8Json">A fact-set document, UTF-8 encoded (for example <see cref="SampleDocument.ReadAllBytes"/>).</param>
    /// <returns>The JSON each path wrote, keyed by path name, in the order FactSchema, STJ fast path, STJ metadata, STJ reflection, Newtonsoft.</returns>
    public static IReadOnlyList<KeyValuePair<string, string>> RoundTripEach(byte[] utf8Json) => RoundTripEach(utf8Json, DocumentShape.FactSet);

    /// <summary>Deserializes a document of the given shape with each library and serializes the result with the same library.</summary>
    /// <param name="utf8Json">The document, UTF-8 encoded.</param>
    /// <param name="shape">What it holds.</param>
    /// <returns>The JSON each path wrote, keyed by path name, in the order FactSchema, STJ fast path, STJ metadata, STJ reflection, Newtonsoft.</returns>
    public static IReadOnlyList<KeyValuePair<string, string>> RoundTripEach(byte[] utf8Json, DocumentShape shape)
    {
        if (utf8Json is null)
        {
            throw new ArgumentNullException(nameof(utf8Json));
        }

        return shape == DocumentShape.Deep ? RoundTripDeep(utf8Json) : RoundTripFactSet(utf8Json);
    }

    /// <summary>
    /// Checks that every path of <see cref="RoundTripEach(byte[], DocumentShape)"/> wrote JSON that means the same as the input
    /// (member order ignored, numbers compared by value).
    /// </summary>
    /// <param name="utf8Json">A fact-set document, UTF-8 encoded.</param>
    /// <returns>The names of the paths whose JSON differs from the input; empty when all agree.</returns>
    public static IReadOnlyList<string> FindMismatches(byte[] utf8Json) => FindMismatches(utf8Json, DocumentShape.FactSet);

    /// <summary>
    /// Checks that every path wrote JSON that means the same as the input, and that the paths that write through
    /// <see cref="Utf8JsonWriter"/> wrote exactly the same bytes as the serialize baseline (the STJ fast path).
    /// </summary>
    /// <param name="utf8Json">The document, UTF-8 encoded.</param>
    /// <param name="shape">What it holds.</param>
    /// <returns>One line per problem, naming the path; empty when all agree.</returns>
    public static IReadOnlyList<string> FindMismatches(byte[] utf8Json, DocumentShape shape)
    {
        var mismatches = new List<string>();
        var outputs = RoundTripEach(utf8Json, shape);
        using var expected = JsonDocument.Parse(utf8Json, new JsonDocumentOptions { MaxDepth = 64 });
        foreach (var pair in outputs)
        {
            using var actual = JsonDocument.Parse(pair.Value, new JsonDocumentOptions { MaxDepth = 64 });
            if (!JsonElementEqualityComparer.Instance.Equals(expected.RootElement, actual.RootElement))
            {
                mismatches.Add(pair.Key);
            }
        }

        var baseline = outputs.Single(pair => pair.Key == StjFastPathPath).Value;
        foreach (var pair in outputs.Where(pair => Utf8JsonWriterPaths.Contains(pair.Key) && pair.Key != StjFastPathPath))
        {
            if (!string.Equals(pair.Value, baseline, StringComparison.Ordinal) && !mismatches.Contains(pair.Key))
            {
                mismatches.Add(pair.Key + " (not byte-identical to the fast path)");
            }
        }

        return mismatches;
    }

    /// <summary>Checks a named benchmark document; see <see cref="FindMismatches(byte[], DocumentShape)"/>.</summary>
    /// <param name="document">The document.</param>
    /// <returns>One line per problem; empty when all agree.</returns>
    public static IReadOnlyList<string> FindMismatches(BenchmarkDocument document)
        => FindMismatches((document ?? throw new ArgumentNullException(nameof(document))).Utf8Json, document.Shape);

    /// <summary>Throws unless every path round-trips the document to the same JSON (the benchmarks' setup calls it).</summary>
    /// <param name="document">The document.</param>
    /// <exception cref="InvalidOperationException">Some path differs, so the comparison would be unfair.</exception>
    public static void EnsureSameJson(BenchmarkDocument document)
    {
        var mismatches = FindMismatches(document);
        if (mismatches.Count > 0)
        {
            throw new InvalidOperationException($"These paths do not round-trip the '{document.Name}' document to the same JSON, so the comparison would be unfair: {string.Join(", ", mismatches)}.");
        }
    }

    private static IReadOnlyList<KeyValuePair<string, string>> RoundTripFactSet(byte[] utf8Json)
    {
        var factSchema = FactSet.Deserialize(utf8Json, FactSchemaReaderOptions);
        var sourceGen = JsonSerializer.Deserialize(utf8Json, ComparisonSerializers.SourceGenerated)
            ?? throw new InvalidDataException("The document is JSON null.");
        var reflection = JsonSerializer.Deserialize<FactSetPoco>(utf8Json, ComparisonSerializers.ReflectionOptions)
            ?? throw new InvalidDataException("The document is JSON null.");
        var newtonsoft = ComparisonSerializers.NewtonsoftDeserialize<FactSetPoco>(utf8Json);

        return new[]
        {
            Pair(FactSchemaPath, WithWriter(factSchema.WriteTo)),
            Pair(StjFastPathPath, WithWriter(w => JsonSerializer.Serialize(w, sourceGen, ComparisonSerializers.FastPath))),
            Pair(StjSourceGenPath, WithWriter(w => JsonSerializer.Serialize(w, sourceGen, ComparisonSerializers.SourceGenerated))),
            Pair(StjReflectionPath, WithWriter(w => JsonSerializer.Serialize(w, reflection, ComparisonSerializers.ReflectionOptions))),
            Pair(NewtonsoftPath, WithNewtonsoft(newtonsoft)),
        };
    }

    private static IReadOnlyList<KeyValuePair<string, string>> RoundTripDeep(byte[] utf8Json)
    {
        var factSchema = DeepNode.Deserialize(utf8Json, FactSchemaReaderOptions);
        var sourceGen = JsonSerializer.Deserialize(utf8Json, ComparisonSerializers.SourceGeneratedDeep)
            ?? throw new InvalidDataException("The document is JSON null.");
        var reflection = JsonSerializer.Deserialize<DeepNodePoco>(utf8Json, ComparisonSerializers.ReflectionOptions)
            ?? throw new InvalidDataException("The document is JSON null.");
        var newtonsoft = ComparisonSerializers.NewtonsoftDeserialize<DeepNodePoco>(utf8Json);

        return new[]
        {
            Pair(FactSchemaPath, WithWriter(factSchema.WriteTo)),
            Pair(StjFastPathPath, WithWriter(w => JsonSerializer.Serialize(w, sourceGen, ComparisonSerializers.FastPathDeep))),
            Pair(StjSourceGenPath, WithWriter(w => JsonSerializer.Serialize(w, sourceGen, ComparisonSerializers.SourceGeneratedDeep))),
            Pair(StjReflectionPath, WithWriter(w => JsonSerializer.Serialize(w, reflection, ComparisonSerializers.ReflectionOptions))),
            Pair(NewtonsoftPath, WithNewtonsoft(newtonsoft)),
        };
    }

    private static KeyValuePair<string, string> Pair(string path, string json) => new(path, json);

    /// <summary>Writes through a fresh <see cref="Utf8JsonWriter"/> with default options, as the benchmarks' reused one is.</summary>
    private static string WithWriter(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string WithNewtonsoft<T>(T value)
        where T : class
    {
        using var stream = new MemoryStream();
        using (var text = ComparisonSerializers.CreateUtf8Writer(stream))
        {
            ComparisonSerializers.NewtonsoftSerialize(text, value);
        }

        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, checked((int)stream.Length));
    }
}
