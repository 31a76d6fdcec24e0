using System.Text;
using System.Text.Json;
using FactSchema.Tests.Generated;

namespace FactSchema.Tests;

/// <summary>A <c>$ref</c> to a standard meta-schema resolves to the one bundled in the generator: a member that holds a schema.</summary>
public sealed class MetaSchemaTests
{
    [Theory]
    [InlineData("""{"name":"a","schema":{"type":"object","properties":{"x":{"type":"integer","minimum":0}},"required":["x"]}}""")]
    [InlineData("""{"name":"b","schema":true}""")]
    [InlineData("""{"name":"c","schema":{"$ref":"#/definitions/d","definitions":{"d":{"enum":[1,"two",null]}}}}""")]
    public void AValidSchemaIsAcceptedAndKeptExactly(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        Assert.True(SchemaHolder.ValidateJson(bytes).IsValid, json);
        var value = SchemaHolder.Deserialize(bytes);
        Assert.IsType<JsonElement>(value.Schema);
        Assert.Equal(json, Encoding.UTF8.GetString(value.SerializeToUtf8Bytes()));
    }

    [Theory]
    [InlineData("""{"name":"a","schema":{"type":"strnig"}}""", "/schema/type")]
    [InlineData("""{"name":"a","schema":{"minimum":"0"}}""", "/schema/minimum")]
    [InlineData("""{"name":"a","schema":{"required":"x"}}""", "/schema/required")]
    [InlineData("""{"name":"a","schema":42}""", "/schema")]
    public void AnInvalidSchemaIsRejectedAtItsPath(string json, string pointer)
    {
        var result = SchemaHolder.ValidateJson(Encoding.UTF8.GetBytes(json));
        Assert.False(result.IsValid, json);
        Assert.Contains(result.Errors, e => e.InstanceLocation.StartsWith(pointer, StringComparison.Ordinal));
        Assert.ThrowsAny<JsonException>(() => SchemaHolder.Deserialize(Encoding.UTF8.GetBytes(json)));
    }
}
