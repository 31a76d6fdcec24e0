using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using FactSchema.News;

namespace FactSchema.Benchmarks.Data;

/// <summary>
/// Makes large fact sets for the benchmarks, always the same for the same size and seed: a realistic mix of pledges
/// and quotes (about 2 : 3, as in the sample article) with the actors and sources they cite, names in many scripts,
/// quote texts of 40–400 characters, decimal amounts in several currencies, and dates in 2025.
/// </summary>
/// <remarks>
/// Every document is valid against the standard news-fact schemas (src/FactSchema/Schemas): ids are kebab-case,
/// currencies and country codes upper-case, enum values exact, required members present, string lengths and
/// <c>uniqueItems</c> respected, URIs absolute. Every id a fact cites is defined in the set, and every quote has a
/// <c>date</c> member (a date, or null for "the source gives no date"), so the plain comparison models, which cannot
/// tell an absent date from a null one, write the same JSON. The tests check validity with a JSON Schema validator.
/// The generator draws from its own SplitMix64 sequence rather than <see cref="Random"/>, so the bytes cannot change
/// with the runtime.
/// </remarks>
public static class SyntheticFactSet
{
    /// <summary>The seed the benchmarks use.</summary>
    public const ulong DefaultSeed = 0x5EED_2025_0227UL;

    private static readonly (string Name, string Slug)[] s_people =
    {
        ("Volodymyr Zelenskyy", "volodymyr-zelenskyy"),
        ("Володимир Зеленський", "volodymyr-zelenskyi"),
        ("Jean-Noël Barrot", "jean-noel-barrot"),
        ("Σωκράτης Φάμελλος", "sokratis-famellos"),
        ("李明", "li-ming"),
        ("Ursula von der Leyen", "ursula-von-der-leyen"),
        ("Kaja Kallas", "kaja-kallas"),
        ("Mark Rutte", "mark-rutte"),
        ("Recep Tayyip Erdoğan", "recep-tayyip-erdogan"),
        ("Donald Tusk", "donald-tusk"),
        ("Petr Pavel", "petr-pavel"),
        ("Gabrielius Landsbergis", "gabrielius-landsbergis"),
        ("Mette Frederiksen", "mette-frederiksen"),
        ("Friedrich Merz", "friedrich-merz"),
        ("Keir Starmer", "keir-starmer"),
        ("Emmanuel Macron", "emmanuel-macron"),
        ("Giorgia Meloni", "giorgia-meloni"),
        ("Pedro Sánchez", "pedro-sanchez"),
        ("Alexander Stubb", "alexander-stubb"),
        ("Jonas Gahr Støre", "jonas-gahr-store"),
        ("Viktor Orbán", "viktor-orban"),
        ("Kyriakos Mitsotakis", "kyriakos-mitsotakis"),
        ("Maia Sandu", "maia-sandu"),
        ("Zoran Milanović", "zoran-milanovic"),
        ("Łukasz Kowalczyk", "lukasz-kowalczyk"),
        ("Ахмед Закаев", "akhmed-zakaev"),
        ("محمد بن سلمان", "mohammed-bin-salman"),
        ("岸田 文雄", "kishida-fumio"),
        ("이재명", "lee-jae-myung"),
        ("नरेंद्र मोदी", "narendra-modi"),
        ("Tamilla Hasanova", "tamilla-hasanova"),
        ("Björn Höcke", "bjorn-hocke"),
        ("Chloé Dubois-Lefèvre", "chloe-dubois-lefevre"),
        ("Dalia Grybauskaitė", "dalia-grybauskaite"),
        ("Şebnem Korur Fincancı", "sebnem-korur-fincanci"),
        ("Ngozi Okonjo-Iweala", "ngozi-okonjo-iweala"),
    };

    private static readonly (string Name, string Slug)[] s_organisations =
    {
        ("European Union", "eu"),
        ("European Commission", "european-commission"),
        ("Pentagon", "pentagon"),
        ("Міністерство оборони України", "ukraine-mod"),
        ("Bundeswehr", "bundeswehr"),
        ("Organisation pour la sécurité et la coopération en Europe", "osce"),
        ("Международный комитет Красного Креста", "icrc"),
        ("World Bank", "world-bank"),
        ("International Monetary Fund", "imf"),
        ("Ελληνικό Υπουργείο Άμυνας", "greek-mod"),
    };

    private static readonly (string Name, string Slug, string Code)[] s_countries =
    {
        ("Ukraine", "ukraine", "UA"), ("United States", "us", "US"), ("Deutschland", "germany", "DE"),
        ("France", "france", "FR"), ("Polska", "poland", "PL"), ("Ελλάδα", "greece", "GR"),
        ("中国", "china", "CN"), ("Türkiye", "turkey", "TR"), ("España", "spain", "ES"),
        ("Italia", "italy", "IT"), ("Norge", "norway", "NO"), ("Suomi", "finland", "FI"),
        ("Lietuva", "lithuania", "LT"), ("日本", "japan", "JP"), ("Россия", "russia", "RU"),
        ("Magyarország", "hungary", "HU"), ("Česko", "czechia", "CZ"), ("Danmark", "denmark", "DK"),
    };

    private static readonly (string Name, string Slug)[] s_alliances =
    {
        ("NATO", "nato"), ("Coalition of the Willing", "coalition-of-the-willing"), ("Ramstein Group", "ramstein-group"),
        ("Weimar Triangle", "weimar-triangle"), ("Nordic-Baltic Eight", "nb8"),
    };

    private static readonly (string Name, string Slug)[] s_outlets =
    {
        ("Politico", "politico"), ("Caliber.Az", "caliber-az"), ("Le Monde", "le-monde"),
        ("Der Spiegel", "der-spiegel"), ("Українська правда", "ukrainska-pravda"), ("Kathimerini", "kathimerini"),
        ("新华社", "xinhua"), ("Reuters", "reuters"), ("Gazeta Wyborcza", "gazeta-wyborcza"),
    };

    private static readonly (string Name, string Slug)[] s_groups =
    {
        ("NATO Allies", "nato-allies"), ("European nations", "european-nations"), ("Eastern flank states", "eastern-flank-states"),
        ("G7 finance ministers", "g7-finance-ministers"), ("Frontline states", "frontline-states"),
    };

    private static readonly string[] s_roleTitles =
    {
        "President", "Prime Minister", "Secretary General", "foreign policy chief", "Minister of Defence",
        "Міністр закордонних справ", "Ministre de l’Europe et des Affaires étrangères", "Bundeskanzler",
        "High Representative", "spokesperson", "chief of staff", "Υπουργός Εθνικής Άμυνας", "国务院总理",
    };

    private static readonly string[] s_words =
    {
        "allies", "support", "Ukraine", "billion", "package", "air-defence", "systems", "security", "guarantees",
        "we", "will", "not", "stop", "until", "the", "job", "is", "done", "continue", "partners", "deliver",
        "ammunition", "winter", "energy", "reconstruction", "sanctions", "negotiations", "ceasefire", "Europe",
        "must", "step", "up", "its", "own", "defence", "spending", "commitment", "remains", "firm", "today",
        "підтримка", "союзники", "оборона", "солідарність", "soutien", "alliés", "défense", "engagement",
        "Unterstützung", "Verteidigung", "Sicherheit", "υποστήριξη", "άμυνα", "ασφάλεια", "支持", "安全", "援助",
        "wsparcie", "bezpieczeństwo", "“no", "half-measures”", "—", "frankly,", "clearly", "again", "together",
    };

    private static readonly string[] s_topics =
    {
        "ukraine-nato-membership", "military-aid", "air-defence", "security-guarantees", "defence-spending",
        "sanctions", "energy-security", "reconstruction", "ceasefire-talks", "ammunition-production",
        "frozen-assets", "eu-enlargement", "black-sea-shipping", "drone-warfare",
    };

    private static readonly string[] s_occasions =
    {
        "during his visit to Slovakia", "after a phone call with the US president", "at the Munich Security Conference",
        "lors d’une conférence de presse à Paris", "на пресконференції в Києві", "at a NATO defence ministers’ meeting",
        "in a televised address", "κατά τη σύνοδο κορυφής της ΕΕ", "在北京的记者会上",
    };

    private static readonly string[] s_places =
    {
        "Brussels", "Kyiv", "Київ", "Paris", "Warszawa", "Αθήνα", "北京", "München", "Bratislava", "Vilnius", "Ankara",
    };

    private static readonly string[] s_timeframes = { "at this time", "this year", "over the next three years", "by the end of 2025", "within weeks", "до кінця року" };

    private static readonly string[] s_currencies = { "EUR", "USD", "GBP", "JPY", "PLN", "SEK", "CHF", "UAH" };

    private static readonly string[] s_currencySigns = { "€", "$", "£", "¥", "zł ", "kr ", "CHF ", "₴" };

    private static readonly string[] s_hosts = { "www.politico.eu", "www.lemonde.fr", "www.spiegel.de", "www.pravda.com.ua", "www.reuters.com", "caliber.az", "www.ekathimerini.com" };

    /// <summary>Makes a fact set with <paramref name="factCount"/> facts (pledges plus quotes).</summary>
    /// <param name="factCount">Number of pledges plus quotes; at least 1.</param>
    /// <param name="seed">Seed of the pseudo-random sequence; the same seed and size always give the same document.</param>
    /// <returns>The fact set.</returns>
    public static FactSet Create(int factCount, ulong seed = DefaultSeed)
    {
        if (factCount < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(factCount), factCount, "A fact set needs at least one fact.");
        }

        return new Builder(factCount, seed).Build();
    }

    /// <summary>Makes the fact set and writes it with FactSchema's generated writer: the bytes every benchmark column reads.</summary>
    /// <param name="factCount">Number of pledges plus quotes.</param>
    /// <param name="seed">Seed of the pseudo-random sequence.</param>
    /// <returns>The compact UTF-8 JSON document.</returns>
    public static byte[] CreateUtf8(int factCount, ulong seed = DefaultSeed) => Create(factCount, seed).SerializeToUtf8Bytes();

    /// <summary>SplitMix64: a small, fast, well-distributed generator whose output never depends on the runtime.</summary>
    private struct SplitMix64
    {
        private ulong _state;

        public SplitMix64(ulong seed) => _state = seed;

        public ulong Next()
        {
            _state += 0x9E3779B97F4A7C15UL;
            var z = _state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        /// <summary>A number in [0, max).</summary>
        public int Below(int max) => (int)(Next() % (ulong)max);

        /// <summary>A number in [min, max] inclusive.</summary>
        public int Between(int min, int max) => min + Below(max - min + 1);

        /// <summary>True with the given probability in percent.</summary>
        public bool Chance(int percent) => Below(100) < percent;

        public T Pick<T>(T[] items) => items[Below(items.Length)];

        public T PickEnum<T>()
            where T : struct, Enum
        {
            var values = Enum.GetValues<T>();
            return values[Below(values.Length)];
        }
    }

    private sealed class Builder
    {
        private static readonly DateOnly s_yearStart = new(2025, 1, 1);

        private readonly int _factCount;
        private SplitMix64 _random;
        private readonly List<string> _actorIds = new();
        private readonly List<string> _organisationIds = new();
        private readonly List<string> _countryIds = new();
        private readonly List<string> _outletIds = new();
        private readonly List<string> _personNames = new();
        private readonly List<string> _sourceIds = new();
        private readonly List<string> _quoteIds = new();

        public Builder(int factCount, ulong seed)
        {
            _factCount = factCount;
            _random = new SplitMix64(seed ^ (ulong)factCount);
        }

        public FactSet Build()
        {
            // Sizes scale with the facts, with the sample article's proportions as the floor (20 actors, 4 sources).
            var pledgeCount = Math.Max(1, (int)Math.Round(_factCount * 0.4));
            var quoteCount = _factCount - pledgeCount;
            var actorCount = Math.Max(20, _factCount / 5);
            var sourceCount = Math.Max(4, _factCount / 10);

            var actors = new List<Actor>(actorCount);
            for (var i = 0; i < actorCount; i++)
            {
                actors.Add(CreateActor(i));
            }

            for (var i = 0; i < quoteCount; i++)
            {
                _quoteIds.Add(string.Create(CultureInfo.InvariantCulture, $"quote-{i + 1}"));
            }

            var sources = new List<Source>(sourceCount);
            for (var i = 0; i < sourceCount; i++)
            {
                sources.Add(CreateSource(i));
            }

            var pledges = new List<Pledge>(pledgeCount);
            for (var i = 0; i < pledgeCount; i++)
            {
                pledges.Add(CreatePledge(i));
            }

            var quotes = new List<Quote>(quoteCount);
            for (var i = 0; i < quoteCount; i++)
            {
                quotes.Add(CreateQuote(i));
            }

            return new FactSet
            {
                Article = new Article
                {
                    Source = _sourceIds[0],
                    Headline = Sentence(50, 140),
                    Lede = Sentence(120, 400),
                    Language = "en",
                    BackgroundStatements = new[] { Sentence(80, 300), Sentence(80, 300) },
                },
                Actors = actors,
                Pledges = pledges,
                Quotes = quotes,
                Sources = sources,
            };
        }

        private Actor CreateActor(int index)
        {
            var n = index + 1;
            var roll = _random.Below(100);

            // Make sure every kind that other facts point at exists early on.
            var kind = index switch
            {
                0 => ActorKind.Organisation,
                1 => ActorKind.Country,
                2 => ActorKind.Outlet,
                3 => ActorKind.Alliance,
                _ => roll switch
                {
                    < 60 => ActorKind.Person,
                    < 72 => ActorKind.Organisation,
                    < 82 => ActorKind.Country,
                    < 87 => ActorKind.Alliance,
                    < 94 => ActorKind.Outlet,
                    _ => ActorKind.Group,
                },
            };

            string name;
            string slug;
            string? countryCode = null;
            switch (kind)
            {
                case ActorKind.Person:
                    (name, slug) = _random.Pick(s_people);
                    break;
                case ActorKind.Organisation:
                    (name, slug) = _random.Pick(s_organisations);
                    break;
                case ActorKind.Country:
                    var country = _random.Pick(s_countries);
                    (name, slug, countryCode) = (country.Name, country.Slug, country.Code);
                    break;
                case ActorKind.Alliance:
                    (name, slug) = _random.Pick(s_alliances);
                    break;
                case ActorKind.Outlet:
                    (name, slug) = _random.Pick(s_outlets);
                    break;
                default:
                    (name, slug) = _random.Pick(s_groups);
                    break;
            }

            var id = string.Create(CultureInfo.InvariantCulture, $"{slug}-{n}");
            _actorIds.Add(id);
            switch (kind)
            {
                case ActorKind.Organisation or ActorKind.Alliance:
                    _organisationIds.Add(id);
                    break;
                case ActorKind.Country:
                    _countryIds.Add(id);
                    _organisationIds.Add(id);
                    break;
                case ActorKind.Outlet:
                    _outletIds.Add(id);
                    break;
                case ActorKind.Person:
                    _personNames.Add(name);
                    break;
            }

            List<Role>? roles = null;
            List<SocialHandle>? handles = null;
            if (kind == ActorKind.Person)
            {
                roles = new List<Role>();
                for (var r = _random.Between(0, 2); r > 0; r--)
                {
                    roles.Add(new Role
                    {
                        Title = _random.Pick(s_roleTitles),
                        Organisation = _random.Chance(80) ? PickFrom(_organisationIds) : null,
                        StartDate = _random.Chance(30) ? Date() : null,
                    });
                }

                if (roles.Count == 0)
                {
                    roles = null;
                }

                if (_random.Chance(40))
                {
                    handles = new List<SocialHandle>();
                    var platforms = Distinct(_random.Between(1, 2), () => _random.PickEnum<Platform>());
                    foreach (var platform in platforms)
                    {
                        var handle = "@" + slug.Replace("-", "_", StringComparison.Ordinal) + n.ToString(CultureInfo.InvariantCulture);
                        handles.Add(new SocialHandle
                        {
                            Platform = platform,
                            Handle = handle,
                            Url = _random.Chance(50) ? "https://social.example/" + handle.Substring(1) : null,
                        });
                    }
                }
            }

            return new Actor
            {
                Id = id,
                Kind = kind,
                Name = name,
                Aliases = _random.Chance(25) ? Distinct(_random.Between(1, 3), () => Alias(name)) : null,
                Description = kind == ActorKind.Group || _random.Chance(15) ? Sentence(40, 200) : null,
                CountryCode = countryCode,
                Roles = roles,
                MemberOf = index > 4 && _random.Chance(20) ? PickIds(_organisationIds, 1, 2) : null,
                SocialHandles = handles,
            };
        }

        private Source CreateSource(int index)
        {
            var n = index + 1;
            var kind = index == 0 ? SourceKind.NewsArticle : _random.PickEnum<SourceKind>();
            var published = Date();
            var outlet = PickFrom(_outletIds);
            var id = string.Create(CultureInfo.InvariantCulture, $"{outlet}-{published:yyyy-MM-dd}-{n}");
            _sourceIds.Add(id);
            var offsetHours = _random.Between(-5, 3);
            var publishedAt = new DateTimeOffset(
                published.ToDateTime(new TimeOnly(_random.Between(0, 23), _random.Between(0, 59), _random.Between(0, 59))),
                TimeSpan.FromHours(offsetHours));
            return new Source
            {
                Id = id,
                Kind = kind,
                Title = _random.Chance(85) ? Sentence(30, 160) : null,
                Outlet = outlet,
                Authors = _random.Chance(60) ? PickIds(_actorIds, 1, 2) : null,
                Url = _random.Chance(80) ? string.Create(CultureInfo.InvariantCulture, $"https://{_random.Pick(s_hosts)}/{published:yyyy/MM/dd}/article-{n}") : null,
                PublishedOn = published,
                PublishedAt = _random.Chance(40) ? publishedAt : null,
                Platform = kind == SourceKind.SocialMediaPost ? _random.PickEnum<Platform>() : null,
                MediaLinks = kind == SourceKind.SocialMediaPost && _random.Chance(50)
                    ? new[] { string.Create(CultureInfo.InvariantCulture, $"pic.twitter.com/Fx{n}Qz{_random.Below(100000)}") }
                    : null,
                CitedVia = index > 0 && _random.Chance(30) ? _sourceIds[_random.Below(index)] : null,
            };
        }

        private Pledge CreatePledge(int index)
        {
            var n = index + 1;
            var kind = _random.PickEnum<PledgeKind>();
            var status = _random.PickEnum<PledgeStatus>();
            List<StatusChange>? history = null;
            if (_random.Chance(50))
            {
                history = new List<StatusChange>();
                for (var s = _random.Between(1, 3); s > 0; s--)
                {
                    history.Add(new StatusChange
                    {
                        Status = _random.PickEnum<PledgeStatus>(),
                        Date = _random.Chance(70) ? Date() : null,
                        Actors = _random.Chance(60) ? PickIds(_actorIds, 1, 3) : null,
                        Note = _random.Chance(40) ? Sentence(30, 200) : null,
                        Sources = _random.Chance(70) ? PickIds(_sourceIds, 1, 2) : null,
                    });
                }
            }

            return new Pledge
            {
                Id = string.Create(CultureInfo.InvariantCulture, $"{KindSlug(kind)}-pledge-{n}"),
                Kind = kind,
                Summary = Sentence(60, 300),
                Pledgers = PickIds(_actorIds, 1, 3),
                Recipient = _random.Chance(75) ? PickFrom(_countryIds) : null,
                Amount = _random.Chance(70) ? CreateAmount() : null,
                Status = status,
                StatusHistory = history,
                AnnouncedOn = _random.Chance(60) ? Date() : null,
                AnnouncedBy = _random.Chance(40) ? PickIds(_actorIds, 1, 2) : null,
                OpposedBy = _random.Chance(15) ? PickIds(_actorIds, 1, 3) : null,
                Timeframe = _random.Chance(30) ? _random.Pick(s_timeframes) : null,
                Quotes = _quoteIds.Count > 0 && _random.Chance(50) ? PickIds(_quoteIds, 1, 2) : null,
                Sources = PickIds(_sourceIds, 1, 3),
            };
        }

        private Amount CreateAmount()
        {
            var currency = _random.Below(s_currencies.Length);
            var magnitude = _random.PickEnum<Magnitude>();
            var qualifier = _random.PickEnum<AmountQualifier>();
            var scale = magnitude switch
            {
                Magnitude.Thousands => 1_000m,
                Magnitude.Millions => 1_000_000m,
                Magnitude.Billions => 1_000_000_000m,
                _ => 1_000_000_000_000m,
            };
            var figure = _random.Between(1, 999);
            var tenths = _random.Chance(30) ? _random.Between(1, 9) : 0;
            var hasValue = qualifier != AmountQualifier.Unspecified;

            // Most figures are whole; some carry cents, as exchange-rate conversions do.
            decimal? value = null;
            if (hasValue)
            {
                value = (figure + (tenths / 10m)) * scale;
                if (magnitude == Magnitude.Thousands && _random.Chance(30))
                {
                    value += _random.Between(1, 99) / 100m;
                }
            }

            var words = magnitude.ToString().ToLowerInvariant();
            var text = hasValue
                ? string.Create(CultureInfo.InvariantCulture, $"{QualifierWords(qualifier)}{s_currencySigns[currency]}{figure}{(tenths > 0 ? "." + tenths.ToString(CultureInfo.InvariantCulture) : string.Empty)} {words}")
                : words + " more";
            var amount = new Amount
            {
                Value = value,
                Currency = _random.Chance(90) ? s_currencies[currency] : null,
                Qualifier = qualifier,
                Magnitude = _random.Chance(80) ? magnitude : null,
                Text = text,
            };

            // "additional" is written only when set (absent means the default, false).
            return _random.Chance(40) ? amount with { Additional = _random.Chance(50) } : amount;
        }

        private Quote CreateQuote(int index)
        {
            var channel = _random.Chance(70) ? _random.PickEnum<Channel>() : (Channel?)null;
            var related = (List<QuoteRelation>?)null;
            if (index > 0 && _random.Chance(20))
            {
                related = new List<QuoteRelation>();
                for (var r = _random.Between(1, 2); r > 0; r--)
                {
                    related.Add(new QuoteRelation { Quote = _quoteIds[_random.Below(index)], Relation = _random.PickEnum<QuoteRelationKind>() });
                }
            }

            return new Quote
            {
                Id = _quoteIds[index],
                Speaker = PickFrom(_actorIds),
                Text = Sentence(40, 400),
                Kind = _random.PickEnum<QuoteKind>(),
                Context = _random.Chance(50) ? Sentence(60, 400) : null,

                // Always set: a date, or null for "the source gives no date" (see the remarks above).
                Date = _random.Chance(90) ? Date() : null,
                DateText = _random.Chance(25) ? _random.Pick(new[] { "Previously", "Just days later, on February 26", "earlier this week", "у вівторок", "mardi soir" }) : null,
                Channel = channel,
                Platform = channel == Channel.SocialMedia ? _random.PickEnum<Platform>() : null,
                Occasion = _random.Chance(30) ? _random.Pick(s_occasions) : null,
                Location = _random.Chance(25)
                    ? new Location { Name = _random.Pick(s_places), Country = _random.Chance(70) ? PickFrom(_countryIds) : null }
                    : null,
                Audience = _random.Chance(25) ? PickIds(_actorIds, 1, 3) : null,
                About = _random.Chance(45) ? PickIds(_actorIds, 1, 3) : null,
                Topics = _random.Chance(50) ? Distinct(_random.Between(1, 3), () => _random.Pick(s_topics)) : null,
                RelatedQuotes = related,
                Sources = PickIds(_sourceIds, 1, 2),
            };
        }

        private string PickFrom(List<string> items) => items[_random.Below(items.Count)];

        private DateOnly Date() => s_yearStart.AddDays(_random.Below(365));

        /// <summary>A sentence of words from several languages, between the given lengths in UTF-16 characters.</summary>
        private string Sentence(int minLength, int maxLength)
        {
            var target = _random.Between(minLength, maxLength);
            var text = new StringBuilder(target + 32);
            if (_personNames.Count > 0 && _random.Chance(50))
            {
                text.Append(_personNames[_random.Below(_personNames.Count)]).Append(": ");
            }

            while (text.Length < target)
            {
                if (text.Length > 0 && text[^1] != ' ')
                {
                    text.Append(_random.Chance(8) ? ", " : " ");
                }

                text.Append(_random.Pick(s_words));
            }

            if (text.Length > maxLength - 1)
            {
                text.Length = maxLength - 1;
            }

            // No trailing space before the full stop (and never an empty sentence).
            while (text.Length > 1 && text[^1] == ' ')
            {
                text.Length--;
            }

            // Do not leave half of a surrogate pair at the cut.
            if (char.IsHighSurrogate(text[^1]))
            {
                text.Length--;
            }

            text.Append('.');
            if (text.Length > 0)
            {
                text[0] = char.ToUpperInvariant(text[0]);
            }

            return text.ToString();
        }

        private string Alias(string name)
        {
            var cut = name.IndexOf(' ', StringComparison.Ordinal);
            return _random.Below(3) switch
            {
                0 when cut > 0 => name.Substring(cut + 1),
                1 => name.ToUpperInvariant(),
                _ => name + " (" + _random.Pick(s_places) + ")",
            };
        }

        /// <summary>Between <paramref name="min"/> and <paramref name="max"/> distinct ids (uniqueItems).</summary>
        private string[] PickIds(List<string> ids, int min, int max)
            => Distinct(Math.Min(_random.Between(min, max), ids.Count), () => ids[_random.Below(ids.Count)]).ToArray();

        private static List<T> Distinct<T>(int count, Func<T> next)
        {
            var result = new List<T>(count);
            var seen = new HashSet<T>();
            for (var attempts = 0; result.Count < count && attempts < count * 20; attempts++)
            {
                var item = next();
                if (seen.Add(item))
                {
                    result.Add(item);
                }
            }

            return result;
        }

        private static string KindSlug(PledgeKind kind) => kind switch
        {
            PledgeKind.MilitaryAid => "military-aid",
            PledgeKind.FinancialAid => "financial-aid",
            PledgeKind.HumanitarianAid => "humanitarian-aid",
            PledgeKind.UnspecifiedAid => "unspecified-aid",
            PledgeKind.SecurityGuarantee => "security-guarantee",
            PledgeKind.WeaponsSales => "weapons-sales",
            PledgeKind.DefenceAssistance => "defence-assistance",
            PledgeKind.DefenceSpending => "defence-spending",
            _ => "other",
        };

        private static string QualifierWords(AmountQualifier qualifier) => qualifier switch
        {
            AmountQualifier.Approximately => "about ",
            AmountQualifier.UpTo => "up to ",
            AmountQualifier.AtLeast => "at least ",
            AmountQualifier.MoreThan => "more than ",
            AmountQualifier.LessThan => "less than ",
            _ => string.Empty,
        };
    }
}
