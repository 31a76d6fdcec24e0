using System.Text.Json;
using FactSchema.News;
using FactSchema.Serialization;

namespace FactSchema.Tests;

/// <summary>The standard news-fact vocabulary, on the sample article's facts.</summary>
public sealed class VocabularyTests
{
    [Fact]
    public void SampleDocumentRoundTripsWithoutLoss()
    {
        var original = TestData.SampleFacts;
        var facts = FactSet.Deserialize(original);
        var written = facts.SerializeToUtf8Bytes();

        using var before = JsonDocument.Parse(original);
        using var after = JsonDocument.Parse(written);
        Assert.True(JsonElementEqualityComparer.Instance.Equals(before.RootElement, after.RootElement));
        Assert.Equal(facts, FactSet.Deserialize(written));
    }

    [Fact]
    public void TwoReadsOfTheSameDocumentAreEqual()
    {
        var a = FactSet.Deserialize(TestData.SampleFacts);
        var b = FactSet.Deserialize(TestData.SampleFacts);

        Assert.NotSame(a, b);
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, b with { Quotes = b.Quotes.Skip(1).ToList() });
    }

    [Fact]
    public void JsonSerializerUsesTheGeneratedCode()
    {
        var facts = FactSet.Deserialize(TestData.SampleFacts);

        var viaSerializer = JsonSerializer.SerializeToUtf8Bytes(facts);
        Assert.Equal(facts.SerializeToUtf8Bytes(), viaSerializer);
        Assert.Equal(facts, JsonSerializer.Deserialize<FactSet>(viaSerializer));
    }

    [Fact]
    public void TheArticlesFactsAreThere()
    {
        var facts = FactSet.Deserialize(TestData.SampleFacts);

        var euPackage = Assert.Single(facts.Pledges, p => p.Pledgers.Contains("eu") && p.Kind == PledgeKind.MilitaryAid);
        Assert.Equal(20_000_000_000m, euPackage.Amount!.Value);
        Assert.Equal("EUR", euPackage.Amount.Currency);
        Assert.Equal(AmountQualifier.UpTo, euPackage.Amount.Qualifier);
        Assert.Equal(new[] { "italy", "portugal", "spain" }, euPackage.OpposedBy!.OrderBy(x => x));

        var post = Assert.Single(facts.Quotes, q => q.Kind == QuoteKind.Verbatim && q.Speaker == "mark-rutte");
        Assert.Equal(new DateOnly(2025, 2, 27), post.Date);
        Assert.Contains(facts.Quotes, q => q.Text == "stop whining" && q.Kind == QuoteKind.Partial);
        Assert.Contains(facts.Quotes, q => q.Text == "somewhat angry");
        Assert.Contains(facts.Quotes, q => q.Text == "forget" && q.Speaker == "donald-trump" && q.Date == new DateOnly(2025, 2, 26));
        Assert.Contains(facts.Pledges, p => p.Pledgers.Contains("us") && p.Kind == PledgeKind.DefenceAssistance && p.Status == PledgeStatus.NotProvided);
    }

    [Fact]
    public void KebabCaseEnumSpellingIsPreserved()
    {
        Assert.Equal("military-aid", PledgeKindJsonConverter.ToJsonString(PledgeKind.MilitaryAid));
        Assert.True(PledgeStatusJsonConverter.TryParse("not-provided", out var status));
        Assert.Equal(PledgeStatus.NotProvided, status);
        Assert.Equal("\"military-aid\"", JsonSerializer.Serialize(PledgeKind.MilitaryAid));
    }

    [Theory]
    [InlineData("unknown status", "/pledges/4/status", "'promised' is not one of")]
    [InlineData("missing speaker", "/quotes/3", "the required property 'speaker' is missing")]
    [InlineData("wrong currency", "/pledges/4/amount/currency", "'eur' does not match ^[A-Z]{3}$")]
    [InlineData("empty quote text", "/quotes/0/text", "'' is empty, but must have at least 1 character")]
    [InlineData("number as text", "/pledges/4/amount/value", "expected a number, found the string '20'")]
    [InlineData("extra property", "/actors/0/nickname", "not allowed")]
    [InlineData("bad date", "/quotes/0/date", "'27/02/2025' is not a date")]
    [InlineData("unknown statement type", "/statements/1/type", "'rumour' is not a known Statement discriminator; expected one of 'quote', 'position'")]
    [InlineData("position without evidence", "/statements/1/evidence", "the array has fewer than 1 items")]
    public void SchemaBreakingDocumentsAreRejectedWithTheirPath(string change, string pointer, string message)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(TestData.SampleFacts)!;
        switch (change)
        {
            case "unknown status": json["pledges"]![4]!["status"] = "promised"; break;
            case "missing speaker": json["quotes"]![3]!.AsObject().Remove("speaker"); break;
            case "number as text": json["pledges"]![4]!["amount"]!["value"] = "20"; break;
            case "extra property": json["actors"]![0]!["nickname"] = "Mark"; break;
            case "bad date": json["quotes"]![0]!["date"] = "27/02/2025"; break;
            case "wrong currency": json["pledges"]![4]!["amount"]!["currency"] = "eur"; break;
            case "empty quote text": json["quotes"]![0]!["text"] = ""; break;
            case "unknown statement type": json["statements"]![1]!["type"] = "rumour"; break;
            case "position without evidence": json["statements"]![1]!["evidence"] = new System.Text.Json.Nodes.JsonArray(); break;
        }

        var error = Assert.ThrowsAny<FactSchemaJsonException>(() => FactSet.Deserialize(TestData.Utf8(json.ToJsonString())));
        Assert.Equal(pointer, error.InstanceLocation);
        Assert.Contains(message, error.Message);
        Assert.StartsWith(pointer + ": ", error.Message);
        Assert.NotNull(error.LineNumber);
        Assert.IsAssignableFrom<JsonException>(error);
    }

    [Fact]
    public void StatementsAreQuotesOrPositionsWithEvidence()
    {
        var facts = FactSet.Deserialize(TestData.SampleFacts);

        var positions = facts.Statements!.OfType<Position>().ToList();
        Assert.Equal(2, facts.Statements!.OfType<QuotedStatement>().Count());
        var trump = Assert.Single(positions, p => p.Holders.SequenceEqual(new[] { "donald-trump" }));
        Assert.Equal(Stance.RulesOut, trump.Stance);
        Assert.Equal("ukraine-nato-membership", trump.Issue);
        Assert.All(trump.Evidence, e => Assert.IsType<QuoteEvidence>(e));

        var opposition = Assert.Single(positions, p => p.Stance == Stance.Opposes);
        var document = Assert.IsType<DocumentEvidence>(Assert.Single(opposition.Evidence));
        Assert.Equal("politico-2025-02-25", document.Source);

        // Every quote a statement or its evidence names is in the fact set.
        var quoteIds = facts.Quotes.Select(q => q.Id).ToHashSet();
        var cited = facts.Statements!.SelectMany(s => s switch
        {
            QuotedStatement q => new[] { q.Quote },
            Position p => p.Evidence.OfType<QuoteEvidence>().Select(e => e.Quote).ToArray(),
            _ => throw new InvalidOperationException("unreachable"),
        });
        Assert.All(cited, id => Assert.Contains(id, quoteIds));

        // The union converters serve JsonSerializer too.
        var viaSerializer = JsonSerializer.Deserialize<List<Statement>>(JsonSerializer.Serialize(facts.Statements))!;
        Assert.Equal(facts.Statements, viaSerializer);
    }
}
