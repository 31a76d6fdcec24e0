using System.IO;
using FactSchema.Generators.Tests.TestSupport;
using Xunit.Abstractions;

namespace FactSchema.Generators.Tests.Conformance;

/// <summary>
/// JSON Schema draft 2020-12 conformance of the generated validators, measured with the official
/// JSON-Schema-Test-Suite from the shared folder (skipped with a message where it is absent).
/// </summary>
public sealed class ConformanceTests
{
    private readonly ITestOutputHelper _output;

    public ConformanceTests(ITestOutputHelper output) => _output = output;

    /// <summary>
    /// Every required test: the failures must be exactly those in known-failures.txt (each with a reason), so a
    /// new failure fails the run and so does a listed test that now passes (the list can only shrink).
    /// </summary>
    [SkippableFact]
    public void RequiredTestsPassExceptTheKnownFailures() => RunDraft("draft2020-12", "known-failures.txt", 0.99);

    /// <summary>Draft-07, the dialect of most real-world schemas: the same rule, with its own known-failures list.</summary>
    [SkippableFact]
    public void DraftSevenRequiredTestsPassExceptTheKnownFailures() => RunDraft("draft7", "known-failures-draft7.txt", 0.95);

    /// <summary>Draft-04 (id, boolean exclusive bounds, $ref siblings ignored): the same rule, with its own list.</summary>
    [SkippableFact]
    public void DraftFourRequiredTestsPassExceptTheKnownFailures() => RunDraft("draft4", "known-failures-draft4.txt", 0.95);

    private void RunDraft(string draft, string knownFailuresFile, double floor)
    {
        var suite = ConformanceSuite.SuiteDirectory;
        Skip.If(suite is null, ConformanceSuite.SkipMessage);
        var folder = Path.Combine(suite!, "tests", draft);
        Skip.If(!Directory.Exists(folder), $"The suite has no {draft} folder; skipping that run.");
        var files = Directory.GetFiles(folder, "*.json").OrderBy(f => f, StringComparer.Ordinal);
        var outcomes = ConformanceSuite.Run(suite!, draft, files, formatAssertion: false, _output);
        var table = ConformanceSuite.Table(outcomes);
        _output.WriteLine(table);
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, $"conformance-{draft}.md"), table);

        var known = KnownFailures(knownFailuresFile);
        var failed = outcomes.Where(o => !o.Passed).ToList();
        var unexpected = failed.Where(o => !known.ContainsKey(o.Case.Key)).ToList();
        var nowPassing = outcomes.Where(o => o.Passed && known.ContainsKey(o.Case.Key)).ToList();
        var message = new System.Text.StringBuilder();
        foreach (var outcome in unexpected)
        {
            message.AppendLine($"FAILED {outcome.Case.Key}: {outcome.Detail}");
        }

        foreach (var outcome in nowPassing)
        {
            message.AppendLine($"NOW PASSES (remove it from {knownFailuresFile}): {outcome.Case.Key}");
        }

        _output.WriteLine(message.ToString());
        Assert.True(unexpected.Count == 0 && nowPassing.Count == 0, message.ToString());
        Assert.True(outcomes.Count(o => o.Passed) >= floor * outcomes.Count, $"{draft} conformance below {floor:P0}: {outcomes.Count(o => o.Passed)} of {outcomes.Count}");
    }

    /// <summary>The optional format tests, with format as an assertion; reported separately.</summary>
    [SkippableFact]
    public void OptionalFormatTestsAreReported()
    {
        var suite = ConformanceSuite.SuiteDirectory;
        Skip.If(suite is null, ConformanceSuite.SkipMessage);
        var files = Directory.GetFiles(Path.Combine(suite!, "tests", "draft2020-12", "optional", "format"), "*.json").OrderBy(f => f, StringComparer.Ordinal);
        var outcomes = ConformanceSuite.Run(suite!, files, formatAssertion: true, _output);
        var table = ConformanceSuite.Table(outcomes);
        _output.WriteLine(table);
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "conformance-formats.md"), table);
        foreach (var outcome in outcomes.Where(o => !o.Passed))
        {
            _output.WriteLine($"failed {outcome.Case.Key}: {outcome.Detail}");
        }

        // Reported, not gated per test: the formats we implement must still pass nearly everything.
        Assert.True(outcomes.Count(o => o.Passed) >= 0.9 * outcomes.Count, ConformanceSuite.Table(outcomes));
    }

    /// <summary>Draft-07 <c>dependencies</c>, still common in real schemas: the optional compatibility tests all pass.</summary>
    [SkippableFact]
    public void DraftSevenDependenciesAreValidated()
    {
        var suite = ConformanceSuite.SuiteDirectory;
        Skip.If(suite is null, ConformanceSuite.SkipMessage);
        var file = Path.Combine(suite!, "tests", "draft2020-12", "optional", "dependencies-compatibility.json");
        var outcomes = ConformanceSuite.Run(suite!, new[] { file }, formatAssertion: false, _output);
        Assert.True(outcomes.Count >= 20, $"only {outcomes.Count} tests ran");
        Assert.True(outcomes.All(o => o.Passed), string.Join("\n", outcomes.Where(o => !o.Passed).Select(o => o.Case.Key + ": " + o.Detail)));
    }

    private static Dictionary<string, string> KnownFailures(string fileName)
        => KnownFailureList.Read(Path.Combine(RepoPaths.TestProject, "Conformance", fileName), keyParts: 3);
}
