// NewsFacts: reads an article's facts (facts.json, or a file given on the command line) through the
// types FactSchema generates from the standard news-fact schemas, prints them, writes them back and
// checks that the round trip lost nothing.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using FactSchema.News;
using FactSchema.Serialization;

namespace NewsFacts;

internal static class Program
{
    private static int Main(string[] args)
    {
        Console.OutputEncoding = Encoding.UTF8;
        if (args.Length > 0 && args[0] == "--extract")
        {
            return Extraction.Run(args.Skip(1).ToArray()).GetAwaiter().GetResult();
        }

        var path = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "facts.json");
        byte[] utf8;
        try
        {
            utf8 = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: cannot read '{path}': {ex.Message}");
            return 2;
        }

        FactSet facts;
        try
        {
            facts = FactSet.Deserialize(utf8);
        }
        catch (FactSchema.Validation.FactSchemaValidationException ex) when (ex.Errors.Count > 1)
        {
            // Schema violations come all at once: one line each, with its JSON Pointer, line and position.
            foreach (var error in ex.Errors)
            {
                Console.Error.WriteLine($"error: {Path.GetFileName(path)}: {error}");
            }

            return 1;
        }
        catch (FactSchemaJsonException ex)
        {
            Console.Error.WriteLine($"error: {Path.GetFileName(path)}: {ex.Message}");
            return 1;
        }

        new FactPrinter(facts, Console.Out).Print();
        return CheckRoundTrip(facts, utf8) ? 0 : 3;
    }

    /// <summary>Writes the facts back and checks that nothing was lost or changed.</summary>
    private static bool CheckRoundTrip(FactSet facts, byte[] original)
    {
        var written = facts.SerializeToUtf8Bytes();
        var again = FactSet.Deserialize(written);
        using var before = JsonDocument.Parse(original);
        using var after = JsonDocument.Parse(written);
        var sameJson = JsonElementEqualityComparer.Instance.Equals(before.RootElement, after.RootElement);
        var sameValue = again.Equals(facts);
        Console.WriteLine();
        if (sameJson && sameValue)
        {
            Console.WriteLine($"Round trip: lossless ({original.Length:N0} bytes read, {written.Length:N0} bytes written, same JSON and equal values).");
            return true;
        }

        Console.Error.WriteLine($"Round trip: CHANGED the data (same JSON: {sameJson}, equal values: {sameValue}).");
        return false;
    }
}

/// <summary>Prints a fact set as a reader would want it: names instead of ids.</summary>
internal sealed class FactPrinter
{
    private readonly FactSet _facts;
    private readonly TextWriter _out;
    private readonly Dictionary<string, Actor> _actors;

    public FactPrinter(FactSet facts, TextWriter output)
    {
        _facts = facts;
        _out = output;
        _actors = facts.Actors.ToDictionary(a => a.Id, StringComparer.Ordinal);
    }

    public void Print()
    {
        var article = _facts.Article;
        var source = _facts.Sources.FirstOrDefault(s => s.Id == article.Source);
        _out.WriteLine(article.Headline);
        if (source?.Authors is { Count: > 0 } authors)
        {
            _out.WriteLine("By " + Names(authors));
        }

        if (article.Lede is { } lede)
        {
            _out.WriteLine(lede);
        }

        PrintActors();
        PrintPledges();
        PrintQuotes();
        PrintStatements();
        PrintSources();
    }

    private void PrintActors()
    {
        Heading($"Actors ({_facts.Actors.Count})");
        foreach (var actor in _facts.Actors)
        {
            var details = new List<string> { ActorKindJsonConverter.ToJsonString(actor.Kind) };
            if (actor.Roles is { } roles)
            {
                details.AddRange(roles.Select(r => r.Organisation is { } org ? $"{r.Title}, {Name(org)}" : r.Title));
            }

            if (actor.SocialHandles is { } handles)
            {
                details.AddRange(handles.Select(h => $"{PlatformJsonConverter.ToJsonString(h.Platform)} {h.Handle}"));
            }

            if (actor.MemberOf is { Count: > 0 } memberOf)
            {
                details.Add("member of " + Names(memberOf));
            }

            _out.WriteLine($"  {actor.Name} ({string.Join("; ", details)})");
        }
    }

    private void PrintPledges()
    {
        Heading($"Pledges ({_facts.Pledges.Count})");
        foreach (var pledge in _facts.Pledges)
        {
            var to = pledge.Recipient is { } recipient ? " -> " + Name(recipient) : string.Empty;
            _out.WriteLine($"  {Names(pledge.Pledgers)}{to}: {PledgeKindJsonConverter.ToJsonString(pledge.Kind)}, {PledgeStatusJsonConverter.ToJsonString(pledge.Status)}");
            _out.WriteLine($"    {pledge.Summary}");
            if (pledge.Amount is { } amount)
            {
                _out.WriteLine($"    amount: {FormatAmount(amount)}");
            }

            if (pledge.AnnouncedOn is { } announced)
            {
                var by = pledge.AnnouncedBy is { Count: > 0 } announcers ? " by " + Names(announcers) : string.Empty;
                _out.WriteLine($"    announced {Date(announced)}{by}");
            }

            foreach (var change in pledge.StatusHistory ?? Array.Empty<StatusChange>())
            {
                var when = change.Date is { } date ? Date(date) : "undated";
                var who = change.Actors is { Count: > 0 } actors ? " by " + Names(actors) : string.Empty;
                _out.WriteLine($"    {when}: {PledgeStatusJsonConverter.ToJsonString(change.Status)}{who}");
            }

            if (pledge.OpposedBy is { Count: > 0 } opponents)
            {
                _out.WriteLine($"    opposed by {Names(opponents)}");
            }

            _out.WriteLine($"    per {string.Join("; ", pledge.Sources.Select(SourceLabel))}");
        }
    }

    private void PrintQuotes()
    {
        Heading($"Quotes ({_facts.Quotes.Count})");
        foreach (var quote in _facts.Quotes)
        {
            var when = quote.Date is { } date ? Date(date) : quote.DateText ?? "undated";
            var how = QuoteKindJsonConverter.ToJsonString(quote.Kind);
            if (quote.Channel is { } channel)
            {
                how += ", " + ChannelJsonConverter.ToJsonString(channel);
            }

            if (quote.Location is { } location)
            {
                how += ", " + location.Name;
            }

            _out.WriteLine($"  {when} - {Name(quote.Speaker)} ({how}):");
            _out.WriteLine($"    \u201C{quote.Text.Replace("\n", "\n     ")}\u201D");
            _out.WriteLine($"    per {string.Join("; ", quote.Sources.Select(SourceLabel))}");
        }
    }

    /// <summary>Statements are a union (a quote or a position): one exhaustive switch over the generated variants.</summary>
    private void PrintStatements()
    {
        var statements = _facts.Statements ?? Array.Empty<Statement>();
        Heading($"Statements ({statements.Count})");
        foreach (var statement in statements)
        {
            switch (statement)
            {
                case QuotedStatement quoted:
                    var quote = _facts.Quotes.FirstOrDefault(q => q.Id == quoted.Quote);
                    var topics = quoted.Topics is { Count: > 0 } tags ? $" [{string.Join(", ", tags)}]" : string.Empty;
                    _out.WriteLine(quote is null
                        ? $"  quote {quoted.Quote} (not in the fact set){topics}"
                        : $"  {Name(quote.Speaker)} said: \u201C{Shorten(quote.Text)}\u201D{topics}");
                    break;
                case Position position:
                    _out.WriteLine($"  {Names(position.Holders)} {StanceJsonConverter.ToJsonString(position.Stance).Replace('-', ' ')} {position.Issue}: {position.Summary}");
                    foreach (var evidence in position.Evidence)
                    {
                        _out.WriteLine("    " + DescribeEvidence(evidence));
                    }

                    break;
                default:
                    throw new InvalidOperationException($"Unknown statement variant {statement.GetType().Name}.");
            }
        }
    }

    private string DescribeEvidence(Evidence evidence) => evidence switch
    {
        QuoteEvidence quoted => _facts.Quotes.FirstOrDefault(q => q.Id == quoted.Quote) is { } quote
            ? $"quote: {Name(quote.Speaker)}, \u201C{Shorten(quote.Text)}\u201D"
            : $"quote: {quoted.Quote}",
        DocumentEvidence document => $"document: {SourceLabel(document.Source)}" + (document.Excerpt is { } excerpt ? $" \u2014 \u201C{Shorten(excerpt)}\u201D" : string.Empty),
        _ => throw new InvalidOperationException($"Unknown evidence variant {evidence.GetType().Name}."),
    };

    private static string Shorten(string text)
    {
        var line = text.Replace('\n', ' ');
        return line.Length <= 90 ? line : line.Substring(0, 87) + "...";
    }

    private void PrintSources()
    {
        Heading($"Sources ({_facts.Sources.Count})");
        foreach (var source in _facts.Sources)
        {
            var parts = new List<string> { SourceKindJsonConverter.ToJsonString(source.Kind) };
            if (source.Outlet is { } outlet)
            {
                parts.Add(Name(outlet));
            }

            if (source.Authors is { Count: > 0 } authors)
            {
                parts.Add("by " + Names(authors));
            }

            if (source.PublishedOn is { } published)
            {
                parts.Add(Date(published));
            }

            if (source.Url is { } url)
            {
                parts.Add(url);
            }

            _out.WriteLine($"  {source.Id}: {string.Join(", ", parts)}");
        }
    }

    private static string FormatAmount(Amount amount)
    {
        var qualifier = AmountQualifierJsonConverter.ToJsonString(amount.Qualifier).Replace('-', ' ');
        var value = amount.Value is { } v ? v.ToString("N0", CultureInfo.InvariantCulture) : amount.Magnitude is { } m ? MagnitudeJsonConverter.ToJsonString(m) : "no figure";
        var text = amount.Text is { } t ? $" (\u201C{t}\u201D)" : string.Empty;
        return $"{qualifier} {value} {amount.Currency}{text}".Trim();
    }

    private void Heading(string title)
    {
        _out.WriteLine();
        _out.WriteLine(title);
    }

    private string SourceLabel(string sourceId)
    {
        var source = _facts.Sources.FirstOrDefault(s => s.Id == sourceId);
        if (source is null)
        {
            return sourceId;
        }

        var label = source.Id == _facts.Article.Source ? "this article"
            : source.Outlet is { } outlet ? Name(outlet)
            : source.Authors is { Count: > 0 } authors ? $"{SourceKindJsonConverter.ToJsonString(source.Kind).Replace('-', ' ')} by {Names(authors)}"
            : source.Id;
        return source.PublishedOn is { } published ? $"{label}, {Date(published)}" : label;
    }

    private string Name(string actorId) => _actors.TryGetValue(actorId, out var actor) ? actor.Name : actorId;

    private string Names(IEnumerable<string> actorIds) => string.Join(", ", actorIds.Select(Name));

    private static string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
