using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FactSchema.StructuredOutput;

namespace FactSchema.Extensions.AI.StructuredOutput;

/// <summary>The strict schema derived from a bundle, the way back, and what could not be made strict.</summary>
internal sealed class StrictDerivation
{
    public StrictDerivation(JsonObject schema, ReplyShape shape, bool wrapped, IReadOnlyList<string> violations)
    {
        Schema = schema;
        Shape = shape;
        IsWrapped = wrapped;
        Violations = violations;
    }

    public JsonObject Schema { get; }

    public ReplyShape Shape { get; }

    public bool IsWrapped { get; }

    /// <summary>Each as <c>location: reason</c>, the location a URI (<c>#</c> and a JSON Pointer within the bundle).</summary>
    public IReadOnlyList<string> Violations { get; }
}

/// <summary>
/// Derives OpenAI's strict form of a self-contained schema by the ordered transformations of docs/integrations.md: flat
/// references, annotations dropped, <c>const</c> as <c>enum</c> and <c>oneOf</c> as <c>anyOf</c>, unsupported assertions into the
/// description, every object closed with every member required (optional ones nullable), maps as key/value arrays, a root
/// that is not an object wrapped. It records the way back (<see cref="ReplyShape"/>) as it goes.
/// </summary>
internal sealed class StrictSchemaDeriver
{
    private const int MaxNoteLength = 1000;

    private readonly Func<string, JsonNode?> _resolveExternal;
    private readonly Dictionary<string, JsonNode?> _external = new(StringComparer.Ordinal);
    private readonly List<string> _violations = [];
    private readonly JsonObject _defs = [];
    private readonly Dictionary<string, ReplyShape> _defShapes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _defNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _takenNames = new(StringComparer.Ordinal);
    private readonly Queue<(string Name, JsonNode? Node, Location At)> _pending = new();

    private readonly string _rootName;

    private StrictSchemaDeriver(string rootName, Func<string, JsonNode?> resolveExternal)
    {
        _rootName = rootName;
        _resolveExternal = resolveExternal;
    }

    /// <summary>Derives the strict schema of <paramref name="bundle"/>.</summary>
    /// <param name="rootName">The name of the schema's type (the name of its definition when it refers to itself).</param>
    /// <param name="bundle">A self-contained schema (references local, or absolute URIs that <paramref name="resolveExternal"/> knows).</param>
    /// <param name="resolveExternal">The self-contained schema of a file by its URI, or null where it is not known.</param>
    public static StrictDerivation Derive(string rootName, JsonNode bundle, Func<string, JsonNode?> resolveExternal)
    {
        var deriver = new StrictSchemaDeriver(rootName, resolveExternal);
        var (schema, shape) = deriver.Transform(bundle, new Location(string.Empty, bundle, string.Empty));
        while (deriver._pending.Count > 0)
        {
            var (name, node, at) = deriver._pending.Dequeue();
            var (definition, definitionShape) = deriver.Transform(node, at);
            deriver._defs[name] = definition;
            deriver._defShapes[name] = definitionShape;
        }

        var wrapped = !IsPlainObject(schema);
        if (wrapped)
        {
            schema = new JsonObject
            {
                ["type"] = "object",
                ["properties"] = new JsonObject { [WrappedShape.Member] = schema },
                ["required"] = new JsonArray(WrappedShape.Member),
                ["additionalProperties"] = false,
            };
            shape = new WrappedShape(shape);
        }

        if (deriver._defs.Count > 0)
        {
            schema["$defs"] = deriver._defs;
        }

        if (deriver._violations.Count == 0)
        {
            deriver._violations.AddRange(StrictProfileChecker.CheckLimits(schema));
        }

        return new StrictDerivation(schema, shape, wrapped, deriver._violations);
    }

    private static bool IsPlainObject(JsonObject schema) => schema["type"] is JsonValue type && type.GetValueKind() == JsonValueKind.String && type.GetValue<string>() == "object";

    /// <summary>Where a schema is: the document it belongs to (its URI, empty for the one being derived) and its pointer.</summary>
    private readonly record struct Location(string Uri, JsonNode Document, string Pointer)
    {
        public Location Child(params string[] tokens)
        {
            var pointer = new StringBuilder(Pointer);
            foreach (var token in tokens)
            {
                pointer.Append('/').Append(token.Replace("~", "~0").Replace("/", "~1"));
            }

            return this with { Pointer = pointer.ToString() };
        }

        public override string ToString() => Uri + "#" + Pointer;
    }

    private (JsonObject Schema, ReplyShape Shape) Fail(Location at, string reason)
    {
        _violations.Add(at + ": " + reason);
        return ([], ReplyShape.Same);
    }

    private (JsonObject Schema, ReplyShape Shape) Transform(JsonNode? node, Location at)
    {
        if (node is JsonValue boolean && boolean.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            return Fail(at, boolean.GetValue<bool>() ? "accepts any value (the schema true): a strict schema must say what to produce" : "accepts no value (the schema false)");
        }

        if (node is not JsonObject schema)
        {
            return Fail(at, "is not a schema");
        }

        foreach (var unsupported in (ReadOnlySpan<string>)["$dynamicRef", "$recursiveRef"])
        {
            if (schema.ContainsKey(unsupported))
            {
                return Fail(at, unsupported + " cannot be made strict");
            }
        }

        var notes = new List<string>();
        if (schema["$ref"] is JsonNode reference)
        {
            return TransformReference(schema, reference, at, notes);
        }

        if (schema["allOf"] is JsonNode allOf)
        {
            return TransformAllOf(schema, allOf, at);
        }

        var union = schema.ContainsKey("anyOf") ? "anyOf" : schema.ContainsKey("oneOf") ? "oneOf" : null;
        if (union is not null && !HasStructure(schema))
        {
            return TransformUnion(schema, union, at, notes);
        }

        if (union is not null)
        {
            // Beside type or properties a union constrains what they describe; the provider cannot say both, the reader checks it.
            notes.Add(Note(union, schema[union]));
        }

        if (schema["const"] is JsonNode || schema["enum"] is JsonArray || schema.ContainsKey("const"))
        {
            return TransformEnum(schema, at, notes);
        }

        var types = TypesOf(schema, at);
        if (types is null)
        {
            return ([], ReplyShape.Same);
        }

        var groups = Groups(types);
        if (groups.Count > 1)
        {
            return TransformTypeUnion(schema, groups, at);
        }

        return types[0] switch
        {
            "object" => TransformObject(schema, at, notes),
            "array" => TransformArray(schema, at, notes),
            _ => TransformScalar(schema, types, notes),
        };
    }

    /// <summary>Whether a schema says more than a union's branches (a type, members, items, values).</summary>
    private static bool HasStructure(JsonObject schema)
    {
        foreach (var member in schema)
        {
            if (member.Key is "type" or "enum" or "const" || StrictProfileRules.ImpliedType(member.Key) is not null)
            {
                return true;
            }
        }

        return false;
    }

    private (JsonObject, ReplyShape) TransformReference(JsonObject schema, JsonNode reference, Location at, List<string> notes)
    {
        if (reference is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
        {
            return Fail(at.Child("$ref"), "is not a URI reference");
        }

        foreach (var member in schema)
        {
            if (member.Key is "$ref" or "description" || StrictProfileRules.DroppedAnnotations.Contains(member.Key) || member.Key.StartsWith("x-", StringComparison.Ordinal))
            {
                continue;
            }

            if (StrictProfileRules.DescribedAssertions.Contains(member.Key))
            {
                notes.Add(Note(member.Key, member.Value));
                continue;
            }

            return Fail(at, $"a $ref beside '{member.Key}' (both apply) cannot be made strict: move '{member.Key}' into the referenced schema or an allOf member");
        }

        var name = Definition(value.GetValue<string>(), at);
        if (name is null)
        {
            return ([], ReplyShape.Same);
        }

        JsonObject result = new() { ["$ref"] = "#/$defs/" + Escape(name) };
        var description = Describe(schema, notes);
        if (description is not null)
        {
            // The provider takes a $ref alone: the description goes on a one-branch union around it.
            result = new JsonObject { ["description"] = description, ["anyOf"] = new JsonArray(result) };
        }

        return (result, new RefShape(name, _defShapes));
    }

    private (JsonObject, ReplyShape) TransformAllOf(JsonObject schema, JsonNode allOf, Location at)
    {
        if (allOf is not JsonArray members || members.Count != 1 || HasStructure(schema) || schema.ContainsKey("anyOf") || schema.ContainsKey("oneOf"))
        {
            return Fail(at.Child("allOf"), "an allOf of several schemas (or beside other keywords) cannot be made strict");
        }

        var (result, shape) = Transform(members[0], at.Child("allOf", "0"));
        if (schema["description"] is JsonValue description && result.Count > 0)
        {
            result = result.ContainsKey("$ref") ? new JsonObject { ["anyOf"] = new JsonArray(result) } : result;
            result["description"] = description.DeepClone();
        }

        return (result, shape);
    }

    private (JsonObject, ReplyShape) TransformUnion(JsonObject schema, string keyword, Location at, List<string> notes)
    {
        if (schema[keyword] is not JsonArray members || members.Count == 0)
        {
            return Fail(at.Child(keyword), "must be a non-empty array of schemas");
        }

        var branches = new JsonArray();
        var shapes = new List<ReplyShape>();
        for (var i = 0; i < members.Count; i++)
        {
            var (branch, shape) = Transform(members[i], at.Child(keyword, i.ToString(CultureInfo.InvariantCulture)));
            if (branch["anyOf"] is JsonArray nested && branch.Count == 1)
            {
                // A union in a union: its branches join this one.
                foreach (var inner in nested.ToArray())
                {
                    nested.Remove(inner);
                    branches.Add((JsonNode?)inner);
                }
            }
            else
            {
                branches.Add((JsonNode)branch);
            }

            shapes.Add(shape);
        }

        if (keyword == "anyOf" && schema.ContainsKey("oneOf"))
        {
            notes.Add(Note("oneOf", schema["oneOf"]));
        }

        var result = new JsonObject();
        if (Describe(schema, notes) is { } description)
        {
            result["description"] = description;
        }

        result["anyOf"] = branches;
        return (result, new UnionShape(shapes));
    }

    private (JsonObject, ReplyShape) TransformEnum(JsonObject schema, Location at, List<string> notes)
    {
        JsonArray values;
        if (schema.TryGetPropertyValue("const", out var constant))
        {
            values = new JsonArray(constant?.DeepClone());
            if (schema["enum"] is JsonArray)
            {
                notes.Add(Note("enum", schema["enum"]));
            }
        }
        else
        {
            values = (JsonArray)schema["enum"]!.DeepClone();
        }

        if (values.Count == 0)
        {
            return Fail(at.Child("enum"), "an empty enum accepts no value");
        }

        var result = new JsonObject();
        if (schema["type"] is JsonNode type)
        {
            result["type"] = type.DeepClone();
        }

        foreach (var member in schema)
        {
            if (member.Key is not ("type" or "enum" or "const" or "description" or "anyOf" or "oneOf") && !StrictProfileRules.DroppedAnnotations.Contains(member.Key)
                && !member.Key.StartsWith("x-", StringComparison.Ordinal))
            {
                notes.Add(Note(member.Key, member.Value));
            }
        }

        if (Describe(schema, notes) is { } description)
        {
            result["description"] = description;
        }

        result["enum"] = values;
        return (result, new LeafShape(new ValueFit(null, null, values)));
    }

    /// <summary>The JSON types a schema admits: its <c>type</c>, or the one its keywords imply. Null (and a violation) where it admits any.</summary>
    private List<string>? TypesOf(JsonObject schema, Location at)
    {
        var types = new List<string>();
        switch (schema["type"])
        {
            case JsonValue single when single.GetValueKind() == JsonValueKind.String:
                types.Add(single.GetValue<string>());
                break;
            case JsonArray several:
                foreach (var item in several)
                {
                    if (item is JsonValue value && value.GetValueKind() == JsonValueKind.String && !types.Contains(value.GetValue<string>()))
                    {
                        types.Add(value.GetValue<string>());
                    }
                }

                break;
            case null:
                foreach (var member in schema)
                {
                    if (StrictProfileRules.ImpliedType(member.Key) is { } implied && !types.Contains(implied))
                    {
                        types.Add(implied);
                    }
                }

                if (types.Count != 1)
                {
                    _violations.Add(at + ": " + (types.Count == 0
                        ? "accepts any value (no type): a strict schema must say what to produce"
                        : "has no type and keywords of several types (" + string.Join(", ", types) + ")"));
                    return null;
                }

                break;
        }

        foreach (var type in types)
        {
            if (!StrictProfileRules.Types.Contains(type))
            {
                _violations.Add(at.Child("type") + ": '" + type + "' is not a JSON Schema type");
                return null;
            }
        }

        if (types.Count == 0)
        {
            _violations.Add(at.Child("type") + ": names no type");
            return null;
        }

        return types;
    }

    /// <summary>Splits types into the groups one strict schema can describe: objects, arrays, and the scalars together.</summary>
    private static List<List<string>> Groups(List<string> types)
    {
        var groups = new List<List<string>>();
        var scalars = new List<string>();
        foreach (var type in types)
        {
            if (type is "object" or "array")
            {
                groups.Add([type]);
            }
            else
            {
                scalars.Add(type);
            }
        }

        if (scalars.Count > 0)
        {
            groups.Add(scalars);
        }

        return groups;
    }

    private (JsonObject, ReplyShape) TransformTypeUnion(JsonObject schema, List<List<string>> groups, Location at)
    {
        var branches = new JsonArray();
        var shapes = new List<ReplyShape>();
        foreach (var group in groups)
        {
            var copy = (JsonObject)schema.DeepClone();
            copy.Remove("description");
            copy["type"] = group.Count == 1 ? group[0] : new JsonArray(group.Select(type => (JsonNode?)JsonValue.Create(type)).ToArray());
            var (branch, shape) = Transform(copy, at);
            branches.Add((JsonNode)branch);
            shapes.Add(shape);
        }

        var result = new JsonObject();
        if (schema["description"] is JsonValue description)
        {
            result["description"] = description.DeepClone();
        }

        result["anyOf"] = branches;
        return (result, new UnionShape(shapes));
    }

    private (JsonObject, ReplyShape) TransformObject(JsonObject schema, Location at, List<string> notes)
    {
        var declared = schema["properties"] as JsonObject;
        if (declared is null || declared.Count == 0)
        {
            return TransformMapOrEmpty(schema, at, notes);
        }

        var required = new HashSet<string>(StringComparer.Ordinal);
        if (schema["required"] is JsonArray requiredNames)
        {
            foreach (var name in requiredNames)
            {
                if (name is JsonValue value && value.GetValueKind() == JsonValueKind.String)
                {
                    required.Add(value.GetValue<string>());
                }
            }
        }

        foreach (var name in required)
        {
            if (!declared.ContainsKey(name))
            {
                return Fail(at.Child("required"), $"requires '{name}', which the object does not declare: a strict schema cannot ask for it");
            }
        }

        var properties = new JsonObject();
        var all = new JsonArray();
        var members = new Dictionary<string, MemberShape>(StringComparer.Ordinal);
        foreach (var property in declared)
        {
            var (value, shape) = Transform(property.Value, at.Child("properties", property.Key));
            var optional = !required.Contains(property.Key);
            properties[property.Key] = optional ? MakeNullable(value) : value;
            all.Add((JsonNode)property.Key);
            members[property.Key] = new MemberShape(shape, optional, optional && AcceptsNull(property.Value, at, depth: 0));
        }

        // Extra members (additionalProperties, patternProperties) are optional: the strict schema just does not offer them.
        foreach (var member in schema)
        {
            NoteIfDescribed(member.Key, member.Value, notes);
        }

        var result = new JsonObject { ["type"] = "object" };
        if (Describe(schema, notes) is { } description)
        {
            result["description"] = description;
        }

        result["properties"] = properties;
        result["required"] = all;
        result["additionalProperties"] = false;
        return (result, new ObjectShape(members));
    }

    private (JsonObject, ReplyShape) TransformMapOrEmpty(JsonObject schema, Location at, List<string> notes)
    {
        var patterns = schema["patternProperties"] as JsonObject;
        var additional = schema["additionalProperties"];
        var closed = additional is JsonValue flag && flag.GetValueKind() == JsonValueKind.False;
        var additionalSchema = additional is JsonObject { Count: > 0 } ? additional : null;
        JsonNode? valueSchema;
        Location valueAt;
        string? keyPattern = null;
        if (patterns is { Count: > 0 })
        {
            if (patterns.Count > 1 || additionalSchema is not null)
            {
                return Fail(at.Child("patternProperties"), "a map with several kinds of names (several patternProperties, or beside additionalProperties) cannot be made strict");
            }

            var only = patterns.First();
            keyPattern = only.Key;
            valueSchema = only.Value;
            valueAt = at.Child("patternProperties", only.Key);
        }
        else if (additionalSchema is not null)
        {
            valueSchema = additionalSchema;
            valueAt = at.Child("additionalProperties");
        }
        else if (closed)
        {
            var empty = new JsonObject { ["type"] = "object" };
            if (Describe(schema, notes) is { } emptyDescription)
            {
                empty["description"] = emptyDescription;
            }

            empty["properties"] = new JsonObject();
            empty["required"] = new JsonArray();
            empty["additionalProperties"] = false;
            return (empty, new ObjectShape(new Dictionary<string, MemberShape>(StringComparer.Ordinal)));
        }
        else
        {
            return Fail(at, "an open object with no declared properties (any members) cannot be made strict: declare its properties, or give additionalProperties a schema");
        }

        return TransformMap(schema, valueSchema, valueAt, keyPattern, at, notes);
    }

    private (JsonObject, ReplyShape) TransformMap(JsonObject schema, JsonNode? valueSchema, Location valueAt, string? keyPattern, Location at, List<string> notes)
    {
        var key = new JsonObject { ["type"] = "string" };
        if (schema["propertyNames"] is JsonObject names)
        {
            foreach (var member in names)
            {
                if (member.Key == "pattern" && keyPattern is null)
                {
                    keyPattern = member.Value?.GetValue<string>();
                }
                else if (!StrictProfileRules.DroppedAnnotations.Contains(member.Key) && member.Key != "type")
                {
                    notes.Add(Note("propertyNames", names));
                    break;
                }
            }
        }

        if (keyPattern is not null)
        {
            key["pattern"] = keyPattern;
        }

        var (value, shape) = Transform(valueSchema, valueAt);
        var entries = new JsonObject { ["type"] = "array" };
        var lines = new List<string>(notes) { "an object given as a list of {\"key\", \"value\"} entries, each key once" };
        foreach (var member in schema)
        {
            if (member.Key is "minProperties" or "maxProperties" && member.Value is JsonValue count)
            {
                entries[member.Key == "minProperties" ? "minItems" : "maxItems"] = count.DeepClone();
            }
            else if (member.Key is not ("propertyNames" or "patternProperties" or "additionalProperties" or "properties"))
            {
                NoteIfDescribed(member.Key, member.Value, lines);
            }
        }

        if (Describe(schema, lines) is { } description)
        {
            entries["description"] = description;
        }

        entries["items"] = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject { [MapShape.Key] = key, [MapShape.Value] = value },
            ["required"] = new JsonArray(MapShape.Key, MapShape.Value),
            ["additionalProperties"] = false,
        };
        return (entries, new MapShape(shape));
    }

    private (JsonObject, ReplyShape) TransformArray(JsonObject schema, Location at, List<string> notes)
    {
        if (schema.ContainsKey("prefixItems") || schema["items"] is JsonArray)
        {
            return Fail(at.Child(schema.ContainsKey("prefixItems") ? "prefixItems" : "items"), "a tuple (items by position) cannot be made strict");
        }

        if (schema["items"] is not JsonObject { Count: > 0 } items)
        {
            return Fail(at, "an array of any items (no items schema) cannot be made strict: give items a schema");
        }

        var (itemSchema, itemShape) = Transform(items, at.Child("items"));
        var result = new JsonObject { ["type"] = "array" };
        foreach (var member in schema)
        {
            if (StrictProfileRules.ArrayKeywords.Contains(member.Key))
            {
                result[member.Key] = member.Value?.DeepClone();
            }
            else
            {
                NoteIfDescribed(member.Key, member.Value, notes);
            }
        }

        if (Describe(schema, notes) is { } description)
        {
            result["description"] = description;
        }

        result["items"] = itemSchema;
        return (result, new ArrayShape(itemShape));
    }

    private static (JsonObject, ReplyShape) TransformScalar(JsonObject schema, List<string> types, List<string> notes)
    {
        var result = new JsonObject { ["type"] = types.Count == 1 ? types[0] : new JsonArray(types.Select(type => (JsonNode?)JsonValue.Create(type)).ToArray()) };
        var strings = types.Contains("string");
        var numbers = types.Contains("number") || types.Contains("integer");
        foreach (var member in schema)
        {
            var kept = member.Key == "format"
                ? strings && member.Value is JsonValue format && format.GetValueKind() == JsonValueKind.String && StrictProfileRules.Formats.Contains(format.GetValue<string>())
                : (strings && StrictProfileRules.StringKeywords.Contains(member.Key)) || (numbers && StrictProfileRules.NumberKeywords.Contains(member.Key));
            if (kept)
            {
                result[member.Key] = member.Value?.DeepClone();
            }
            else if (member.Key == "format" && strings)
            {
                notes.Add(Note(member.Key, member.Value));
            }
            else
            {
                NoteIfDescribed(member.Key, member.Value, notes);
            }
        }

        if (Describe(schema, notes) is { } description)
        {
            result["description"] = description;
        }

        return (result, new LeafShape(new ValueFit(types, null, null)));
    }

    /// <summary>Makes an optional member's schema accept <c>null</c>, which stands for "absent" in the reply.</summary>
    private static JsonObject MakeNullable(JsonObject schema)
    {
        if (schema.Count == 0)
        {
            return schema;
        }

        if (schema["anyOf"] is JsonArray branches)
        {
            if (!branches.Any(branch => branch is JsonObject b && IsNullType(b["type"])))
            {
                branches.Add((JsonNode)new JsonObject { ["type"] = "null" });
            }

            return schema;
        }

        if (schema.ContainsKey("$ref"))
        {
            return new JsonObject { ["anyOf"] = new JsonArray(schema, new JsonObject { ["type"] = "null" }) };
        }

        if (schema["enum"] is JsonArray values && !values.Any(value => value is null))
        {
            values.Add((JsonNode?)null);
        }

        switch (schema["type"])
        {
            case JsonValue single when single.GetValueKind() == JsonValueKind.String && single.GetValue<string>() != "null":
                schema["type"] = new JsonArray(single.GetValue<string>(), "null");
                break;
            case JsonArray several when !several.Any(IsNullType):
                several.Add((JsonNode)"null");
                break;
        }

        return schema;
    }

    private static bool IsNullType(JsonNode? type) => type is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() == "null";

    /// <summary>Whether the original schema accepts <c>null</c> (so a null in the reply is a value, not an absence).</summary>
    private bool AcceptsNull(JsonNode? node, Location at, int depth)
    {
        if (depth > 32 || node is not JsonObject schema)
        {
            return node is JsonValue value && value.GetValueKind() == JsonValueKind.True;
        }

        if (schema["$ref"] is JsonValue reference && reference.GetValueKind() == JsonValueKind.String
            && TryResolve(reference.GetValue<string>(), at, out var target, out var targetAt))
        {
            return AcceptsNull(target, targetAt, depth + 1);
        }

        if (schema.TryGetPropertyValue("const", out var constant))
        {
            return constant is null;
        }

        if (schema["enum"] is JsonArray values)
        {
            return values.Any(item => item is null);
        }

        foreach (var union in (ReadOnlySpan<string>)["anyOf", "oneOf"])
        {
            if (schema[union] is JsonArray branches && branches.Any(branch => AcceptsNull(branch, at, depth + 1)))
            {
                return true;
            }
        }

        return schema["type"] switch
        {
            JsonValue single => IsNullType(single),
            JsonArray several => several.Any(IsNullType),
            _ => false,
        };
    }

    /// <summary>The flat definition name for a reference, queued for derivation on first use; null (and a violation) where it does not resolve.</summary>
    private string? Definition(string reference, Location at)
    {
        if (!TryResolve(reference, at, out var target, out var targetAt))
        {
            _violations.Add(at.Child("$ref") + ": '" + reference + "' does not resolve" + (reference.StartsWith("#", StringComparison.Ordinal)
                ? string.Empty
                : " (a schema of another assembly is found through the types given to FactSchemaChatOptions)"));
            return null;
        }

        var key = targetAt.ToString();
        if (_defNames.TryGetValue(key, out var name))
        {
            return name;
        }

        name = UniqueName(targetAt);
        _defNames[key] = name;
        _pending.Enqueue((name, target, targetAt));
        return name;
    }

    private string UniqueName(Location at)
    {
        var slash = at.Pointer.LastIndexOf('/');
        var raw = slash >= 0 ? at.Pointer.Substring(slash + 1).Replace("~1", "/").Replace("~0", "~") : string.Empty;
        if (raw.Length == 0 && at.Uri.Length == 0)
        {
            raw = _rootName.Length == 0 ? _rootName : char.ToLowerInvariant(_rootName[0]) + _rootName.Substring(1);
        }
        else if (raw.Length == 0)
        {
            var file = at.Uri.TrimEnd('/');
            raw = file.Substring(file.LastIndexOf('/') + 1);
            var dot = raw.IndexOf('.');
            raw = dot > 0 ? raw.Substring(0, dot) : raw;
        }

        var name = new StringBuilder(raw.Length);
        foreach (var c in raw)
        {
            name.Append(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' or '-' ? c : '_');
        }

        var stem = name.Length == 0 ? "schema" : name.ToString();
        var unique = stem;
        for (var i = 2; !_takenNames.Add(unique); i++)
        {
            unique = stem + i.ToString(CultureInfo.InvariantCulture);
        }

        return unique;
    }

    private bool TryResolve(string reference, Location at, out JsonNode? target, out Location targetAt)
    {
        target = null;
        targetAt = at;
        var hash = reference.IndexOf('#');
        var uri = hash < 0 ? reference : reference.Substring(0, hash);
        var fragment = hash < 0 ? string.Empty : Uri.UnescapeDataString(reference.Substring(hash + 1));
        JsonNode? document;
        if (uri.Length == 0)
        {
            document = at.Document;
            uri = at.Uri;
        }
        else
        {
            if (!_external.TryGetValue(uri, out document))
            {
                document = _resolveExternal(uri);
                _external[uri] = document;
            }

            if (document is null)
            {
                return false;
            }
        }

        if (fragment.Length > 0 && fragment[0] != '/')
        {
            return false; // a plain-name anchor: bundles carry pointers
        }

        var node = document;
        foreach (var token in fragment.Split('/').Skip(1))
        {
            var name = token.Replace("~1", "/").Replace("~0", "~");
            node = node switch
            {
                JsonObject obj when obj.TryGetPropertyValue(name, out var child) => child,
                JsonArray array when int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < array.Count => array[index],
                _ => null,
            };
            if (node is null)
            {
                return false;
            }
        }

        target = node;
        targetAt = new Location(uri, document, fragment);
        return true;
    }

    private static void NoteIfDescribed(string keyword, JsonNode? value, List<string> notes)
    {
        if (StrictProfileRules.DescribedAssertions.Contains(keyword))
        {
            notes.Add(Note(keyword, value));
        }
    }

    /// <summary>An assertion the provider does not take, as a <c>keyword: value</c> line of the description (the adapter's own form).</summary>
    private static string Note(string keyword, JsonNode? value)
    {
        var text = value is JsonValue scalar && scalar.GetValueKind() == JsonValueKind.String ? scalar.GetValue<string>() : value?.ToJsonString() ?? "null";
        return keyword + ": " + (text.Length > MaxNoteLength ? text.Substring(0, MaxNoteLength) + "…" : text);
    }

    private static string? Describe(JsonObject schema, List<string> notes)
    {
        var description = schema["description"] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
        if (notes.Count == 0)
        {
            return description;
        }

        var lines = string.Join("\n", notes);
        return string.IsNullOrEmpty(description) ? lines : description + "\n" + lines;
    }

    private static string Escape(string token) => token.Replace("~", "~0").Replace("/", "~1");
}
