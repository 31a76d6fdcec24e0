using System;
using System.Collections.Generic;
using System.Threading;
using FactSchema.Generators.Common;
using FactSchema.Generators.Json;

namespace FactSchema.Generators.Schema;

/// <summary>The JSON Schema dialects whose meaning differs in ways the generator must honour.</summary>
internal enum SchemaDialect
{
    Draft04 = 4,
    Draft06 = 6,
    Draft07 = 7,
    Draft201909 = 2019,
    Draft202012 = 2020,
}

/// <summary>
/// Rewrites a schema file's JSON into the draft 2020-12 form it means, once, before anything reads it, so that the
/// schema model and the validators agree on every draft. <c>$schema</c> selects the dialect (per schema resource);
/// without one, or with one we do not know, the file is read as draft 2020-12.
/// </summary>
/// <remarks>
/// What changes: draft-04 <c>id</c> becomes <c>$id</c>; draft-04 boolean <c>exclusiveMinimum</c>/<c>exclusiveMaximum</c>
/// become the numeric bounds of draft-06 on; up to draft-07 every keyword beside <c>$ref</c> is ignored (as those drafts
/// say), so only annotations, definition containers and a document's root id stay beside it; up to draft-07 a plain-name fragment in an id
/// (<c>#foo</c>) becomes an <c>$anchor</c>. Spans are kept, so diagnostics still point into
/// the file; pointers into kept subschemas are unchanged.
/// </remarks>
internal static class DraftNormalizer
{
    internal static readonly string[] SingleSubschemaKeywords = Keywords.SchemaKeywords;

    internal static readonly string[] ArraySubschemaKeywords = Keywords.SchemaArrayKeywords;

    internal static readonly string[] MapSubschemaKeywords = Keywords.SchemaMapKeywords;

    /// <summary>What may stay beside a <c>$ref</c> up to draft-07: annotations and containers that other pointers reach into.</summary>
    private static readonly HashSet<string> s_keptBesideRef = new(StringComparer.Ordinal)
    {
        "$ref", "definitions", "$defs", "title", "description", "$comment", "default", "examples", "deprecated", "readOnly", "writeOnly", "$schema",
    };

    /// <summary>The dialect a <c>$schema</c> value names, or null when it names none we know.</summary>
    public static SchemaDialect? DialectOf(string? metaSchema)
    {
        if (metaSchema is null)
        {
            return null;
        }

        // A project setting may name the draft alone ("draft-07", "2020-12"); a $schema must be the meta-schema's URI.
        var bare = metaSchema.IndexOf(':') < 0;
        if (!bare && metaSchema.IndexOf("json-schema.org/", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return null;
        }

        if (bare && metaSchema.StartsWith("20", StringComparison.Ordinal))
        {
            metaSchema = "draft/" + metaSchema;
        }

        return metaSchema switch
        {
            _ when metaSchema.IndexOf("draft-04", StringComparison.Ordinal) >= 0 => SchemaDialect.Draft04,
            _ when metaSchema.IndexOf("draft-06", StringComparison.Ordinal) >= 0 => SchemaDialect.Draft06,
            _ when metaSchema.IndexOf("draft-07", StringComparison.Ordinal) >= 0 => SchemaDialect.Draft07,
            _ when metaSchema.IndexOf("draft/2019-09", StringComparison.Ordinal) >= 0 => SchemaDialect.Draft201909,
            _ when metaSchema.IndexOf("draft/2020-12", StringComparison.Ordinal) >= 0 => SchemaDialect.Draft202012,
            _ => null,
        };
    }

    /// <summary>The file's JSON in draft 2020-12 form (the same instance when nothing had to change).</summary>
    public static JsonNode Normalize(JsonNode root, SchemaDialect fallback = SchemaDialect.Draft202012, CancellationToken cancellationToken = default)
        => Schema(root, fallback, depth: 0, cancellationToken);

    private static JsonNode Schema(JsonNode node, SchemaDialect dialect, int depth, CancellationToken cancellationToken)
    {
        if (node.Kind != JsonKind.Object || depth > 256)
        {
            return node;
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (node["$schema"] is { Kind: JsonKind.String, Text: var metaSchema } && DialectOf(metaSchema) is { } declared)
        {
            dialect = declared;
        }

        var members = new List<JsonMember>(node.Members.Count);
        var changed = false;
        var hasRef = node["$ref"] is { Kind: JsonKind.String };
        var hasDollarId = node["$id"] is not null;
        foreach (var member in node.Members)
        {
            var value = member.Value;
            var name = member.Name;
            if (dialect <= SchemaDialect.Draft07 && hasRef && !s_keptBesideRef.Contains(name) && !(depth == 0 && name is "$id" or "id"))
            {
                // "All other properties in a "$ref" object MUST be ignored" (draft-04 to draft-07). A document's root id
                // stays: it names the document (the URI it is published at, so its retrieval URI), which is what the
                // root $ref and every other reference in the file resolve against.
                changed = true;
                continue;
            }

            if (dialect <= SchemaDialect.Draft07 && (name == "$id" || (name == "id" && dialect == SchemaDialect.Draft04 && !hasDollarId)) && value is { Kind: JsonKind.String, Text: { } id } && SplitAnchor(id) is { } split)
            {
                // Up to draft-07 a plain-name fragment in the id ("#foo", "other.json#foo") is what $anchor became.
                changed = true;
                if (split.Base.Length > 0)
                {
                    members.Add(new JsonMember("$id", member.NameSpan, new JsonNode(JsonKind.String, split.Base, value.Items, value.Members, value.Span)));
                }

                if (node["$anchor"] is null)
                {
                    members.Add(new JsonMember("$anchor", member.NameSpan, new JsonNode(JsonKind.String, split.Anchor, value.Items, value.Members, value.Span)));
                }

                continue;
            }

            if (dialect == SchemaDialect.Draft04)
            {
                if (name == "id" && value.Kind == JsonKind.String && !hasDollarId)
                {
                    members.Add(new JsonMember("$id", member.NameSpan, value));
                    changed = true;
                    continue;
                }

                if (name is "exclusiveMinimum" or "exclusiveMaximum" && value.IsBoolean)
                {
                    changed = true;
                    var bound = node[name == "exclusiveMinimum" ? "minimum" : "maximum"];
                    if (value.Kind == JsonKind.True && bound is { Kind: JsonKind.Number })
                    {
                        members.Add(new JsonMember(name, member.NameSpan, bound));
                    }

                    continue;
                }

                if (name is "minimum" or "maximum" && node[name == "minimum" ? "exclusiveMinimum" : "exclusiveMaximum"] is { Kind: JsonKind.True })
                {
                    // Replaced by the exclusive bound above.
                    changed = true;
                    continue;
                }
            }

            var rewritten = Subschemas(name, value, dialect, depth, cancellationToken);
            changed |= !ReferenceEquals(rewritten, value);
            members.Add(ReferenceEquals(rewritten, value) ? member : new JsonMember(name, member.NameSpan, rewritten));
        }

        return changed ? node with { Members = members.ToImmutableEquatableArray() } : node;
    }

    /// <summary>An id with a plain-name fragment, split into the part before '#' and the name; null for any other id.</summary>
    private static (string Base, string Anchor)? SplitAnchor(string id)
    {
        var hash = id.IndexOf('#');
        if (hash < 0 || hash == id.Length - 1 || id[hash + 1] == '/')
        {
            return null;
        }

        return (id.Substring(0, hash), id.Substring(hash + 1));
    }

    private static JsonNode Subschemas(string keyword, JsonNode value, SchemaDialect dialect, int depth, CancellationToken cancellationToken)
        => MapSubschemas(keyword, value, schema => Schema(schema, dialect, depth + 1, cancellationToken));

    /// <summary>
    /// The keyword's value with <paramref name="map"/> applied to each subschema it holds (one, an array of them, or a
    /// map of names to them); the same instance when the keyword holds none or nothing changed.
    /// </summary>
    internal static JsonNode MapSubschemas(string keyword, JsonNode value, Func<JsonNode, JsonNode> map)
    {
        if (Array.IndexOf(SingleSubschemaKeywords, keyword) >= 0 && value.Kind == JsonKind.Object)
        {
            return map(value);
        }

        if (Array.IndexOf(ArraySubschemaKeywords, keyword) >= 0 && value.Kind == JsonKind.Array)
        {
            JsonNode[]? items = null;
            for (var i = 0; i < value.Items.Count; i++)
            {
                var item = map(value.Items[i]);
                if (!ReferenceEquals(item, value.Items[i]))
                {
                    items ??= CopyItems(value);
                    items[i] = item;
                }
            }

            return items is null ? value : value with { Items = items.ToImmutableEquatableArray() };
        }

        if (Array.IndexOf(MapSubschemaKeywords, keyword) >= 0 && value.Kind == JsonKind.Object)
        {
            JsonMember[]? entries = null;
            for (var i = 0; i < value.Members.Count; i++)
            {
                var entry = value.Members[i];
                var schema = map(entry.Value);
                if (!ReferenceEquals(schema, entry.Value))
                {
                    entries ??= CopyMembers(value);
                    entries[i] = new JsonMember(entry.Name, entry.NameSpan, schema);
                }
            }

            return entries is null ? value : value with { Members = entries.ToImmutableEquatableArray() };
        }

        return value;
    }

    private static JsonNode[] CopyItems(JsonNode array)
    {
        var copy = new JsonNode[array.Items.Count];
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = array.Items[i];
        }

        return copy;
    }

    private static JsonMember[] CopyMembers(JsonNode obj)
    {
        var copy = new JsonMember[obj.Members.Count];
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = obj.Members[i];
        }

        return copy;
    }
}
