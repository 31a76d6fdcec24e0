using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using FactSchema.StructuredOutput;

namespace FactSchema.Extensions.AI.StructuredOutput;

/// <summary>
/// Checks a schema against the rules of OpenAI's strict structured output (<see cref="StrictProfileRules"/>): a plain object at
/// the root, only supported keywords, every object closed with every property required, <c>$ref</c> alone and into the root's
/// <c>$defs</c>, listed formats, and the size limits.
/// </summary>
internal static class StrictProfileChecker
{
    /// <summary>Every rule a schema breaks, each as <c>#pointer: reason</c>; empty when the provider accepts it.</summary>
    public static List<string> Check(JsonNode? schema)
    {
        var violations = new List<string>();
        if (schema is not JsonObject root || root["type"] is not JsonValue type || type.GetValueKind() != JsonValueKind.String || type.GetValue<string>() != "object")
        {
            violations.Add("#: the root must be a schema of type \"object\"");
            return violations;
        }

        var defs = root["$defs"] as JsonObject;
        CheckSchema(root, "", defs, violations, isRoot: true);
        if (defs is not null)
        {
            foreach (var definition in defs)
            {
                CheckSchema(definition.Value, "/$defs/" + Escape(definition.Key), defs, violations, isRoot: false);
            }
        }

        if (violations.Count == 0)
        {
            violations.AddRange(CheckLimits(root));
        }

        return violations;
    }

    private static void CheckSchema(JsonNode? node, string pointer, JsonObject? defs, List<string> violations, bool isRoot)
    {
        if (node is not JsonObject schema)
        {
            violations.Add("#" + pointer + ": must be a schema object");
            return;
        }

        foreach (var member in schema)
        {
            if (!StrictProfileRules.AllowedKeywords.Contains(member.Key) || (member.Key == "$defs" && !isRoot))
            {
                violations.Add("#" + pointer + ": '" + member.Key + "' is not supported here");
            }
        }

        if (schema["$ref"] is JsonNode reference)
        {
            if (schema.Count != 1)
            {
                violations.Add("#" + pointer + ": a $ref must stand alone");
            }

            var target = reference.GetValueKind() == JsonValueKind.String ? reference.GetValue<string>() : string.Empty;
            if (!target.StartsWith("#/$defs/", StringComparison.Ordinal) || defs?[Unescape(target.Substring("#/$defs/".Length))] is null)
            {
                violations.Add("#" + pointer + ": the $ref '" + target + "' is not a definition of the root's $defs");
            }

            return;
        }

        if (schema["anyOf"] is JsonNode anyOf)
        {
            if (anyOf is not JsonArray branches || branches.Count == 0)
            {
                violations.Add("#" + pointer + "/anyOf: must be a non-empty array");
                return;
            }

            for (var i = 0; i < branches.Count; i++)
            {
                CheckSchema(branches[i], pointer + "/anyOf/" + i, defs, violations, isRoot: false);
            }

            return;
        }

        var types = TypesOf(schema["type"]);
        if (types.Count == 0 && schema["enum"] is null)
        {
            violations.Add("#" + pointer + ": names no type");
        }

        foreach (var type in types.Where(type => !StrictProfileRules.Types.Contains(type)))
        {
            violations.Add("#" + pointer + "/type: '" + type + "' is not a JSON type");
        }

        if (schema["format"] is JsonValue format && (format.GetValueKind() != JsonValueKind.String || !StrictProfileRules.Formats.Contains(format.GetValue<string>())))
        {
            violations.Add("#" + pointer + "/format: '" + format.ToJsonString() + "' is not a supported format");
        }

        if (types.Contains("object"))
        {
            CheckObject(schema, pointer, defs, violations);
        }

        if (types.Contains("array"))
        {
            if (schema["items"] is null)
            {
                violations.Add("#" + pointer + ": an array needs an items schema");
            }
            else
            {
                CheckSchema(schema["items"], pointer + "/items", defs, violations, isRoot: false);
            }
        }
    }

    private static void CheckObject(JsonObject schema, string pointer, JsonObject? defs, List<string> violations)
    {
        if (schema["additionalProperties"] is not JsonValue closed || closed.GetValueKind() != JsonValueKind.False)
        {
            violations.Add("#" + pointer + ": an object needs additionalProperties: false");
        }

        if (schema["properties"] is not JsonObject properties)
        {
            violations.Add("#" + pointer + ": an object needs properties");
            return;
        }

        var required = (schema["required"] as JsonArray)?.Select(name => name?.GetValue<string>()).ToHashSet(StringComparer.Ordinal) ?? [];
        foreach (var property in properties)
        {
            if (!required.Contains(property.Key))
            {
                violations.Add("#" + pointer + "/required: must list '" + property.Key + "' (every property is required)");
            }

            CheckSchema(property.Value, pointer + "/properties/" + Escape(property.Key), defs, violations, isRoot: false);
        }

        if (required.Count != properties.Count)
        {
            violations.Add("#" + pointer + "/required: lists names that are not properties");
        }
    }

    /// <summary>The provider's size limits: nesting depth, properties, characters of names and enum values, enum sizes.</summary>
    public static List<string> CheckLimits(JsonObject root)
    {
        var violations = new List<string>();
        var tally = new Tally();
        var defs = root["$defs"] as JsonObject;
        if (defs is not null)
        {
            foreach (var definition in defs)
            {
                tally.Strings += definition.Key.Length;
                Count(definition.Value, tally, violations, "/$defs/" + Escape(definition.Key));
            }
        }

        Count(root, tally, violations, string.Empty);
        if (tally.Properties > StrictProfileRules.MaxProperties)
        {
            violations.Add($"#: {tally.Properties} object properties in all, over the provider's limit of {StrictProfileRules.MaxProperties}");
        }

        if (tally.Strings > StrictProfileRules.MaxTotalStringLength)
        {
            violations.Add($"#: {tally.Strings} characters of property names, definition names and enum values, over the provider's limit of {StrictProfileRules.MaxTotalStringLength}");
        }

        if (tally.EnumValues > StrictProfileRules.MaxEnumValues)
        {
            violations.Add($"#: {tally.EnumValues} enum values in all, over the provider's limit of {StrictProfileRules.MaxEnumValues}");
        }

        var depth = new DepthWalker(defs).Depth(root);
        if (depth > StrictProfileRules.MaxDepth)
        {
            violations.Add($"#: objects nested {depth} deep, over the provider's limit of {StrictProfileRules.MaxDepth}");
        }

        return violations;
    }

    private sealed class Tally
    {
        public int Properties;
        public int Strings;
        public int EnumValues;
    }

    private static void Count(JsonNode? node, Tally tally, List<string> violations, string pointer)
    {
        if (node is not JsonObject schema)
        {
            return;
        }

        if (schema["properties"] is JsonObject properties)
        {
            foreach (var property in properties)
            {
                tally.Properties++;
                tally.Strings += property.Key.Length;
                Count(property.Value, tally, violations, pointer + "/properties/" + Escape(property.Key));
            }
        }

        if (schema["enum"] is JsonArray values)
        {
            tally.EnumValues += values.Count;
            var length = 0;
            foreach (var value in values)
            {
                length += value is JsonValue text && text.GetValueKind() == JsonValueKind.String ? text.GetValue<string>().Length : 0;
            }

            tally.Strings += length;
            if (values.Count > StrictProfileRules.LargeEnumThreshold && length > StrictProfileRules.MaxLargeEnumLength)
            {
                violations.Add($"#{pointer}/enum: {values.Count} values of {length} characters, over the provider's limit of {StrictProfileRules.MaxLargeEnumLength} for an enum of more than {StrictProfileRules.LargeEnumThreshold}");
            }
        }

        Count(schema["items"], tally, violations, pointer + "/items");
        if (schema["anyOf"] is JsonArray branches)
        {
            for (var i = 0; i < branches.Count; i++)
            {
                Count(branches[i], tally, violations, pointer + "/anyOf/" + i);
            }
        }
    }

    /// <summary>The deepest nesting of objects, following references (a definition on its own path counts once: recursion is allowed).</summary>
    private sealed class DepthWalker
    {
        private readonly JsonObject? _defs;
        private readonly Dictionary<string, int> _depths = new(StringComparer.Ordinal);

        public DepthWalker(JsonObject? defs) => _defs = defs;

        public int Depth(JsonNode? node)
        {
            if (node is not JsonObject schema)
            {
                return 0;
            }

            if (schema["$ref"] is JsonValue reference && reference.GetValueKind() == JsonValueKind.String)
            {
                var name = Unescape(reference.GetValue<string>().Substring(Math.Min("#/$defs/".Length, reference.GetValue<string>().Length)));
                if (_depths.TryGetValue(name, out var known))
                {
                    return known;
                }

                _depths[name] = 0; // in progress: a cycle adds nothing
                var depth = Depth(_defs?[name]);
                _depths[name] = depth;
                return depth;
            }

            var deepest = Depth(schema["items"]);
            if (schema["anyOf"] is JsonArray branches)
            {
                deepest = Math.Max(deepest, branches.Max(Depth));
            }

            if (schema["properties"] is JsonObject properties)
            {
                var inner = properties.Select(property => Depth(property.Value)).DefaultIfEmpty(0).Max();
                return 1 + Math.Max(deepest, inner);
            }

            return deepest;
        }
    }

    private static List<string> TypesOf(JsonNode? type) => type switch
    {
        JsonValue single when single.GetValueKind() == JsonValueKind.String => [single.GetValue<string>()],
        JsonArray several => several.Select(item => item is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : "?").ToList(),
        _ => [],
    };

    private static string Escape(string token) => token.Replace("~", "~0").Replace("/", "~1");

    private static string Unescape(string token) => token.Replace("~1", "/").Replace("~0", "~");
}
