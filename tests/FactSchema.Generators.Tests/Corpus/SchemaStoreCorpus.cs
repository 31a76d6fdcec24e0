using System.Diagnostics;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using FactSchema.Generators.Tests.TestSupport;
using FactSchema.Validation;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace FactSchema.Generators.Tests.Corpus;

/// <summary>One schema of the corpus with its catalog test documents.</summary>
public sealed record CorpusSchema(int Index, string Name, string Text, IReadOnlyList<CorpusDocument> Valid, IReadOnlyList<CorpusDocument> Invalid, IReadOnlyList<string> Ids, IReadOnlyList<string> References);

/// <summary>A test document of the catalog.</summary>
public sealed record CorpusDocument(string Name, string Text);

/// <summary>What happened to one schema: generation, compilation, and each of its documents.</summary>
public sealed class CorpusOutcome
{
    public CorpusOutcome(CorpusSchema schema) => Schema = schema;

    public CorpusSchema Schema { get; }

    /// <summary>FS errors the generator reported for this schema (id, location, message).</summary>
    public List<string> GeneratorErrors { get; } = new();

    /// <summary>FS warnings and infos (FS0007 and the like), counted, not failures.</summary>
    public List<string> GeneratorWarnings { get; } = new();

    /// <summary>C# errors and warnings in this schema's generated file (warnings are errors for a consumer).</summary>
    public List<string> CSharpErrors { get; } = new();

    /// <summary>FS0012: the generator caught an exception of its own.</summary>
    public List<string> GeneratorExceptions { get; } = new();

    public bool Compiled { get; set; }

    public int GeneratedLines { get; set; }

    public long GeneratedBytes { get; set; }

    public int ValidAccepted { get; set; }

    public int ValidRoundTripped { get; set; }

    public int InvalidRejected { get; set; }

    /// <summary>
    /// Valid documents that cannot be judged here, rejected and listed all the same: an empty (0-byte) file, or a
    /// document that reaches a <c>$ref</c> to a schema absent from the corpus (the validator fails closed there).
    /// </summary>
    public int ValidUnjudgeable { get; set; }

    /// <summary>Documents that failed a check, with why.</summary>
    public List<string> DocumentFailures { get; } = new();

    /// <summary>
    /// The failures as (key, detail): keys are stable across runs ("generated code", "generator exception",
    /// "no validator", "valid/NAME.json", "invalid/NAME.json") so that a known-failures list can name them.
    /// </summary>
    public IEnumerable<(string Key, string Detail)> Failures()
    {
        if (GeneratorExceptions.Count > 0)
        {
            yield return ("generator exception", GeneratorExceptions[0]);
        }

        if (CSharpErrors.Count > 0)
        {
            yield return ("generated code", CSharpErrors[0]);
        }

        foreach (var failure in DocumentFailures)
        {
            var colon = failure.IndexOf(": ", StringComparison.Ordinal);
            yield return colon < 0 ? (failure, failure) : (failure.Substring(0, colon), failure.Substring(colon + 2));
        }
    }

    /// <summary>Whether this schema is fine as far as the checks go: compiled, no exception, every document as the catalog says.</summary>
    public bool Clean => Compiled && GeneratorExceptions.Count == 0 && CSharpErrors.Count == 0 && DocumentFailures.Count == 0;
}

/// <summary>
/// Runs the SchemaStore corpus (<c>shared/schemastore</c>) through the real generator: schemas batched many per
/// compilation (those that refer to each other kept together, no two that claim the same <c>$id</c> in one), compiled
/// under warnings-as-errors, loaded, and every catalog document checked: valid ones must validate, deserialize through
/// the root type and be written back as they came; invalid ones must be rejected.
/// </summary>
public static class SchemaStoreCorpus
{
    public const string SkipMessage = "The SchemaStore corpus is absent (set FACTSCHEMA_SHARED_DIR; default ../shared/ beside the repository, with schemastore/ in it); skipping the corpus run.";

    private static readonly Regex s_generatedFile = new(@"corpus\.s(\d+)\.schema\.json", RegexOptions.CultureInvariant);

    /// <summary>
    /// Whether <c>format</c> is asserted, as the catalog's own CI does (ajv with ajv-formats): its invalid documents
    /// include ones that only a format makes invalid. FACTSCHEMA_CORPUS_FORMATS=annotation reads formats as
    /// annotations instead, as draft 2020-12 does by default.
    /// </summary>
    public static bool AssertFormats { get; } = !string.Equals(Environment.GetEnvironmentVariable("FACTSCHEMA_CORPUS_FORMATS"), "annotation", StringComparison.OrdinalIgnoreCase);

    /// <summary>The corpus folder: FACTSCHEMA_SHARED_DIR (default ../shared/ beside the repository) + schemastore, or null.</summary>
    public static string? CorpusDirectory
    {
        get
        {
            var corpus = Path.Combine(RepoPaths.Shared, "schemastore");
            return Directory.Exists(Path.Combine(corpus, "schemas")) ? Path.GetFullPath(corpus) : null;
        }
    }

    /// <summary>Every schema of the corpus with its documents, in name order.</summary>
    public static IReadOnlyList<CorpusSchema> Load(string corpus)
    {
        var result = new List<CorpusSchema>();
        var files = Directory.GetFiles(Path.Combine(corpus, "schemas"), "*.json").OrderBy(f => f, StringComparer.Ordinal).ToList();
        for (var i = 0; i < files.Count; i++)
        {
            var name = Path.GetFileNameWithoutExtension(files[i]);
            var text = File.ReadAllText(files[i]);
            IReadOnlyList<CorpusDocument> Documents(string kind)
            {
                var folder = Path.Combine(corpus, kind, name);
                return Directory.Exists(folder)
                    ? Directory.GetFiles(folder, "*.json").OrderBy(f => f, StringComparer.Ordinal).Select(f => new CorpusDocument(Path.GetFileName(f), File.ReadAllText(f))).ToList()
                    : Array.Empty<CorpusDocument>();
            }

            var (ids, references) = IdsAndReferences(text);
            result.Add(new CorpusSchema(i, name, text, Documents("valid"), Documents("invalid"), ids, references));
        }

        return result;
    }

    /// <summary>Runs the given schemas, at most <paramref name="batchBytes"/> of schema text per compilation.</summary>
    public static IReadOnlyList<CorpusOutcome> Run(IReadOnlyList<CorpusSchema> all, IReadOnlyCollection<CorpusSchema> selected, int batchBytes, ITestOutputHelper? output)
    {
        var outcomes = selected.ToDictionary(s => s.Index, s => new CorpusOutcome(s));
        foreach (var (batch, owned) in Batches(all, selected, batchBytes))
        {
            var watch = Stopwatch.StartNew();
            RunBatch(batch, owned, outcomes);
            var line = $"batch of {batch.Count} schemas ({batch.Sum(s => s.Text.Length) / 1024} KB): {watch.ElapsedMilliseconds} ms";
            output?.WriteLine(line);
            File.AppendAllText(Path.Combine(AppContext.BaseDirectory, "corpus-progress.txt"), line + Environment.NewLine);
        }

        return outcomes.Values.OrderBy(o => o.Schema.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Groups of schemas that compile together: each selected schema with every schema its references reach
    /// (by <c>$id</c>), no two schemas declaring the same <c>$id</c> in one group, each group under the size cap
    /// unless a single reference closure is larger.
    /// </summary>
    private static List<(List<CorpusSchema> Schemas, IReadOnlySet<int> Owned)> Batches(IReadOnlyList<CorpusSchema> all, IReadOnlyCollection<CorpusSchema> selected, int batchBytes)
    {
        var byId = new Dictionary<string, CorpusSchema>(StringComparer.Ordinal);
        foreach (var schema in all)
        {
            foreach (var id in schema.Ids)
            {
                byId.TryAdd(Normalize(id), schema);
            }
        }

        List<CorpusSchema> Closure(CorpusSchema start)
        {
            var seen = new List<CorpusSchema> { start };
            for (var i = 0; i < seen.Count; i++)
            {
                foreach (var reference in seen[i].References)
                {
                    if (byId.TryGetValue(Normalize(reference), out var target) && !seen.Contains(target))
                    {
                        seen.Add(target);
                    }
                }
            }

            return seen;
        }

        var batches = new List<(List<CorpusSchema> Schemas, HashSet<int> Owned, HashSet<string> Ids, long Bytes)>();
        var placed = new HashSet<int>();
        foreach (var schema in selected.OrderBy(s => s.Index))
        {
            if (placed.Contains(schema.Index))
            {
                continue;
            }

            // The whole closure goes in, also the schemas another batch owns already (compiled again here as guests,
            // reported only by their owner): a reference must resolve wherever its schema is compiled.
            var closure = Closure(schema);
            bool Fits((List<CorpusSchema> Schemas, HashSet<int> Owned, HashSet<string> Ids, long Bytes) b)
            {
                var added = closure.Where(c => !b.Schemas.Contains(c)).ToList();
                return (b.Bytes + added.Sum(c => (long)c.Text.Length) <= batchBytes || b.Schemas.Count == 0)
                    && !b.Ids.Overlaps(added.SelectMany(c => c.Ids).Select(Normalize));
            }

            var target = batches.FindIndex(b => Fits(b));
            if (target < 0)
            {
                batches.Add((new List<CorpusSchema>(), new HashSet<int>(), new HashSet<string>(StringComparer.Ordinal), 0));
                target = batches.Count - 1;
            }

            var (list, owned, ids, size) = batches[target];
            foreach (var member in closure.Where(c => !list.Contains(c)))
            {
                list.Add(member);
                ids.UnionWith(member.Ids.Select(Normalize));
                size += member.Text.Length;
            }

            foreach (var member in closure.Where(c => selected.Contains(c) && !placed.Contains(c.Index)))
            {
                owned.Add(member.Index);
                placed.Add(member.Index);
            }

            batches[target] = (list, owned, ids, size);
        }

        return batches.Select(b => (b.Schemas, (IReadOnlySet<int>)b.Owned)).ToList();
    }

    private static void RunBatch(List<CorpusSchema> batch, IReadOnlySet<int> owned, Dictionary<int, CorpusOutcome> all)
    {
        // Guests (schemas another batch owns, here for their references to resolve) are compiled, not reported.
        var outcomes = all.Where(o => owned.Contains(o.Key)).ToDictionary(o => o.Key, o => o.Value);
        var included = batch.Select(s => s.Index).ToHashSet();
        Assembly? assembly = null;
        AssemblyLoadContext? context = null;
        GeneratorRun? run = null;
        for (var attempt = 0; attempt < 8 && assembly is null && included.Count > 0; attempt++)
        {
            var inputs = batch.Where(s => included.Contains(s.Index))
                .Select(s => new SchemaInput($"corpus/s{s.Index}.schema.json", s.Text, "Corpus.S" + s.Index, "Root", new Dictionary<string, string> { ["FactSchemaItem"] = "true", ["FactSchemaFormatAssertion"] = AssertFormats ? "true" : "false" }))
                .ToList();
            run = GeneratorHarness.Run(inputs, csharpSources: null);
            if (attempt == 0)
            {
                Record(run, outcomes);
            }

            var errors = run.OutputCompilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
            if (errors.Count == 0)
            {
                using var stream = new MemoryStream();
                var emitted = run.OutputCompilation.Emit(stream);
                if (emitted.Success)
                {
                    stream.Position = 0;
                    context = new AssemblyLoadContext("corpus", isCollectible: true);
                    assembly = context.LoadFromStream(stream);
                    break;
                }

                errors = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            }

            // Leave out the schemas whose generated code does not compile, and try again without them.
            var blamed = false;
            foreach (var error in errors)
            {
                if (SchemaOf(error.Location.SourceTree?.FilePath) is { } index && included.Contains(index))
                {
                    if (attempt == 0 && outcomes.TryGetValue(index, out var outcome) && outcome.CSharpErrors.Count < 20)
                    {
                        outcome.CSharpErrors.Add(error.Id + " " + Excerpt(error));
                    }

                    included.Remove(index);
                    blamed = true;
                }
            }

            if (!blamed)
            {
                throw new Xunit.Sdk.XunitException("a corpus batch does not compile and no schema's generated file is to blame: " + string.Join("\n", errors.Take(5)));
            }
        }

        try
        {
            foreach (var schema in batch)
            {
                if (!outcomes.TryGetValue(schema.Index, out var outcome))
                {
                    continue;
                }

                outcome.Compiled = assembly is not null && included.Contains(schema.Index);
                if (outcome.Compiled)
                {
                    CheckDocuments(assembly!, outcome);
                }
            }
        }
        finally
        {
            context?.Unload();
        }
    }

    private static void Record(GeneratorRun run, Dictionary<int, CorpusOutcome> outcomes)
    {
        foreach (var diagnostic in run.GeneratorDiagnostics)
        {
            if (SchemaOf(diagnostic.Location.GetLineSpan().Path) is not { } index || !outcomes.TryGetValue(index, out var outcome))
            {
                continue;
            }

            var line = GeneratorHarness.Describe(diagnostic);
            if (diagnostic.Id == "FS0012")
            {
                outcome.GeneratorExceptions.Add(line);
            }
            else if (diagnostic.DefaultSeverity == DiagnosticSeverity.Error)
            {
                // By the descriptor: the harness compiles with warnings as errors, which raises every FS warning too.
                outcome.GeneratorErrors.Add(line);
            }
            else
            {
                outcome.GeneratorWarnings.Add(line);
            }
        }

        foreach (var source in run.Result.Results.SelectMany(r => r.GeneratedSources))
        {
            if (SchemaOf(source.HintName) is { } index && outcomes.TryGetValue(index, out var outcome))
            {
                var text = source.SourceText.ToString();
                outcome.GeneratedLines += source.SourceText.Lines.Count;
                outcome.GeneratedBytes += Encoding.UTF8.GetByteCount(text);
            }
        }
    }

    private static void CheckDocuments(Assembly assembly, CorpusOutcome outcome)
    {
        var ns = "Corpus.S" + outcome.Schema.Index;
        var validate = assembly.GetType(ns + ".RootSchema")?.GetMethod("ValidateJson", new[] { typeof(string) });
        var root = assembly.GetType(ns + ".Root");
        var deserialize = root?.GetMethod("Deserialize", BindingFlags.Public | BindingFlags.Static, new[] { typeof(string) });
        var serialize = root?.GetMethod("SerializeToUtf8Bytes", BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes);
        if (validate is null)
        {
            outcome.DocumentFailures.Add("no validator: no RootSchema.ValidateJson was generated");
            return;
        }

        foreach (var document in outcome.Schema.Valid)
        {
            if (document.Text.Length == 0)
            {
                outcome.DocumentFailures.Add($"valid/{document.Name}: the file is empty (0 bytes), not a JSON document");
                outcome.ValidUnjudgeable++;
                continue;
            }

            var result = Invoke(() => (ValidationResult)validate.Invoke(null, new object[] { document.Text })!, out var thrown);
            if (thrown is not null)
            {
                outcome.DocumentFailures.Add($"valid/{document.Name}: validator threw {thrown}");
                continue;
            }

            if (!result!.IsValid)
            {
                outcome.DocumentFailures.Add($"valid/{document.Name}: rejected: {result.Errors[0]}");
                if (result.Errors.Any(e => e.Message.Contains("cannot be checked: the reference", StringComparison.Ordinal)))
                {
                    outcome.ValidUnjudgeable++;
                }

                continue;
            }

            outcome.ValidAccepted++;
            if (deserialize is null || serialize is null)
            {
                // The root maps to no generated type of its own (a scalar, an array, anything): validation is the contract.
                outcome.ValidRoundTripped++;
                continue;
            }

            var value = Invoke(() => deserialize.Invoke(null, new object[] { document.Text }), out thrown);
            if (thrown is not null)
            {
                outcome.DocumentFailures.Add($"valid/{document.Name}: Deserialize threw {thrown}");
                continue;
            }

            var written = Invoke(() => (byte[])serialize.Invoke(value, null)!, out thrown);
            if (thrown is not null)
            {
                outcome.DocumentFailures.Add($"valid/{document.Name}: SerializeToUtf8Bytes threw {thrown}");
                continue;
            }

            if (Difference(document.Text, written!) is { } difference)
            {
                outcome.DocumentFailures.Add($"valid/{document.Name}: not written back as it came: {difference}");
                continue;
            }

            outcome.ValidRoundTripped++;
        }

        foreach (var document in outcome.Schema.Invalid)
        {
            var result = Invoke(() => (ValidationResult)validate.Invoke(null, new object[] { document.Text })!, out var thrown);
            if (thrown is not null && !thrown.StartsWith("FactSchemaJsonException", StringComparison.Ordinal) && !thrown.StartsWith("JsonReaderException", StringComparison.Ordinal))
            {
                outcome.DocumentFailures.Add($"invalid/{document.Name}: validator threw {thrown}");
                continue;
            }

            if (result is { IsValid: true })
            {
                outcome.DocumentFailures.Add($"invalid/{document.Name}: accepted");
                continue;
            }

            outcome.InvalidRejected++;
        }
    }

    /// <summary>Null when the written JSON equals the document (same values; member order and number spelling aside), else the first difference.</summary>
    internal static string? Difference(string original, byte[] written)
    {
        using var expected = JsonDocument.Parse(original, new JsonDocumentOptions { AllowTrailingCommas = false, MaxDepth = 256 });
        using var actual = JsonDocument.Parse(written, new JsonDocumentOptions { MaxDepth = 256 });
        return Compare(expected.RootElement, actual.RootElement, string.Empty);
    }

    private static string? Compare(JsonElement expected, JsonElement actual, string pointer)
    {
        if (expected.ValueKind != actual.ValueKind)
        {
            return $"{Where(pointer)}: {Show(expected)} became {Show(actual)}";
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var left = expected.EnumerateObject().ToList();
                var right = actual.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
                foreach (var property in left)
                {
                    if (!right.Remove(property.Name, out var other))
                    {
                        return $"{Where(pointer + "/" + property.Name)}: lost";
                    }

                    if (Compare(property.Value, other, pointer + "/" + property.Name) is { } inner)
                    {
                        return inner;
                    }
                }

                return right.Count == 0 ? null : $"{Where(pointer + "/" + right.Keys.First())}: added {Show(right.Values.First())}";
            case JsonValueKind.Array:
                var items = expected.GetArrayLength();
                if (items != actual.GetArrayLength())
                {
                    return $"{Where(pointer)}: {items} items became {actual.GetArrayLength()}";
                }

                for (var i = 0; i < items; i++)
                {
                    if (Compare(expected[i], actual[i], pointer + "/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonValueKind.String:
                return expected.GetString() == actual.GetString() ? null : $"{Where(pointer)}: {Show(expected)} became {Show(actual)}";
            case JsonValueKind.Number:
                return JsonElement.DeepEquals(expected, actual) ? null : $"{Where(pointer)}: {Show(expected)} became {Show(actual)}";
            default:
                return null;
        }
    }

    private static string Where(string pointer) => pointer.Length == 0 ? "/" : pointer;

    private static string Show(JsonElement element)
    {
        var text = element.GetRawText();
        return text.Length > 60 ? text.Substring(0, 57) + "..." : text;
    }

    private static T? Invoke<T>(Func<T> call, out string? thrown)
    {
        try
        {
            thrown = null;
            return call();
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            var message = ex.InnerException.Message;
            thrown = ex.InnerException.GetType().Name + ": " + (message.Length > 200 ? message.Substring(0, 200) + "..." : message);
            return default;
        }
    }

    private static int? SchemaOf(string? path)
    {
        if (path is null)
        {
            return null;
        }

        var match = s_generatedFile.Match(path.Replace('/', '.'));
        return match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    private static string Excerpt(Diagnostic error)
    {
        var span = error.Location.GetLineSpan();
        var line = error.Location.SourceTree?.GetText().Lines[span.StartLinePosition.Line].ToString().Trim() ?? string.Empty;
        if (line.Length > 160)
        {
            line = line.Substring(0, 157) + "...";
        }

        return $"{error.GetMessage(System.Globalization.CultureInfo.InvariantCulture)} in `{line}`";
    }

    private static string Normalize(string uri)
    {
        var hash = uri.IndexOf('#');
        return (hash >= 0 ? uri.Substring(0, hash) : uri).TrimEnd('/');
    }

    /// <summary>The absolute <c>$id</c>/<c>id</c> values a schema declares at its root, and the URIs its <c>$ref</c>s name to other resources (relative ones resolved against the root id).</summary>
    private static (IReadOnlyList<string> Ids, IReadOnlyList<string> References) IdsAndReferences(string text)
    {
        var ids = new List<string>();
        var references = new List<string>();
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 512 });
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                foreach (var key in new[] { "$id", "id" })
                {
                    if (root.TryGetProperty(key, out var id) && id.ValueKind == JsonValueKind.String && Uri.TryCreate(id.GetString(), UriKind.Absolute, out _))
                    {
                        ids.Add(id.GetString()!);
                    }
                }
            }

            // A relative reference ("base.json#/definitions/path") resolves against the root's id, as the generator resolves it.
            var baseUri = ids.Count > 0 ? new Uri(ids[0], UriKind.Absolute) : null;
            Uri? Resolve(string reference)
                => Uri.TryCreate(reference, UriKind.Absolute, out var absolute) ? absolute
                    : baseUri is not null && Uri.TryCreate(baseUri, reference, out var relative) ? relative
                    : null;

            void Walk(JsonElement element)
            {
                if (element.ValueKind == JsonValueKind.Object)
                {
                    foreach (var property in element.EnumerateObject())
                    {
                        if (property.Name == "$ref" && property.Value.ValueKind == JsonValueKind.String && property.Value.GetString() is { } reference
                            && !reference.StartsWith("#", StringComparison.Ordinal)
                            && Resolve(reference) is { } uri && uri.Scheme.StartsWith("http", StringComparison.Ordinal))
                        {
                            references.Add(uri.AbsoluteUri);
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

            Walk(root);
        }
        catch (JsonException)
        {
            // A schema that is not JSON is the generator's to report; it has no ids to batch by.
        }

        return (ids, references.Distinct(StringComparer.Ordinal).ToList());
    }

    /// <summary>The markdown totals table.</summary>
    public static string Table(IReadOnlyList<CorpusOutcome> outcomes)
    {
        var b = new StringBuilder();
        int valid = outcomes.Sum(o => o.Schema.Valid.Count), invalid = outcomes.Sum(o => o.Schema.Invalid.Count);
        int accepted = outcomes.Sum(o => o.ValidAccepted), tripped = outcomes.Sum(o => o.ValidRoundTripped), rejected = outcomes.Sum(o => o.InvalidRejected);
        string Pct(int n, int d) => d == 0 ? "-" : (100.0 * n / d).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " %";
        b.AppendLine("| | count | of | % |");
        b.AppendLine("|---|---:|---:|---:|");
        b.AppendLine($"| schemas whose generated code compiles (warnings as errors) | {outcomes.Count(o => o.Compiled)} | {outcomes.Count} | {Pct(outcomes.Count(o => o.Compiled), outcomes.Count)} |");
        b.AppendLine($"| schemas with FS errors (located: unresolved `$ref` FS0004, invalid JSON FS0001) | {outcomes.Count(o => o.GeneratorErrors.Count > 0)} | {outcomes.Count} | |");
        b.AppendLine($"| schemas with FS warnings (FS0007 raw JSON, FS0015 overlapping branches, ...; suppressible per id) | {outcomes.Count(o => o.GeneratorWarnings.Count > 0)} | {outcomes.Count} | |");
        b.AppendLine($"| schemas with C# errors in generated code | {outcomes.Count(o => o.CSharpErrors.Count > 0)} | {outcomes.Count} | |");
        b.AppendLine($"| schemas with generator exceptions (FS0012) | {outcomes.Count(o => o.GeneratorExceptions.Count > 0)} | {outcomes.Count} | |");
        b.AppendLine($"| valid documents accepted by the validator | {accepted} | {valid} | {Pct(accepted, valid)} |");
        b.AppendLine($"| valid documents read and written back identically | {tripped} | {valid} | {Pct(tripped, valid)} |");
        b.AppendLine($"| invalid documents rejected | {rejected} | {invalid} | {Pct(rejected, invalid)} |");
        var unjudgeable = outcomes.Sum(o => o.ValidUnjudgeable);
        b.AppendLine($"| valid documents that cannot be judged here (0-byte file, or a `$ref` to a schema absent from the corpus) | {unjudgeable} | {valid} | |");
        b.AppendLine($"| valid documents accepted, of those that can be judged | {accepted} | {valid - unjudgeable} | {Pct(accepted, valid - unjudgeable)} |");
        b.AppendLine($"| valid documents written back identically, of those that can be judged | {tripped} | {valid - unjudgeable} | {Pct(tripped, valid - unjudgeable)} |");
        var lines = outcomes.Sum(o => (long)o.GeneratedLines);
        var bytes = outcomes.Sum(o => o.GeneratedBytes);
        b.AppendLine($"| generated code, lines (per schema: median {Median(outcomes.Select(o => (long)o.GeneratedLines))}, max {outcomes.Max(o => o.GeneratedLines)}) | {lines} | | |");
        b.AppendLine($"| generated code, bytes (per schema: median {Median(outcomes.Select(o => o.GeneratedBytes))}) | {bytes} | | |");
        return b.ToString();
    }

    /// <summary>One line per schema that is not clean: what went wrong first.</summary>
    public static string Details(IReadOnlyList<CorpusOutcome> outcomes)
    {
        var b = new StringBuilder();
        foreach (var o in outcomes)
        {
            foreach (var e in o.GeneratorExceptions.Concat(o.GeneratorErrors).Concat(o.CSharpErrors.Take(5)).Concat(o.DocumentFailures))
            {
                b.AppendLine($"{o.Schema.Name}: {e}");
            }
        }

        return b.ToString();
    }

    private static long Median(IEnumerable<long> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
    }
}
