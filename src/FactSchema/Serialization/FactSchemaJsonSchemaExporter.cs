#if NET9_0_OR_GREATER
using System;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;

namespace FactSchema.Serialization;

/// <summary>
/// Plugs FactSchema's exact schemas into System.Text.Json's <see cref="JsonSchemaExporter"/>. On its own the exporter
/// describes a type with a custom converter as <c>{}</c> (anything); with <see cref="TransformSchemaNode"/> a generated type
/// is described by its schema, wherever it sits (the root, a property of your own type, an item of a list):
/// <code>
/// var schema = JsonSerializerOptions.Default.GetJsonSchemaAsNode(typeof(Quote), FactSchemaJsonSchemaExporter.Options);
/// </code>
/// </summary>
public static class FactSchemaJsonSchemaExporter
{
    /// <summary>Exporter options whose <see cref="JsonSchemaExporterOptions.TransformSchemaNode"/> is <see cref="TransformSchemaNode"/>.</summary>
    public static JsonSchemaExporterOptions Options { get; } = new() { TransformSchemaNode = TransformSchemaNode };

    /// <summary>
    /// The exporter's transform: for a generated type (a type whose converter is an <see cref="IFactSchemaJsonConverter"/>),
    /// its self-contained schema (<see cref="FactSchemaJsonSchema.ToJsonNode"/>); any other schema is returned unchanged.
    /// Below the root, the schema loses <c>$schema</c> and <c>$id</c> and its local references (<c>#/$defs/…</c>) are
    /// rewritten to where it now sits, so that the exported document resolves as a whole; a property declared nullable
    /// (<c>Quote?</c>) gets <c>anyOf</c> with <c>{"type": "null"}</c>.
    /// </summary>
    /// <param name="context">Where in the exported document the schema sits.</param>
    /// <param name="schema">The schema the exporter made.</param>
    /// <returns>The schema to use.</returns>
    public static JsonNode TransformSchemaNode(JsonSchemaExporterContext context, JsonNode schema)
    {
        var converter = context.PropertyInfo?.CustomConverter as IFactSchemaJsonConverter ?? context.TypeInfo.Converter as IFactSchemaJsonConverter;
        if (converter is not null)
        {
            var nullable = context.PropertyInfo is { } property && property.IsSetNullable && !converter.ValueType.IsValueType;
            return Place(converter.Schema, Pointer(context.Path), nullable);
        }

        // The exporter leaves out an element schema that is "anything", so a list of generated values never reaches the
        // branch above for its items: the collection's own schema gets them.
        if (schema is JsonObject collection
            && context.TypeInfo.Kind is JsonTypeInfoKind.Enumerable or JsonTypeInfoKind.Dictionary
            && context.TypeInfo.ElementType is { } elementType
            && context.TypeInfo.Options.TryGetTypeInfo(elementType, out var element)
            && element.Converter is IFactSchemaJsonConverter elementConverter)
        {
            var keyword = context.TypeInfo.Kind == JsonTypeInfoKind.Enumerable ? "items" : "additionalProperties";
            if (!collection.ContainsKey(keyword))
            {
                collection[keyword] = Place(elementConverter.Schema, Pointer(context.Path) + "/" + keyword, nullable: false);
            }
        }

        return schema;
    }

    /// <summary>A generated type's schema placed at <paramref name="pointer"/> (a URI fragment; <c>#</c> for the root).</summary>
    private static JsonNode Place(FactSchemaJsonSchema value, string pointer, bool nullable)
    {
        var exact = value.ToJsonNode();
        if (pointer.Length > 1 || nullable)
        {
            if (exact is JsonObject root)
            {
                root.Remove("$schema");
                root.Remove("$id");
            }

            Relocate(exact, nullable ? pointer + "/anyOf/0" : pointer);
        }

        return nullable ? new JsonObject { ["anyOf"] = new JsonArray(exact, new JsonObject { ["type"] = "null" }) } : exact;
    }

    /// <summary>The URI fragment of a position in the exported document.</summary>
    private static string Pointer(ReadOnlySpan<string> path)
    {
        var pointer = new StringBuilder("#");
        foreach (var segment in path)
        {
            pointer.Append('/').Append(Uri.EscapeDataString(segment.Replace("~", "~0").Replace("/", "~1")));
        }

        return pointer.ToString();
    }

    /// <summary>Returns options that apply <see cref="TransformSchemaNode"/> first and then the transform of <paramref name="options"/>, if any.</summary>
    /// <param name="options">Your exporter options.</param>
    /// <returns>A copy of the options with the FactSchema transform in front.</returns>
    public static JsonSchemaExporterOptions With(JsonSchemaExporterOptions options)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        var next = options.TransformSchemaNode;
        return new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = options.TreatNullObliviousAsNonNullable,
            TransformSchemaNode = next is null ? TransformSchemaNode : (context, schema) => next(context, TransformSchemaNode(context, schema)),
        };
    }

    /// <summary>The schema of a type as the exporter makes it, FactSchema types described exactly.</summary>
    /// <param name="options">The serializer options whose contracts the schema describes.</param>
    /// <param name="type">The type.</param>
    /// <returns>The schema.</returns>
    public static JsonNode GetJsonSchemaAsNode(JsonSerializerOptions options, Type type)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        return options.GetJsonSchemaAsNode(type, Options);
    }

    /// <summary>Rewrites the local references of a schema moved to <paramref name="prefix"/> (a URI fragment, <c>#/properties/quote</c>).</summary>
    private static void Relocate(JsonNode? node, string prefix)
    {
        switch (node)
        {
            case JsonObject schema:
                foreach (var keyword in new[] { "$ref", "$dynamicRef", "$recursiveRef" })
                {
                    if (schema[keyword] is JsonValue value && value.TryGetValue<string>(out var reference) && reference.StartsWith("#", StringComparison.Ordinal)
                        && (reference.Length == 1 || reference[1] == '/'))
                    {
                        schema[keyword] = prefix + reference.Substring(1);
                    }
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
                                    Relocate(entry.Value, prefix);
                                }
                            }

                            break;
                        default:
                            Relocate(member.Value, prefix);
                            break;
                    }
                }

                break;
            case JsonArray schemas:
                foreach (var item in schemas)
                {
                    Relocate(item, prefix);
                }

                break;
        }
    }
}
#endif
