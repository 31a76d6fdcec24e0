using System.Text;
using FactSchema.Benchmarks;
using FactSchema.Benchmarks.Data;
using FactSchema.News;

namespace FactSchema.Tests;

/// <summary>
/// Each benchmark column reads and writes the same data, so the comparison is fair, and the benchmark documents are
/// valid. Speed is never tested here (the benchmark project is built, not run). The 100,000-fact document is left
/// out: it is made by the same generator as the 1,000-fact one and takes too long for a test.
/// </summary>
public sealed class BenchmarkParityTests
{
    private static readonly string[] s_allPaths =
    {
        BenchmarkParity.FactSchemaPath,
        BenchmarkParity.StjFastPathPath,
        BenchmarkParity.StjSourceGenPath,
        BenchmarkParity.StjReflectionPath,
        BenchmarkParity.NewtonsoftPath,
    };

    public static TheoryData<string> Documents => new() { BenchmarkDocuments.Sample, BenchmarkDocuments.Facts1K, BenchmarkDocuments.Deep };

    [Fact]
    public void EverySerializerPathProducesTheSameJson()
    {
        var paths = BenchmarkParity.RoundTripEach(TestData.SampleFacts);
        Assert.Equal(s_allPaths, paths.Select(p => p.Key));
        Assert.Empty(BenchmarkParity.FindMismatches(TestData.SampleFacts));
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void EveryBenchmarkPathProducesTheSameJsonAsTheBaseline(string name)
    {
        var document = BenchmarkDocuments.Get(name);
        var paths = BenchmarkParity.RoundTripEach(document.Utf8Json, document.Shape);
        Assert.Equal(s_allPaths, paths.Select(p => p.Key));
        Assert.Empty(BenchmarkParity.FindMismatches(document));

        // The Utf8JsonWriter-based columns write exactly the baseline's bytes, and as many as the throughput column counts.
        var baseline = paths.Single(p => p.Key == BenchmarkParity.StjFastPathPath).Value;
        Assert.Equal(document.CompactLength, Encoding.UTF8.GetByteCount(baseline));
        foreach (var path in BenchmarkParity.Utf8JsonWriterPaths)
        {
            Assert.Equal(baseline, paths.Single(p => p.Key == path).Value);
        }
    }

    [Fact]
    public void TheParityCheckNoticesADifference()
    {
        // A document whose quote has no date member: the plain models write "date": null, so they must be reported.
        var json = Encoding.UTF8.GetString(TestData.SampleFacts);
        var facts = FactSet.Deserialize(json);
        var quote = facts.Quotes[0];
        var withoutDate = new Quote { Id = quote.Id, Speaker = quote.Speaker, Text = quote.Text, Kind = quote.Kind, Sources = quote.Sources };
        var changed = facts with { Quotes = facts.Quotes.Skip(1).Prepend(withoutDate).ToList() };

        var mismatches = BenchmarkParity.FindMismatches(changed.SerializeToUtf8Bytes());

        Assert.Contains(BenchmarkParity.StjFastPathPath, mismatches);
        Assert.Contains(BenchmarkParity.NewtonsoftPath, mismatches);
        Assert.DoesNotContain(BenchmarkParity.FactSchemaPath, mismatches);
    }

    [Fact]
    public void SyntheticFactSetsAreValidAndDeserializeWithFactSchema()
    {
        var document = BenchmarkDocuments.Get(BenchmarkDocuments.Facts1K);

        var facts = FactSet.Deserialize(document.Utf8Json);

        Assert.Equal(1_000, facts.Pledges.Count + facts.Quotes.Count);
        Assert.InRange(facts.Pledges.Count, 300, 500);
        Assert.Empty(StandardSchemaValidator.Validate(document.Utf8Json));

        // Every id a fact cites is defined in the set.
        var actorIds = facts.Actors.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var sourceIds = facts.Sources.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var quoteIds = facts.Quotes.Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(facts.Actors.Count, actorIds.Count);
        Assert.Equal(facts.Sources.Count, sourceIds.Count);
        Assert.Equal(facts.Quotes.Count, quoteIds.Count);
        Assert.Contains(facts.Article.Source, sourceIds);
        Assert.All(facts.Pledges, p =>
        {
            Assert.All(p.Pledgers, id => Assert.Contains(id, actorIds));
            Assert.All(p.Sources, id => Assert.Contains(id, sourceIds));
            Assert.All(p.Quotes ?? Array.Empty<string>(), id => Assert.Contains(id, quoteIds));
        });
        Assert.All(facts.Quotes, q =>
        {
            Assert.Contains(q.Speaker, actorIds);
            Assert.All(q.Sources, id => Assert.Contains(id, sourceIds));
            Assert.InRange(q.Text.Length, 40, 400);
        });

        // Names in several scripts, amounts in several currencies, dates in 2025.
        Assert.Contains(facts.Actors, a => a.Name.Any(c => c is >= '\u0400' and <= '\u04FF'));
        Assert.Contains(facts.Actors, a => a.Name.Any(c => c is >= '\u4E00' and <= '\u9FFF'));
        Assert.True(facts.Pledges.Select(p => p.Amount?.Currency).OfType<string>().Distinct().Count() >= 4);
        Assert.All(facts.Quotes.Where(q => q.Date is not null), q => Assert.Equal(2025, q.Date!.Value.Year));
    }

    [Fact]
    public void SyntheticFactSetsAreTheSameEveryTime()
    {
        Assert.Equal(SyntheticFactSet.CreateUtf8(200), SyntheticFactSet.CreateUtf8(200));
        Assert.NotEqual(SyntheticFactSet.CreateUtf8(200), SyntheticFactSet.CreateUtf8(200, seed: 1));
    }

    [Fact]
    public void TheValidatorRejectsAnInvalidFactSet()
    {
        // The reader accepts this (it does not check patterns), the schemas do not: the validator must say so.
        var facts = SyntheticFactSet.Create(20);
        var pledge = facts.Pledges.First(p => p.Amount is not null);
        var bad = facts with
        {
            Pledges = facts.Pledges.Select(p => ReferenceEquals(p, pledge) ? p with { Id = "Not Kebab", Amount = p.Amount! with { Currency = "euro" } } : p).ToList(),
        };

        var errors = StandardSchemaValidator.Validate(bad.SerializeToUtf8Bytes());

        Assert.NotEmpty(errors);
        Assert.Contains(errors, e => e.Contains("pattern", StringComparison.Ordinal));
    }

    [Fact]
    public void TheDeepDocumentNestsSixtyObjectsAndDeserializesWithFactSchema()
    {
        var document = BenchmarkDocuments.Get(BenchmarkDocuments.Deep);

        var node = DeepNode.Deserialize(document.Utf8Json);

        var depth = 0;
        for (DeepNode? current = node; current is not null; current = current.Child)
        {
            depth++;
        }

        Assert.Equal(DeepDocument.DefaultDepth, depth);
    }
}
