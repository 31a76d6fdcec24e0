using System;
using System.Collections.Generic;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using FactSchema.Benchmarks.Comparison;
using FactSchema.Benchmarks.Data;
using FactSchema.News;

namespace FactSchema.Benchmarks;

/// <summary>
/// Reading: every column turns the same UTF-8 bytes into an object graph of the same shape (see
/// <see cref="BenchmarkParity"/>), except the floor, which only walks the tokens. Baseline: System.Text.Json with
/// source-generated metadata.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByParams)]
public class DeserializeBenchmarks
{
    private byte[] _utf8Json = Array.Empty<byte>();
    private bool _deep;

    /// <summary>Which document to read: <c>sample</c>, <c>deep</c>, <c>1k</c> or <c>100k</c> (see <see cref="BenchmarkDocuments"/>).</summary>
    [ParamsSource(nameof(Documents))]
    public string Document { get; set; } = BenchmarkDocuments.Sample;

    /// <summary>The documents to run over (all, or those <see cref="BenchmarkDocuments.SelectionVariable"/> names).</summary>
    public static IEnumerable<string> Documents => BenchmarkDocuments.Selected();

    /// <summary>Makes or loads the document and checks that every column reads and writes it alike.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var document = BenchmarkDocuments.Get(Document);

        // The 100k document is made by the same generator as 1k, which is checked; checking 100k too would add
        // tens of seconds to every process. `dotnet run -c Release -- --check` checks every document.
        if (document.Name != BenchmarkDocuments.Facts100K)
        {
            BenchmarkParity.EnsureSameJson(document);
        }

        _utf8Json = document.Utf8Json;
        _deep = document.Shape == DocumentShape.Deep;
    }

    /// <summary>FactSchema: the generated reader, then the generated validator (every schema keyword): the default.</summary>
    /// <returns>The value read.</returns>
    [Benchmark]
    public object FactSchemaValidating()
        => _deep
            ? DeepNode.Deserialize(_utf8Json, BenchmarkParity.FactSchemaReaderOptions)
            : FactSet.Deserialize(_utf8Json, BenchmarkParity.FactSchemaReaderOptions);

    /// <summary>FactSchema with <c>ValidateSchema = false</c>: the generated reader only (it still checks types, required, enum, const).</summary>
    /// <returns>The value read.</returns>
    [Benchmark]
    public object FactSchemaTypedReadOnly()
        => _deep
            ? DeepNode.Deserialize(_utf8Json, BenchmarkParity.FactSchemaReaderOptionsUnvalidated)
            : FactSet.Deserialize(_utf8Json, BenchmarkParity.FactSchemaReaderOptionsUnvalidated);

    /// <summary>System.Text.Json with source-generated metadata: the baseline.</summary>
    /// <returns>The value read.</returns>
    [Benchmark(Baseline = true)]
    public object? StjSourceGen()
        => _deep
            ? JsonSerializer.Deserialize(_utf8Json, ComparisonSerializers.SourceGeneratedDeep)
            : JsonSerializer.Deserialize(_utf8Json, ComparisonSerializers.SourceGenerated);

    /// <summary>System.Text.Json with reflection-based metadata (cached in the options after the first call).</summary>
    /// <returns>The value read.</returns>
    [Benchmark]
    public object? StjReflection()
        => _deep
            ? JsonSerializer.Deserialize<DeepNodePoco>(_utf8Json, ComparisonSerializers.ReflectionOptions)
            : JsonSerializer.Deserialize<FactSetPoco>(_utf8Json, ComparisonSerializers.ReflectionOptions);

    /// <summary>Newtonsoft.Json from a stream over the same UTF-8 bytes.</summary>
    /// <returns>The value read.</returns>
    [Benchmark]
    public object Newtonsoft()
        => _deep
            ? ComparisonSerializers.NewtonsoftDeserialize<DeepNodePoco>(_utf8Json)
            : ComparisonSerializers.NewtonsoftDeserialize<FactSetPoco>(_utf8Json);

    /// <summary>The floor: a bare <see cref="Utf8JsonReader"/> that reads every token and nothing else (no strings, no objects).</summary>
    /// <returns>The number of tokens.</returns>
    [Benchmark]
    public int TokenWalkFloor()
    {
        var reader = new Utf8JsonReader(_utf8Json, new JsonReaderOptions { MaxDepth = 64 });
        var tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens;
    }
}
