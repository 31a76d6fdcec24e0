using System.IO;
using System.Text.Json;

namespace FactSchema.Package.Tests;

/// <summary>
/// The factschema tool as users get it: packed, installed from the package with <c>dotnet tool install</c>, and run
/// on copies of the standard news vocabulary in a temporary folder.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class ToolTests
{
    private readonly PackageFixture _fixture;

    public ToolTests(PackageFixture fixture) => _fixture = fixture;

    private static string Vocabulary => Path.Combine(PackageFixture.RepoRoot, "src", "FactSchema", "Schemas");

    [Fact]
    public void EveryCommandHasHelp()
    {
        var folder = _fixture.NewProjectFolder("tool-help");
        var root = _fixture.Tool(folder, "--help");
        Assert.True(root.ExitCode == 0, root.Output);
        foreach (var command in new[] { "diff", "validate", "generate", "bundle" })
        {
            Assert.Contains(command, root.Output, StringComparison.Ordinal);
            var help = _fixture.Tool(folder, command + " --help");
            Assert.True(help.ExitCode == 0, help.Output);
            Assert.Contains("Usage:", help.Output, StringComparison.Ordinal);
            Assert.Contains("factschema " + command, help.Output, StringComparison.Ordinal);
        }

        var unknown = _fixture.Tool(folder, "diff only-one-argument --policy SIDEWAYS");
        Assert.Equal(2, unknown.ExitCode);
    }

    [Fact]
    public void DiffReportsARemovedPledgeStatusInTextJsonAndSarif()
    {
        var folder = _fixture.NewProjectFolder("tool-diff");
        var (v1, v2) = (Path.Combine(folder, "v1"), Path.Combine(folder, "v2"));
        CopyVocabulary(v1);
        CopyVocabulary(v2);
        var pledge = Path.Combine(v2, "pledge.schema.json");
        var lines = File.ReadAllLines(pledge).ToList();
        var removedAt = lines.FindIndex(l => l.Trim() == "\"suspended\",");
        Assert.True(removedAt > 0, "the vocabulary's pledge status has a 'suspended' value");
        lines.RemoveAt(removedAt);
        File.WriteAllLines(pledge, lines);

        var same = _fixture.Tool(folder, "diff v1 v1");
        Assert.True(same.ExitCode == 0, same.Output);
        Assert.Contains("0 breaking changes", same.Output, StringComparison.Ordinal);

        var text = _fixture.Tool(folder, "diff v1 v2 --namespace FactSchema.News");
        Assert.True(text.ExitCode == 1, text.Output);
        Assert.Contains("v2/pledge.schema.json:", text.Output, StringComparison.Ordinal);
        Assert.Contains("FS1012 enum-value-removed (breaks WIRE_READ)", text.Output, StringComparison.Ordinal);
        Assert.Contains("\"suspended\"", text.Output, StringComparison.Ordinal);
        Assert.Contains("FS1038 enum-member-removed (breaks SOURCE)", text.Output, StringComparison.Ordinal);
        Assert.Contains("FactSchema.News.PledgeStatus.Suspended", text.Output, StringComparison.Ordinal);
        Assert.Contains("baseline: v1/pledge.schema.json:", text.Output, StringComparison.Ordinal);

        // Old readers accept every new document: FORWARD-only checking passes.
        var forward = _fixture.Tool(folder, "diff v1 v2 --policy WIRE_WRITE");
        Assert.True(forward.ExitCode == 0, forward.Output);

        var json = _fixture.Tool(folder, "diff v1 v2 --format json --output diff.json");
        Assert.True(json.ExitCode == 1, json.Output);
        using (var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "diff.json"))))
        {
            var change = report.RootElement.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "FS1012");
            Assert.True(change.GetProperty("breaking").GetBoolean());
            Assert.Equal("v2/pledge.schema.json", change.GetProperty("location").GetProperty("file").GetString());
            // At the enum keyword the value left (1-based lines).
            var enumLine = lines.FindLastIndex(removedAt, l => l.Trim().StartsWith("\"enum\"", StringComparison.Ordinal)) + 1;
            Assert.Equal(enumLine, change.GetProperty("location").GetProperty("line").GetInt32());
            Assert.Equal("/$defs/pledgeStatus", change.GetProperty("baseline").GetProperty("pointer").GetString());
        }

        var sarif = _fixture.Tool(folder, "diff v1/pledge.schema.json v2/pledge.schema.json --format sarif -o diff.sarif");
        Assert.True(sarif.ExitCode == 1, sarif.Output);
        using (var log = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "diff.sarif"))))
        {
            Assert.Equal("2.1.0", log.RootElement.GetProperty("version").GetString());
            var run = log.RootElement.GetProperty("runs")[0];
            Assert.Equal("factschema", run.GetProperty("tool").GetProperty("driver").GetProperty("name").GetString());
            var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
            Assert.Contains("FS1001", rules);
            Assert.Contains("FS1040", rules);
            var result = run.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "FS1012");
            Assert.Equal("error", result.GetProperty("level").GetString());
            var region = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
            Assert.True(region.GetProperty("startLine").GetInt32() > 100);
        }
    }

    [Fact]
    public void ValidateListsEveryErrorWithPointerAndLine()
    {
        var folder = _fixture.NewProjectFolder("tool-validate");
        CopyVocabulary(Path.Combine(folder, "schemas"));
        var facts = File.ReadAllText(Path.Combine(PackageFixture.RepoRoot, "samples", "NewsFacts", "facts.json"));
        File.WriteAllText(Path.Combine(folder, "facts.json"), facts);
        File.WriteAllText(Path.Combine(folder, "bad.json"), facts.Replace("\"currency\": \"EUR\"", "\"currency\": \"eur\"", StringComparison.Ordinal));

        var valid = _fixture.Tool(folder, "validate schemas/fact-set.schema.json facts.json");
        Assert.True(valid.ExitCode == 0, valid.Output);
        Assert.Contains("facts.json: valid", valid.Output, StringComparison.Ordinal);

        var invalid = _fixture.Tool(folder, "validate schemas/fact-set.schema.json bad.json");
        Assert.True(invalid.ExitCode == 1, invalid.Output);
        Assert.Matches(@"bad\.json:\d+:\d+: invalid: /pledges/\d+/amount/currency: 'eur' does not match \^\[A-Z\]\{3\}\$ \[pledge\.schema\.json#/\$defs/amount/properties/currency/pattern\]", invalid.Output);

        // JSON lines on standard input: one verdict per line, malformed lines included, as JSON.
        const string stream = "{\"id\":\"only\"}\n\n{not json\n";
        var lines = _fixture.Tool(folder, "validate schemas/fact-set.schema.json - --jsonl --format json", stream);
        Assert.True(lines.ExitCode == 1, lines.Output);
        var verdicts = lines.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(2, verdicts.Count);
        Assert.Equal(1, verdicts[0].GetProperty("line").GetInt32());
        Assert.Contains(verdicts[0].GetProperty("errors").EnumerateArray(), e => e.GetProperty("instanceLocation").GetString() == "/id");
        Assert.Equal(3, verdicts[1].GetProperty("line").GetInt32());
        Assert.True(verdicts[1].GetProperty("malformed").GetBoolean());

        var missing = _fixture.Tool(folder, "validate schemas/fact-set.schema.json nowhere.json");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("nowhere.json", missing.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void GenerateWritesTheGeneratorsCodeAndBundleWritesOneSchema()
    {
        var folder = _fixture.NewProjectFolder("tool-generate");
        CopyVocabulary(Path.Combine(folder, "schemas"));

        var generate = _fixture.Tool(folder, "generate schemas -o out -n Newsroom.Facts");
        Assert.True(generate.ExitCode == 0, generate.Output);
        var pledge = File.ReadAllText(Path.Combine(folder, "out", "pledge.schema.json.g.cs"));
        Assert.Contains("namespace Newsroom.Facts", pledge, StringComparison.Ordinal);
        Assert.Contains("public sealed partial record Pledge", pledge, StringComparison.Ordinal);

        var broken = Path.Combine(folder, "broken.schema.json");
        File.WriteAllText(broken, "{ \"type\": \"object\", \"properties\": { \"a\": { \"type\": 12 } } }");
        var failed = _fixture.Tool(folder, "generate broken.schema.json -o out2");
        Assert.True(failed.ExitCode == 1, failed.Output);
        Assert.Matches(@"broken\.schema\.json:1:\d+: error FS\d{4}", failed.Output);

        var bundle = _fixture.Tool(folder, "bundle schemas/fact-set.schema.json -o fact-set.bundle.json");
        Assert.True(bundle.ExitCode == 0, bundle.Output);
        using var bundled = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "fact-set.bundle.json")));
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", bundled.RootElement.GetProperty("$schema").GetString());
        Assert.True(bundled.RootElement.GetProperty("$defs").TryGetProperty("pledge", out _));
        Assert.DoesNotContain("\"$ref\": \"actor.schema.json", File.ReadAllText(Path.Combine(folder, "fact-set.bundle.json")), StringComparison.Ordinal);

        // The bundle alone validates what the files validate.
        File.WriteAllText(Path.Combine(folder, "facts.json"), File.ReadAllText(Path.Combine(PackageFixture.RepoRoot, "samples", "NewsFacts", "facts.json")));
        var check = _fixture.Tool(folder, "validate fact-set.bundle.json facts.json");
        Assert.True(check.ExitCode == 0, check.Output);
    }

    private static void CopyVocabulary(string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(Vocabulary, "*.schema.json"))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
        }
    }
}
