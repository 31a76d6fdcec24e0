// Hand-written comparison models with the same shape as FactSchema's generated FactSet: every property of every
// type, the same JSON names (camelCase of the property names, applied by each library's naming policy), the same
// .NET types (decimal for money, DateOnly for dates, Uri for uri, DateTimeOffset for date-time) and List<T> for
// arrays, the concrete type FactSchema's readers build. The same classes serve System.Text.Json (source-generated
// and reflection) and Newtonsoft.Json, so every benchmark column reads and writes the same data.
//
// Members the schema requires are marked required for both libraries ([JsonRequired], Required.Always), so that
// they check presence as FactSchema's readers do. They are deliberately not C# `required` members: for those the
// System.Text.Json source generator builds objects through its parameterized-constructor path (values boxed into
// an argument array), which made its deserialization about twice as slow as the reflection path in a trial run,
// a cost that says more about that combination than about System.Text.Json.
//
// Two schema details need a word:
// - quote.date may be null ("the source gives no date") as well as absent ("not recorded"). FactSchema keeps the
//   difference; these plain models cannot, so they always write the date, null included. Every quote of the
//   sample has a date member, so the JSON is the same for it.
// - statement and evidence are unions told apart by "type" (statement.schema.json, evidence.schema.json): abstract
//   base classes with System.Text.Json's [JsonPolymorphic] and, for Newtonsoft.Json, a small converter
//   (DiscriminatedConverter) that dispatches on "type"; a get-only TypeTag property writes it for Newtonsoft.Json.
// - amount.additional (default false) is written by FactSchema only when the document had it; bool? gives the
//   same here: null is left out, true and false are written.
using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;
using NJ = Newtonsoft.Json;

namespace FactSchema.Benchmarks.Comparison;

/// <summary>All the facts one news article states (fact-set.schema.json).</summary>
public sealed class FactSetPoco
{
    /// <summary>Version of the news-fact vocabulary; always "1.0".</summary>
    [JsonRequired]
    [NJ.JsonProperty(Required = NJ.Required.Always)]
    public string SchemaVersion { get; set; } = "1.0";

    /// <summary>The article the facts were taken from.</summary>
    [JsonRequired]
    [NJ.JsonProperty(Required = NJ.Required.Always)]
    public ArticlePoco Article { get; set; } = null!;

    /// <summary>Every actor the article names, quotes or writes as.</summary>
    [JsonRequired]
    [NJ.JsonProperty(Required = NJ.Required.Always)]
    public List<ActorPoco> Actors { get; set; } = null!;

    /// <summary>Every pledge the article states.</summary>
    [JsonRequired]
    [NJ.JsonProperty(Required = NJ.Required.Always)]
    public List<PledgePoco> Pledges { get; set; } = null!;

    /// <summary>Every statement the article attributes to an actor.</summary>
    [JsonRequired]
    [NJ.JsonProperty(Required = NJ.Required.Always)]
    public List<QuotePoco> Quotes { get; set; } = null!;

    /// <summary>Claims attributed to actors: quotes or positions (a union, told apart by "type").</summary>
    public List<StatementPoco>? Statements { get; set; }

    /// <summary>Every source the facts cite.</summary>
    [JsonRequired]
    [NJ.JsonProperty(Required = NJ.Required.Always)]
    public List<SourcePoco> Sources { get; set; } = null!;
}

/// <summary>Metadata of the article (fact-set.schema.json#/$defs/article).</summary>
public sealed class ArticlePoco
{
    /// <summary>Id of the source entry that describes the article itself.</summary>
    [JsonRequired]
    [NJ.JsonProperty(Required = NJ.Required.Always)]
    public string Source { get; set; } = null!;

    /// <summary>The headline, verbatim.</summary>
    [JsonRequired]
    [NJ.JsonProperty(Required = NJ.Required.Always)]
    public string Headline { get; set; } = null!;

    /// <summary>The opening sentence, verbatim.</summary>
    public string? Lede { get; set; }

    /// <summary>BCP 47 language tag.</summary>
    public string? Language { get; set; }

    /// <summary>Statements the article makes in its own voice.</summary>
    public List<string>? BackgroundStatements { get; set; }
}

/// <summary>A person, organisation, alliance, country, outlet or group (actor.schema.json).</summary>
public sealed class ActorPoco
{
    /// <summary>Identifier, unique within the fact set.</summary>
    [JsonRequired]
    [NJ.JsonProperty(Required = NJ.Required.Always)]
    public string Id { get; set; } = null!;

    /// <summary>What sort of actor this is.</summary>
    [JsonRequired]
    [NJ.JsonProperty(Required = NJ.Required.Always)]
    public ActorKind Kind { get; set; }

    /// <summary>Canonical display name.</summary>
    [JsonRequired]
    [NJ.JsonProperty(Required = NJ.Required.Always)]
    public string Name { get; set; } = null!;

    /// <summary>Other names the article uses.</summary>
    public List<string>? Aliases { get; set; }

    /// <summary>Short description.</summary>
    public string? Description { get; set; }

    /// <summary>ISO 3166-1 alpha-2 code.</summary>
    public string? CountryCode { get; set; }

    /// <summary>Positions the actor holds.</summary>
    public List<RolePoco>? Roles { get; set; }

    /// <summary>Ids of the groups the actor belongs to.</summary>
    public List<string>? MemberOf { get; set; }

    /// <summary>Social-media accounts.</summary>
    public List<SocialHandlePoco>? SocialHandles { get; set; }
}

/// <summary>A position an actor holds (actor.schema.json#/$defs/role).</summary>
public sealed class RolePoco
{
    /// <summary>Title of the position.</summary>
    [JsonRequired]
    [NJ.JsonProperty(Required = NJ.Required.Always)]
    public string Title { get; set; } = null!;

    /// <summary>Id of the organisation the position is held in.</summary>
    public string? Organisation { get; set; }

    /// <summary>Date the position was taken up.</summary>
    public DateOnly? StartDate { get; set; }

    /// <summary>Date the position was left.</summary>
    public DateOnly? EndDate { get; set; }
}

/// <summary>An account on a social-media platform (actor.schema.json#/$defs/socialHandle).</summary>
public sealed class SocialHandlePoco
{
    /// <summary>Platform the account is on.</summary>
    [JsonRequired]
    [NJ.JsonProperty(Required = NJ.Required.Always)]
    public Platform Platform { get; set; }

    /// <summary>Handle as displayed.</summary>
    [JsonRequired]
    [NJ.JsonProperty(Required = NJ.Required.Always)]
    public string Handle { get; set; } = null!;

    /// <summary>Profile page.</summary>
    public string? Url { get; set; }
}

/// <summary>A commitment, or an absence or refusal of one (pledge.schema.json).</summary>
public sealed class PledgePoco
{
    /// <summary>Identifier, unique within the fact set.</summary>
    [JsonRequired]
    [NJ.JsonProperty(Required = NJ.Required.Always)]
    public string Id { get; set; } = null!;

    /// <summary>What is pledged.</summary>
    [JsonRequired]
    [NJ.JsonProperty(Required = NJ.Required.Always)]
    public PledgeKind Kind { get; set; }

    /// <summary>One-sentence statement of the pledge.</summary>
    [JsonRequired]
    [NJ.JsonProperty(Required = NJ.Required.Always)]
    public string Summary { get; set; } = null!;

    /// <summary>Ids of the actors making the commitment.</summary>
    [JsonRequired]
    [NJ.JsonProperty(Required = NJ.Required.Always)]
    public List<string> Pledgers { get; set; } = null!;

    /// <summary>Id of the actor the pledge benefits.</summary>
    public string? Recipient { get; set; }

    /// <summary>Size of the pledge.</summary>
    public AmountPoco? Amount { get; set; }

    /// <summary>Latest status.</summary>
    [JsonRequired]
    [NJ.JsonProperty(Required = NJ.Required.Always)]
    public PledgeStatus Status { get; set; }

    /// <summary>Reported steps in the pledge's life.</summary>
    public List<StatusChangePoco>? StatusHistory { get; set; }

    /// <summary>Date first announced.</summary>
    public DateOnly? AnnouncedOn { get; set; }

    /// <summary>Ids of the announcers.</summary>
    public List<string>? AnnouncedBy { get; set; }

    /// <summary>Ids of the opponents.</summary>
    public List<string>? OpposedBy { get; set; }

    /// <summary>Period the pledge applies to.</summary>
    public string? Timeframe { get; set; }

    /// <summary>Ids of related quotes.</summary>
    public List<string>? Quotes { get; set; }

    /// <summary>Ids of the sources.</summary>
    [JsonRequired]
    [NJ.JsonProperty(Required = NJ.Required.Always)]
    public List<string> Sources { get; set; } = null!;
}

/// <summary>A monetary amount (pledge.schema.json#/$defs/amount).</summary>
public sealed class AmountPoco
{
    /// <summary>Figure in whole currency units.</summary>
    public decimal? Value { get; set; }

    /// <summary>ISO 4217 currency code.</summary>
    public string? Currency { get; set; }

    /// <summary>How the value is to be read.</summary>
    [JsonRequired]
    [NJ.JsonProperty(Required = NJ.Required.Always)]
    public AmountQualifier Qualifier { get; set; }

    /// <summary>Order of magnitude as worded.</summary>
    public Magnitude? Magnitude { get; set; }

    /// <summary>True when the amount comes on top of earlier aid; null when the document does not say.</summary>
    public bool? Additional { get; set; }

    /// <summary>The amount as worded.</summary>
    public string? Text { get; set; }
}

/// <summary>One reported step in a pledge's life (pledge.schema.json#/$defs/statusChange).</summary>
public sealed class StatusChangePoco
{
    /// <summary>Status reached.</summary>
    [JsonRequired]
    [NJ.JsonProperty(Required = NJ.Required.Always)]
    public PledgeStatus Status { get; set; }

    /// <summary>Date of the step.</summary>
    public DateOnly? Date { get; set; }

    /// <summary>Ids of the actors who took the step.</summary>
    public List<string>? Actors { get; set; }

    /// <summary>The article's wording of the step.</summary>
    public string? Note { get; set; }

    /// <summary>Ids of the sources.</summary>
    public List<string>? Sources { get; set; }
}

/// <summary>Something an actor said or wrote (quote.schema.json).</summary>
public sealed class QuotePoco
{
    /// <summary>Identifier, unique within the fact set.</summary>
    [JsonRequired]
    [NJ.JsonProperty(Required = NJ.Required.Always)]
    public string Id { get; set; } = null!;

    /// <summary>Id of the speaker.</summary>
    [JsonRequired]
    [NJ.JsonProperty(Required = NJ.Required.Always)]
    public string Speaker { get; set; } = null!;

    /// <summary>The words.</summary>
    [JsonRequired]
    [NJ.JsonProperty(Required = NJ.Required.Always)]
    public string Text { get; set; } = null!;

    /// <summary>How faithfully the text reproduces the words.</summary>
    [JsonRequired]
    [NJ.JsonProperty(Required = NJ.Required.Always)]
    public QuoteKind Kind { get; set; }

    /// <summary>The article's sentences around the quote.</summary>
    public string? Context { get; set; }

    /// <summary>Date the words were said; written even when null (see the note at the top of this file).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    [NJ.JsonProperty(NullValueHandling = NJ.NullValueHandling.Include)]
    public DateOnly? Date { get; set; }

    /// <summary>How the article words the timing.</summary>
    public string? DateText { get; set; }

    /// <summary>Medium the words were delivered through.</summary>
    public Channel? Channel { get; set; }

    /// <summary>Social-media platform.</summary>
    public Platform? Platform { get; set; }

    /// <summary>Event or circumstance.</summary>
    public string? Occasion { get; set; }

    /// <summary>Where the words were said.</summary>
    public LocationPoco? Location { get; set; }

    /// <summary>Ids of the actors addressed.</summary>
    public List<string>? Audience { get; set; }

    /// <summary>Ids of the actors the words are about.</summary>
    public List<string>? About { get; set; }

    /// <summary>Subject tags.</summary>
    public List<string>? Topics { get; set; }

    /// <summary>Links to other quotes.</summary>
    public List<QuoteRelationPoco>? RelatedQuotes { get; set; }

    /// <summary>Ids of the sources.</summary>
    [JsonRequired]
    [NJ.JsonProperty(Required = NJ.Required.Always)]
    public List<string> Sources { get; set; } = null!;
}

/// <summary>A place where something was said (quote.schema.json#/$defs/location).</summary>
public sealed class LocationPoco
{
    /// <summary>Name of the place.</summary>
    [JsonRequired]
    [NJ.JsonProperty(Required = NJ.Required.Always)]
    public string Name { get; set; } = null!;

    /// <summary>Id of the country actor.</summary>
    public string? Country { get; set; }
}

/// <summary>A typed link from one quote to another (quote.schema.json#/$defs/quoteRelation).</summary>
public sealed class QuoteRelationPoco
{
    /// <summary>Id of the other quote.</summary>
    [JsonRequired]
    [NJ.JsonProperty(Required = NJ.Required.Always)]
    public string Quote { get; set; } = null!;

    /// <summary>How this quote relates to the other.</summary>
    [JsonRequired]
    [NJ.JsonProperty(Required = NJ.Required.Always)]
    public QuoteRelationKind Relation { get; set; }
}

/// <summary>A document or post that a fact is attributed to (source.schema.json).</summary>
public sealed class SourcePoco
{
    /// <summary>Identifier, unique within the fact set.</summary>
    [JsonRequired]
    [NJ.JsonProperty(Required = NJ.Required.Always)]
    public string Id { get; set; } = null!;

    /// <summary>What sort of document the source is.</summary>
    [JsonRequired]
    [NJ.JsonProperty(Required = NJ.Required.Always)]
    public SourceKind Kind { get; set; }

    /// <summary>Headline or title.</summary>
    public string? Title { get; set; }

    /// <summary>Id of the publishing outlet.</summary>
    public string? Outlet { get; set; }

    /// <summary>Ids of the authors.</summary>
    public List<string>? Authors { get; set; }

    /// <summary>Absolute address.</summary>
    public string? Url { get; set; }

    /// <summary>Date of publication.</summary>
    public DateOnly? PublishedOn { get; set; }

    /// <summary>Exact time of publication.</summary>
    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>Platform of a social-media post.</summary>
    public Platform? Platform { get; set; }

    /// <summary>Links to attached media as printed.</summary>
    public List<string>? MediaLinks { get; set; }

    /// <summary>Id of the source this one is known through.</summary>
    public string? CitedVia { get; set; }
}

/// <summary>A claim attributed to an actor (statement.schema.json): a quote or a position.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(QuotedStatementPoco), "quote")]
[JsonDerivedType(typeof(PositionPoco), "position")]
[NJ.JsonConverter(typeof(DiscriminatedConverter<StatementPoco>))]
public abstract class StatementPoco
{
    /// <summary>The discriminator, for Newtonsoft.Json (System.Text.Json writes it from [JsonDerivedType]).</summary>
    [JsonIgnore]
    [NJ.JsonProperty("type", Order = -2)]
    public abstract string TypeTag { get; }

    /// <summary>Identifier, unique within the fact set (first after "type", as the schema lists it).</summary>
    [JsonRequired]
    [JsonPropertyOrder(-1)]
    [NJ.JsonProperty(Required = NJ.Required.Always, Order = -1)]
    public string Id { get; set; } = null!;
}

/// <summary>A statement in the actor's own words (statement.schema.json#/$defs/quotedStatement).</summary>
public sealed class QuotedStatementPoco : StatementPoco
{
    /// <inheritdoc/>
    [JsonIgnore]
    public override string TypeTag => "quote";

    /// <summary>Id of the quote.</summary>
    [JsonRequired]
    [NJ.JsonProperty(Required = NJ.Required.Always)]
    public string Quote { get; set; } = null!;

    /// <summary>Issues, as tags.</summary>
    public List<string>? Topics { get; set; }
}

/// <summary>A stance on an issue (statement.schema.json#/$defs/position).</summary>
public sealed class PositionPoco : StatementPoco
{
    /// <inheritdoc/>
    [JsonIgnore]
    public override string TypeTag => "position";

    /// <summary>Ids of the holders.</summary>
    [JsonRequired]
    [NJ.JsonProperty(Required = NJ.Required.Always)]
    public List<string> Holders { get; set; } = null!;

    /// <summary>The issue tag.</summary>
    [JsonRequired]
    [NJ.JsonProperty(Required = NJ.Required.Always)]
    public string Issue { get; set; } = null!;

    /// <summary>Where the holders stand.</summary>
    [JsonRequired]
    [NJ.JsonProperty(Required = NJ.Required.Always)]
    public Stance Stance { get; set; }

    /// <summary>The position in a sentence.</summary>
    [JsonRequired]
    [NJ.JsonProperty(Required = NJ.Required.Always)]
    public string Summary { get; set; } = null!;

    /// <summary>What it rests on.</summary>
    [JsonRequired]
    [NJ.JsonProperty(Required = NJ.Required.Always)]
    public List<EvidencePoco> Evidence { get; set; } = null!;
}

/// <summary>What a statement rests on (evidence.schema.json): a quote or a document.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(QuoteEvidencePoco), "quote")]
[JsonDerivedType(typeof(DocumentEvidencePoco), "document")]
[NJ.JsonConverter(typeof(DiscriminatedConverter<EvidencePoco>))]
public abstract class EvidencePoco
{
    /// <summary>The discriminator, for Newtonsoft.Json.</summary>
    [JsonIgnore]
    [NJ.JsonProperty("type", Order = -2)]
    public abstract string TypeTag { get; }
}

/// <summary>A quote of the fact set (evidence.schema.json#/$defs/quoteEvidence).</summary>
public sealed class QuoteEvidencePoco : EvidencePoco
{
    /// <inheritdoc/>
    [JsonIgnore]
    public override string TypeTag => "quote";

    /// <summary>Id of the quote.</summary>
    [JsonRequired]
    [NJ.JsonProperty(Required = NJ.Required.Always)]
    public string Quote { get; set; } = null!;
}

/// <summary>A document cited through a source entry (evidence.schema.json#/$defs/documentEvidence).</summary>
public sealed class DocumentEvidencePoco : EvidencePoco
{
    /// <inheritdoc/>
    [JsonIgnore]
    public override string TypeTag => "document";

    /// <summary>Id of the source entry.</summary>
    [JsonRequired]
    [NJ.JsonProperty(Required = NJ.Required.Always)]
    public string Source { get; set; } = null!;

    /// <summary>The article's passage about it.</summary>
    public string? Excerpt { get; set; }
}

/// <summary>
/// Newtonsoft.Json reading of the union base classes: loads the object, picks the class from "type", populates it.
/// Writing is Newtonsoft.Json's own (the TypeTag property writes "type" first).
/// </summary>
/// <typeparam name="T">The union base class.</typeparam>
public sealed class DiscriminatedConverter<T> : NJ.JsonConverter
    where T : class
{
    /// <inheritdoc/>
    public override bool CanWrite => false;

    /// <inheritdoc/>
    public override bool CanConvert(Type objectType) => objectType == typeof(T);

    /// <inheritdoc/>
    public override object? ReadJson(NJ.JsonReader reader, Type objectType, object? existingValue, NJ.JsonSerializer serializer)
    {
        if (reader.TokenType == NJ.JsonToken.Null)
        {
            return null;
        }

        var json = Newtonsoft.Json.Linq.JObject.Load(reader);
        object target = (typeof(T).Name, (string?)json["type"]) switch
        {
            (nameof(StatementPoco), "quote") => new QuotedStatementPoco(),
            (nameof(StatementPoco), "position") => new PositionPoco(),
            (nameof(EvidencePoco), "quote") => new QuoteEvidencePoco(),
            (nameof(EvidencePoco), "document") => new DocumentEvidencePoco(),
            var (_, tag) => throw new NJ.JsonSerializationException($"Unknown {typeof(T).Name} type '{tag}'."),
        };
        using var objectReader = json.CreateReader();
        serializer.Populate(objectReader, target);
        return target;
    }

    /// <inheritdoc/>
    public override void WriteJson(NJ.JsonWriter writer, object? value, NJ.JsonSerializer serializer)
        => throw new NotSupportedException("Newtonsoft.Json writes the union classes itself.");
}
