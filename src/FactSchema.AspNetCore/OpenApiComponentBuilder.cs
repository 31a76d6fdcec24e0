using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json.Nodes;
using FactSchema.Serialization;

namespace FactSchema.AspNetCore;

/// <summary>
/// Turns the schemas of generated types into OpenAPI components: one component per type, named after it, and one per other
/// schema location a type refers to (named after its file and its last pointer segment). References between them become
/// <c>#/components/schemas/Name</c>; the files' <c>$defs</c> are not copied, since every one that is reached is a component.
/// </summary>
internal sealed class OpenApiComponentBuilder
{
    private const string Prefix = "#/components/schemas/";

    private readonly Dictionary<string, FactSchemaJsonSchema> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonNode?> _bundles = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Id, string Pointer), FactSchemaJsonSchema> _types = new();
    private readonly Dictionary<(string Id, string Pointer), string> _names = new();
    private readonly HashSet<string> _taken;
    private readonly Queue<(string Id, string Pointer, string Name)> _pending = new();

    /// <param name="known">The schemas of every generated type the application knows.</param>
    /// <param name="taken">Component names already in the document, not to be reused.</param>
    public OpenApiComponentBuilder(IEnumerable<FactSchemaJsonSchema> known, IEnumerable<string> taken)
    {
        _taken = new HashSet<string>(taken, StringComparer.Ordinal);
        foreach (var type in known)
        {
            AddFile(type.File);
            _types[(type.Id, type.Pointer)] = type;
        }
    }

    /// <summary>The components made, by name.</summary>
    public Dictionary<string, JsonNode> Components { get; } = new(StringComparer.Ordinal);

    /// <summary>Makes <paramref name="type"/> the component <paramref name="name"/> (a name the document already uses for it).</summary>
    /// <returns>The component's name: <paramref name="name"/>, or the one the type already has.</returns>
    public string Add(string name, FactSchemaJsonSchema type)
    {
        AddFile(type.File);
        if (_names.TryGetValue((type.Id, type.Pointer), out var existing))
        {
            return existing;
        }

        _names[(type.Id, type.Pointer)] = name;
        _taken.Add(name);
        _pending.Enqueue((type.Id, type.Pointer, name));
        return name;
    }

    /// <summary>Makes every pending component, and the ones they reach.</summary>
    public void Build()
    {
        while (_pending.Count > 0)
        {
            var (id, pointer, name) = _pending.Dequeue();
            Components[name] = Make(id, pointer);
        }
    }

    private void AddFile(FactSchemaJsonSchema file)
    {
        if (_files.ContainsKey(file.Id))
        {
            return;
        }

        _files[file.Id] = file;
        foreach (var reference in file.References)
        {
            AddFile(reference.File);
        }
    }

    private JsonNode Make(string id, string pointer)
    {
        if (!_bundles.TryGetValue(id, out var bundle))
        {
            bundle = JsonNode.Parse(_files[id].LocalBundleUtf8);
            _bundles[id] = bundle;
        }

        var node = Navigate(bundle, pointer)?.DeepClone() ?? JsonValue.Create(true);
        if (node is JsonObject root)
        {
            root.Remove("$schema");
            root.Remove("$id");
            root.Remove("$defs");
            root.Remove("definitions");
        }

        Rewrite(node, id);
        return node;
    }

    private void Rewrite(JsonNode? node, string fileId)
    {
        switch (node)
        {
            case JsonObject schema:
                if (schema["$ref"] is JsonValue value && value.TryGetValue<string>(out var reference) && Target(reference, fileId) is { } target)
                {
                    schema["$ref"] = Prefix + target;
                }

                foreach (var member in schema)
                {
                    switch (member.Key)
                    {
                        case "enum" or "const" or "default" or "examples":
                            break; // instance values, not schemas
                        case "properties" or "patternProperties" or "$defs" or "definitions" or "dependentSchemas" or "dependencies":
                            if (member.Value is JsonObject map)
                            {
                                foreach (var entry in map)
                                {
                                    Rewrite(entry.Value, fileId);
                                }
                            }

                            break;
                        default:
                            Rewrite(member.Value, fileId);
                            break;
                    }
                }

                break;
            case JsonArray schemas:
                foreach (var item in schemas)
                {
                    Rewrite(item, fileId);
                }

                break;
        }
    }

    /// <summary>The component a reference of the file <paramref name="fileId"/> lands on, or null to keep it as written (another assembly's file, an anchor).</summary>
    private string? Target(string reference, string fileId)
    {
        var hash = reference.IndexOf('#');
        var id = hash < 0 ? reference : reference.Substring(0, hash);
        var fragment = hash < 0 ? string.Empty : reference.Substring(hash + 1);
        if (id.Length == 0)
        {
            id = fileId;
        }

        if (!_files.ContainsKey(id) || (fragment.Length > 0 && fragment[0] != '/'))
        {
            return null;
        }

        var pointer = Uri.UnescapeDataString(fragment);
        if (_names.TryGetValue((id, pointer), out var known))
        {
            return known;
        }

        var name = _types.TryGetValue((id, pointer), out var type) ? Sanitize(type.Name) : Sanitize(_files[id].Name + (pointer.Length == 0 ? string.Empty : "_" + LastSegment(pointer)));
        var unique = name;
        for (var i = 2; !_taken.Add(unique); i++)
        {
            unique = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        _names[(id, pointer)] = unique;
        _pending.Enqueue((id, pointer, unique));
        return unique;
    }

    private static string LastSegment(string pointer) => pointer.Substring(pointer.LastIndexOf('/') + 1).Replace("~1", "/").Replace("~0", "~");

    /// <summary>A component name OpenAPI allows (<c>^[a-zA-Z0-9._-]+$</c>).</summary>
    internal static string Sanitize(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            builder.Append(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '.' or '_' or '-' ? c : '_');
        }

        return builder.Length == 0 ? "Schema" : builder.ToString();
    }

    private static JsonNode? Navigate(JsonNode? node, string pointer)
    {
        if (pointer.Length == 0)
        {
            return node;
        }

        foreach (var raw in pointer.Substring(1).Split('/'))
        {
            var token = raw.Replace("~1", "/").Replace("~0", "~");
            node = node switch
            {
                JsonObject obj when obj.TryGetPropertyValue(token, out var next) => next,
                JsonArray array when int.TryParse(token, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) && index < array.Count => array[index],
                _ => null,
            };
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }
}
