using System.Text;
using FactSchema.Tests.Generated;

namespace FactSchema.Tests;

/// <summary>
/// Constructs found in real-world schemas (the SchemaStore corpus): a value the validator accepts is read, and
/// written back as it came.
/// </summary>
public sealed class RealWorldRulesTests
{
    private static RealWorldRules RoundTrip(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        Assert.True(RealWorldRules.ValidateJson(bytes).IsValid, json);
        var value = RealWorldRules.Deserialize(bytes);
        Assert.Equal(json, Encoding.UTF8.GetString(value.SerializeToUtf8Bytes()));
        return value;
    }

    [Fact]
    public void MembersNamedLikeSchemaKeywordsAreDataInAClosedObject()
    {
        var value = RoundTrip("""{"$id":"urn:x","$schema":"https://example.org/s","$ref":"#/a"}""");
        Assert.Equal("urn:x", value.Id);
        Assert.Equal("https://example.org/s", value.Schema);
        Assert.Equal("#/a", value.Ref);
    }

    [Fact]
    public void AUnionOfDateAndDateTimeTakesTheBranchThatHoldsTheValue()
    {
        var date = RoundTrip("""{"when":"2025-02-27"}""");
        Assert.Equal(new DateOnly(2025, 2, 27), Assert.IsType<RealWorldRulesWhenDate>(date.When).Value);

        var dateTime = RoundTrip("""{"when":"2025-02-27T14:30:00+01:00"}""");
        Assert.Equal(new DateTimeOffset(2025, 2, 27, 14, 30, 0, TimeSpan.FromHours(1)), Assert.IsType<RealWorldRulesWhenDateTime>(dateTime.When).Value);
    }

    [Theory]
    [InlineData("2025-02-27T14:30:00Z")]
    [InlineData("2025-02-27T14:30:00.5Z")]
    [InlineData("2025-02-27T14:30:00.1234567-08:00")]
    public void ADateTimeIsWrittenBackInTheFormItCameIn(string text)
    {
        var value = RoundTrip($$"""{"stamp":"{{text}}"}""");
        Assert.Equal(DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture), value.Stamp);
    }

    [Fact]
    public void AZeroOffsetIsWrittenAsZ()
    {
        var value = RealWorldRules.Deserialize(Encoding.UTF8.GetBytes("""{"stamp":"2025-02-27T14:30:00+00:00"}"""));
        Assert.Equal("""{"stamp":"2025-02-27T14:30:00Z"}""", Encoding.UTF8.GetString(value.SerializeToUtf8Bytes()));
    }
}
