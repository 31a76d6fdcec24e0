using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FactSchema.Extensions.AI.Tests;

/// <summary>
/// Writes a document in the form a strict schema asks for, guided by that schema alone (as a model would): every absent member
/// as null, maps as key/value entries. Independent of the library's own way back, so a round trip through both tests it.
/// </summary>
internal static class StrictReplies
{
    public static JsonNode? Fill(JsonNode? document, JsonObject strictRoot, bool wrapped)
        => Fill(wrapped ? new JsonObject { ["value"] = document?.DeepClone() } : document, strictRoot, strictRoot);

    private static JsonNode? Fill(JsonNode? document, JsonNode? schema, JsonObject root)
    {
        var s = Resolve(schema, root);
        if (s["anyOf"] is JsonArray branches)
        {
            var branch = branches.FirstOrDefault(b => Matches(document, b, root))
                ?? throw new InvalidOperationException($"No branch of {s.ToJsonString()} fits {document?.ToJsonString()}");
            return Fill(document, branch, root);
        }

        if (document is JsonObject obj && s["properties"] is JsonObject properties)
        {
            var result = new JsonObject();
            foreach (var property in properties)
            {
                result[property.Key] = obj.TryGetPropertyValue(property.Key, out var value) ? Fill(value, property.Value, root) : null;
            }

            return result;
        }

        if (document is JsonObject map && IsMap(s, root, out var valueSchema))
        {
            var entries = new JsonArray();
            foreach (var member in map)
            {
                entries.Add((JsonNode)new JsonObject { ["key"] = member.Key, ["value"] = Fill(member.Value, valueSchema, root) });
            }

            return entries;
        }

        if (document is JsonArray array && s["items"] is JsonNode items)
        {
            return new JsonArray(array.Select(item => Fill(item, items, root)).ToArray());
        }

        return document?.DeepClone();
    }

    private static JsonObject Resolve(JsonNode? schema, JsonObject root)
    {
        var s = (JsonObject)schema!;
        while (s["$ref"] is JsonValue reference)
        {
            s = (JsonObject)root["$defs"]![reference.GetValue<string>().Substring("#/$defs/".Length)]!;
        }

        return s;
    }

    private static bool IsMap(JsonObject s, JsonObject root, out JsonNode? valueSchema)
    {
        valueSchema = null;
        if (s["items"] is not JsonNode items || Resolve(items, root)["properties"] is not JsonObject entry || entry.Count != 2 || !entry.ContainsKey("key"))
        {
            return false;
        }

        valueSchema = entry["value"];
        return true;
    }

    private static bool Matches(JsonNode? document, JsonNode? branch, JsonObject root)
    {
        var s = Resolve(branch, root);
        if (s["anyOf"] is JsonArray inner)
        {
            return inner.Any(b => Matches(document, b, root));
        }

        if (s["enum"] is JsonArray values)
        {
            return values.Any(value => JsonNode.DeepEquals(value, document));
        }

        var types = s["type"] switch
        {
            JsonValue single => [single.GetValue<string>()],
            JsonArray several => several.Select(type => type!.GetValue<string>()).ToArray(),
            _ => Array.Empty<string>(),
        };
        var kind = document?.GetValueKind() ?? JsonValueKind.Null;
        return kind switch
        {
            JsonValueKind.Null => types.Contains("null"),
            JsonValueKind.String => types.Contains("string"),
            JsonValueKind.Number => types.Contains("number") || types.Contains("integer"),
            JsonValueKind.True or JsonValueKind.False => types.Contains("boolean"),
            JsonValueKind.Array => types.Contains("array") && !IsMap(s, root, out _),
            JsonValueKind.Object => (types.Contains("object") && s["properties"] is JsonObject properties && ((JsonObject)document!).All(member => properties.ContainsKey(member.Key)))
                || (types.Contains("array") && IsMap(s, root, out _)),
            _ => false,
        };
    }
}
