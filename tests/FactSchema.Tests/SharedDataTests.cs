using System.IO;
using System.Text.RegularExpressions;
using FactSchema.News;

namespace FactSchema.Tests;

/// <summary>
/// Checks the sample's facts against the article in the shared folder (FACTSCHEMA_SHARED_DIR, default ../shared/).
/// Skipped, with a message, where that folder is absent: nothing in the repository needs it.
/// </summary>
public sealed class SharedDataTests
{
    [SkippableFact]
    public void EveryVerbatimOrPartialQuoteAppearsInTheArticle()
    {
        var article = ReadArticle();
        var facts = FactSet.Deserialize(TestData.SampleFacts);

        var normalizedArticle = Normalize(article);
        foreach (var quote in facts.Quotes.Where(q => q.Kind is QuoteKind.Partial or QuoteKind.Edited))
        {
            Assert.True(normalizedArticle.Contains(Normalize(quote.Text), StringComparison.Ordinal), $"quote {quote.Id} is not in the article: {quote.Text}");
        }

        foreach (var quote in facts.Quotes.Where(q => q.Context is not null))
        {
            Assert.True(normalizedArticle.Contains(Normalize(quote.Context!), StringComparison.Ordinal), $"context of {quote.Id} is not in the article");
        }
    }

    [SkippableFact]
    public void TheHeadlineAndBylineMatchTheArticle()
    {
        var article = ReadArticle();
        var facts = FactSet.Deserialize(TestData.SampleFacts);

        Assert.StartsWith(facts.Article.Headline, article, StringComparison.Ordinal);
        var byline = facts.Sources.Single(s => s.Id == facts.Article.Source).Authors!.Single();
        var author = facts.Actors.Single(a => a.Id == byline);
        Assert.Contains(author.Name, article, StringComparison.Ordinal);
    }

    private static string ReadArticle()
    {
        var shared = TestData.SharedDirectory;
        Skip.If(shared is null, "The shared folder is absent (set FACTSCHEMA_SHARED_DIR, default ../shared/ beside the repository); skipping the check against the seed article.");
        var folder = Path.Combine(shared!, "seed-article");
        Skip.IfNot(Directory.Exists(folder), $"No seed-article folder in {shared}.");
        return string.Join("\n", Directory.GetFiles(folder, "*.txt").OrderBy(f => f).Select(File.ReadAllText));
    }

    private static string Normalize(string text) => Regex.Replace(text, @"\s+", " ");
}
