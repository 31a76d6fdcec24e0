using System.Text;
using System.Text.Json;
using FactSchema.Serialization;
using FactSchema.Tests.Generated;
using FactSchema.Validation;

namespace FactSchema.Tests;

/// <summary>
/// Composition keywords as C# types (Schemas/composition.schema.json): discriminated and shape-dispatched unions,
/// type unions, allOf merging, typed maps from patternProperties, tuples from prefixItems, recursion.
/// </summary>
public sealed class CompositionTests
{
    private static Dossier Read(string json) => Dossier.Deserialize(Encoding.UTF8.GetBytes(json));

    private static string Write(IFactSchemaValue value) => FactSchemaSerializer.Serialize(value);

    /// <summary>What a reader would write for a statement: the exhaustive switch the issue asks for.</summary>
    private static string Describe(Statement statement) => statement switch
    {
        Quoted quote => $"{quote.Speaker} said \"{quote.Text}\"",
        Position position => $"{position.Holder} {position.Stance} {position.Issue}",
        _ => throw new InvalidOperationException("unreachable: the variants are closed"),
    };

    [Theory]
    [InlineData("""{"kind":"quote","speaker":"rutte","text":"stop whining"}""")]
    [InlineData("""{"speaker":"rutte","kind":"quote","text":"stop whining"}""")]
    [InlineData("""{"speaker":"rutte","text":"stop whining","kind":"quote"}""")]
    public void DiscriminatorIsFoundFirstMiddleOrLast(string statement)
    {
        var dossier = Read($$"""{"statements":[{{statement}}]}""");

        var quote = Assert.IsType<Quoted>(Assert.Single(dossier.Statements!));
        Assert.Equal("rutte said \"stop whining\"", Describe(quote));
        Assert.Equal("""{"statements":[{"kind":"quote","speaker":"rutte","text":"stop whining"}]}""", Write(dossier));
    }

    [Fact]
    public void EveryVariantRoundTrips()
    {
        const string json = """{"statements":[{"kind":"position","holder":"hegseth","issue":"ukraine-nato-membership","stance":"rules-out"},{"kind":"quote","speaker":"trump","text":"forget"}]}""";
        var dossier = Read(json);

        Assert.Equal(new[] { "hegseth RulesOut ukraine-nato-membership", "trump said \"forget\"" }, dossier.Statements!.Select(Describe));
        Assert.Equal(json, Write(dossier));
        Assert.Equal(dossier, Read(Write(dossier)));
    }

    [Fact]
    public void UnknownDiscriminatorIsAClearErrorAtItsPath()
    {
        var error = Assert.ThrowsAny<FactSchemaJsonException>(() => Read("""{"statements":[{"kind":"rumour","text":"x"}]}"""));

        Assert.Equal("/statements/0/kind", error.InstanceLocation);
        Assert.Contains("'rumour' is not a known Statement discriminator; expected one of 'quote', 'position'", error.Message);
    }

    [Fact]
    public void MissingDiscriminatorIsAClearError()
    {
        var error = Assert.ThrowsAny<FactSchemaJsonException>(() => Read("""{"statements":[{"speaker":"rutte","text":"x"}]}"""));

        Assert.Equal("/statements/0", error.InstanceLocation);
        Assert.Contains("the discriminator property 'kind' is missing", error.Message);
    }

    [Fact]
    public void OneOfWithoutDiscriminatorPicksTheOneBranchThatMatches()
    {
        Assert.Equal(new AmountValue { Value = 20e9, Currency = "EUR" }, Read("""{"amount":{"currency":"EUR","value":20000000000}}""").Amount);
        Assert.Equal(new AmountMin { Min = 1, Max = 2 }, Read("""{"amount":{"min":1,"max":2}}""").Amount);
        Assert.Equal(new AmountNumber(3.5), Read("""{"amount":3.5}""").Amount);

        // A scalar converts implicitly to its union; the record variants are the union already.
        Amount fromNumber = 7.0;
        Assert.Equal("7", Write(fromNumber));
    }

    [Fact]
    public void ValueMatchingNoBranchIsRejectedWithItsPath()
    {
        var error = Assert.ThrowsAny<FactSchemaJsonException>(() => Read("""{"amount":{"value":1}}"""));

        Assert.Equal("/amount", error.InstanceLocation);
        Assert.Contains("matches none of the Amount variants", error.Message);
    }

    [Fact]
    public void OneOfRejectsAValueThatMatchesTwoBranches()
    {
        Assert.IsType<ContactEmail>(Read("""{"contact":"press-office@government.example"}""").Contact);
        Assert.IsType<ContactHandle>(Read("""{"contact":"rutte"}""").Contact);

        var error = Assert.ThrowsAny<FactSchemaJsonException>(() => Read("""{"contact":"a@b"}"""));
        Assert.Equal("/contact", error.InstanceLocation);
        Assert.Contains("matches both the ContactEmail and the ContactHandle variant of Contact, but oneOf allows exactly one", error.Message);
    }

    [Fact]
    public void AnyOfTakesTheFirstMatchingBranch()
    {
        var dossier = Read("""{"evidence":[{"kind":"position","holder":"eu","issue":"aid","stance":"supports"},{"url":"https://example.org/a"},"a leaked memo"]}""");

        Assert.Collection(
            dossier.Evidence!,
            e => Assert.Equal("eu", Assert.IsType<EvidencePosition>(e).Value.Holder),
            e => Assert.Equal("https://example.org/a", Assert.IsType<EvidenceUrl>(e).Url),
            e => Assert.Equal(new EvidenceString("a leaked memo"), e));
        Assert.Equal(dossier, Read(Write(dossier)));
    }

    [Fact]
    public void WrapperVariantsDeconstruct()
    {
        Evidence evidence = "a leaked memo";

        var text = evidence switch
        {
            EvidenceString(var memo) => memo,
            EvidencePosition(var position) => position.Issue,
            EvidenceUrl url => url.Url.ToString(),
            _ => throw new InvalidOperationException("unreachable"),
        };
        Assert.Equal("a leaked memo", text);
    }

    [Fact]
    public void SharedPropertiesBesideOneOfBelongToEveryVariant()
    {
        const string json = """{"claims":[{"id":"c1","kind":"quote","sources":["s1"],"text":"stop whining"},{"id":"c2","kind":"position","stance":"against"}]}""";
        var dossier = Read("""{"claims":[{"text":"stop whining","sources":["s1"],"kind":"quote","id":"c1"},{"stance":"against","kind":"position","id":"c2"}]}""");

        var quote = Assert.IsType<QuoteClaim>(dossier.Claims![0]);
        Assert.Equal("c1", quote.Id);
        Assert.Equal(new[] { "s1" }, quote.Sources);
        Assert.Equal("stop whining", quote.Text);
        var position = Assert.IsType<PositionClaim>(dossier.Claims[1]);
        Assert.Equal(PositionClaimStance.Against, position.Stance);
        Assert.Equal(json, Write(dossier));

        var error = Assert.ThrowsAny<FactSchemaJsonException>(() => Read("""{"claims":[{"kind":"quote","text":"x"}]}"""));
        Assert.Equal("/claims/0", error.InstanceLocation);
        Assert.Contains("'id'", error.Message);
    }

    [Fact]
    public void TypeUnionStructRoundTripsExactly()
    {
        var dossier = Read("""{"code":"UA-7","flag":true}""");
        Assert.True(dossier.Code!.Value.IsString);
        Assert.Equal("UA-7", dossier.Code.Value.AsString);
        Assert.True(dossier.Flag!.Value.TryGetBoolean(out var flag) && flag);

        var numeric = Read("""{"code":9007199254740993,"flag":"disputed"}""");
        Assert.True(numeric.Code!.Value.TryGetInteger(out var code));
        Assert.Equal(9007199254740993L, code);
        Assert.Equal(DossierFlagString.Disputed, numeric.Flag!.Value.AsString);
        Assert.Equal("""{"code":9007199254740993,"flag":"disputed"}""", Write(numeric));

        Assert.Equal("integer", numeric.Code.Value.Match(s => "string", i => "integer"));
        Assert.Throws<InvalidOperationException>(() => numeric.Code.Value.AsString);
        Assert.Equal((DossierCode)"x", (DossierCode)"x");
        Assert.NotEqual((DossierCode)"1", (DossierCode)1L);
    }

    [Fact]
    public void TypeUnionKeepsNullApartFromAbsent()
    {
        var withNull = Read("""{"code":null}""");
        Assert.Null(withNull.Code);
        Assert.Equal("""{"code":null}""", Write(withNull));
        Assert.Equal("{}", Write(Read("{}")));
    }

    [Fact]
    public void TypeUnionRejectsOtherTypesWithItsPath()
    {
        var error = Assert.ThrowsAny<FactSchemaJsonException>(() => Read("""{"code":1.5}"""));
        Assert.Equal("/code", error.InstanceLocation);

        error = Assert.ThrowsAny<FactSchemaJsonException>(() => Read("""{"code":[1]}"""));
        Assert.Equal("/code", error.InstanceLocation);
        Assert.Contains("expected a string or an integer", error.Message);
    }

    [Fact]
    public void AllOfMergesBranchesIntoOneRecord()
    {
        var dossier = Read("""{"signedQuote":{"text":"we will stand by Ukraine","speaker":"von der leyen","signature":"uvdl"}}""");

        var quote = dossier.SignedQuote!;
        Assert.Equal("we will stand by Ukraine", quote.Text);
        Assert.Equal("von der leyen", quote.Speaker);
        Assert.Equal("uvdl", quote.Signature);
        Assert.Equal("""{"signedQuote":{"text":"we will stand by Ukraine","speaker":"von der leyen","signature":"uvdl"}}""", Write(dossier));

        // allOf with a $ref to another record: the merged record derives from it.
        QuoteBase asBase = quote;
        Assert.Equal("we will stand by Ukraine", asBase.Text);
        var plain = new QuoteBase { Text = quote.Text, Speaker = quote.Speaker };
        Assert.NotEqual(plain, asBase);
        Assert.NotEqual<QuoteBase>(quote with { Signature = "other" }, quote);
        Assert.Equal<QuoteBase>(Read(Write(dossier)).SignedQuote!, quote);
        Assert.Equal(Write(quote), Write(asBase));

        // Required members of every branch are required (the second branch requires signature and speaker).
        var error = Assert.ThrowsAny<FactSchemaJsonException>(() => Read("""{"signedQuote":{"text":"x","speaker":"y"}}"""));
        Assert.Contains("'signature'", error.Message);
    }

    [Fact]
    public void PatternPropertiesBecomeATypedMap()
    {
        var dossier = Read("""{"tags":{"nato":3,"eu":1}}""");
        Assert.Equal(3L, dossier.Tags!["nato"]);

        var error = Assert.ThrowsAny<FactSchemaJsonException>(() => Read("""{"tags":{"nato":"three"}}"""));
        Assert.Equal("/tags/nato", error.InstanceLocation);
        Assert.ThrowsAny<FactSchemaValidationException>(() => Read("""{"tags":{"NATO":3}}"""));
    }

    [Fact]
    public void PrefixItemsBecomeATuple()
    {
        var dossier = Read("""{"point":[50.45,30.52,"Kyiv"]}""");
        Assert.Equal((50.45, 30.52, "Kyiv"), dossier.Point);
        Assert.Equal("""{"point":[50.45,30.52,"Kyiv"]}""", Write(dossier));

        var tooLong = Assert.ThrowsAny<FactSchemaJsonException>(() => Read("""{"point":[1,2,"x",4]}"""));
        Assert.Equal("/point/3", tooLong.InstanceLocation);
        var tooShort = Assert.ThrowsAny<FactSchemaJsonException>(() => Read("""{"point":[1,2]}"""));
        Assert.Contains("exactly 3 items", tooShort.Message);
    }

    [Fact]
    public void RecursiveTypesReadAndHaveADepthLimit()
    {
        var dossier = Read("""{"thread":{"quote":"a","cites":{"quote":"b","cites":{"quote":"c"}}}}""");
        Assert.Equal("c", dossier.Thread!.Cites!.Cites!.Quote);
        Assert.Null(dossier.Thread.Cites.Cites.Cites);

        var deep = new StringBuilder("""{"thread":""");
        for (var i = 0; i < 5000; i++)
        {
            deep.Append("""{"quote":"q","cites":""");
        }

        deep.Append("""{"quote":"end"}""").Append('}', 5001);
        var error = Assert.ThrowsAny<JsonException>(() => Read(deep.ToString()));
        Assert.Contains("depth", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void JsonSerializerUsesTheGeneratedUnionConverters()
    {
        const string json = """[{"holder":"eu","kind":"position","issue":"aid","stance":"supports"},{"kind":"quote","speaker":"rutte","text":"stop whining"}]""";

        var statements = JsonSerializer.Deserialize<List<Statement>>(json)!;
        Assert.IsType<Position>(statements[0]);
        Assert.IsType<Quoted>(statements[1]);
        Assert.Equal(
            """[{"kind":"position","holder":"eu","issue":"aid","stance":"supports"},{"kind":"quote","speaker":"rutte","text":"stop whining"}]""",
            JsonSerializer.Serialize(statements));

        Assert.Equal(new DossierCode(42L), JsonSerializer.Deserialize<DossierCode>("42"));
        Assert.Equal("\"x\"", JsonSerializer.Serialize(new DossierCode("x")));
        Assert.Equal(new EvidenceString("memo"), JsonSerializer.Deserialize<EvidenceString>("\"memo\""));
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<EvidenceString>("""{"url":"https://example.org"}"""));
    }

    [Fact]
    public void UnionValidationReportsTheSchemaErrors()
    {
        Statement statement = new Quoted { Speaker = "rutte", Text = string.Empty };

        var result = statement.Validate();
        Assert.False(result.IsValid);
        Assert.True(new Quoted { Speaker = "rutte", Text = "x" }.Validate().IsValid);
        Assert.True(Statement.ValidateJson("""{"kind":"quote","speaker":"a","text":"b"}""").IsValid);
        Assert.False(Statement.TryDeserialize("""{"kind":"quote","speaker":"a"}"""u8, out _, out var errors));
        Assert.NotEmpty(errors);
    }
}
