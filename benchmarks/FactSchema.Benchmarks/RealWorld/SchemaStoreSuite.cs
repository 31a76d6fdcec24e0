using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace FactSchema.Benchmarks.RealWorld;

/// <summary>One real-world schema of the suite: its text, the catalog schemas its <c>$ref</c>s reach, and its valid documents.</summary>
/// <param name="Name">The catalog name (<c>schemas/&lt;name&gt;.json</c>).</param>
/// <param name="Text">The schema, as the catalog has it.</param>
/// <param name="Referenced">Every other catalog schema its references reach, transitively: (name, text, the absolute id it is known by).</param>
/// <param name="Documents">The catalog's valid documents for it, UTF-8, empty files left out.</param>
public sealed record RealWorldSchema(string Name, string Text, IReadOnlyList<(string Name, string Text, string Id)> Referenced, IReadOnlyList<byte[]> Documents)
{
    /// <summary>The total size of the documents, in bytes.</summary>
    public long DocumentBytes => Documents.Sum(d => (long)d.Length);
}

/// <summary>
/// The real-world validation suite: schemas of the SchemaStore catalog in <c>../shared/schemastore/</c> (the folder the
/// setting <c>FACTSCHEMA_SHARED_DIR</c> names; default <c>../shared/</c> beside the repository), each with the catalog's
/// valid documents. Nothing of it is in the repository; without the folder the suite is empty and says why.
/// </summary>
public static class SchemaStoreSuite
{
    /// <summary>Narrows the suite to the named schemas (comma-separated); inherited by BenchmarkDotNet's child processes.</summary>
    public const string SelectionVariable = "FACTSCHEMA_BENCH_SCHEMAS";

    /// <summary>
    /// The suite: the fifteen schemas of the catalog copy with the most valid documents (ties by size) that both FactSchema and
    /// JsonSchema.Net can judge, every valid document accepted by both (<c>--real-world-check</c> shows it). Left out:
    /// <c>package</c> (44 documents; JsonSchema.Net 8.0.5 throws KeyNotFoundException on its <c>patternProperties</c> keys
    /// with a <c>/</c>), <c>azure-iot-edge-deployment-template-4.0</c> (9; refers to a schema the copy does not hold) and
    /// <c>web-manifest</c> (its 7 documents are empty files). Keep in step with the table in benchmarks/README.md.
    /// </summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "webextension", "function", "travis", "github-funding", "starlake", "mdxlintrc", "tsconfig", "remarkrc",
        "kustomization", "popxf-1.0", "ninjs-2.0", "chrome-manifest", "asconfig-schema", "eslintrc", "typings",
    ];

    /// <summary>Why the suite is empty, or null where the catalog copy was found.</summary>
    public static string? Absent => Directory is null
        ? "The SchemaStore catalog copy is absent (set FACTSCHEMA_SHARED_DIR; default ../shared/ beside the repository, with schemastore/ in it): the real-world suite is empty."
        : null;

    /// <summary>The catalog copy (<c>…/shared/schemastore</c>), or null where it is not found.</summary>
    public static string? Directory { get; } = Locate();

    /// <summary>The schemas to run: <see cref="Names"/>, or those <see cref="SelectionVariable"/> names; none without the catalog.</summary>
    public static IEnumerable<string> Selected()
    {
        if (Directory is null)
        {
            return [];
        }

        var selection = Environment.GetEnvironmentVariable(SelectionVariable);
        return string.IsNullOrWhiteSpace(selection) ? Names : selection.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>Loads one schema of the catalog, the schemas it reaches, and its valid documents.</summary>
    /// <exception cref="InvalidOperationException">The catalog copy is absent.</exception>
    public static RealWorldSchema Load(string name)
    {
        var root = Directory ?? throw new InvalidOperationException(Absent);
        var schemas = System.IO.Directory.GetFiles(Path.Combine(root, "schemas"), "*.json")
            .Select(path => (Name: Path.GetFileNameWithoutExtension(path), Text: File.ReadAllText(path)))
            .ToDictionary(s => s.Name, s => s.Text, StringComparer.Ordinal);
        var byId = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (schema, text) in schemas)
        {
            foreach (var id in IdsAndReferences(text).Ids)
            {
                byId.TryAdd(Normalize(id), schema);
            }
        }

        var text0 = schemas[name];
        var referenced = new List<(string, string, string)>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { name };
        var pending = new Queue<string>(IdsAndReferences(text0).References);
        while (pending.Count > 0)
        {
            var uri = Normalize(pending.Dequeue());
            if (byId.TryGetValue(uri, out var target) && seen.Add(target))
            {
                referenced.Add((target, schemas[target], uri));
                foreach (var next in IdsAndReferences(schemas[target]).References)
                {
                    pending.Enqueue(next);
                }
            }
        }

        var valid = Path.Combine(root, "valid", name);
        var documents = System.IO.Directory.Exists(valid)
            ? System.IO.Directory.GetFiles(valid, "*.json").OrderBy(p => p, StringComparer.Ordinal).Select(File.ReadAllBytes).Where(b => b.Length > 0).ToList()
            : [];
        return new RealWorldSchema(name, text0, referenced, documents);
    }

    /// <summary>The root <c>$id</c>/<c>id</c> of a schema (absolute URIs only), and the absolute URIs of other resources its <c>$ref</c>s name.</summary>
    public static (IReadOnlyList<string> Ids, IReadOnlyList<string> References) IdsAndReferences(string text)
    {
        var ids = new List<string>();
        var references = new HashSet<string>(StringComparer.Ordinal);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 512 });
        }
        catch (JsonException)
        {
            return (ids, []);
        }

        using (document)
        {
            var element = document.RootElement;
            if (element.ValueKind == JsonValueKind.Object)
            {
                foreach (var key in (ReadOnlySpan<string>)["$id", "id"])
                {
                    if (element.TryGetProperty(key, out var id) && id.ValueKind == JsonValueKind.String && Uri.TryCreate(id.GetString(), UriKind.Absolute, out _))
                    {
                        ids.Add(id.GetString()!);
                    }
                }
            }

            var baseUri = ids.Count > 0 ? new Uri(ids[0]) : null;
            var stack = new Stack<JsonElement>();
            stack.Push(element);
            while (stack.Count > 0)
            {
                var current = stack.Pop();
                if (current.ValueKind == JsonValueKind.Array)
                {
                    foreach (var item in current.EnumerateArray())
                    {
                        stack.Push(item);
                    }
                }
                else if (current.ValueKind == JsonValueKind.Object)
                {
                    foreach (var property in current.EnumerateObject())
                    {
                        if (property.Name == "$ref" && property.Value.ValueKind == JsonValueKind.String && property.Value.GetString() is { } reference
                            && !reference.StartsWith('#')
                            && (Uri.TryCreate(reference, UriKind.Absolute, out var uri) || (baseUri is not null && Uri.TryCreate(baseUri, reference, out uri)))
                            && uri.Scheme.StartsWith("http", StringComparison.Ordinal))
                        {
                            references.Add(uri.AbsoluteUri);
                        }

                        stack.Push(property.Value);
                    }
                }
            }
        }

        return (ids, references.ToList());
    }

    private static string Normalize(string uri)
    {
        var hash = uri.IndexOf('#', StringComparison.Ordinal);
        return (hash >= 0 ? uri[..hash] : uri).TrimEnd('/');
    }

    private static string? Locate()
    {
        var configured = Environment.GetEnvironmentVariable("FACTSCHEMA_SHARED_DIR");
        if (!string.IsNullOrEmpty(configured))
        {
            var folder = Path.Combine(configured, "schemastore");
            return System.IO.Directory.Exists(folder) ? Path.GetFullPath(folder) : null;
        }

        // The default, ../shared/ beside the repository: the repository is the first folder up from here with FactSchema.sln.
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "FactSchema.sln")))
            {
                var shared = Path.Combine(folder.FullName, "..", "shared", "schemastore");
                return System.IO.Directory.Exists(shared) ? Path.GetFullPath(shared) : null;
            }
        }

        return null;
    }
}
