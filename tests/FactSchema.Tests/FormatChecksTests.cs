using System.IO;
using System.Text;
using System.Text.Json;
using FactSchema.Validation;
using Xunit.Abstractions;

namespace FactSchema.Tests;

/// <summary>
/// The <c>format</c> checks against the official JSON-Schema-Test-Suite (draft 2020-12, optional/format) in the shared
/// folder (FACTSCHEMA_SHARED_DIR, default ../shared/). Skipped, with a message, where that folder is absent.
/// </summary>
public sealed class FormatChecksTests
{
    private const double RequiredPassRate = 0.95;

    private readonly ITestOutputHelper _output;

    public FormatChecksTests(ITestOutputHelper output) => _output = output;

    [SkippableFact]
    public void EveryFormatPassesTheOfficialSuite()
    {
        var results = new SortedDictionary<string, FormatResult>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(SuiteFolder(), "*.json").OrderBy(f => f, StringComparer.Ordinal))
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(file));
            foreach (var group in document.RootElement.EnumerateArray())
            {
                if (!group.GetProperty("schema").TryGetProperty("format", out var formatElement) || formatElement.ValueKind != JsonValueKind.String)
                {
                    continue;
                }

                var format = formatElement.GetString()!;
                foreach (var test in group.GetProperty("tests").EnumerateArray())
                {
                    var data = test.GetProperty("data");
                    if (data.ValueKind != JsonValueKind.String)
                    {
                        continue; // Formats only constrain strings.
                    }

                    var value = data.GetString()!;
                    if (!FormatChecks.TryCheck(format, value.AsSpan(), out var valid))
                    {
                        Assert.False(FormatChecks.IsKnown(format));
                        continue;
                    }

                    Assert.True(FormatChecks.IsKnown(format));
                    if (!results.TryGetValue(format, out var result))
                    {
                        results[format] = result = new FormatResult();
                    }

                    var expected = test.GetProperty("valid").GetBoolean();
                    if (valid == expected)
                    {
                        result.Passed++;
                    }
                    else
                    {
                        result.Failures.Add($"{Path.GetFileName(file)}: {Quote(value)} should be {(expected ? "valid" : "invalid")} ({test.GetProperty("description").GetString()})");
                    }
                }
            }
        }

        Assert.NotEmpty(results);
        var report = new StringBuilder();
        foreach (var (format, result) in results)
        {
            report.AppendLine($"{format}: {result.Passed}/{result.Total} passed");
            foreach (var failure in result.Failures)
            {
                report.AppendLine("    " + failure);
            }
        }

        _output.WriteLine(report.ToString());
        var belowTarget = results.Where(r => r.Value.Passed < RequiredPassRate * r.Value.Total).Select(r => r.Key).ToList();
        Assert.True(belowTarget.Count == 0, $"Formats below {RequiredPassRate:P0}: {string.Join(", ", belowTarget)}\n{report}");
    }

    [Fact]
    public void UnknownFormatsAreNotChecked()
    {
        Assert.False(FormatChecks.TryCheck("unknown", "anything".AsSpan(), out var valid));
        Assert.True(valid);
        Assert.False(FormatChecks.IsKnown("Date"));
        Assert.True(FormatChecks.IsKnown("relative-json-pointer"));
    }

    [Theory]
    [InlineData("2024-02-29T12:00:00Z", true)]
    [InlineData("2023-02-29T12:00:00Z", false)]
    [InlineData("2024-01-01T00:00:00.5+23:59", true)]
    [InlineData("2024-01-01T00:00:00.+00:00", false)]
    [InlineData("2024-01-01T00:00:00", false)]
    public void DateTimeEdges(string value, bool expected) => Assert.Equal(expected, FormatChecks.IsDateTime(value.AsSpan()));

    [Theory]
    [InlineData("::ffff:1.2.3.4", true)]
    [InlineData("1:2:3:4:5:6:7::", true)]
    [InlineData("::1:2:3:4:5:6:7", true)]
    [InlineData("1:2:3:4:5:6:7:8::", false)]
    [InlineData("1:2:3:4:5:6:1.2.3.4", true)]
    [InlineData("1:2:3:4:5:6:7:1.2.3.4", false)]
    [InlineData(":::", false)]
    [InlineData("1.2.3.4::", false)]
    public void Ipv6Edges(string value, bool expected) => Assert.Equal(expected, FormatChecks.IsIpv6(value.AsSpan()));

    [Theory]
    [InlineData("mailto:a@b.c", true)]
    [InlineData("http://[v7.x:y]/", true)]
    [InlineData("http://[v.x]/", false)]
    [InlineData("http://host:/", true)]
    [InlineData("a:", true)]
    [InlineData("http://h/%41%4a", true)]
    public void UriEdges(string value, bool expected) => Assert.Equal(expected, FormatChecks.IsUri(value.AsSpan()));

    [Theory]
    [InlineData("^[a-z]+$", true)]
    [InlineData("\\u{1F600}", true)]
    [InlineData("[\\u{1F600}]", true)]
    [InlineData("(a)\\1", true)]
    [InlineData("\\p{Letter}+", true)]
    [InlineData("(?i:abc)", true)]
    [InlineData("[[a]", true)]
    [InlineData("[a-[b]", false)]
    [InlineData("\\Z", false)]
    [InlineData("(?>a)", false)]
    [InlineData("a{2,1}", false)]
    [InlineData("\\", false)]
    public void RegexEdges(string value, bool expected) => Assert.Equal(expected, FormatChecks.IsRegex(value.AsSpan()));

    [Theory]
    [InlineData("münchen.de", true)]
    [InlineData("xn--mnchen-3ya.de", true)]
    [InlineData("MÜNCHEN.de", false)]
    [InlineData("a b.com", false)]
    public void IdnHostnameEdges(string value, bool expected) => Assert.Equal(expected, FormatChecks.IsIdnHostname(value.AsSpan()));

    private static string SuiteFolder()
    {
        var shared = TestData.SharedDirectory;
        Skip.If(shared is null, "The shared folder is absent (set FACTSCHEMA_SHARED_DIR, default ../shared/ beside the repository); skipping the format test suite.");
        var folder = Path.Combine(shared!, "json-schema-test-suite", "tests", "draft2020-12", "optional", "format");
        Skip.IfNot(Directory.Exists(folder), $"No json-schema-test-suite/tests/draft2020-12/optional/format folder in {shared}.");
        return folder;
    }

    private static string Quote(string value)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in value)
        {
            builder.Append(c < 0x20 || c > 0x7E ? $"\\u{(int)c:x4}" : c.ToString());
        }

        return builder.Append('"').ToString();
    }

    private sealed class FormatResult
    {
        public int Passed { get; set; }

        public List<string> Failures { get; } = new();

        public int Total => Passed + Failures.Count;
    }
}
