using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading;
using FactSchema.Generators.Common;
using FactSchema.Generators.Configuration;
using FactSchema.Generators.Evolution;
using FactSchema.Generators.Mapping;
using FactSchema.Generators.Model;

namespace FactSchema.Tool;

/// <summary>
/// <c>factschema diff OLD NEW</c>: the build's compatibility check (the same engine and rules, FS1001–FS1040) between two
/// versions of a set of schemas, for people (text) and for CI (JSON, SARIF 2.1.0), with the exit code set by the policy.
/// </summary>
internal static class DiffCommand
{
    /// <summary>The features of a current .NET target: the C# the SOURCE category judges is what a net8.0+ project gets.</summary>
    internal static readonly TargetFeatures ModernTarget = new(
        HasDateOnly: true,
        HasRequiredMemberAttribute: true,
        HasSetsRequiredMembersAttribute: true,
        HasCompilerFeatureRequiredAttribute: true,
        HasIsExternalInit: true,
        HasRuntimeLibrary: true,
        LanguageVersion: int.MaxValue,
        HasNotNullWhenAttribute: true);

    public static Command Create(CommonOptions common)
    {
        var oldArgument = new Argument<string>("old") { Description = "The baseline: a schema file or a folder of schema files (the previous version)." };
        var newArgument = new Argument<string>("new") { Description = "The current version: a schema file or a folder, matched to the baseline by $id, else by relative path." };
        var policy = new Option<string>("--policy", "-p")
        {
            Description = "What counts as breaking: BACKWARD, FORWARD, FULL or NONE, or categories WIRE_READ, WIRE_WRITE, SOURCE, REFERENCE (comma-separated).",
            DefaultValueFactory = _ => "FULL",
        };
        var format = new Option<string>("--format", "-f") { Description = "Output format: text (for people), json, or sarif (SARIF 2.1.0, for code-scanning tools).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "sarif");
        var all = new Option<bool>("--all", "-a") { Description = "Also list the compatible changes (text output; json and sarif always hold them)." };
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to this file instead of standard output." };

        var command = new Command("diff", "Compares two versions of a set of schemas and reports what breaks old documents (WIRE_READ), old readers (WIRE_WRITE), C# compiled against the old types (SOURCE) or $refs into the schemas (REFERENCE). Exit code 1 when a change breaks what the policy checks.")
        {
            oldArgument,
            newArgument,
            policy,
            format,
            all,
            output,
        };
        common.AddTo(command);
        command.SetAction((parse, cancellationToken) => Tool.Run(() =>
        {
            var settings = common.Settings(parse);
            var parsed = CompatibilityPolicy.Parse(parse.GetValue(policy), errors: "false", out var unknown);
            if (unknown.Count > 0)
            {
                throw new ToolException("unknown policy " + string.Join(", ", unknown.Select(u => "'" + u + "'")) + ": use BACKWARD, FORWARD, FULL, NONE, WIRE_READ, WIRE_WRITE, SOURCE or REFERENCE");
            }

            var report = Run(parse.GetValue(oldArgument)!, parse.GetValue(newArgument)!, settings, cancellationToken);
            if (report.ReadErrors.Count > 0)
            {
                Output.Write(Console.Error, report.ReadErrors);
                return Output.BadInput;
            }

            var target = parse.GetValue(output);
            using (var writer = target is null ? Console.Out : new StreamWriter(target))
            {
                switch (parse.GetValue(format))
                {
                    case "json":
                        DiffReports.WriteJson(writer, report, parsed);
                        break;
                    case "sarif":
                        DiffReports.WriteSarif(writer, report, parsed);
                        break;
                    default:
                        DiffReports.WriteText(writer, report, parsed, parse.GetValue(all));
                        break;
                }
            }

            return report.Changes.Any(parsed.Reports) ? Output.Failed : Output.Success;
        }));
        return command;
    }

    /// <summary>Reads both sides and compares them.</summary>
    public static DiffReport Run(string oldPath, string newPath, SchemaReadSettings settings, CancellationToken cancellationToken)
    {
        var oldFiles = SchemaFiles.Load(new[] { oldPath }, settings);
        var newFiles = SchemaFiles.Load(new[] { newPath }, settings);
        var oldInputs = oldFiles.Inputs.ToList();
        if (File.Exists(oldPath) && File.Exists(newPath) && oldFiles.Named.Count == 1 && newFiles.Named.Count == 1)
        {
            // Two files are the two versions of one schema, whatever their names.
            var index = oldInputs.IndexOf(oldFiles.Named[0]);
            oldInputs[index] = oldInputs[index] with { RelativePath = newFiles.Named[0].RelativePath };
        }

        var baseline = oldInputs.Select(input => SchemaDocumentReader.Read(input, cancellationToken)).ToList();
        var set = newFiles.ReadSet(cancellationToken, out var current);
        var errors = SchemaFiles.Errors(baseline).Concat(SchemaFiles.Errors(current)).ToList();
        if (errors.Count > 0)
        {
            return new DiffReport(Array.Empty<SchemaChange>(), errors, oldPath, newPath);
        }

        var changes = CompatibilityCheck.Run(baseline, set, ModernTarget, ImmutableEquatableArray<ExternalSchemaType>.Empty, cancellationToken);
        return new DiffReport(changes, Array.Empty<Generators.Diagnostics.DiagnosticInfo>(), oldPath, newPath, baseline.ToDictionary(d => d.RelativePath, d => d.FilePath, StringComparer.OrdinalIgnoreCase));
    }
}

/// <summary>What <c>diff</c> found: every change (compatible ones too), or why the schemas could not be read.</summary>
internal sealed record DiffReport(
    IReadOnlyList<SchemaChange> Changes,
    IReadOnlyList<Generators.Diagnostics.DiagnosticInfo> ReadErrors,
    string OldPath,
    string NewPath,
    IReadOnlyDictionary<string, string>? BaselineFiles = null)
{
    /// <summary>The baseline file's path on disk, from its path relative to the baseline.</summary>
    public string OldFilePath(string relative)
        => BaselineFiles is not null && BaselineFiles.TryGetValue(relative, out var path) ? path : relative;
}
