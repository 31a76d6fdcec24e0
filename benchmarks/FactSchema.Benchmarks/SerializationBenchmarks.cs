using System;
using System.Buffers;
using System.IO;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using FactSchema.Benchmarks.Comparison;
using FactSchema.News;

namespace FactSchema.Benchmarks;

/// <summary>
/// Reads and writes the sample news-fact document (samples/NewsFacts/facts.json, about 20 KB) with FactSchema's
/// generated code, System.Text.Json (source-generated and reflection) and Newtonsoft.Json. All read the same UTF-8
/// bytes and write UTF-8 bytes; the comparison models have the same shape as the generated records, and
/// <see cref="BenchmarkParity"/> checks at setup that every path writes the same JSON.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class SerializationBenchmarks
{
    private const string Deserialize = "Deserialize";
    private const string Serialize = "Serialize";

    private byte[] _utf8Json = Array.Empty<byte>();
    private FactSet _factSet = null!;
    private FactSetPoco _sourceGenPoco = null!;
    private FactSetPoco _reflectionPoco = null!;
    private FactSetPoco _newtonsoftPoco = null!;

    // Reused output for the System.Text.Json-based writers, as a server writing many responses would.
    private ArrayBufferWriter<byte> _buffer = null!;
    private Utf8JsonWriter _writer = null!;

    // Reused output for Newtonsoft.Json, which writes text: a UTF-8 stream writer over a reused memory stream.
    private MemoryStream _stream = null!;
    private StreamWriter _streamWriter = null!;

    /// <summary>Loads the document, reads it once into each model and prepares the reused outputs.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _utf8Json = SampleDocument.ReadAllBytes();
        var mismatches = BenchmarkParity.FindMismatches(_utf8Json);
        if (mismatches.Count > 0)
        {
            throw new InvalidOperationException($"These paths do not round-trip the sample to the same JSON, so the comparison would be unfair: {string.Join(", ", mismatches)}.");
        }

        _factSet = FactSet.Deserialize(_utf8Json);
        _sourceGenPoco = JsonSerializer.Deserialize(_utf8Json, ComparisonSerializers.SourceGenerated)!;
        _reflectionPoco = JsonSerializer.Deserialize<FactSetPoco>(_utf8Json, ComparisonSerializers.ReflectionOptions)!;
        _newtonsoftPoco = ComparisonSerializers.NewtonsoftDeserialize(_utf8Json);

        _buffer = new ArrayBufferWriter<byte>(64 * 1024);
        _writer = new Utf8JsonWriter(_buffer);
        _stream = new MemoryStream(64 * 1024);
        _streamWriter = ComparisonSerializers.CreateUtf8Writer(_stream);
    }

    /// <summary>Releases the reused outputs.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _writer.Dispose();
        _streamWriter.Dispose();
        _stream.Dispose();
    }

    /// <summary>FactSchema: the generated reader.</summary>
    /// <returns>The value read.</returns>
    [Benchmark]
    [BenchmarkCategory(Deserialize)]
    public FactSet FactSchemaDeserialize() => FactSet.Deserialize(_utf8Json);

    /// <summary>System.Text.Json with source-generated metadata.</summary>
    /// <returns>The value read.</returns>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory(Deserialize)]
    public FactSetPoco? StjSourceGenDeserialize() => JsonSerializer.Deserialize(_utf8Json, ComparisonSerializers.SourceGenerated);

    /// <summary>System.Text.Json with reflection-based metadata (cached in the options after the first call).</summary>
    /// <returns>The value read.</returns>
    [Benchmark]
    [BenchmarkCategory(Deserialize)]
    public FactSetPoco? StjReflectionDeserialize() => JsonSerializer.Deserialize<FactSetPoco>(_utf8Json, ComparisonSerializers.ReflectionOptions);

    /// <summary>Newtonsoft.Json from a stream over the same UTF-8 bytes.</summary>
    /// <returns>The value read.</returns>
    [Benchmark]
    [BenchmarkCategory(Deserialize)]
    public FactSetPoco NewtonsoftDeserialize() => ComparisonSerializers.NewtonsoftDeserialize(_utf8Json);

    /// <summary>FactSchema: the generated writer, into a reused buffer.</summary>
    /// <returns>The number of bytes written.</returns>
    [Benchmark]
    [BenchmarkCategory(Serialize)]
    public int FactSchemaSerialize()
    {
        ResetWriter();
        _factSet.WriteTo(_writer);
        _writer.Flush();
        return _buffer.WrittenCount;
    }

    /// <summary>System.Text.Json with source-generated metadata, into a reused buffer.</summary>
    /// <returns>The number of bytes written.</returns>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory(Serialize)]
    public int StjSourceGenSerialize()
    {
        ResetWriter();
        JsonSerializer.Serialize(_writer, _sourceGenPoco, ComparisonSerializers.SourceGenerated);
        _writer.Flush();
        return _buffer.WrittenCount;
    }

    /// <summary>System.Text.Json with reflection-based metadata, into a reused buffer.</summary>
    /// <returns>The number of bytes written.</returns>
    [Benchmark]
    [BenchmarkCategory(Serialize)]
    public int StjReflectionSerialize()
    {
        ResetWriter();
        JsonSerializer.Serialize(_writer, _reflectionPoco, ComparisonSerializers.ReflectionOptions);
        _writer.Flush();
        return _buffer.WrittenCount;
    }

    /// <summary>Newtonsoft.Json as UTF-8 into a reused memory stream.</summary>
    /// <returns>The number of bytes written.</returns>
    [Benchmark]
    [BenchmarkCategory(Serialize)]
    public long NewtonsoftSerialize()
    {
        _stream.SetLength(0);
        ComparisonSerializers.NewtonsoftSerialize(_streamWriter, _newtonsoftPoco);
        _streamWriter.Flush();
        return _stream.Length;
    }

    private void ResetWriter()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
    }
}
