using FactSchema.Benchmarks;

namespace FactSchema.Tests;

/// <summary>Each benchmark column reads and writes the same data, so the comparison is fair. Speed is never tested here.</summary>
public sealed class BenchmarkParityTests
{
    [Fact]
    public void EverySerializerPathProducesTheSameJson()
    {
        var paths = BenchmarkParity.RoundTripEach(TestData.SampleFacts);
        Assert.Equal(4, paths.Count);
        Assert.Empty(BenchmarkParity.FindMismatches(TestData.SampleFacts));
    }
}
