using System.Text.Json;
using CsCheck;
using FactSchema.News;

namespace FactSchema.Tests;

/// <summary>
/// Random valid fact sets (the standard vocabulary) survive serialize → deserialize → equality, and the
/// canonical form (our own output) survives deserialize → serialize byte for byte. Strings cover every
/// escape class: quotes, backslashes, control characters, HTML-sensitive characters, non-ASCII, surrogate pairs.
/// </summary>
public sealed class VocabularyPropertyTests
{
    private static readonly Gen<string> s_text = Gen.OneOf<string>(
        Gen.String[Gen.Char.Where(c => !char.IsSurrogate(c)), 0, 30],
        Gen.OneOf("Зеленський", "Jean-Noël", "李明", "🇺🇦 \ud83d\ude00", "\"quoted\" \\ back", "<b>&'+</b>", "tab\there\nline", "\u0000\u001f\u007f\u2028"));

    private static readonly Gen<string> s_id = Gen.Int[0, 9999].Select(i => "id-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static readonly Gen<DateOnly> s_date = Gen.Int[0, 3650].Select(d => new DateOnly(2020, 1, 1).AddDays(d));

    private static readonly Gen<Amount> s_amount = Gen.Select(Gen.Decimal.Nullable(), Gen.OneOf("EUR", "USD", "UAH"), Gen.Enum<AmountQualifier>(), Gen.Enum<Magnitude>().Nullable(), s_text.Null(),
        (value, currency, qualifier, magnitude, text) => new Amount { Value = value is { } v ? Math.Abs(v) : null, Currency = currency, Qualifier = qualifier, Magnitude = magnitude, Text = text });

    private static readonly Gen<Pledge> s_pledge = Gen.Select(s_id, Gen.Enum<PledgeKind>(), s_text, s_id.Array[1, 3], Gen.Enum<PledgeStatus>(), s_amount.Null(), s_date.Nullable(), s_id.Array[0, 3].Null())
        .Select(t => new Pledge
        {
            Id = t.Item1, Kind = t.Item2, Summary = t.Item3, Pledgers = t.Item4, Status = t.Item5, Amount = t.Item6,
            AnnouncedOn = t.Item7, OpposedBy = t.Item8, Sources = new[] { "s" },
            StatusHistory = t.Item7 is { } d ? new[] { new StatusChange { Status = t.Item5, Date = d, Note = t.Item3 } } : null,
        });

    private static readonly Gen<Quote> s_quote = Gen.Select(s_id, s_id, s_text.Where(t => t.Length > 0), Gen.Enum<QuoteKind>(), s_date.Nullable(), Gen.Int[0, 2], Gen.Enum<Channel>().Nullable(), s_text.Null())
        .Select(t =>
        {
            var quote = new Quote { Id = t.Item1, Speaker = t.Item2, Text = t.Item3, Kind = t.Item4, Channel = t.Item7, Context = t.Item8, Sources = new[] { "s" } };

            // 0: date absent, 1: date present, 2: date explicitly null ("known to be unknown").
            return t.Item6 switch { 1 => quote with { Date = t.Item5 ?? new DateOnly(2025, 2, 27) }, 2 => quote with { Date = null }, _ => quote };
        });

    private static readonly Gen<Actor> s_actor = Gen.Select(s_id, Gen.Enum<ActorKind>(), s_text, s_text.Array[0, 3].Null(), Gen.Enum<Platform>(), s_id)
        .Select(t => new Actor
        {
            Id = t.Item1, Kind = t.Item2, Name = t.Item3, Aliases = t.Item4?.Distinct(StringComparer.Ordinal).ToArray(), // the schema says uniqueItems
            SocialHandles = new[] { new SocialHandle { Platform = t.Item5, Handle = "@" + t.Item6 } },
            Roles = new[] { new Role { Title = t.Item6, StartDate = new DateOnly(2024, 10, 1) } },
        });

    private static readonly Gen<FactSet> s_factSet = Gen.Select(s_actor.Array[0, 4], s_pledge.Array[0, 4], s_quote.Array[0, 4], s_text)
        .Select(t => new FactSet
        {
            Article = new Article { Source = "s", Headline = t.Item4 },
            Actors = t.Item1, Pledges = t.Item2, Quotes = t.Item3,
            Sources = new[] { new Source { Id = "s", Kind = SourceKind.NewsArticle, Url = "https://example.org/a?b=c&d=%C3%A9", PublishedAt = new DateTimeOffset(2025, 2, 27, 14, 30, 0, TimeSpan.FromHours(1)) } },
        });

    [Fact]
    public void RandomFactSetsRoundTrip()
    {
        var pcg = new PCG(3, 20250227);
        var valid = 0;
        for (var i = 0; i < 500; i++)
        {
            var value = s_factSet.Generate(pcg, null, out _);
            var bytes = value.SerializeToUtf8Bytes();

            // The generator does not know every constraint (patterns, uniqueness): a value that breaks one is
            // rejected on read with exactly the errors Validate() reports; a valid one round-trips.
            var result = value.Validate();
            if (!result.IsValid)
            {
                var error = Assert.Throws<FactSchema.Validation.FactSchemaValidationException>(() => FactSet.Deserialize(bytes));
                Assert.Equal(result.Errors.Select(e => e.InstanceLocation + " " + e.Message), error.Errors.Select(e => e.InstanceLocation + " " + e.Message));
                Assert.False(FactSet.TryDeserialize(bytes, out _, out var errors));
                Assert.Equal(result.Errors.Count, errors.Count);
                continue;
            }

            valid++;
            var back = FactSet.Deserialize(bytes);
            Assert.Equal(value, back);
            Assert.Equal(bytes, back.SerializeToUtf8Bytes());
            Assert.Equal(bytes, JsonSerializer.SerializeToUtf8Bytes(value));
        }

        Assert.True(valid >= 100, $"only {valid} of 500 generated fact sets were valid");
    }

    [Fact]
    public void OffsetsAndExplicitNullsAreKept()
    {
        var source = new Source { Id = "s", Kind = SourceKind.Broadcast, PublishedAt = new DateTimeOffset(2025, 2, 27, 23, 59, 59, 999, TimeSpan.FromHours(-5)) };
        var back = Source.Deserialize(source.SerializeToUtf8Bytes());
        Assert.Equal(TimeSpan.FromHours(-5), back.PublishedAt!.Value.Value.Offset);
        Assert.Equal(source, back);
    }
}
