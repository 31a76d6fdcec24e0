using System;
using System.Collections.Generic;
using System.Linq;
using FactSchema.Generators.Json;
using FactSchema.Generators.Mapping;

namespace FactSchema.Generators.Schema;

/// <summary>A schema location: a JSON Pointer into one schema file.</summary>
internal readonly record struct SchemaRef(SchemaDocument Document, string Pointer)
{
    public string Key => Document.FilePath + "#" + Pointer;
}

/// <summary>
/// Every schema location of a schema set, over the <see cref="SchemaNode"/> model of all files: the node at each
/// location, schema resources by URI (file locations, <c>$id</c>s, embedded <c>$id</c>s), <c>$anchor</c>s and
/// <c>$dynamicAnchor</c>s, and the base URI of every location; <c>$ref</c>s resolve here. Built once per schema set;
/// safe to use from several threads.
/// </summary>
internal sealed class SchemaIndex
{
    private readonly Dictionary<string, SchemaRef> _resources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SchemaRef> _anchors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (SchemaNode Node, string Base)> _locations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _dynamicAnchorResources = new(StringComparer.Ordinal);
    private readonly HashSet<string> _dynamicAnchors = new(StringComparer.Ordinal);
    private readonly List<(SchemaRef Location, string Reference)> _references = new();

    /// <summary>Schemas at locations no keyword the model knows leads to (a <c>$ref</c> into an unknown keyword), parsed when first asked for.</summary>
    private readonly Dictionary<string, SchemaNode?> _elsewhere = new(StringComparer.Ordinal);
    private Dictionary<string, List<string>>? _crossFileTargets;

    public SchemaIndex(IEnumerable<SchemaDocument> documents)
    {
        foreach (var document in documents)
        {
            if (document.Root is null)
            {
                continue;
            }

            AddResource(document.FileUri, new SchemaRef(document, string.Empty));
            AddResource(document.BaseUri, new SchemaRef(document, string.Empty));
            Walk(document);
        }
    }

    /// <summary>Whether any schema uses <c>unevaluatedProperties</c> or <c>unevaluatedItems</c> (then validators track what they evaluate).</summary>
    public bool UsesUnevaluated { get; private set; }

    /// <summary>Whether any schema uses <c>$dynamicRef</c> (then validators track the dynamic scope).</summary>
    public bool UsesDynamicRef { get; private set; }

    private void AddResource(string uri, SchemaRef target)
    {
        var key = SchemaResolver.WithoutFragment(uri);
        if (!_resources.ContainsKey(key))
        {
            _resources.Add(key, target);
        }
    }

    private void AddAnchor(string key, SchemaRef target)
    {
        if (!_anchors.ContainsKey(key))
        {
            _anchors.Add(key, target);
        }
    }

    /// <summary>Every location of the file, in document order of the model (iteratively: schemas may be deep).</summary>
    private void Walk(SchemaDocument document)
    {
        var stack = new Stack<(SchemaNode Node, string Base)>();
        stack.Push((document.Root!, document.BaseUri));
        var children = new List<SchemaNode>();
        while (stack.Count > 0)
        {
            var (node, baseUri) = stack.Pop();
            var location = new SchemaRef(document, node.Pointer);
            if (node.Id is { } id && SchemaResolver.TryCombine(baseUri, id, out var absolute))
            {
                baseUri = SchemaResolver.WithoutFragment(absolute);
                AddResource(baseUri, location);
            }

            _locations[location.Key] = (node, baseUri);
            if (node.Anchor is { } anchor)
            {
                AddAnchor(baseUri + "#" + anchor, location);
            }

            if (node.DynamicAnchor is { } dynamicAnchor)
            {
                AddAnchor(baseUri + "#" + dynamicAnchor, location);
                if (_dynamicAnchors.Add(baseUri + "#" + dynamicAnchor))
                {
                    if (!_dynamicAnchorResources.TryGetValue(dynamicAnchor, out var list))
                    {
                        list = new List<string>();
                        _dynamicAnchorResources.Add(dynamicAnchor, list);
                    }

                    list.Add(baseUri);
                }
            }

            UsesUnevaluated |= node.Has("unevaluatedProperties") || node.Has("unevaluatedItems");
            UsesDynamicRef |= node.Has("$dynamicRef");
            if (node.Ref is { } reference)
            {
                _references.Add((location, reference));
            }

            children.Clear();
            children.AddRange(node.SubschemasWithDefinitions());
            for (var i = children.Count - 1; i >= 0; i--)
            {
                stack.Push((children[i], baseUri));
            }
        }
    }

    /// <summary>The schema at a location, or null when the JSON there is not a schema (or there is none).</summary>
    public SchemaNode? NodeAt(SchemaRef location)
    {
        if (_locations.TryGetValue(location.Key, out var known))
        {
            return known.Node;
        }

        lock (_elsewhere)
        {
            if (!_elsewhere.TryGetValue(location.Key, out var node))
            {
                // A schema under a keyword the model does not know: a $ref may point anywhere in a document. Its own
                // subschemas are kept too, so that a method for each of them finds its node.
                node = JsonAt(location.Document, location.Pointer) is { Kind: JsonKind.Object or JsonKind.True or JsonKind.False } json
                    ? SchemaParser.ParseAt(json, location.Pointer, location.Document.FilePath)
                    : null;
                _elsewhere[location.Key] = node;
                if (node is not null)
                {
                    var stack = new Stack<SchemaNode>(node.SubschemasWithDefinitions());
                    while (stack.Count > 0)
                    {
                        var child = stack.Pop();
                        var key = location.Document.FilePath + "#" + child.Pointer;
                        if (!_locations.ContainsKey(key) && !_elsewhere.ContainsKey(key))
                        {
                            _elsewhere.Add(key, child);
                        }

                        foreach (var next in child.SubschemasWithDefinitions())
                        {
                            stack.Push(next);
                        }
                    }
                }
            }

            return node;
        }
    }

    /// <summary>
    /// The JSON at a pointer of a file, or null. For what works on the JSON itself (the bundler writes it out; a
    /// <c>$ref</c> into an unknown keyword is parsed from it); keywords are read from <see cref="NodeAt"/>.
    /// </summary>
    public static JsonNode? JsonAt(SchemaDocument document, string pointer)
    {
        if (document.Json is not { } node || !JsonPointer.TryParse(pointer, out var segments))
        {
            return null;
        }

        foreach (var segment in segments)
        {
            if (node.Kind == JsonKind.Object)
            {
                node = node[segment];
            }
            else if (node.Kind == JsonKind.Array && int.TryParse(segment, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) && index < node.Items.Count && (segment == "0" || segment[0] != '0'))
            {
                node = node.Items[index];
            }
            else
            {
                return null;
            }

            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    /// <summary>
    /// A schema that is only a <c>$ref</c> (plus annotations) validates exactly as its target: calls skip it.
    /// Not across resources while the dynamic scope is tracked, since entering a resource is observable there.
    /// </summary>
    public SchemaRef FollowAliases(SchemaRef target)
    {
        for (var hops = 0; hops < 16; hops++)
        {
            if (NodeAt(target) is not { BooleanValue: null, Ref: { } reference } node
                || node.KeywordNames.Any(name => name != "$ref" && !Keywords.OnlyAnnotates(name))
                || !TryResolve(target, reference, out var next, out _)
                || next.Key == target.Key
                || (UsesDynamicRef && !string.Equals(BaseOf(target), BaseOf(next), StringComparison.Ordinal)))
            {
                return target;
            }

            target = next;
        }

        return target;
    }

    /// <summary>
    /// The locations of <paramref name="document"/> that <c>$ref</c>s in other files lead to (after aliases), in a
    /// stable order: each gets an entry point on the file's schema class, so that other files call its validator
    /// instead of compiling a copy (which made generated code grow with the square of the number of files).
    /// </summary>
    public IReadOnlyList<string> CrossFileTargetsOf(SchemaDocument document)
        => CrossFileTargets().TryGetValue(document.FilePath, out var pointers) ? pointers : Array.Empty<string>();

    /// <summary>The position of <paramref name="target"/> in <see cref="CrossFileTargetsOf"/> of its file, or -1.</summary>
    public int CrossFileIndexOf(SchemaRef target)
        => CrossFileTargets().TryGetValue(target.Document.FilePath, out var pointers) ? pointers.BinarySearch(target.Pointer, StringComparer.Ordinal) is var i and >= 0 ? i : -1 : -1;

    private Dictionary<string, List<string>> CrossFileTargets()
    {
        lock (_references)
        {
            if (_crossFileTargets is null)
            {
                var sets = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
                foreach (var (location, reference) in _references)
                {
                    if (TryResolve(location, reference, out var target, out _))
                    {
                        target = FollowAliases(target);
                        if (target.Document.FilePath != location.Document.FilePath)
                        {
                            if (!sets.TryGetValue(target.Document.FilePath, out var set))
                            {
                                set = new HashSet<string>(StringComparer.Ordinal);
                                sets.Add(target.Document.FilePath, set);
                            }

                            set.Add(target.Pointer);
                        }
                    }
                }

                _crossFileTargets = sets.ToDictionary(p => p.Key, p => p.Value.OrderBy(x => x, StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
            }

            return _crossFileTargets;
        }
    }

    /// <summary>The base URI that applies at a schema location.</summary>
    public string BaseOf(SchemaRef location)
    {
        if (_locations.TryGetValue(location.Key, out var known))
        {
            return known.Base;
        }

        // Not a location the walk reached (a $ref into an unknown keyword): use the closest known ancestor.
        var pointer = location.Pointer;
        while (pointer.Length > 0)
        {
            pointer = pointer.Substring(0, pointer.LastIndexOf('/'));
            if (_locations.TryGetValue(location.Document.FilePath + "#" + pointer, out known))
            {
                return known.Base;
            }
        }

        return location.Document.BaseUri;
    }

    /// <summary>Resolves a reference made at <paramref name="from"/>; the absolute URI is returned either way.</summary>
    public bool TryResolve(SchemaRef from, string reference, out SchemaRef target, out string absolute)
    {
        target = default;
        if (!SchemaResolver.TryCombine(BaseOf(from), reference, out absolute))
        {
            absolute = reference;
            return false;
        }

        var documentUri = SchemaResolver.WithoutFragment(absolute);
        var fragment = absolute.Length > documentUri.Length ? JsonPointer.DecodeFragment(absolute.Substring(documentUri.Length + 1)) : string.Empty;
        if (!_resources.TryGetValue(documentUri, out var resource))
        {
            // A relative reference also resolves against the referring file's own location.
            if (!(SchemaResolver.TryCombine(from.Document.FileUri, reference, out var byFile)
                && _resources.TryGetValue(SchemaResolver.WithoutFragment(byFile), out resource)))
            {
                return false;
            }
        }

        if (fragment.Length == 0)
        {
            target = resource;
            return true;
        }

        if (fragment[0] == '/')
        {
            var pointer = resource.Pointer + JsonPointer.Normalize(fragment);
            var candidate = new SchemaRef(resource.Document, pointer);
            if (!_locations.ContainsKey(candidate.Key) && JsonAt(resource.Document, pointer) is null)
            {
                return false;
            }

            target = candidate;
            return true;
        }

        return _anchors.TryGetValue(documentUri + "#" + fragment, out target)
            || _anchors.TryGetValue(BaseOf(resource) + "#" + fragment, out target);
    }

    /// <summary>Whether the resource of <paramref name="location"/> defines <c>$dynamicAnchor</c> <paramref name="name"/> at that location.</summary>
    public bool IsDynamicAnchor(SchemaRef location, string name) => NodeAt(location)?.DynamicAnchor == name;

    /// <summary>Every resource that defines a <c>$dynamicAnchor</c> of this name, with where it points.</summary>
    public IEnumerable<(string Resource, SchemaRef Target)> DynamicAnchorTargets(string name)
    {
        if (_dynamicAnchorResources.TryGetValue(name, out var resources))
        {
            foreach (var resource in resources)
            {
                if (_anchors.TryGetValue(resource + "#" + name, out var target))
                {
                    yield return (resource, target);
                }
            }
        }
    }
}
