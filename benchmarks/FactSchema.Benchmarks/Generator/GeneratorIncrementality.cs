using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using FactSchema.Generators;
using Microsoft.CodeAnalysis;

namespace FactSchema.Benchmarks.Generator;

/// <summary>What one step of the generator's pipeline did in a re-run.</summary>
/// <param name="Step">The step's tracking name.</param>
/// <param name="Outputs">How many outputs it had.</param>
/// <param name="Ran">How many it computed again (new, modified, or recomputed but unchanged); the rest came from the cache.</param>
/// <param name="Changed">How many of those differ from the previous run (new or modified).</param>
/// <param name="Elapsed">The step's time in this run as the driver tracked it (its runs summed; a profile, not a benchmark).</param>
public sealed record StepActivity(string Step, int Outputs, int Ran, int Changed, TimeSpan Elapsed);

/// <summary>What a re-run of the generator did after an edit.</summary>
/// <param name="Edit">The edit.</param>
/// <param name="Steps">Each schema step's activity.</param>
/// <param name="SourceOutputsRun">How many times the source-output callback ran, i.e. how many files were emitted again.</param>
/// <param name="FilesChanged">How many generated files have a different text afterwards.</param>
public sealed record RerunActivity(string Edit, IReadOnlyList<StepActivity> Steps, int SourceOutputsRun, int FilesChanged);

/// <summary>
/// Checks the incrementality goals by running the generator with step tracking on: after a C# edit no schema step
/// should run, and after a one-schema edit only that schema's file should be emitted again.
/// </summary>
public static class GeneratorIncrementality
{
    private static readonly string[] s_schemaSteps =
    {
        TrackingNames.SchemaFiles, TrackingNames.ParsedSchemas, TrackingNames.SchemaSet,
        TrackingNames.MappedSchemas, TrackingNames.SourceModels, TrackingNames.Diagnostics,
    };

    /// <summary>Runs the generator over <paramref name="schemaCount"/> schemas, then re-runs it after each edit.</summary>
    /// <param name="schemaCount">Number of schema files.</param>
    /// <returns>The C# edit's activity, then the schema edit's.</returns>
    public static IReadOnlyList<RerunActivity> Measure(int schemaCount)
    {
        var files = SyntheticSchemas.Create(schemaCount);
        var texts = GeneratorHost.ToAdditionalTexts(files);
        var compilation = GeneratorHost.CreateCompilation();
        var first = GeneratorHost.RunChecked(GeneratorHost.CreateDriver(texts, trackSteps: true), compilation, schemaCount);
        var before = Sources(first);

        var afterCSharp = GeneratorHost.RunChecked(first, compilation.AddSyntaxTrees(GeneratorHost.ParseEdit()), schemaCount);

        var edited = files[schemaCount / 2];
        var target = texts.Single(text => text.Path == GeneratorHost.ProjectDirectory + edited.Path);
        var replacement = GeneratorHost.ToAdditionalText(edited with { Text = SyntheticSchemas.AddProperty(edited.Text, "addedByEdit") });
        var afterSchema = GeneratorHost.RunChecked(first.ReplaceAdditionalText(target, replacement), compilation, schemaCount);

        return new[]
        {
            Describe("C# file added", afterCSharp, before),
            Describe("one schema edited", afterSchema, before),
        };
    }

    /// <summary>Formats the activity of runs over several schema counts as a GitHub-markdown table.</summary>
    /// <param name="schemaCounts">The schema counts.</param>
    /// <returns>The table.</returns>
    public static string FormatTable(IEnumerable<int> schemaCounts)
    {
        var table = new StringBuilder();
        table.Append("| Schemas | Edit |");
        foreach (var step in s_schemaSteps)
        {
            table.Append(' ').Append(step).Append(" ran/changed/of (ms) |");
        }

        table.AppendLine(" Files emitted again | Files changed |");
        table.Append("| ---: | --- |").Append(string.Concat(Enumerable.Repeat(" ---: |", s_schemaSteps.Length))).AppendLine(" ---: | ---: |");
        foreach (var count in schemaCounts)
        {
            foreach (var run in Measure(count))
            {
                table.Append(CultureInfo.InvariantCulture, $"| {count} | {run.Edit} |");
                foreach (var step in run.Steps)
                {
                    table.Append(CultureInfo.InvariantCulture, $" {step.Ran}/{step.Changed}/{step.Outputs} ({step.Elapsed.TotalMilliseconds:0.#}) |");
                }

                table.AppendLine(CultureInfo.InvariantCulture, $" {run.SourceOutputsRun} | {run.FilesChanged} |");
            }
        }

        return table.ToString();
    }

    private static RerunActivity Describe(string edit, GeneratorDriver driver, IReadOnlyDictionary<string, string> before)
    {
        var result = driver.GetRunResult().Results.Single();
        var steps = s_schemaSteps.Select(step =>
        {
            var outputs = result.TrackedSteps.TryGetValue(step, out var runs) ? runs.SelectMany(r => r.Outputs).ToList() : new List<(object Value, IncrementalStepRunReason Reason)>();
            var elapsed = runs.IsDefault ? TimeSpan.Zero : runs.Aggregate(TimeSpan.Zero, (sum, run) => sum + run.ElapsedTime);
            return new StepActivity(
                step,
                outputs.Count,
                outputs.Count(o => o.Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified or IncrementalStepRunReason.Unchanged),
                outputs.Count(o => o.Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified),
                elapsed);
        }).ToList();

        // Each RegisterSourceOutput callback that ran shows as a New or Modified output of the "SourceOutput" step.
        var emitted = result.TrackedOutputSteps
            .SelectMany(pair => pair.Value)
            .SelectMany(run => run.Outputs)
            .Count(o => o.Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified);

        var after = Sources(driver);
        var changed = after.Count(pair => !before.TryGetValue(pair.Key, out var old) || !string.Equals(old, pair.Value, StringComparison.Ordinal))
            + before.Keys.Count(key => !after.ContainsKey(key));
        return new RerunActivity(edit, steps, emitted, changed);
    }

    private static Dictionary<string, string> Sources(GeneratorDriver driver)
        => driver.GetRunResult().Results
            .SelectMany(r => r.GeneratedSources)
            .ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);
}
