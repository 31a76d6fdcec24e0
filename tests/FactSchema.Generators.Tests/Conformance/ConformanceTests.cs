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
    public void RequiredTestsPassExceptTheKnownFailures()
    {
        var suite = ConformanceSuite.SuiteDirectory;
        Skip.If(suite is null, ConformanceSuite.SkipMessage);
        var files = Directory.GetFiles(Path.Combine(suite!, "tests", "draft2020-12"), "*.json").OrderBy(f => f, StringComparer.Ordinal);
        var outcomes = ConformanceSuite.Run(suite!, files, formatAssertion: false, _output);
        var table = ConformanceSuite.Table(outcomes);
        _output.WriteLine(table);
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "conformance-required.md"), table);

        var known = KnownFailures();
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
            message.AppendLine($"NOW PASSES (remove it from known-failures.txt): {outcome.Case.Key}");
        }

        _output.WriteLine(message.ToString());
        Assert.True(unexpected.Count == 0 && nowPassing.Count == 0, message.ToString());
        Assert.True(outcomes.Count(o => o.Passed) >= 0.99 * outcomes.Count, $"conformance below 99%: {outcomes.Count(o => o.Passed)} of {outcomes.Count}");
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

    private static Dictionary<string, string> KnownFailures()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(Path.Combine(RepoPaths.TestProject, "Conformance", "known-failures.txt")))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split(" | ");
            if (parts.Length >= 4)
            {
                result[string.Join(" | ", parts.Take(3))] = parts[3];
            }
        }

        return result;
    }
}
