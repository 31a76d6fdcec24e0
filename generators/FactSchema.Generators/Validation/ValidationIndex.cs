using System;
using System.Collections.Generic;
using System.Linq;
using FactSchema.Generators.Json;
using FactSchema.Generators.Mapping;
using FactSchema.Generators.Schema;

namespace FactSchema.Generators.Validation;

/// <summary>A schema location the validator compiler can generate a method for.</summary>
internal readonly record struct SchemaRef(SchemaDocument Document, string Pointer)
{
    public string Key => Document.FilePath + "#" + Pointer;
}

/// <summary>
/// Everything the validator compiler needs to resolve references over the raw schema JSON of all files:
/// schema resources by URI (file locations, <c>$id</c>s, embedded <c>$id</c>s), <c>$anchor</c>s and
/// <c>$dynamicAnchor</c>s, and the base URI of every schema location. Built once per schema set.
/// </summary>
internal sealed class ValidationIndex
{
    private static readonly string[] s_singleKeywords = { "additionalProperties", "unevaluatedProperties", "unevaluatedItems", "contains", "propertyNames", "not", "if", "then", "else", "additionalItems" };
    private static readonly string[] s_mapKeywords = { "$defs", "definitions", "properties", "patternProperties", "dependentSchemas", "dependencies" };
    private static readonly string[] s_arrayKeywords = { "prefixItems", "allOf", "anyOf", "oneOf" };

    private readonly Dictionary<string, SchemaRef> _resources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SchemaRef> _anchors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _bases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _dynamicAnchorResources = new(StringComparer.Ordinal);
    private readonly HashSet<string> _dynamicAnchors = new(StringComparer.Ordinal);
    private readonly List<(SchemaRef Location, string Reference)> _references = new();
    private Dictionary<string, List<string>>? _crossFileTargets;

    public ValidationIndex(IEnumerable<SchemaDocument> documents)
    {
        foreach (var document in documents)
        {
            if (document.Json is null)
            {
                continue;
            }

            AddResource(document.FileUri, new SchemaRef(document, string.Empty));
            AddResource(document.BaseUri, new SchemaRef(document, string.Empty));
            Walk(document, document.Json, string.Empty, document.BaseUri);
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

    private void Walk(SchemaDocument document, JsonNode node, string pointer, string baseUri)
    {
        if (node.Kind != JsonKind.Object)
        {
            return;
        }

        if (node["$id"] is { Kind: JsonKind.String, Text: { } id } && SchemaResolver.TryCombine(baseUri, id, out var absolute))
        {
            baseUri = SchemaResolver.WithoutFragment(absolute);
            AddResource(baseUri, new SchemaRef(document, pointer));
        }

        _bases[document.FilePath + "#" + pointer] = baseUri;
        if (node["$anchor"] is { Kind: JsonKind.String, Text: { } anchor })
        {
            AddAnchor(baseUri + "#" + anchor, new SchemaRef(document, pointer));
        }

        if (node["$dynamicAnchor"] is { Kind: JsonKind.String, Text: { } dynamicAnchor })
        {
            AddAnchor(baseUri + "#" + dynamicAnchor, new SchemaRef(document, pointer));
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

        if (node["unevaluatedProperties"] is not null || node["unevaluatedItems"] is not null)
        {
            UsesUnevaluated = true;
        }

        if (node["$dynamicRef"] is not null)
        {
            UsesDynamicRef = true;
        }

        if (node["$ref"] is { Kind: JsonKind.String, Text: { } reference })
        {
            _references.Add((new SchemaRef(document, pointer), reference));
        }

        foreach (var member in node.Members)
        {
            var childPointer = pointer + "/" + JsonPointer.Escape(member.Name);
            if (Array.IndexOf(s_singleKeywords, member.Name) >= 0 || (member.Name == "items" && member.Value.Kind != JsonKind.Array))
            {
                Walk(document, member.Value, childPointer, baseUri);
            }
            else if (Array.IndexOf(s_mapKeywords, member.Name) >= 0 && member.Value.Kind == JsonKind.Object)
            {
                foreach (var entry in member.Value.Members)
                {
                    Walk(document, entry.Value, childPointer + "/" + JsonPointer.Escape(entry.Name), baseUri);
                }
            }
            else if ((Array.IndexOf(s_arrayKeywords, member.Name) >= 0 || member.Name == "items") && member.Value.Kind == JsonKind.Array)
            {
                for (var i = 0; i < member.Value.Items.Count; i++)
                {
                    Walk(document, member.Value.Items[i], childPointer + "/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), baseUri);
                }
            }
        }
    }

    private void AddAnchor(string key, SchemaRef target)
    {
        if (!_anchors.ContainsKey(key))
        {
            _anchors.Add(key, target);
        }
    }

    private static readonly HashSet<string> s_annotationKeywords = new(StringComparer.Ordinal)
    {
        "$comment", "title", "description", "default", "examples", "deprecated", "readOnly", "writeOnly", "$anchor", "$schema",
        "definitions", "$defs",
        // Editor vocabularies the SchemaStore catalog is full of (VS Code, JSON Schema Store): annotations to a validator.
        "markdownDescription", "deprecationMessage", "errorMessage", "patternErrorMessage", "doNotSuggest", "defaultSnippets",
        "markdownEnumDescriptions", "enumDescriptions", "allowComments", "allowTrailingCommas", "tsType",
    };

    /// <summary>Whether a keyword only annotates (validators emit nothing for it): <c>title</c>, <c>$comment</c>, <c>x-</c> extensions and the like.</summary>
    public static bool OnlyAnnotates(string keyword)
        => s_annotationKeywords.Contains(keyword) || keyword.StartsWith("x-", StringComparison.Ordinal);

    /// <summary>
    /// A schema that is only a <c>$ref</c> (plus annotations) validates exactly as its target: calls skip it.
    /// Not across resources while the dynamic scope is tracked, since entering a resource is observable there.
    /// </summary>
    public SchemaRef FollowAliases(SchemaRef target)
    {
        for (var hops = 0; hops < 16; hops++)
        {
            if (Navigate(target.Document, target.Pointer) is not { Kind: JsonKind.Object } node
                || node["$ref"] is not { Kind: JsonKind.String, Text: { } reference }
                || node.Members.Any(m => m.Name != "$ref" && !OnlyAnnotates(m.Name))
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
        if (_bases.TryGetValue(location.Key, out var value))
        {
            return value;
        }

        // Not a location the walk reached (a $ref into an unknown keyword): use the closest known ancestor.
        var pointer = location.Pointer;
        while (pointer.Length > 0)
        {
            pointer = pointer.Substring(0, pointer.LastIndexOf('/'));
            if (_bases.TryGetValue(location.Document.FilePath + "#" + pointer, out value))
            {
                return value;
            }
        }

        return location.Document.BaseUri;
    }

    /// <summary>The schema JSON at a location, or null.</summary>
    public static JsonNode? Navigate(SchemaDocument document, string pointer)
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
            if (Navigate(resource.Document, pointer) is null)
            {
                return false;
            }

            target = new SchemaRef(resource.Document, pointer);
            return true;
        }

        return _anchors.TryGetValue(documentUri + "#" + fragment, out target)
            || _anchors.TryGetValue(BaseOf(resource) + "#" + fragment, out target);
    }

    /// <summary>Whether the resource of <paramref name="location"/> defines <c>$dynamicAnchor</c> <paramref name="name"/> at that location.</summary>
    public bool IsDynamicAnchor(SchemaRef location, string name)
        => Navigate(location.Document, location.Pointer) is { } node && node["$dynamicAnchor"] is { Kind: JsonKind.String } anchor && anchor.Text == name;

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
