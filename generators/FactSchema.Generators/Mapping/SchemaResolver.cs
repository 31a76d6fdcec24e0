using System;
using System.Collections.Generic;
using FactSchema.Generators.Common;
using FactSchema.Generators.Json;
using FactSchema.Generators.Schema;

namespace FactSchema.Generators.Mapping;

/// <summary>A schema together with the file it lives in.</summary>
internal readonly record struct SchemaLocation(SchemaDocument Document, SchemaNode Node);

/// <summary>
/// Resolves <c>$ref</c>s across all schema files for the type mapping: against the base URI where the <c>$ref</c> is
/// written (the file's, or an embedded <c>$id</c>'s, as <see cref="SchemaIndex"/> does for validators), by <c>$id</c>, by
/// path relative to the referring file, by embedded <c>$id</c>, and by JSON Pointer or <c>$anchor</c> fragment, with an
/// error that says why not for the diagnostic. Unlike the index, it does not see the bundled meta-schemas: a value they
/// describe is raw JSON to the mapping.
/// </summary>
internal sealed class SchemaResolver
{
    private readonly Dictionary<string, SchemaDocument> _documentsByUri = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SchemaLocation> _embeddedById = new(StringComparer.Ordinal);
    private readonly Dictionary<SchemaDocument, Dictionary<string, SchemaNode>> _pointerIndex = new(ReferenceComparer<SchemaDocument>.Instance);
    private readonly Dictionary<SchemaDocument, Dictionary<string, SchemaNode>> _anchorIndex = new(ReferenceComparer<SchemaDocument>.Instance);
    private readonly HashSet<SchemaDocument> _withEmbeddedIds = new(ReferenceComparer<SchemaDocument>.Instance);

    public SchemaResolver(IEnumerable<SchemaDocument> documents)
    {
        foreach (var document in documents)
        {
            if (document.Root is null)
            {
                continue;
            }

            // A file is found by its location and by its $id; the first file wins a tie (the set is path-ordered).
            AddDocument(document.FileUri, document);
            AddDocument(document.BaseUri, document);
        }
    }

    private void AddDocument(string uri, SchemaDocument document)
    {
        var key = WithoutFragment(Normalize(uri));
        if (!_documentsByUri.ContainsKey(key))
        {
            _documentsByUri.Add(key, document);
        }
    }

    private readonly object _gate = new();

    /// <summary>
    /// Finds the schema the <c>$ref</c> <paramref name="reference"/>, written in the schema <paramref name="at"/> of
    /// <paramref name="from"/>, points at, or says why not. Safe to call from several threads.
    /// </summary>
    public bool TryResolve(SchemaDocument from, SchemaNode at, string reference, out SchemaLocation target, out string error)
    {
        lock (_gate)
        {
            return TryResolveCore(from, BaseOf(from, at), reference, out target, out error);
        }
    }

    /// <summary>
    /// The base URI at a schema of a file: the file's, changed by every embedded <c>$id</c> on the way from the root
    /// (the schemas at the pointer's prefixes). Most files have none, and then it is the file's at once.
    /// </summary>
    private string BaseOf(SchemaDocument document, SchemaNode at)
    {
        var index = PointerIndex(document);
        if (!_withEmbeddedIds.Contains(document) || at.Pointer.Length == 0)
        {
            return document.BaseUri;
        }

        var baseUri = document.BaseUri;
        for (var end = at.Pointer.IndexOf('/', 1); ; end = at.Pointer.IndexOf('/', end + 1))
        {
            var prefix = end < 0 ? at.Pointer : at.Pointer.Substring(0, end);
            var node = end < 0 ? at : index.TryGetValue(prefix, out var found) ? found : null;
            if (node?.Id is { } id && TryCombine(baseUri, id, out var absolute))
            {
                baseUri = WithoutFragment(absolute);
            }

            if (end < 0)
            {
                return baseUri;
            }
        }
    }

    private bool TryResolveCore(SchemaDocument from, string baseUri, string reference, out SchemaLocation target, out string error)
    {
        target = default;
        if (!TryCombine(baseUri, reference, out var absolute))
        {
            error = "it is not a valid URI reference";
            return false;
        }

        var documentUri = WithoutFragment(absolute);
        var fragment = absolute.Length > documentUri.Length ? absolute.Substring(documentUri.Length + 1) : string.Empty;

        if (!_documentsByUri.TryGetValue(documentUri, out var document))
        {
            EnsureEmbeddedIds();
            if (_embeddedById.TryGetValue(documentUri, out var embedded))
            {
                return TryResolveFragment(embedded.Document, embedded.Node, fragment, out target, out error);
            }

            // A relative reference also resolves against the referring file's location, when its $id differs.
            if (!(from.BaseUri != from.FileUri
                && TryCombine(from.FileUri, reference, out var byFile)
                && _documentsByUri.TryGetValue(WithoutFragment(byFile), out document)))
            {
                error = $"no schema file has the $id or location '{documentUri}'; add that file to the project as a FactSchema item";
                return false;
            }
        }

        return TryResolveFragment(document, document.Root!, fragment, out target, out error);
    }

    private bool TryResolveFragment(SchemaDocument document, SchemaNode baseNode, string fragment, out SchemaLocation target, out string error)
    {
        target = default;
        error = string.Empty;
        var decoded = JsonPointer.DecodeFragment(fragment);
        if (decoded.Length == 0)
        {
            target = new SchemaLocation(document, baseNode);
            return true;
        }

        var index = PointerIndex(document);
        if (decoded[0] == '/')
        {
            var pointer = baseNode.Pointer + JsonPointer.Normalize(decoded);
            if (index.TryGetValue(pointer, out var node))
            {
                target = new SchemaLocation(document, node);
                return true;
            }

            // A schema under a keyword the parser does not know ("definitions" of a vocabulary of its own, as
            // "$defs/actionsList/specific/x"): a $ref may point anywhere in the document, and the validator follows it.
            if (document.Json is not null && SchemaIndex.JsonAt(document, pointer) is { Kind: Json.JsonKind.Object or Json.JsonKind.True or Json.JsonKind.False } json)
            {
                node = SchemaParser.ParseAt(json, pointer, document.FilePath);
                index[pointer] = node;
                target = new SchemaLocation(document, node);
                return true;
            }

            error = $"'{document.RelativePath}' has no schema at the JSON Pointer '{decoded}'";
            return false;
        }

        if (AnchorIndex(document).TryGetValue(decoded, out var anchored))
        {
            target = new SchemaLocation(document, anchored);
            return true;
        }

        error = $"'{document.RelativePath}' has no $anchor named '{decoded}'";
        return false;
    }

    private Dictionary<string, SchemaNode> PointerIndex(SchemaDocument document)
    {
        if (!_pointerIndex.TryGetValue(document, out var index))
        {
            index = new Dictionary<string, SchemaNode>(StringComparer.Ordinal);
            var embedded = false;
            Walk(document.Root!, node =>
            {
                index[node.Pointer] = node;
                embedded |= node.Id is not null && node.Pointer.Length > 0;
            });
            _pointerIndex.Add(document, index);
            if (embedded)
            {
                _withEmbeddedIds.Add(document);
            }
        }

        return index;
    }

    private Dictionary<string, SchemaNode> AnchorIndex(SchemaDocument document)
    {
        if (!_anchorIndex.TryGetValue(document, out var index))
        {
            index = new Dictionary<string, SchemaNode>(StringComparer.Ordinal);
            Walk(document.Root!, node =>
            {
                if (node.Anchor is { } anchor && !index.ContainsKey(anchor))
                {
                    index.Add(anchor, node);
                }
            });
            _anchorIndex.Add(document, index);
        }

        return index;
    }

    private bool _embeddedIndexed;

    private void EnsureEmbeddedIds()
    {
        if (_embeddedIndexed)
        {
            return;
        }

        _embeddedIndexed = true;
        foreach (var document in new HashSet<SchemaDocument>(_documentsByUri.Values, ReferenceComparer<SchemaDocument>.Instance))
        {
            Walk(document.Root!, node =>
            {
                if (node.Pointer.Length > 0 && node.Id is { } id && TryCombine(document.BaseUri, id, out var absolute))
                {
                    var key = WithoutFragment(absolute);
                    if (!_embeddedById.ContainsKey(key) && !_documentsByUri.ContainsKey(key))
                    {
                        _embeddedById.Add(key, new SchemaLocation(document, node));
                    }
                }
            });
        }
    }

    private static void Walk(SchemaNode node, Action<SchemaNode> visit)
    {
        var stack = new Stack<SchemaNode>();
        stack.Push(node);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            visit(current);
            foreach (var child in current.SubschemasWithDefinitions())
            {
                stack.Push(child);
            }
        }
    }

    public static bool TryCombine(string baseUri, string reference, out string absolute)
    {
        absolute = string.Empty;
        try
        {
            if (HasScheme(reference) && Uri.TryCreate(reference, UriKind.Absolute, out var direct))
            {
                absolute = direct.AbsoluteUri;
                return true;
            }

            if (Uri.TryCreate(baseUri, UriKind.Absolute, out var baseValue) && Uri.TryCreate(baseValue, reference, out var combined))
            {
                absolute = combined.AbsoluteUri;
                return true;
            }
        }
        catch (UriFormatException)
        {
        }
        catch (InvalidOperationException)
        {
        }

        return false;
    }

    /// <summary>True for "scheme:..." (RFC 3986), false for relative references and bare paths such as "/a" or "C:\\a".</summary>
    private static bool HasScheme(string reference)
    {
        var colon = reference.IndexOf(':');
        if (colon < 2 || !IsAsciiLetter(reference[0]))
        {
            return false;
        }

        for (var i = 1; i < colon; i++)
        {
            var c = reference[i];
            if (!(IsAsciiLetter(c) || (c >= '0' && c <= '9') || c is '+' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

    private static string Normalize(string uri)
        => Uri.TryCreate(uri, UriKind.Absolute, out var value) ? value.AbsoluteUri : uri;

    public static string WithoutFragment(string uri)
    {
        var hash = uri.IndexOf('#');
        return hash < 0 ? uri : uri.Substring(0, hash);
    }

    /// <summary>A file URI for a path, built by hand so that it works the same on every OS and host.</summary>
    public static string FileUriFor(string path)
    {
        var normalized = path.Replace('\\', '/');
        var segments = normalized.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            segments[i] = Uri.EscapeDataString(segments[i]);
        }

        var joined = string.Join("/", segments);
        return "file:///" + joined.TrimStart('/');
    }

    public static string BaseUriFor(string fileUri, SchemaNode? root)
        => root?.Id is { } id && TryCombine(fileUri, id, out var absolute) ? WithoutFragment(absolute) : fileUri;
}
