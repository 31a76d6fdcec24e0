using System;
using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using FactSchema.Benchmarks.Data;

namespace FactSchema.Benchmarks;

/// <summary>
/// The "MB/s" column: document bytes processed per second of the mean time, in 10^6 bytes. Readers count the bytes
/// they read; writers count the compact JSON that the System.Text.Json-based writers produce (Newtonsoft's output
/// differs by a few bytes: it leaves non-ASCII unescaped). The documents are made in the host process to size them.
/// </summary>
public sealed class ThroughputColumn : IColumn
{
    /// <inheritdoc/>
    public string Id => nameof(ThroughputColumn);

    /// <inheritdoc/>
    public string ColumnName => "MB/s";

    /// <inheritdoc/>
    public bool AlwaysShow => true;

    /// <inheritdoc/>
    public ColumnCategory Category => ColumnCategory.Custom;

    /// <inheritdoc/>
    public int PriorityInCategory => 0;

    /// <inheritdoc/>
    public bool IsNumeric => true;

    /// <inheritdoc/>
    public UnitType UnitType => UnitType.Dimensionless;

    /// <inheritdoc/>
    public string Legend => "Throughput: document bytes read (or written, compact) per second of the mean time, in 10^6 bytes/s";

    /// <inheritdoc/>
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    /// <inheritdoc/>
    public bool IsAvailable(Summary summary) => true;

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        if (mean is not > 0 || benchmarkCase.Parameters[nameof(DeserializeBenchmarks.Document)] is not string name)
        {
            return "-";
        }

        var document = BenchmarkDocuments.Get(name);
        var bytes = benchmarkCase.Descriptor.Type == typeof(SerializeBenchmarks) ? document.CompactLength : document.Utf8Json.Length;
        var megabytesPerSecond = bytes / (mean.Value / 1e9) / 1e6;
        return megabytesPerSecond.ToString(megabytesPerSecond >= 100 ? "N0" : "N1", CultureInfo.InvariantCulture);
    }

    /// <inheritdoc/>
    public override string ToString() => ColumnName;
}

/// <summary>The configuration the serialization benchmarks share: the default one plus <see cref="ThroughputColumn"/>.</summary>
public sealed class ThroughputConfig : ManualConfig
{
    /// <summary>Adds the column.</summary>
    public ThroughputConfig() => AddColumn(new ThroughputColumn());
}
