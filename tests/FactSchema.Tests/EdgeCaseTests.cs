using System.Text;
using System.Text.Json;
using FactSchema.Serialization;
using FactSchema.Tests.Generated;

namespace FactSchema.Tests;

/// <summary>Round trips and errors of the generated serializers on the edges of the core mapping.</summary>
public sealed class EdgeCaseTests
{
    private static EdgeCase Read(string json) => EdgeCase.Deserialize(Encoding.UTF8.GetBytes(json));

    private static string Write(EdgeCase value) => Encoding.UTF8.GetString(value.SerializeToUtf8Bytes());

    private static void AssertSameJson(string expected, string actual)
    {
        using var a = JsonDocument.Parse(expected);
        using var b = JsonDocument.Parse(actual);
        Assert.True(JsonElementEqualityComparer.Instance.Equals(a.RootElement, b.RootElement), $"expected {expected}\nactual   {actual}");
    }

    private static void AssertRoundTrip(string json)
    {
        var value = Read(json);
        var written = Write(value);
        AssertSameJson(json, written);
        Assert.Equal(value, Read(written));
        Assert.Equal(written, JsonSerializer.Serialize(value));
    }

    [Theory]
    [InlineData("""{"text":"plain","count":1,"version":"1.0"}""")]
    [InlineData("""{"text":"Zelenskyy \u2014 Зеленський, 泽连斯基, emoji 🇺🇦","count":-9223372036854775808,"version":"1.0"}""")]
    [InlineData("""{"text":"quotes \" backslash \\ slash \/ controls \b\f\n\r\t \u0001 \u001f","count":9223372036854775807,"version":"1.0"}""")]
    [InlineData("""{"text":"surrogate pair \ud83d\ude00","count":0,"version":"1.0","ratio":1.7976931348623157E+308}""")]
    [InlineData("""{"text":"t","count":1,"version":"1.0","money":79228162514264337593543950335}""")]
    [InlineData("""{"text":"t","count":1,"version":"1.0","money":0.0000000000000000000000000001}""")]
    [InlineData("""{"text":"t","count":1,"version":"1.0","money":20000000000.50,"ratio":0.1,"small":1000}""")]
    [InlineData("""{"text":"t","count":1,"version":"1.0","day":"2025-02-27","at":"2025-02-27T14:30:00.1234567+01:00","link":"https://example.org/a?b=c#d","key":"3f2504e0-4f89-11d3-9a0c-0305e82c3301"}""")]
    [InlineData("""{"text":"t","count":1,"version":"1.0","kind":"military-aid","tags":[],"labels":{"en":"aid","fr":"aide"}}""")]
    [InlineData("""{"text":"t","count":1,"version":"1.0","nested":{"name":"a","parent":{"name":"b","parent":{"name":"c"}}},"children":[{"name":"x"},{"name":"y","extra":[1,{"deep":true}]}]}""")]
    [InlineData("""{"text":"t","count":1,"version":"1.0","raw":{"any":[1,"two",null,true,{"x":1.50}]}}""")]
    [InlineData("""{"text":"t","count":1,"version":"1.0","unknown":{"kept":["exactly",1e400]},"another":null}""")]
    public void DocumentsRoundTripSemanticallyUnchanged(string json) => AssertRoundTrip(json);

    [Fact]
    public void MissingOptionalAndExplicitNullStayDifferent()
    {
        var absent = Read("""{"text":"t","count":1,"version":"1.0"}""");
        var explicitNull = Read("""{"text":"t","count":1,"version":"1.0","nullableText":null}""");

        Assert.Null(absent.NullableText);
        Assert.Null(explicitNull.NullableText);
        Assert.NotEqual(absent, explicitNull);
        Assert.DoesNotContain("nullableText", Write(absent));
        Assert.Contains("\"nullableText\":null", Write(explicitNull));

        // Built in code: setting null writes null; not setting it omits it.
        var built = new EdgeCase { Text = "t", Count = 1, NullableText = null };
        Assert.Contains("\"nullableText\":null", Write(built));
        Assert.DoesNotContain("nullableText", Write(new EdgeCase { Text = "t", Count = 1 }));
    }

    [Fact]
    public void DefaultsApplyWhenAbsentButAreNotInvented()
    {
        var value = Read("""{"text":"t","count":1,"version":"1.0"}""");
        Assert.Equal("announced", value.Status);
        Assert.DoesNotContain("status", Write(value));
        Assert.Contains("\"status\":\"confirmed\"", Write(value with { Status = "confirmed" }));
    }

    [Fact]
    public void DecimalsKeepEveryDigitAndScale()
    {
        var value = Read("""{"text":"t","count":1,"version":"1.0","money":20000000000.50}""");
        Assert.Equal(20000000000.50m, value.Money);
        Assert.Contains("\"money\":20000000000.50", Write(value));
    }

    [Fact]
    public void UnknownPropertiesAreKeptInOrderAndWrittenBack()
    {
        var value = Read("""{"zeta":1,"text":"t","alpha":{"b":[true]},"count":1,"version":"1.0"}""");
        Assert.Equal(new[] { "zeta", "alpha" }, value.AdditionalProperties!.Keys);
        Assert.EndsWith("\"zeta\":1,\"alpha\":{\"b\":[true]}}", Write(value));
    }

    /// <summary>Typed readers and validators share one name matcher, which unescapes a name before comparing it.</summary>
    [Fact]
    public void EscapedPropertyNamesMatchTheirDeclaredNames()
    {
        var json = """{"t\u0065xt":"plain","\u0063ount":7,"version":"1.0","small":2000}""";
        var value = Read(json.Replace(",\"small\":2000", string.Empty, StringComparison.Ordinal));
        Assert.Equal("plain", value.Text);
        Assert.Equal(7, value.Count);
        Assert.Null(value.AdditionalProperties);

        // The validator sees the escaped "small" as the declared property: its maximum applies.
        var result = EdgeCase.ValidateJson(json);
        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.InstanceLocation == "/small");
        Assert.True(EdgeCase.ValidateJson(json.Replace("2000", "20", StringComparison.Ordinal)).IsValid);
    }

    /// <summary>A name longer than the matcher's per-thread buffer is unescaped into an array of its own, and kept.</summary>
    [Fact]
    public void LongEscapedUnknownNamesAreKept()
    {
        var name = new string('n', 3000);
        var value = Read("{\"text\":\"t\",\"count\":1,\"version\":\"1.0\",\"\\u006e" + name + "\":true}");
        Assert.Equal(new[] { "n" + name }, value.AdditionalProperties!.Keys);
    }

    /// <summary>An escaped lone surrogate cannot be a name: reading and validating fail as malformed JSON, never quietly.</summary>
    [Fact]
    public void LoneSurrogateNamesAreMalformed()
    {
        var json = """{"text":"t","count":1,"version":"1.0","\ud800":1}""";
        Assert.ThrowsAny<FactSchemaJsonException>(() => Read(json));
        Assert.ThrowsAny<FactSchemaJsonException>(() => EdgeCase.ValidateJson(json));
    }

    [Fact]
    public void ConstIsCheckedOnRead()
    {
        var error = Assert.ThrowsAny<FactSchemaJsonException>(() => Read("""{"text":"t","count":1,"version":"2.0"}"""));
        Assert.Equal("/version", error.InstanceLocation);
        Assert.Contains("expected the constant \"1.0\"", error.Message);
        Assert.ThrowsAny<FactSchemaJsonException>(() => Read("""{"text":"t","count":1}"""));
    }

    /// <summary>
    /// A <c>format: uri</c> member is the text as written: System.Uri refuses or rewrites some absolute RFC 3986 URIs, and
    /// with format an annotation any string is valid, so the reader may not be stricter than the validator.
    /// </summary>
    [Theory]
    [InlineData("file://../../x")]
    [InlineData("not a uri")]
    [InlineData("HTTP://EXAMPLE.ORG/a/../b?%7e")]
    public void UriMembersKeepTheirTextExactly(string link)
    {
        var json = $$"""{"text":"t","count":1,"version":"1.0","link":"{{link}}"}""";
        var value = Read(json);
        Assert.Equal(link, value.Link);
        Assert.Equal(link, EdgeCase.Deserialize(value.SerializeToUtf8Bytes()).Link);
    }

    [Theory]
    [InlineData("""{"text":"t","count":1,"version":"1.0","text":"again"}""", "/text", "appears more than once")]
    [InlineData("""{"text":"t","count":1,"version":"1.0","x":1,"x":2}""", "/x", "appears more than once")]
    [InlineData("""{"text":"t","count":1,"version":"1.0","strict":{"a":1,"b":2}}""", "/strict/b", "not allowed")]
    [InlineData("""{"text":"t","count":1.5,"version":"1.0"}""", "/count", "expected an integer, found 1.5")]
    [InlineData("""{"text":"t","count":1e30,"version":"1.0"}""", "/count", "out of range")]
    [InlineData("""{"text":"t","count":1,"version":"1.0","small":1e10}""", "/small", "out of range")]
    [InlineData("""{"text":null,"count":1,"version":"1.0"}""", "/text", "expected a string, found null")]
    [InlineData("""{"text":"t","count":1,"version":"1.0","kind":"Military-Aid"}""", "/kind", "'Military-Aid' is not one of")]
    [InlineData("""{"text":"t","count":1,"version":"1.0","tags":["a",2]}""", "/tags/1", "expected a string")]
    [InlineData("""{"text":"t","count":1,"version":"1.0","children":[{"name":"a"},{}]}""", "/children/1", "'name' is missing")]
    [InlineData("""{"text":"t","count":1,"version":"1.0","labels":{"en":1}}""", "/labels/en", "expected a string")]
    [InlineData("""{"text":"t","count":1,"version":"1.0","money":1e400}""", "/money", "decimal")]
    [InlineData("""{"count":1,"version":"1.0"}""", "", "'text' is missing")]
    [InlineData("""[]""", "", "expected an object, found an array")]
    public void SchemaViolationsNameTheirPath(string json, string pointer, string message)
    {
        var error = Assert.ThrowsAny<FactSchemaJsonException>(() => Read(json));
        Assert.Equal(pointer, error.InstanceLocation);
        Assert.Contains(message, error.Message);
        Assert.Equal(0, error.LineNumber);
        Assert.NotNull(error.BytePositionInLine);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("""{"text":"t","count":1,"version":"1.0",""")]
    [InlineData("""{"text":"t" "count":1}""")]
    [InlineData("""{"text":"t","count":1,"version":"1.0"} trailing""")]
    [InlineData("""{"text":"t","count":1,"version":"1.0"}{}""")]
    [InlineData("""{"text":'single'}""")]
    [InlineData("""{"text":"t","count":01,"version":"1.0"}""")]
    public void MalformedJsonIsAJsonException(string json)
    {
        var error = Assert.ThrowsAny<FactSchemaJsonException>(() => Read(json));
        Assert.IsAssignableFrom<JsonException>(error);
        Assert.NotNull(error.LineNumber);
    }

    [Fact]
    public void ErrorsPointAtTheLine()
    {
        const string json = "{\n  \"text\": \"t\",\n  \"count\": 1,\n  \"version\": \"1.0\",\n  \"tags\": [\"a\",\n    7]\n}";
        var error = Assert.ThrowsAny<FactSchemaJsonException>(() => Read(json));
        Assert.Equal("/tags/1", error.InstanceLocation);
        Assert.Equal(5, error.LineNumber);
        Assert.Equal(4, error.BytePositionInLine);
        Assert.Contains("(line 6, position 5)", error.Message);
    }

    [Fact]
    public void InvalidUtf8IsAJsonException()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"text":"AB","count":1,"version":"1.0"}""");
        bytes[10] = 0xFF;
        var error = Assert.ThrowsAny<FactSchemaJsonException>(() => EdgeCase.Deserialize(bytes));
        Assert.Equal("/text", error.InstanceLocation);
    }

    [Fact]
    public void NestingBeyondTheDepthLimitIsRejected()
    {
        var json = "{\"text\":\"t\",\"count\":1,\"version\":\"1.0\",\"raw\":" + new string('[', 200) + new string(']', 200) + "}";
        var error = Assert.ThrowsAny<FactSchemaJsonException>(() => Read(json));
        Assert.Equal("/raw", error.InstanceLocation);
    }

    [Fact]
    public void JsonSerializerDeserializesThroughTheGeneratedConverter()
    {
        const string json = """{"text":"t","count":1,"version":"1.0","kind":"financial aid","nested":{"name":"n"}}""";
        var viaSerializer = JsonSerializer.Deserialize<EdgeCase>(json)!;
        Assert.Equal(Read(json), viaSerializer);
        Assert.Equal(EdgeCaseKind.FinancialAid, viaSerializer.Kind);

        var error = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<EdgeCase>("""{"text":"t","count":"x","version":"1.0"}"""));
        Assert.Contains("/count", error.Message);
    }

    [Fact]
    public void WritingARequiredMemberLeftNullFailsClearly()
    {
        var value = new EdgeCase { Text = null!, Count = 1 };
        var error = Assert.Throws<InvalidOperationException>(() => value.SerializeToUtf8Bytes());
        Assert.Contains("EdgeCase.Text", error.Message);
    }

    [Fact]
    public void ExplicitItemsUseTheirNamespaceAndTypeName()
    {
        var item = FactSchema.Tests.Explicit.CustomItem.Deserialize("""{"label":"x"}""");
        Assert.Equal("x", item.Label);
        Assert.ThrowsAny<FactSchemaJsonException>(() => FactSchema.Tests.Explicit.CustomItem.Deserialize("""{"label":"x","other":1}"""));
    }

    [Fact]
    public void CrossFileReferencesReuseTheReferencedType()
    {
        var speech = Speech.Deserialize("""{"speaker":{"name":"Rutte"},"words":42}""");
        Nested speaker = speech.Speaker;
        Assert.Equal("Rutte", speaker.Name);
        Assert.IsType<int>(speech.Words!.Value);
    }
}
