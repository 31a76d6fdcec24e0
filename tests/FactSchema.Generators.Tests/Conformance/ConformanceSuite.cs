using System.IO;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using System.Text.Json;
using FactSchema.Generators.Tests.TestSupport;
using FactSchema.Validation;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace FactSchema.Generators.Tests.Conformance;

/// <summary>One test of the official suite, with where it lives.</summary>
public sealed record SuiteCase(string File, string Group, string Test, string Data, bool Valid)
{
    public string Key => $"{File} | {Group} | {Test}";
}

/// <summary>The outcome of one test.</summary>
public sealed record SuiteOutcome(SuiteCase Case, bool Passed, string Detail);

/// <summary>
/// Runs the official JSON-Schema-Test-Suite through the real generator: every group's schema becomes a schema
/// file, the generator emits validators, Roslyn compiles them in memory (groups batched so that no two
/// schemas in a compilation claim the same <c>$id</c>), and every test's data is validated by the generated code.
/// </summary>
public static class ConformanceSuite
{
    /// <summary>The suite's folder: FACTSCHEMA_SHARED_DIR (default ../shared/ beside the repository) + json-schema-test-suite.</summary>
    public static string? SuiteDirectory
    {
        get
        {
            var suite = Path.Combine(RepoPaths.Shared, "json-schema-test-suite");
            return Directory.Exists(Path.Combine(suite, "tests", "draft2020-12")) ? Path.GetFullPath(suite) : null;
        }
    }

    public const string SkipMessage = "The JSON-Schema-Test-Suite is absent (set FACTSCHEMA_SHARED_DIR; default ../shared/ beside the repository, with json-schema-test-suite/ in it); skipping the conformance run.";

    public static IReadOnlyList<SuiteOutcome> Run(string suite, IEnumerable<string> files, bool formatAssertion, ITestOutputHelper? output)
        => Run(suite, "draft2020-12", files, formatAssertion, output);

    /// <summary>Runs files of one draft's folder (<c>draft2020-12</c>, <c>draft7</c>, <c>draft4</c>): its schemas and remotes are read as that draft.</summary>
    public static IReadOnlyList<SuiteOutcome> Run(string suite, string draft, IEnumerable<string> files, bool formatAssertion, ITestOutputHelper? output)
    {
        var dialect = DialectOf(draft);
        var remotes = Remotes(suite, draft, dialect);
        var groups = new List<(string File, string Description, string Schema, List<SuiteCase> Cases, HashSet<string> Ids)>();
        foreach (var file in files)
        {
            var name = Path.GetRelativePath(Path.Combine(suite, "tests", draft), file).Replace('\\', '/');
            using var document = JsonDocument.Parse(File.ReadAllBytes(file));
            foreach (var group in document.RootElement.EnumerateArray())
            {
                var description = group.GetProperty("description").GetString()!;
                var schema = group.GetProperty("schema");
                var cases = group.GetProperty("tests").EnumerateArray()
                    .Select(t => new SuiteCase(name, description, t.GetProperty("description").GetString()!, t.GetProperty("data").GetRawText(), t.GetProperty("valid").GetBoolean()))
                    .ToList();
                groups.Add((name, description, schema.GetRawText(), cases, IdsOf(schema)));
            }
        }

        // Batches: no two groups in one compilation may claim the same $id.
        var batches = new List<List<int>>();
        var batchIds = new List<HashSet<string>>();
        for (var g = 0; g < groups.Count; g++)
        {
            var ids = groups[g].Ids;
            var target = Enumerable.Range(0, batches.Count).FirstOrDefault(i => batches[i].Count < 250 && !batchIds[i].Overlaps(ids), -1);
            if (target < 0)
            {
                batches.Add(new List<int>());
                batchIds.Add(new HashSet<string>(StringComparer.Ordinal));
                target = batches.Count - 1;
            }

            batches[target].Add(g);
            batchIds[target].UnionWith(groups[g].Ids);
        }

        var outcomes = new List<SuiteOutcome>();
        for (var b = 0; b < batches.Count; b++)
        {
            var included = new HashSet<int>(batches[b]);
            var excluded = new Dictionary<int, string>();
            Assembly? assembly = null;
            AssemblyLoadContext? context = null;
            for (var attempt = 0; attempt < 6 && assembly is null; attempt++)
            {
                var inputs = remotes.ToList();
                foreach (var g in included)
                {
                    var metadata = new Dictionary<string, string>
                    {
                        ["FactSchemaFormatAssertion"] = formatAssertion ? "true" : "false",
                        ["FactSchemaDialect"] = dialect,
                    };
                    inputs.Add(new SchemaInput($"suite/g{g}.schema.json", groups[g].Schema, "Suite.G" + g, "Root", metadata));
                }

                var run = GeneratorHarness.Run(inputs, csharpSources: null, options: GeneratorHarness.StrictOptions.WithGeneralDiagnosticOption(ReportDiagnostic.Default));
                var errors = run.OutputCompilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
                if (errors.Count == 0)
                {
                    using var stream = new MemoryStream();
                    var emitted = run.OutputCompilation.Emit(stream);
                    if (!emitted.Success)
                    {
                        errors = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
                    }
                    else
                    {
                        stream.Position = 0;
                        context = new AssemblyLoadContext("conformance-" + b, isCollectible: true);
                        assembly = context.LoadFromStream(stream);
                        break;
                    }
                }

                // Leave out the groups whose generated code does not compile, and try again.
                foreach (var error in errors)
                {
                    var tree = error.Location.SourceTree;
                    var match = tree is null ? null : System.Text.RegularExpressions.Regex.Match(tree.FilePath, @"suite\.g(\d+)\.schema\.json");
                    if (match is { Success: true } && int.TryParse(match.Groups[1].Value, out var g) && included.Remove(g))
                    {
                        excluded[g] = "generated code does not compile: " + error.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
                    }
                }

                if (errors.Count > 0 && !errors.Any(e => e.Location.SourceTree?.FilePath.Contains("suite.g", StringComparison.Ordinal) == true))
                {
                    throw new Xunit.Sdk.XunitException("the remotes do not compile: " + string.Join("\n", errors.Take(5)));
                }
            }

            try
            {
                foreach (var g in batches[b])
                {
                    var group = groups[g];
                    if (excluded.TryGetValue(g, out var reason) || assembly is null)
                    {
                        outcomes.AddRange(group.Cases.Select(c => new SuiteOutcome(c, false, reason ?? "batch did not compile")));
                        continue;
                    }

                    var type = assembly.GetType($"Suite.G{g}.RootSchema");
                    var validate = type?.GetMethod("ValidateJson", new[] { typeof(string) });

                    // Where the root maps to a generated type, its Deserialize validates in one pass; it must never accept what the
                    // type's own validator rejects (the type's schema, which for a root that only wraps another is that other's).
                    var rootType = assembly.GetType($"Suite.G{g}.Root");
                    var deserialize = rootType?.GetMethod("Deserialize", new[] { typeof(string) });
                    var validateType = rootType?.GetMethod("ValidateJson", new[] { typeof(string) });
                    foreach (var test in group.Cases)
                    {
                        if (validate is null)
                        {
                            outcomes.Add(new SuiteOutcome(test, false, "no RootSchema.ValidateJson was generated"));
                            continue;
                        }

                        try
                        {
                            var result = (ValidationResult)validate.Invoke(null, new object[] { test.Data })!;
                            var passed = result.IsValid == test.Valid;
                            var detail = passed ? string.Empty : (result.IsValid ? "accepted an invalid instance" : "rejected a valid instance: " + result.Errors[0]);
                            if (deserialize is not null && validateType is not null
                                && DeserializeDisagrees(deserialize, test.Data, ((ValidationResult)validateType.Invoke(null, new object[] { test.Data })!).IsValid) is { } disagreement)
                            {
                                passed = false;
                                detail = disagreement;
                            }

                            outcomes.Add(new SuiteOutcome(test, passed, detail));
                        }
                        catch (TargetInvocationException ex)
                        {
                            outcomes.Add(new SuiteOutcome(test, false, "threw " + ex.InnerException?.GetType().Name + ": " + ex.InnerException?.Message));
                        }
                    }
                }
            }
            finally
            {
                context?.Unload();
            }
        }

        output?.WriteLine($"{groups.Count} groups in {batches.Count} compilations");
        return outcomes;
    }

    /// <summary>Null when the generated <c>Deserialize</c> agrees with the validator (accepts only valid instances, fails only with a <c>JsonException</c>), else what went wrong.</summary>
    private static string? DeserializeDisagrees(MethodInfo deserialize, string data, bool valid)
    {
        try
        {
            deserialize.Invoke(null, new object[] { data });
            return valid ? null : "Deserialize accepted an instance the validator rejects";
        }
        catch (TargetInvocationException ex) when (ex.InnerException is JsonException)
        {
            return null;
        }
        catch (TargetInvocationException ex)
        {
            return "Deserialize threw " + ex.InnerException?.GetType().Name + ": " + ex.InnerException?.Message;
        }
    }

    /// <summary>The dialect setting for a folder of the suite.</summary>
    private static string DialectOf(string draft) => draft switch
    {
        "draft4" => "draft-04",
        "draft6" => "draft-06",
        "draft7" => "draft-07",
        "draft2019-09" => "2019-09",
        _ => "2020-12",
    };

    private static List<SchemaInput> Remotes(string suite, string draft, string dialect)
    {
        var root = Path.Combine(suite, "remotes");
        var result = new List<SchemaInput>();
        var skipped = new[] { "draft3/", "draft4/", "draft6/", "draft7/", "draft2019-09/", "draft2020-12/" }.Where(s => s != draft + "/").ToArray();
        var index = 0;
        foreach (var path in Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
            if (skipped.Any(s => relative.StartsWith(s, StringComparison.Ordinal)))
            {
                continue;
            }

            var metadata = new Dictionary<string, string> { ["FactSchemaItem"] = "true", ["FactSchemaBaseUri"] = "http://localhost:1234/" + relative, ["FactSchemaDialect"] = dialect };
            result.Add(new SchemaInput("remotes/" + relative, File.ReadAllText(path), "Remotes.R" + index++, null, metadata));
        }

        return result;
    }

    private static HashSet<string> IdsOf(JsonElement schema)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        void Walk(JsonElement element)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name == "$id" && property.Value.ValueKind == JsonValueKind.String)
                    {
                        ids.Add(property.Value.GetString()!);
                    }

                    Walk(property.Value);
                }
            }
            else if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item);
                }
            }
        }

        Walk(schema);
        return ids;
    }

    /// <summary>A markdown table: per file, passed / total.</summary>
    public static string Table(IReadOnlyList<SuiteOutcome> outcomes)
    {
        var builder = new StringBuilder();
        builder.AppendLine("| File | Passed | Total | % |");
        builder.AppendLine("|---|---:|---:|---:|");
        foreach (var file in outcomes.GroupBy(o => o.Case.File).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var passed = file.Count(o => o.Passed);
            builder.AppendLine($"| {file.Key} | {passed} | {file.Count()} | {100.0 * passed / file.Count():0.0} |");
        }

        var all = outcomes.Count(o => o.Passed);
        builder.AppendLine($"| **Total** | **{all}** | **{outcomes.Count}** | **{100.0 * all / Math.Max(1, outcomes.Count):0.00}** |");
        return builder.ToString();
    }
}
