using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using FactSchema.Generators.Evolution;
using FactSchema.Generators.Json;

namespace FactSchema.Tool;

/// <summary>The three forms of a <c>diff</c> report: text for people, JSON for scripts, SARIF 2.1.0 for code scanning.</summary>
internal static class DiffReports
{
    private static readonly (CompatibilityCategory Flag, string Name)[] s_categories =
    {
        (CompatibilityCategory.WireRead, "WIRE_READ"),
        (CompatibilityCategory.WireWrite, "WIRE_WRITE"),
        (CompatibilityCategory.Source, "SOURCE"),
        (CompatibilityCategory.Reference, "REFERENCE"),
    };

    public static void WriteText(TextWriter writer, DiffReport report, CompatibilityPolicy policy, bool all)
    {
        var breaking = report.Changes.Where(policy.Reports).ToList();
        var compatible = report.Changes.Where(c => !policy.Reports(c)).ToList();
        foreach (var change in all ? report.Changes : breaking)
        {
            var broken = policy.Reports(change);
            var where = change.NewFile.Length == 0
                ? Output.Location(report.OldFilePath(change.OldFile), change.OldSpan.StartLine, change.OldSpan.StartColumn) + " (baseline)"
                : Output.Location(change.NewFile, change.NewSpan.StartLine, change.NewSpan.StartColumn);
            var verdict = broken ? "breaking" : "compatible";
            var categories = change.Breaks == CompatibilityCategory.None ? "breaks nothing" : "breaks " + CompatibilityRule.Describe(change.Breaks);
            writer.WriteLine($"{where}: {verdict} {change.Rule.Id} {change.Rule.Name} ({categories})");
            writer.WriteLine("    " + change.Detail);
            if (change.NewFile.Length != 0 && change.OldFile.Length != 0)
            {
                var pointer = change.OldPointer.Length == 0 ? string.Empty : " #" + change.OldPointer;
                writer.WriteLine("    baseline: " + Output.Location(report.OldFilePath(change.OldFile), change.OldSpan.StartLine, change.OldSpan.StartColumn) + pointer);
            }
        }

        if (report.Changes.Count > 0)
        {
            writer.WriteLine();
        }

        var checkedNames = policy.Checked == CompatibilityCategory.None ? "nothing" : CompatibilityRule.Describe(policy.Checked);
        var counts = string.Join(", ", s_categories
            .Where(c => (policy.Checked & c.Flag) != 0)
            .Select(c => c.Name + " " + breaking.Count(b => (b.Breaks & c.Flag) != 0)));
        writer.Write($"{Plural(breaking.Count, "breaking change")} (checked: {checkedNames}{(counts.Length == 0 ? string.Empty : "; " + counts)})");
        writer.WriteLine(compatible.Count == 0 ? "." : $", {Plural(compatible.Count, "compatible change")}{(all ? string.Empty : " (--all lists them)")}.");
    }

    public static void WriteJson(TextWriter writer, DiffReport report, CompatibilityPolicy policy)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("old", Output.Display(report.OldPath));
            json.WriteString("new", Output.Display(report.NewPath));
            json.WriteStartArray("checked");
            foreach (var name in Names(policy.Checked))
            {
                json.WriteStringValue(name);
            }

            json.WriteEndArray();
            json.WriteNumber("breaking", report.Changes.Count(policy.Reports));
            json.WriteNumber("compatible", report.Changes.Count(c => !policy.Reports(c)));
            json.WriteStartArray("changes");
            foreach (var change in report.Changes)
            {
                json.WriteStartObject();
                json.WriteString("id", change.Rule.Id);
                json.WriteString("rule", change.Rule.Name);
                json.WriteBoolean("breaking", policy.Reports(change));
                json.WriteStartArray("breaks");
                foreach (var name in Names(change.Breaks))
                {
                    json.WriteStringValue(name);
                }

                json.WriteEndArray();
                json.WriteString("message", change.Detail);
                if (change.NewFile.Length != 0)
                {
                    WriteLocation(json, "location", change.NewFile, change.NewPointer, change.NewSpan);
                }

                if (change.OldFile.Length != 0)
                {
                    WriteLocation(json, "baseline", report.OldFilePath(change.OldFile), change.OldPointer, change.OldSpan);
                }

                json.WriteString("help", change.Rule.HelpLink);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        writer.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    /// <summary>SARIF 2.1.0: one run, the rules table in the driver, a result per change (error when the policy counts it, else note).</summary>
    public static void WriteSarif(TextWriter writer, DiffReport report, CompatibilityPolicy policy)
    {
        var rules = CompatibilityRule.All;
        var ruleIndex = rules.Select((rule, index) => (rule, index)).ToDictionary(p => p.rule.Id, p => p.index, StringComparer.Ordinal);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", "factschema");
            json.WriteString("semanticVersion", ToolVersion);
            json.WriteString("informationUri", "https://github.com/factschema/factschema/blob/main/docs/evolution.md");
            json.WriteStartArray("rules");
            foreach (var rule in rules)
            {
                json.WriteStartObject();
                json.WriteString("id", rule.Id);
                json.WriteString("name", rule.Name);
                json.WriteStartObject("shortDescription");
                json.WriteString("text", rule.Title);
                json.WriteEndObject();
                json.WriteString("helpUri", rule.HelpLink);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteStartArray("results");
            foreach (var change in report.Changes)
            {
                json.WriteStartObject();
                json.WriteString("ruleId", change.Rule.Id);
                json.WriteNumber("ruleIndex", ruleIndex[change.Rule.Id]);
                json.WriteString("level", policy.Reports(change) ? "error" : "note");
                json.WriteStartObject("message");
                var breaks = change.Breaks == CompatibilityCategory.None ? "breaks nothing" : "breaks " + CompatibilityRule.Describe(change.Breaks);
                json.WriteString("text", change.Detail + " (" + change.Rule.Name + "; " + breaks + ")");
                json.WriteEndObject();
                var (file, pointer, span) = change.NewFile.Length != 0
                    ? (change.NewFile, change.NewPointer, change.NewSpan)
                    : (report.OldFilePath(change.OldFile), change.OldPointer, change.OldSpan);
                json.WriteStartArray("locations");
                WriteSarifLocation(json, file, pointer, span, null);
                json.WriteEndArray();
                if (change.NewFile.Length != 0 && change.OldFile.Length != 0)
                {
                    json.WriteStartArray("relatedLocations");
                    WriteSarifLocation(json, report.OldFilePath(change.OldFile), change.OldPointer, change.OldSpan, "baseline");
                    json.WriteEndArray();
                }

                json.WriteStartObject("properties");
                json.WriteStartArray("breaks");
                foreach (var name in Names(change.Breaks))
                {
                    json.WriteStringValue(name);
                }

                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        writer.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    internal static string ToolVersion
        => typeof(DiffReports).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    private static IEnumerable<string> Names(CompatibilityCategory categories)
        => s_categories.Where(c => (categories & c.Flag) != 0).Select(c => c.Name);

    private static void WriteLocation(Utf8JsonWriter json, string name, string file, string pointer, SourceSpan span)
    {
        json.WriteStartObject(name);
        json.WriteString("file", Output.Display(file));
        json.WriteString("pointer", pointer);
        json.WriteNumber("line", span.StartLine + 1);
        json.WriteNumber("column", span.StartColumn + 1);
        json.WriteEndObject();
    }

    private static void WriteSarifLocation(Utf8JsonWriter json, string file, string pointer, SourceSpan span, string? message)
    {
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", Output.Display(file));
        json.WriteEndObject();
        json.WriteStartObject("region");
        json.WriteNumber("startLine", span.StartLine + 1);
        json.WriteNumber("startColumn", span.StartColumn + 1);
        json.WriteNumber("endLine", span.EndLine + 1);
        json.WriteNumber("endColumn", span.EndColumn + 1);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartArray("logicalLocations");
        json.WriteStartObject();
        json.WriteString("fullyQualifiedName", "#" + pointer);
        json.WriteString("kind", "element");
        json.WriteEndObject();
        json.WriteEndArray();
        if (message is not null)
        {
            json.WriteStartObject("message");
            json.WriteString("text", message);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static string Plural(int count, string noun) => count + " " + noun + (count == 1 ? string.Empty : "s");
}
