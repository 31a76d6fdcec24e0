using System.Text;
using FactSchema.Serialization;
using FactSchema.Tests.Generated;

namespace FactSchema.Tests;

/// <summary>A closed object with <c>patternProperties</c>: members that match a pattern are data, kept and written back.</summary>
public sealed class PatternMemberTests
{
    [Fact]
    public void MembersMatchingAPatternAreReadAndWrittenBack()
    {
        var json = """{"version":"1","_ext":{"a":[1,2]}}""";
        var value = PatternMembers.Deserialize(Encoding.UTF8.GetBytes(json));
        Assert.Equal("1", value.Version);
        Assert.Equal(json, Encoding.UTF8.GetString(value.SerializeToUtf8Bytes()));
    }

    [Theory]
    [InlineData("""{"version":"1","other":1}""")]
    [InlineData("""{"_ext":"not an object"}""")]
    public void MembersThatNoPatternAllowsAreStillRejected(string json)
    {
        Assert.False(PatternMembers.ValidateJson(Encoding.UTF8.GetBytes(json)).IsValid);
        Assert.ThrowsAny<FactSchemaJsonException>(() => PatternMembers.Deserialize(Encoding.UTF8.GetBytes(json)));
    }
}
