using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace FactSchema.Benchmarks.Data;

/// <summary>What type a benchmark document holds.</summary>
public enum DocumentShape
{
    /// <summary>A news-fact set (<see cref="FactSchema.News.FactSet"/>).</summary>
    FactSet,

    /// <summary>The deep, narrow chain (<see cref="DeepNode"/>).</summary>
    Deep,
}

/// <summary>One benchmark document: the UTF-8 bytes every column reads.</summary>
/// <param name="Name">Short name, the value of the benchmarks' <c>Document</c> parameter.</param>
/// <param name="Shape">What type it holds.</param>
/// <param name="Utf8Json">The bytes every reader reads.</param>
/// <param name="CompactLength">Length of the document as every System.Text.Json-based writer writes it back (compact).</param>
/// <param name="Description">What it is, for the README and logs.</param>
public sealed record BenchmarkDocument(string Name, DocumentShape Shape, byte[] Utf8Json, int CompactLength, string Description);

/// <summary>
/// The documents the serialization benchmarks run over, by name: <c>sample</c> (the sample article, indented, as
/// stored), <c>1k</c> and <c>100k</c> (synthetic fact sets of 1,000 and 100,000 facts) and <c>deep</c> (60 nested
/// objects). The synthetic ones are written by FactSchema, compact, with System.Text.Json's default escaping.
/// </summary>
public static class BenchmarkDocuments
{
    /// <summary>The sample article's fact set.</summary>
    public const string Sample = "sample";

    /// <summary>A synthetic fact set of 1,000 facts.</summary>
    public const string Facts1K = "1k";

    /// <summary>A synthetic fact set of 100,000 facts.</summary>
    public const string Facts100K = "100k";

    /// <summary>The deep, narrow document.</summary>
    public const string Deep = "deep";

    /// <summary>
    /// Environment variable that narrows the documents the benchmarks run over: a comma-separated list of names, for
    /// example <c>sample,1k,deep</c>. Unset: all of them. Child processes that BenchmarkDotNet starts inherit it.
    /// </summary>
    public const string SelectionVariable = "FACTSCHEMA_BENCH_DOCS";

    private static readonly ConcurrentDictionary<string, BenchmarkDocument> s_cache = new(StringComparer.Ordinal);

    /// <summary>Every document name, smallest first.</summary>
    public static IReadOnlyList<string> All { get; } = new[] { Sample, Deep, Facts1K, Facts100K };

    /// <summary>The documents selected by <see cref="SelectionVariable"/>, or all of them.</summary>
    /// <returns>The names, in the order of <see cref="All"/>.</returns>
    /// <exception cref="ArgumentException">The variable names a document that does not exist.</exception>
    public static IEnumerable<string> Selected()
    {
        var setting = Environment.GetEnvironmentVariable(SelectionVariable);
        if (string.IsNullOrWhiteSpace(setting))
        {
            return All;
        }

        var wanted = setting.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = wanted.Where(name => !All.Contains(name, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"{SelectionVariable} names unknown documents: {string.Join(", ", unknown)}; known: {string.Join(", ", All)}.");
        }

        return All.Where(name => wanted.Contains(name, StringComparer.Ordinal)).ToArray();
    }

    /// <summary>Gets a document by name, making it the first time (100k takes a few seconds).</summary>
    /// <param name="name">One of <see cref="All"/>.</param>
    /// <returns>The document.</returns>
    public static BenchmarkDocument Get(string name) => s_cache.GetOrAdd(name, Create);

    private static BenchmarkDocument Create(string name)
    {
        switch (name)
        {
            case Sample:
            {
                var bytes = SampleDocument.ReadAllBytes();
                var compact = FactSchema.News.FactSet.Deserialize(bytes).SerializeToUtf8Bytes().Length;
                return new BenchmarkDocument(name, DocumentShape.FactSet, bytes, compact, "the sample article's fact set (samples/NewsFacts/facts.json, indented, as stored)");
            }

            case Facts1K:
                return FactSetDocument(name, 1_000);
            case Facts100K:
                return FactSetDocument(name, 100_000);
            case Deep:
            {
                var bytes = DeepDocument.CreateUtf8();
                return new BenchmarkDocument(name, DocumentShape.Deep, bytes, bytes.Length, $"{DeepDocument.DefaultDepth} nested objects, one name each (Schemas/deep.schema.json)");
            }

            default:
                throw new ArgumentException($"Unknown benchmark document '{name}'; known: {string.Join(", ", All)}.", nameof(name));
        }
    }

    private static BenchmarkDocument FactSetDocument(string name, int facts)
    {
        var bytes = SyntheticFactSet.CreateUtf8(facts);
        return new BenchmarkDocument(name, DocumentShape.FactSet, bytes, bytes.Length, $"a synthetic fact set of {facts:N0} facts (SyntheticFactSet, seed {SyntheticFactSet.DefaultSeed:X})");
    }
}
