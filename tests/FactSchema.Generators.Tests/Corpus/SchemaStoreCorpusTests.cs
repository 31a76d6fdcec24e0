using System.IO;
using System.Text;
using FactSchema.Generators.Tests.TestSupport;
using Xunit.Abstractions;

namespace FactSchema.Generators.Tests.Corpus;

/// <summary>
/// Real-world schemas: the SchemaStore catalog in the shared folder (skipped with a message where it is absent).
/// The default run takes every schema of up to 100 KB (431 of 473, sized for CI); FACTSCHEMA_CORPUS=full takes all
/// of them, and FACTSCHEMA_CORPUS_ONLY=name,name a chosen few. Tables and details are written beside the test binary
/// (corpus-table.md, corpus-details.txt).
/// </summary>
public sealed class SchemaStoreCorpusTests
{
    /// <summary>The default run's size cap per schema file.</summary>
    public const int DefaultMaxSchemaBytes = 100_000;

    private readonly ITestOutputHelper _output;

    public SchemaStoreCorpusTests(ITestOutputHelper output) => _output = output;

    /// <summary>
    /// Every failure (a schema whose generated code does not compile, a generator exception, a valid document rejected
    /// or not written back as it came, an invalid document accepted) must be in known-failures.txt with its reason, and
    /// every listed failure must still fail: the list can only shrink.
    /// </summary>
    [SkippableFact]
    public void CorpusCompilesValidatesAndRoundTrips()
    {
        var corpus = SchemaStoreCorpus.CorpusDirectory;
        Skip.If(corpus is null, SchemaStoreCorpus.SkipMessage);
        var all = SchemaStoreCorpus.Load(corpus!);
        var only = Environment.GetEnvironmentVariable("FACTSCHEMA_CORPUS_ONLY");
        var full = string.Equals(Environment.GetEnvironmentVariable("FACTSCHEMA_CORPUS"), "full", StringComparison.OrdinalIgnoreCase);
        var selected = !string.IsNullOrEmpty(only)
            ? all.Where(s => only.Split(',').Contains(s.Name)).ToList()
            : full ? all.ToList() : all.Where(s => Encoding.UTF8.GetByteCount(s.Text) <= DefaultMaxSchemaBytes).ToList();
        File.Delete(Path.Combine(AppContext.BaseDirectory, "corpus-progress.txt"));
        var outcomes = SchemaStoreCorpus.Run(all, selected, batchBytes: 1_000_000, _output);
        var table = SchemaStoreCorpus.Table(outcomes);
        _output.WriteLine(table);
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "corpus-table.md"), table);
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "corpus-details.txt"), SchemaStoreCorpus.Details(outcomes));

        var known = KnownFailures();
        var message = new StringBuilder();
        var failing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var outcome in outcomes)
        {
            foreach (var (key, detail) in outcome.Failures())
            {
                var id = outcome.Schema.Name + " | " + key;
                failing.Add(id);
                if (!known.ContainsKey(id))
                {
                    message.AppendLine($"FAILED {id}: {detail}");
                }
            }
        }

        var names = outcomes.Select(o => o.Schema.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var id in known.Keys.Where(k => names.Contains(k.Substring(0, k.IndexOf(" | ", StringComparison.Ordinal))) && !failing.Contains(k)))
        {
            message.AppendLine($"NOW PASSES (remove it from Corpus/known-failures.txt): {id}");
        }

        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "corpus-unexpected.txt"), message.ToString());
        _output.WriteLine(message.ToString());
        Assert.True(message.Length == 0, message.ToString());
    }

    private static Dictionary<string, string> KnownFailures()
        => KnownFailureList.Read(Path.Combine(RepoPaths.TestProject, "Corpus", "known-failures.txt"), keyParts: 2);
}
