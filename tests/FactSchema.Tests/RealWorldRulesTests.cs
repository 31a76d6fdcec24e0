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
        // Formats asserted: the date branch is a DateOnly, and a date-time does not match it.
        var date = FactSchema.Tests.Explicit.AssertedFormats.Deserialize("""{"when":"2025-02-27"}""");
        Assert.Equal(new DateOnly(2025, 2, 27), Assert.IsType<FactSchema.Tests.Explicit.AssertedFormatsWhenDate>(date.When).Value);

        var dateTime = FactSchema.Tests.Explicit.AssertedFormats.Deserialize("""{"when":"2025-02-27T14:30:00+01:00"}""");
        Assert.Equal(new DateTimeOffset(2025, 2, 27, 14, 30, 0, TimeSpan.FromHours(1)), Assert.IsType<FactSchema.Tests.Explicit.AssertedFormatsWhenDateTime>(dateTime.When).Value.Value);
        Assert.Equal("""{"when":"2025-02-27T14:30:00+01:00"}""", Encoding.UTF8.GetString(dateTime.SerializeToUtf8Bytes()));
    }

    [Theory]
    [InlineData("2025-02-27")]
    [InlineData("2025-02")]
    [InlineData("27 February 2025")]
    [InlineData("2025-02-27T14:30:00Z")]
    public void WhereFormatIsAnAnnotationADateIsKeptAsTheTextItIs(string text)
    {
        // As an annotation (the draft 2020-12 default), "format": "date" accepts any string, so the member is a string:
        // a DateOnly could not hold "2025-02", which the validator accepts. anyOf takes the first branch that matches.
        var value = RoundTrip($$"""{"when":"{{text}}"}""");
        Assert.Equal(text, Assert.IsType<RealWorldRulesWhenDate>(value.When).Value);
    }

    [Theory]
    [InlineData("6f9619ff-8b86-d011-b42d-00c04fc964ff")]
    [InlineData("6F9619FF-8B86-D011-B42D-00C04FC964FF")]
    public void AUuidIsWrittenBackExactlyAsItCame(string text)
    {
        // A Guid would write the upper-case form in lower case; the text is kept, and checked where formats are asserted.
        var json = $$"""{"id":"{{text}}"}""";
        var value = FactSchema.Tests.Explicit.AssertedFormats.Deserialize(json);
        Assert.Equal(text, value.Id);
        Assert.Equal(json, Encoding.UTF8.GetString(value.SerializeToUtf8Bytes()));
        Assert.False(FactSchema.Tests.Explicit.AssertedFormats.ValidateJson(Encoding.UTF8.GetBytes("""{"id":"not-a-uuid"}""")).IsValid);
    }

    [Fact]
    public void WhereFormatsAreAssertedADateIsADateOnly()
    {
        Assert.Equal(new DateOnly(2025, 2, 27), FactSchema.Tests.Explicit.AssertedFormats.Deserialize("""{"on":"2025-02-27"}""").On);
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => FactSchema.Tests.Explicit.AssertedFormats.Deserialize("""{"on":"2025-02"}"""));
    }

    [Theory]
    [InlineData("2025-02-27T14:30:00Z")]
    [InlineData("2025-02-27T14:30:00+00:00")]
    [InlineData("2025-02-27T14:30:00.000Z")]
    [InlineData("2025-02-27t14:30:00.5z")]
    [InlineData("2021-06-15T09:16:47.765072012+02:00")]
    [InlineData("2025-02-27T14:30:00.1234567-08:00")]
    public void ADateTimeIsWrittenBackExactlyAsItCame(string text)
    {
        var value = RoundTrip($$"""{"stamp":"{{text}}"}""");
        Assert.Equal(text, value.Stamp!.Value.Text);
        Assert.True(value.Stamp.Value.IsDateTimeOffset);
        Assert.Equal(DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture).UtcTicks / 10, value.Stamp.Value.Value.UtcTicks / 10);
    }

    [Fact]
    public void ADateTimeWithoutAnOffsetIsKeptWhereFormatIsAnAnnotation()
    {
        // The schema reads format as an annotation (the draft 2020-12 default), so the validator lets this through.
        var value = RoundTrip("""{"stamp":"2018-12-14T10:00:00"}""");
        Assert.False(value.Stamp!.Value.IsDateTimeOffset);
        Assert.False(value.Stamp.Value.TryGetDateTimeOffset(out _));
        Assert.Throws<FormatException>(() => value.Stamp.Value.Value);
    }

    [Fact]
    public void ADateTimeMadeFromAnInstantIsWrittenAsSystemTextJsonWritesIt()
    {
        var instant = new DateTimeOffset(2025, 2, 27, 14, 30, 0, 500, TimeSpan.Zero);
        var value = new RealWorldRules { Stamp = instant };
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(new { stamp = instant }), Encoding.UTF8.GetString(value.SerializeToUtf8Bytes()));
        Assert.Equal(instant, value.Stamp!.Value.Value);
    }

    [Theory]
    [InlineData("2018-12-14T10:00:00")]
    [InlineData("2025-02-27")]
    [InlineData("2025-02-30T10:00:00Z")]
    public void WhereFormatsAreAssertedADateTimeMustBeOneToBeRead(string text)
    {
        var json = Encoding.UTF8.GetBytes($$"""{"at":"{{text}}"}""");
        Assert.False(FactSchema.Tests.Explicit.AssertedFormats.ValidateJson(json).IsValid);
        var error = Assert.ThrowsAny<System.Text.Json.JsonException>(() => FactSchema.Tests.Explicit.AssertedFormats.Deserialize(json));
        Assert.Contains("/at", error.Message);
        Assert.True(FactSchema.Tests.Explicit.AssertedFormats.ValidateJson(Encoding.UTF8.GetBytes("""{"at":"2018-12-14T10:00:00+00:00"}""")).IsValid);
    }

    [Fact]
    public void ARecordWhoseSchemaDoesNotSayObjectReadsObjectsIntoItsMembers()
    {
        var value = RoundTrip("""{"widget":{"name":"title","hint":"shown below"}}""");
        Assert.Equal("title", value.Widget!.Name);
        Assert.Equal("shown below", value.Widget.Hint);
        Assert.Null(value.Widget.NonObjectValue);
    }

    [Theory]
    [InlineData("\"string\"")]
    [InlineData("42")]
    [InlineData("[1,{\"name\":2}]")]
    [InlineData("true")]
    [InlineData("null")]
    public void ARecordWhoseSchemaDoesNotSayObjectKeepsAnyOtherValueExactly(string other)
    {
        // Without "type": "object" the schema's keywords only constrain objects: every other value is valid (netlify's
        // "widget": "string"), so it is read, kept whole, and written back as it came.
        var value = RoundTrip($$"""{"widget":{{other}},"widgets":[{"name":"a"},{{other}}]}""");
        Assert.Equal(other, value.Widget!.NonObjectValue!.Value.GetRawText());
        Assert.Null(value.Widget.Name);
        Assert.Equal("a", value.Widgets![0].Name);
        Assert.Equal(other, value.Widgets[1].NonObjectValue!.Value.GetRawText());
        Assert.Equal(value, RealWorldRules.Deserialize(value.SerializeToUtf8Bytes()));
        Assert.NotEqual(value.Widgets[0], value.Widgets[1]);
    }

    [Fact]
    public void AnObjectThatBreaksTheRecordsSchemaIsStillRejected()
    {
        var json = Encoding.UTF8.GetBytes("""{"widget":{"hint":"no name"}}""");
        Assert.False(RealWorldRules.ValidateJson(json).IsValid);
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => RealWorldRules.Deserialize(json));
    }

    [Theory]
    [InlineData("""{"lets":{"a":{"x":1},"b":[1,2],"c":"text"}}""")]
    [InlineData("""{"rows":["a","b"]}""")]
    [InlineData("""{"rows":{"not":"an array"}}""")]
    [InlineData("""{"rows":7}""")]
    public void MapsAndArraysWhoseSchemaDoesNotSayTheirTypeHoldAnyValue(string json)
    {
        var value = RoundTrip(json);
        Assert.True(value.Lets is not null || value.Rows is not null);
    }

    [Fact]
    public void AnEnumWithoutTypeIsStillTyped()
    {
        Assert.Equal(RealWorldRulesLevel.High, RoundTrip("""{"level":"high"}""").Level);
        Assert.False(RealWorldRules.ValidateJson(Encoding.UTF8.GetBytes("""{"level":3}""")).IsValid);
    }

    [Theory]
    [InlineData("""{"choice":{"a":"x"}}""")]
    [InlineData("""{"choice":5}""")]
    [InlineData("""{"choice":[true]}""")]
    public void AUnionBranchWhoseSchemaDoesNotSayObjectHoldsAnyOtherValue(string json)
    {
        var value = RoundTrip(json);
        var branch = Assert.IsType<ChoiceObject>(value.Choice);
        Assert.Equal(json.Contains("\"a\"", StringComparison.Ordinal), branch.NonObjectValue is null);
    }

    [Fact]
    public void ARecordDerivedFromARecordWithoutTypeHoldsOtherValuesToo()
    {
        var typed = RoundTrip("""{"derived":{"name":"n","extra":1}}""");
        Widget asBase = typed.Derived!;
        Assert.Equal("n", asBase.Name);
        Assert.Equal(1, typed.Derived!.Extra);

        var other = RoundTrip("""{"derived":"text"}""");
        Assert.Equal("text", other.Derived!.NonObjectValue!.Value.GetString());
    }

    [Fact]
    public void ARecordThatDeclaresAnObjectRejectsOtherValuesThoughItsBaseDoesNot()
    {
        var json = Encoding.UTF8.GetBytes("""{"typedDerived":"text"}""");
        Assert.False(RealWorldRules.ValidateJson(json).IsValid);
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => RealWorldRules.Deserialize(json));
        Assert.Equal(1, RoundTrip("""{"typedDerived":{"name":"n","extra":1}}""").TypedDerived!.Extra);
    }

    [Theory]
    [InlineData("\"ANDROID_HOME\"")]
    [InlineData("{\"a\":[1]}")]
    public void ARequiredPropertyTheSchemaDoesNotDescribeHoldsAnyValue(string variable)
    {
        // Not the record itself: before, the stand-in schema had the record's own location and took its type.
        var value = RoundTrip($$$"""{"env":{"rule":"env","variable":{{{variable}}}}}""");
        Assert.Equal(variable, value.Env!.Variable.GetRawText());
    }
}
