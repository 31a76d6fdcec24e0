// Hand-written enums for the comparison models: the same values and exact JSON spellings as the enums FactSchema
// generates from the standard news-fact schemas. Every member carries its spelling twice, once for each library:
// [JsonStringEnumMemberName] for System.Text.Json (with JsonStringEnumConverter<TEnum> on the type) and
// [EnumMember] for Newtonsoft.Json (with its StringEnumConverter on the type).
using System.Runtime.Serialization;
using System.Text.Json.Serialization;
using NJ = Newtonsoft.Json;
using NJConverters = Newtonsoft.Json.Converters;

namespace FactSchema.Benchmarks.Comparison;

/// <summary>Sort of actor (actor.schema.json#/$defs/actorKind).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ActorKind>))]
[NJ.JsonConverter(typeof(NJConverters.StringEnumConverter))]
public enum ActorKind
{
    /// <summary>JSON value "person".</summary>
    [JsonStringEnumMemberName("person")]
    [EnumMember(Value = "person")]
    Person,

    /// <summary>JSON value "organisation".</summary>
    [JsonStringEnumMemberName("organisation")]
    [EnumMember(Value = "organisation")]
    Organisation,

    /// <summary>JSON value "alliance".</summary>
    [JsonStringEnumMemberName("alliance")]
    [EnumMember(Value = "alliance")]
    Alliance,

    /// <summary>JSON value "country".</summary>
    [JsonStringEnumMemberName("country")]
    [EnumMember(Value = "country")]
    Country,

    /// <summary>JSON value "outlet".</summary>
    [JsonStringEnumMemberName("outlet")]
    [EnumMember(Value = "outlet")]
    Outlet,

    /// <summary>JSON value "group".</summary>
    [JsonStringEnumMemberName("group")]
    [EnumMember(Value = "group")]
    Group,
}

/// <summary>Social-media platform (actor.schema.json#/$defs/platform).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Platform>))]
[NJ.JsonConverter(typeof(NJConverters.StringEnumConverter))]
public enum Platform
{
    /// <summary>JSON value "x".</summary>
    [JsonStringEnumMemberName("x")]
    [EnumMember(Value = "x")]
    X,

    /// <summary>JSON value "facebook".</summary>
    [JsonStringEnumMemberName("facebook")]
    [EnumMember(Value = "facebook")]
    Facebook,

    /// <summary>JSON value "instagram".</summary>
    [JsonStringEnumMemberName("instagram")]
    [EnumMember(Value = "instagram")]
    Instagram,

    /// <summary>JSON value "threads".</summary>
    [JsonStringEnumMemberName("threads")]
    [EnumMember(Value = "threads")]
    Threads,

    /// <summary>JSON value "bluesky".</summary>
    [JsonStringEnumMemberName("bluesky")]
    [EnumMember(Value = "bluesky")]
    Bluesky,

    /// <summary>JSON value "mastodon".</summary>
    [JsonStringEnumMemberName("mastodon")]
    [EnumMember(Value = "mastodon")]
    Mastodon,

    /// <summary>JSON value "telegram".</summary>
    [JsonStringEnumMemberName("telegram")]
    [EnumMember(Value = "telegram")]
    Telegram,

    /// <summary>JSON value "youtube".</summary>
    [JsonStringEnumMemberName("youtube")]
    [EnumMember(Value = "youtube")]
    Youtube,

    /// <summary>JSON value "tiktok".</summary>
    [JsonStringEnumMemberName("tiktok")]
    [EnumMember(Value = "tiktok")]
    Tiktok,

    /// <summary>JSON value "linkedin".</summary>
    [JsonStringEnumMemberName("linkedin")]
    [EnumMember(Value = "linkedin")]
    Linkedin,

    /// <summary>JSON value "truth-social".</summary>
    [JsonStringEnumMemberName("truth-social")]
    [EnumMember(Value = "truth-social")]
    TruthSocial,

    /// <summary>JSON value "other".</summary>
    [JsonStringEnumMemberName("other")]
    [EnumMember(Value = "other")]
    Other,
}

/// <summary>What is pledged (pledge.schema.json#/$defs/pledgeKind).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PledgeKind>))]
[NJ.JsonConverter(typeof(NJConverters.StringEnumConverter))]
public enum PledgeKind
{
    /// <summary>JSON value "military-aid".</summary>
    [JsonStringEnumMemberName("military-aid")]
    [EnumMember(Value = "military-aid")]
    MilitaryAid,

    /// <summary>JSON value "financial-aid".</summary>
    [JsonStringEnumMemberName("financial-aid")]
    [EnumMember(Value = "financial-aid")]
    FinancialAid,

    /// <summary>JSON value "humanitarian-aid".</summary>
    [JsonStringEnumMemberName("humanitarian-aid")]
    [EnumMember(Value = "humanitarian-aid")]
    HumanitarianAid,

    /// <summary>JSON value "unspecified-aid".</summary>
    [JsonStringEnumMemberName("unspecified-aid")]
    [EnumMember(Value = "unspecified-aid")]
    UnspecifiedAid,

    /// <summary>JSON value "security-guarantee".</summary>
    [JsonStringEnumMemberName("security-guarantee")]
    [EnumMember(Value = "security-guarantee")]
    SecurityGuarantee,

    /// <summary>JSON value "weapons-sales".</summary>
    [JsonStringEnumMemberName("weapons-sales")]
    [EnumMember(Value = "weapons-sales")]
    WeaponsSales,

    /// <summary>JSON value "defence-assistance".</summary>
    [JsonStringEnumMemberName("defence-assistance")]
    [EnumMember(Value = "defence-assistance")]
    DefenceAssistance,

    /// <summary>JSON value "defence-spending".</summary>
    [JsonStringEnumMemberName("defence-spending")]
    [EnumMember(Value = "defence-spending")]
    DefenceSpending,

    /// <summary>JSON value "other".</summary>
    [JsonStringEnumMemberName("other")]
    [EnumMember(Value = "other")]
    Other,
}

/// <summary>Status of a pledge (pledge.schema.json#/$defs/pledgeStatus).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PledgeStatus>))]
[NJ.JsonConverter(typeof(NJConverters.StringEnumConverter))]
public enum PledgeStatus
{
    /// <summary>JSON value "expected".</summary>
    [JsonStringEnumMemberName("expected")]
    [EnumMember(Value = "expected")]
    Expected,

    /// <summary>JSON value "proposed".</summary>
    [JsonStringEnumMemberName("proposed")]
    [EnumMember(Value = "proposed")]
    Proposed,

    /// <summary>JSON value "preparing".</summary>
    [JsonStringEnumMemberName("preparing")]
    [EnumMember(Value = "preparing")]
    Preparing,

    /// <summary>JSON value "announced".</summary>
    [JsonStringEnumMemberName("announced")]
    [EnumMember(Value = "announced")]
    Announced,

    /// <summary>JSON value "confirmed".</summary>
    [JsonStringEnumMemberName("confirmed")]
    [EnumMember(Value = "confirmed")]
    Confirmed,

    /// <summary>JSON value "opposed".</summary>
    [JsonStringEnumMemberName("opposed")]
    [EnumMember(Value = "opposed")]
    Opposed,

    /// <summary>JSON value "blocked".</summary>
    [JsonStringEnumMemberName("blocked")]
    [EnumMember(Value = "blocked")]
    Blocked,

    /// <summary>JSON value "refused".</summary>
    [JsonStringEnumMemberName("refused")]
    [EnumMember(Value = "refused")]
    Refused,

    /// <summary>JSON value "not-provided".</summary>
    [JsonStringEnumMemberName("not-provided")]
    [EnumMember(Value = "not-provided")]
    NotProvided,

    /// <summary>JSON value "not-announced".</summary>
    [JsonStringEnumMemberName("not-announced")]
    [EnumMember(Value = "not-announced")]
    NotAnnounced,

    /// <summary>JSON value "suspended".</summary>
    [JsonStringEnumMemberName("suspended")]
    [EnumMember(Value = "suspended")]
    Suspended,

    /// <summary>JSON value "withdrawn".</summary>
    [JsonStringEnumMemberName("withdrawn")]
    [EnumMember(Value = "withdrawn")]
    Withdrawn,

    /// <summary>JSON value "fulfilled".</summary>
    [JsonStringEnumMemberName("fulfilled")]
    [EnumMember(Value = "fulfilled")]
    Fulfilled,
}

/// <summary>How an amount's value is to be read (pledge.schema.json#/$defs/amountQualifier).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AmountQualifier>))]
[NJ.JsonConverter(typeof(NJConverters.StringEnumConverter))]
public enum AmountQualifier
{
    /// <summary>JSON value "exact".</summary>
    [JsonStringEnumMemberName("exact")]
    [EnumMember(Value = "exact")]
    Exact,

    /// <summary>JSON value "approximately".</summary>
    [JsonStringEnumMemberName("approximately")]
    [EnumMember(Value = "approximately")]
    Approximately,

    /// <summary>JSON value "up-to".</summary>
    [JsonStringEnumMemberName("up-to")]
    [EnumMember(Value = "up-to")]
    UpTo,

    /// <summary>JSON value "at-least".</summary>
    [JsonStringEnumMemberName("at-least")]
    [EnumMember(Value = "at-least")]
    AtLeast,

    /// <summary>JSON value "more-than".</summary>
    [JsonStringEnumMemberName("more-than")]
    [EnumMember(Value = "more-than")]
    MoreThan,

    /// <summary>JSON value "less-than".</summary>
    [JsonStringEnumMemberName("less-than")]
    [EnumMember(Value = "less-than")]
    LessThan,

    /// <summary>JSON value "unspecified".</summary>
    [JsonStringEnumMemberName("unspecified")]
    [EnumMember(Value = "unspecified")]
    Unspecified,
}

/// <summary>Order of magnitude as worded (pledge.schema.json#/$defs/magnitude).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Magnitude>))]
[NJ.JsonConverter(typeof(NJConverters.StringEnumConverter))]
public enum Magnitude
{
    /// <summary>JSON value "thousands".</summary>
    [JsonStringEnumMemberName("thousands")]
    [EnumMember(Value = "thousands")]
    Thousands,

    /// <summary>JSON value "millions".</summary>
    [JsonStringEnumMemberName("millions")]
    [EnumMember(Value = "millions")]
    Millions,

    /// <summary>JSON value "billions".</summary>
    [JsonStringEnumMemberName("billions")]
    [EnumMember(Value = "billions")]
    Billions,

    /// <summary>JSON value "trillions".</summary>
    [JsonStringEnumMemberName("trillions")]
    [EnumMember(Value = "trillions")]
    Trillions,
}

/// <summary>How faithfully a quote reproduces the speaker's words (quote.schema.json#/$defs/quoteKind).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<QuoteKind>))]
[NJ.JsonConverter(typeof(NJConverters.StringEnumConverter))]
public enum QuoteKind
{
    /// <summary>JSON value "verbatim".</summary>
    [JsonStringEnumMemberName("verbatim")]
    [EnumMember(Value = "verbatim")]
    Verbatim,

    /// <summary>JSON value "partial".</summary>
    [JsonStringEnumMemberName("partial")]
    [EnumMember(Value = "partial")]
    Partial,

    /// <summary>JSON value "edited".</summary>
    [JsonStringEnumMemberName("edited")]
    [EnumMember(Value = "edited")]
    Edited,

    /// <summary>JSON value "paraphrase".</summary>
    [JsonStringEnumMemberName("paraphrase")]
    [EnumMember(Value = "paraphrase")]
    Paraphrase,
}

/// <summary>Medium through which words were delivered (quote.schema.json#/$defs/channel).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Channel>))]
[NJ.JsonConverter(typeof(NJConverters.StringEnumConverter))]
public enum Channel
{
    /// <summary>JSON value "social-media".</summary>
    [JsonStringEnumMemberName("social-media")]
    [EnumMember(Value = "social-media")]
    SocialMedia,

    /// <summary>JSON value "press-conference".</summary>
    [JsonStringEnumMemberName("press-conference")]
    [EnumMember(Value = "press-conference")]
    PressConference,

    /// <summary>JSON value "interview".</summary>
    [JsonStringEnumMemberName("interview")]
    [EnumMember(Value = "interview")]
    Interview,

    /// <summary>JSON value "statement".</summary>
    [JsonStringEnumMemberName("statement")]
    [EnumMember(Value = "statement")]
    Statement,

    /// <summary>JSON value "speech".</summary>
    [JsonStringEnumMemberName("speech")]
    [EnumMember(Value = "speech")]
    Speech,

    /// <summary>JSON value "briefing".</summary>
    [JsonStringEnumMemberName("briefing")]
    [EnumMember(Value = "briefing")]
    Briefing,

    /// <summary>JSON value "meeting".</summary>
    [JsonStringEnumMemberName("meeting")]
    [EnumMember(Value = "meeting")]
    Meeting,

    /// <summary>JSON value "phone-call".</summary>
    [JsonStringEnumMemberName("phone-call")]
    [EnumMember(Value = "phone-call")]
    PhoneCall,

    /// <summary>JSON value "other".</summary>
    [JsonStringEnumMemberName("other")]
    [EnumMember(Value = "other")]
    Other,
}

/// <summary>How one quote relates to another (quote.schema.json#/$defs/quoteRelationKind).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<QuoteRelationKind>))]
[NJ.JsonConverter(typeof(NJConverters.StringEnumConverter))]
public enum QuoteRelationKind
{
    /// <summary>JSON value "same-statement".</summary>
    [JsonStringEnumMemberName("same-statement")]
    [EnumMember(Value = "same-statement")]
    SameStatement,

    /// <summary>JSON value "agrees-with".</summary>
    [JsonStringEnumMemberName("agrees-with")]
    [EnumMember(Value = "agrees-with")]
    AgreesWith,

    /// <summary>JSON value "disagrees-with".</summary>
    [JsonStringEnumMemberName("disagrees-with")]
    [EnumMember(Value = "disagrees-with")]
    DisagreesWith,

    /// <summary>JSON value "responds-to".</summary>
    [JsonStringEnumMemberName("responds-to")]
    [EnumMember(Value = "responds-to")]
    RespondsTo,

    /// <summary>JSON value "elaborates".</summary>
    [JsonStringEnumMemberName("elaborates")]
    [EnumMember(Value = "elaborates")]
    Elaborates,
}

/// <summary>Sort of source document (source.schema.json#/$defs/sourceKind).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SourceKind>))]
[NJ.JsonConverter(typeof(NJConverters.StringEnumConverter))]
public enum SourceKind
{
    /// <summary>JSON value "news-article".</summary>
    [JsonStringEnumMemberName("news-article")]
    [EnumMember(Value = "news-article")]
    NewsArticle,

    /// <summary>JSON value "social-media-post".</summary>
    [JsonStringEnumMemberName("social-media-post")]
    [EnumMember(Value = "social-media-post")]
    SocialMediaPost,

    /// <summary>JSON value "press-release".</summary>
    [JsonStringEnumMemberName("press-release")]
    [EnumMember(Value = "press-release")]
    PressRelease,

    /// <summary>JSON value "official-statement".</summary>
    [JsonStringEnumMemberName("official-statement")]
    [EnumMember(Value = "official-statement")]
    OfficialStatement,

    /// <summary>JSON value "transcript".</summary>
    [JsonStringEnumMemberName("transcript")]
    [EnumMember(Value = "transcript")]
    Transcript,

    /// <summary>JSON value "broadcast".</summary>
    [JsonStringEnumMemberName("broadcast")]
    [EnumMember(Value = "broadcast")]
    Broadcast,

    /// <summary>JSON value "document".</summary>
    [JsonStringEnumMemberName("document")]
    [EnumMember(Value = "document")]
    Document,

    /// <summary>JSON value "unspecified".</summary>
    [JsonStringEnumMemberName("unspecified")]
    [EnumMember(Value = "unspecified")]
    Unspecified,
}

/// <summary>Where holders stand on an issue (statement.schema.json#/$defs/stance).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Stance>))]
[NJ.JsonConverter(typeof(NJConverters.StringEnumConverter))]
public enum Stance
{
    /// <summary>JSON value "supports".</summary>
    [JsonStringEnumMemberName("supports")]
    [EnumMember(Value = "supports")]
    Supports,

    /// <summary>JSON value "opposes".</summary>
    [JsonStringEnumMemberName("opposes")]
    [EnumMember(Value = "opposes")]
    Opposes,

    /// <summary>JSON value "rules-out".</summary>
    [JsonStringEnumMemberName("rules-out")]
    [EnumMember(Value = "rules-out")]
    RulesOut,

    /// <summary>JSON value "open-to".</summary>
    [JsonStringEnumMemberName("open-to")]
    [EnumMember(Value = "open-to")]
    OpenTo,

    /// <summary>JSON value "undecided".</summary>
    [JsonStringEnumMemberName("undecided")]
    [EnumMember(Value = "undecided")]
    Undecided,
}
