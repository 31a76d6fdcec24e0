using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using FactSchema.Generators.Configuration;
using FactSchema.Generators.Json;
using FactSchema.Generators.Mapping;

namespace FactSchema.Generators.Schema;

/// <summary>
/// The standard meta-schemas (draft-04, draft-06, draft-07 and draft 2020-12 with its vocabularies), bundled in the
/// generator: a <c>$ref</c> to one (a member that holds a schema) resolves without a file of the project. They take
/// part in validation only; a value they describe is raw JSON (<c>JsonElement</c>), since a schema is any JSON.
/// </summary>
internal static class MetaSchemas
{
    private static readonly (string Uri, string Resource)[] s_files =
    {
        ("http://json-schema.org/draft-04/schema", "draft-04"),
        ("http://json-schema.org/draft-06/schema", "draft-06"),
        ("http://json-schema.org/draft-07/schema", "draft-07"),
        ("https://json-schema.org/draft/2020-12/schema", "draft2020-12"),
        ("https://json-schema.org/draft/2020-12/meta/core", "draft2020-12-meta-core"),
        ("https://json-schema.org/draft/2020-12/meta/applicator", "draft2020-12-meta-applicator"),
        ("https://json-schema.org/draft/2020-12/meta/unevaluated", "draft2020-12-meta-unevaluated"),
        ("https://json-schema.org/draft/2020-12/meta/validation", "draft2020-12-meta-validation"),
        ("https://json-schema.org/draft/2020-12/meta/meta-data", "draft2020-12-meta-meta-data"),
        ("https://json-schema.org/draft/2020-12/meta/format-annotation", "draft2020-12-meta-format-annotation"),
        ("https://json-schema.org/draft/2020-12/meta/content", "draft2020-12-meta-content"),
    };

    private static readonly Lazy<IReadOnlyList<SchemaDocument>> s_documents = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Whether <paramref name="uri"/> (with or without a fragment or trailing <c>#</c>) names a bundled meta-schema.</summary>
    public static bool IsBundled(string uri) => IndexOf(uri) >= 0;

    /// <summary>
    /// The bundled meta-schemas that <paramref name="documents"/> refer to and do not declare themselves, with the
    /// meta-schemas those refer to in turn (2020-12's vocabularies). Empty for almost every build.
    /// </summary>
    public static IReadOnlyList<SchemaDocument> NeededBy(IReadOnlyList<SchemaDocument> documents)
    {
        var declared = new HashSet<string>(documents.SelectMany(d => new[] { d.BaseUri, d.FileUri }).Select(Key), StringComparer.Ordinal);
        var needed = new List<SchemaDocument>();
        var queue = new Queue<SchemaDocument>(documents);
        while (queue.Count > 0)
        {
            var document = queue.Dequeue();
            if (document.Json is null)
            {
                continue;
            }

            foreach (var reference in References(document.Json))
            {
                var absolute = SchemaResolver.TryCombine(document.BaseUri, reference, out var combined) ? combined : reference;
                var index = IndexOf(absolute);
                if (index >= 0 && !declared.Contains(Key(absolute)) && s_documents.Value[index] is { } meta && !needed.Contains(meta))
                {
                    needed.Add(meta);
                    queue.Enqueue(meta);
                }
            }
        }

        return needed;
    }

    private static string Key(string uri) => SchemaResolver.WithoutFragment(uri).TrimEnd('#');

    private static int IndexOf(string uri)
    {
        var key = Key(uri);
        for (var i = 0; i < s_files.Length; i++)
        {
            if (string.Equals(s_files[i].Uri, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Every <c>$ref</c> value in a schema's JSON (iteratively: the JSON may be deep).</summary>
    private static IEnumerable<string> References(JsonNode root)
    {
        var stack = new Stack<JsonNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node.Kind == JsonKind.Object)
            {
                foreach (var member in node.Members)
                {
                    if (member.Name == "$ref" && member.Value is { Kind: JsonKind.String, Text: { } reference })
                    {
                        yield return reference;
                    }

                    stack.Push(member.Value);
                }
            }
            else if (node.Kind == JsonKind.Array)
            {
                foreach (var item in node.Items)
                {
                    stack.Push(item);
                }
            }
        }
    }

    private static IReadOnlyList<SchemaDocument> Load()
    {
        var assembly = typeof(MetaSchemas).Assembly;
        return s_files.Select(file =>
        {
            using var stream = assembly.GetManifestResourceStream("FactSchema.MetaSchemas." + file.Resource + ".json")
                ?? throw new InvalidOperationException("The bundled meta-schema " + file.Resource + " is missing from the generator.");
            using var reader = new StreamReader(stream);
            var input = new SchemaFileInput("/factschema/meta-schemas/" + file.Resource + ".json", file.Uri, string.Empty, null, reader.ReadToEnd(), RetrievalUri: file.Uri);
            return SchemaDocumentReader.Read(input, CancellationToken.None);
        }).ToList();
    }
}
