using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using FactSchema.Benchmarks.Comparison;
using FactSchema.Benchmarks.Data;
using FactSchema.News;

namespace FactSchema.Benchmarks;

/// <summary>
/// Writing: every column writes an object graph of the same shape, read from the same document by its own library
/// (see <see cref="BenchmarkParity"/>), as UTF-8 JSON into a reused buffer. Baseline: System.Text.Json's
/// source-generated fast path (<c>GenerationMode = Serialization</c>).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByParams)]
public class SerializeBenchmarks
{
    private bool _deep;
    private FactSet _factSet = null!;
    private DeepNode _deepNode = null!;
    private FactSetPoco _poco = null!;
    private DeepNodePoco _deepPoco = null!;

    // Reused output for the Utf8JsonWriter-based columns, as a server writing many responses would: the buffer is
    // sized for the document at setup, so the measured operations never grow it.
    private ArrayBufferWriter<byte> _buffer = null!;
    private Utf8JsonWriter _writer = null!;

    // Reused output for Newtonsoft.Json, which writes text: a UTF-8 stream writer over a reused memory stream.
    private MemoryStream _stream = null!;
    private StreamWriter _streamWriter = null!;

    /// <summary>Which document to write: <c>sample</c>, <c>deep</c>, <c>1k</c> or <c>100k</c> (see <see cref="BenchmarkDocuments"/>).</summary>
    [ParamsSource(nameof(Documents))]
    public string Document { get; set; } = BenchmarkDocuments.Sample;

    /// <summary>The documents to run over (all, or those <see cref="BenchmarkDocuments.SelectionVariable"/> names).</summary>
    public static IEnumerable<string> Documents => BenchmarkDocuments.Selected();

    /// <summary>Reads the document with FactSchema.</summary>
    [GlobalSetup(Target = nameof(FactSchemaWriter))]
    public void SetupFactSchema()
    {
        var document = Prepare();
        if (_deep)
        {
            _deepNode = DeepNode.Deserialize(document.Utf8Json, BenchmarkParity.FactSchemaReaderOptions);
        }
        else
        {
            _factSet = FactSet.Deserialize(document.Utf8Json, BenchmarkParity.FactSchemaReaderOptions);
        }
    }

    /// <summary>Reads the document with System.Text.Json's source-generated metadata (for both source-generated writers).</summary>
    [GlobalSetup(Targets = new[] { nameof(StjFastPath), nameof(StjMetadata) })]
    public void SetupSourceGenerated()
    {
        var document = Prepare();
        if (_deep)
        {
            _deepPoco = JsonSerializer.Deserialize(document.Utf8Json, ComparisonSerializers.SourceGeneratedDeep)!;
        }
        else
        {
            _poco = JsonSerializer.Deserialize(document.Utf8Json, ComparisonSerializers.SourceGenerated)!;
        }
    }

    /// <summary>Reads the document with System.Text.Json's reflection-based metadata.</summary>
    [GlobalSetup(Target = nameof(StjReflection))]
    public void SetupReflection()
    {
        var document = Prepare();
        if (_deep)
        {
            _deepPoco = JsonSerializer.Deserialize<DeepNodePoco>(document.Utf8Json, ComparisonSerializers.ReflectionOptions)!;
        }
        else
        {
            _poco = JsonSerializer.Deserialize<FactSetPoco>(document.Utf8Json, ComparisonSerializers.ReflectionOptions)!;
        }
    }

    /// <summary>Reads the document with Newtonsoft.Json.</summary>
    [GlobalSetup(Target = nameof(Newtonsoft))]
    public void SetupNewtonsoft()
    {
        var document = Prepare();
        if (_deep)
        {
            _deepPoco = ComparisonSerializers.NewtonsoftDeserialize<DeepNodePoco>(document.Utf8Json);
        }
        else
        {
            _poco = ComparisonSerializers.NewtonsoftDeserialize<FactSetPoco>(document.Utf8Json);
        }
    }

    /// <summary>Releases the reused outputs.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _writer?.Dispose();
        _streamWriter?.Dispose();
        _stream?.Dispose();
    }

    /// <summary>FactSchema: the generated writer.</summary>
    /// <returns>The number of bytes written.</returns>
    [Benchmark]
    public int FactSchemaWriter()
    {
        ResetWriter();
        if (_deep)
        {
            _deepNode.WriteTo(_writer);
        }
        else
        {
            _factSet.WriteTo(_writer);
        }

        _writer.Flush();
        return _buffer.WrittenCount;
    }

    /// <summary>System.Text.Json's source-generated fast path (a context with <c>GenerationMode = Serialization</c>): the baseline.</summary>
    /// <returns>The number of bytes written.</returns>
    [Benchmark(Baseline = true)]
    public int StjFastPath()
    {
        ResetWriter();
        if (_deep)
        {
            JsonSerializer.Serialize(_writer, _deepPoco, ComparisonSerializers.FastPathDeep);
        }
        else
        {
            JsonSerializer.Serialize(_writer, _poco, ComparisonSerializers.FastPath);
        }

        _writer.Flush();
        return _buffer.WrittenCount;
    }

    /// <summary>System.Text.Json with source-generated metadata (a context with <c>GenerationMode = Metadata</c>).</summary>
    /// <returns>The number of bytes written.</returns>
    [Benchmark]
    public int StjMetadata()
    {
        ResetWriter();
        if (_deep)
        {
            JsonSerializer.Serialize(_writer, _deepPoco, ComparisonSerializers.SourceGeneratedDeep);
        }
        else
        {
            JsonSerializer.Serialize(_writer, _poco, ComparisonSerializers.SourceGenerated);
        }

        _writer.Flush();
        return _buffer.WrittenCount;
    }

    /// <summary>System.Text.Json with reflection-based metadata.</summary>
    /// <returns>The number of bytes written.</returns>
    [Benchmark]
    public int StjReflection()
    {
        ResetWriter();
        if (_deep)
        {
            JsonSerializer.Serialize(_writer, _deepPoco, ComparisonSerializers.ReflectionOptions);
        }
        else
        {
            JsonSerializer.Serialize(_writer, _poco, ComparisonSerializers.ReflectionOptions);
        }

        _writer.Flush();
        return _buffer.WrittenCount;
    }

    /// <summary>Newtonsoft.Json as UTF-8 into a reused memory stream.</summary>
    /// <returns>The number of bytes written.</returns>
    [Benchmark]
    public long Newtonsoft()
    {
        _stream.SetLength(0);
        if (_deep)
        {
            ComparisonSerializers.NewtonsoftSerialize(_streamWriter, _deepPoco);
        }
        else
        {
            ComparisonSerializers.NewtonsoftSerialize(_streamWriter, _poco);
        }

        _streamWriter.Flush();
        return _stream.Length;
    }

    private BenchmarkDocument Prepare()
    {
        var document = BenchmarkDocuments.Get(Document);

        // See DeserializeBenchmarks.Setup for why 100k is not checked here.
        if (document.Name != BenchmarkDocuments.Facts100K)
        {
            BenchmarkParity.EnsureSameJson(document);
        }

        _deep = document.Shape == DocumentShape.Deep;
        var capacity = document.CompactLength + (document.CompactLength / 4) + 4096;
        _buffer = new ArrayBufferWriter<byte>(capacity);
        _writer = new Utf8JsonWriter(_buffer);
        _stream = new MemoryStream(capacity);
        _streamWriter = ComparisonSerializers.CreateUtf8Writer(_stream);
        return document;
    }

    private void ResetWriter()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
    }
}
