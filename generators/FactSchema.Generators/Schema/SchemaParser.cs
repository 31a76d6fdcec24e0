using System.Collections.Generic;
using System.Linq;
using System.Threading;
using FactSchema.Generators.Common;
using FactSchema.Generators.Diagnostics;
using FactSchema.Generators.Json;

namespace FactSchema.Generators.Schema;

/// <summary>
/// Reads a JSON tree into <see cref="SchemaNode"/>s. Never throws on bad input: a keyword with a value
/// of the wrong shape is reported (FS0003) at its location and left out.
/// </summary>
internal sealed class SchemaParser
{
    private static readonly HashSet<string> s_typeNames = new() { "string", "integer", "number", "boolean", "object", "array", "null" };

    private readonly CancellationToken _cancellationToken;
    private readonly DiagnosticBag _diagnostics;

    private SchemaParser(string filePath, CancellationToken cancellationToken)
    {
        _diagnostics = new DiagnosticBag(filePath);
        _cancellationToken = cancellationToken;
    }

    public static (SchemaNode? Root, ImmutableEquatableArray<DiagnosticInfo> Diagnostics) Parse(JsonNode root, string filePath, CancellationToken cancellationToken = default)
    {
        var parser = new SchemaParser(filePath, cancellationToken);
        SchemaNode? node = null;
        if (root.Kind is JsonKind.Object or JsonKind.True or JsonKind.False)
        {
            node = parser.ParseSchema(root, string.Empty);
        }
        else
        {
            parser.Report(DiagnosticDescriptors.InvalidSchema, root.Span, System.IO.Path.GetFileName(filePath), $"the document is a JSON {Describe(root.Kind)}, but a schema must be an object or a boolean");
        }

        return (node, parser._diagnostics.ToImmutable());
    }

    /// <summary>
    /// The schema at <paramref name="pointer"/> of a file, for a <c>$ref</c> into JSON the schema walk does not reach (under a
    /// keyword it does not know). Its diagnostics are not reported: the file's own parse did not claim it as a schema.
    /// </summary>
    public static SchemaNode ParseAt(JsonNode json, string pointer, string filePath)
        => new SchemaParser(filePath, CancellationToken.None).ParseSchema(json, pointer);

    private SchemaNode? ParseSubschema(JsonNode json, string pointer, string keyword)
    {
        if (json.Kind is JsonKind.Object or JsonKind.True or JsonKind.False)
        {
            return ParseSchema(json, pointer);
        }

        Report(DiagnosticDescriptors.InvalidKeyword, json.Span, keyword, $"expected a schema (an object or a boolean), found a JSON {Describe(json.Kind)}");
        return null;
    }

    private SchemaNode ParseSchema(JsonNode json, string pointer)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (json.Kind is JsonKind.True or JsonKind.False)
        {
            return new SchemaNode { Pointer = pointer, Span = json.Span, BooleanValue = json.Kind == JsonKind.True };
        }

        var (dependentRequired, dependentSchemas) = ReadDependencies(json, pointer);
        return new SchemaNode
        {
            Pointer = pointer,
            Span = json.Span,
            KeywordNames = json.Members.Select(m => m.Name).ToImmutableEquatableArray(),
            Id = ReadString(json, "$id"),
            Anchor = ReadString(json, "$anchor"),
            DynamicAnchor = ReadString(json, "$dynamicAnchor"),
            Ref = ReadString(json, "$ref"),
            RefSpan = json["$ref"]?.Span ?? default,
            DynamicRef = ReadString(json, "$dynamicRef"),
            Title = ReadString(json, "title"),
            TitleSpan = json["title"]?.Span ?? json.Span,
            Description = ReadString(json, "description"),
            Deprecated = json["deprecated"]?.Kind == JsonKind.True,
            Types = ReadTypes(json),
            Properties = ReadProperties(json, pointer),
            Required = ReadStringArray(json, "required") ?? ImmutableEquatableArray<string>.Empty,
            AdditionalProperties = ReadSubschema(json, "additionalProperties", pointer),
            PatternProperties = ReadPatternProperties(json, pointer),
            PropertyNames = ReadSubschema(json, "propertyNames", pointer),
            MinProperties = ReadCount(json, "minProperties"),
            MaxProperties = ReadCount(json, "maxProperties"),
            DependentRequired = dependentRequired,
            DependentSchemas = dependentSchemas,
            Items = ReadItems(json, pointer, out var prefixItems),
            PrefixItems = prefixItems,
            AdditionalItems = ReadSubschema(json, "additionalItems", pointer),
            ClosedAfterPrefix = prefixItems is not null && (json["prefixItems"] is not null ? json["items"]?.Kind == JsonKind.False : json["additionalItems"]?.Kind == JsonKind.False),
            MinItems = ReadCount(json, "minItems"),
            MaxItems = ReadCount(json, "maxItems"),
            UniqueItems = json["uniqueItems"]?.Kind == JsonKind.True,
            Contains = ReadSubschema(json, "contains", pointer),
            MinContains = ReadCount(json, "minContains"),
            MaxContains = ReadCount(json, "maxContains"),
            Enum = ReadEnum(json),
            Const = json["const"],
            Default = json["default"],
            Format = ReadString(json, "format"),
            MinLength = ReadCount(json, "minLength"),
            MaxLength = ReadCount(json, "maxLength"),
            Pattern = json["pattern"] is { Kind: JsonKind.String } pattern ? pattern.Text : null,
            PatternSpan = json["pattern"]?.Span ?? default,
            Minimum = ReadNumber(json, "minimum"),
            Maximum = ReadNumber(json, "maximum"),
            ExclusiveMinimum = ReadNumber(json, "exclusiveMinimum", allowBoolean: true),
            ExclusiveMaximum = ReadNumber(json, "exclusiveMaximum", allowBoolean: true),
            MultipleOf = json["multipleOf"] is { Kind: JsonKind.Number } multipleOf ? multipleOf.Text : null,
            AllOf = ReadSchemaArray(json, "allOf", pointer),
            AnyOf = ReadSchemaArray(json, "anyOf", pointer),
            OneOf = ReadSchemaArray(json, "oneOf", pointer),
            Not = ReadSubschema(json, "not", pointer),
            If = ReadSubschema(json, "if", pointer),
            Then = ReadSubschema(json, "then", pointer),
            Else = ReadSubschema(json, "else", pointer),
            UnevaluatedProperties = ReadSubschema(json, "unevaluatedProperties", pointer),
            UnevaluatedItems = ReadSubschema(json, "unevaluatedItems", pointer),
            Definitions = ReadDefinitions(json, pointer),
        };
    }

    private SchemaNode? ReadSubschema(JsonNode json, string keyword, string pointer)
        => json[keyword] is { } value ? ParseSubschema(value, pointer + "/" + keyword, keyword) : null;

    /// <summary>
    /// A count keyword (<c>minLength</c>, <c>maxItems</c>, …) when it is a non-negative integer (<c>2.0</c> too), capped at
    /// <see cref="int.MaxValue"/>. Another value is ignored, as validators always have: no count is the loosest reading.
    /// </summary>
    private static int? ReadCount(JsonNode json, string keyword)
    {
        if (json[keyword] is { Kind: JsonKind.Number, Text: { } text }
            && decimal.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value)
            && value >= 0 && decimal.Truncate(value) == value)
        {
            return value > int.MaxValue ? int.MaxValue : (int)value;
        }

        return null;
    }

    /// <summary>
    /// <c>dependentRequired</c> and <c>dependentSchemas</c>, with draft-07 <c>dependencies</c> split between them (an array
    /// is a list of required names, a schema is a dependent schema). Entries of another shape are ignored.
    /// </summary>
    private (ImmutableEquatableArray<SchemaDependentRequired>, ImmutableEquatableArray<SchemaDefinition>) ReadDependencies(JsonNode json, string pointer)
    {
        var required = new List<SchemaDependentRequired>();
        var schemas = new List<SchemaDefinition>();
        void AddRequired(JsonMember member)
        {
            if (member.Value.Kind == JsonKind.Array)
            {
                required.Add(new SchemaDependentRequired(member.Name, member.Value.Items.Where(i => i.Kind == JsonKind.String).Select(i => i.Text!).ToImmutableEquatableArray()));
            }
        }

        if (json["dependentRequired"] is { Kind: JsonKind.Object } dependentRequired)
        {
            foreach (var member in dependentRequired.Members)
            {
                AddRequired(member);
            }
        }

        foreach (var keyword in new[] { "dependentSchemas", "dependencies" })
        {
            if (json[keyword] is { Kind: JsonKind.Object } map)
            {
                foreach (var member in map.Members)
                {
                    if (member.Value.Kind is JsonKind.Object or JsonKind.True or JsonKind.False)
                    {
                        schemas.Add(new SchemaDefinition(keyword, member.Name, member.NameSpan, ParseSchema(member.Value, pointer + "/" + keyword + "/" + JsonPointer.Escape(member.Name))));
                    }
                    else if (keyword == "dependencies")
                    {
                        AddRequired(member);
                    }
                }
            }
            else if (json[keyword] is { } invalid)
            {
                Report(DiagnosticDescriptors.InvalidKeyword, invalid.Span, keyword, $"expected an object, found a JSON {Describe(invalid.Kind)}");
            }
        }

        return (required.ToImmutableEquatableArray(), schemas.ToImmutableEquatableArray());
    }

    private string? ReadString(JsonNode json, string keyword)
    {
        var value = json[keyword];
        if (value is null)
        {
            return null;
        }

        if (value.Kind == JsonKind.String)
        {
            return value.Text;
        }

        Report(DiagnosticDescriptors.InvalidKeyword, value.Span, keyword, $"expected a string, found a JSON {Describe(value.Kind)}");
        return null;
    }

    private string? ReadNumber(JsonNode json, string keyword, bool allowBoolean = false)
    {
        var value = json[keyword];
        if (value is null || (allowBoolean && value.IsBoolean))
        {
            return null;
        }

        if (value.Kind == JsonKind.Number)
        {
            return value.Text;
        }

        Report(DiagnosticDescriptors.InvalidKeyword, value.Span, keyword, $"expected a number, found a JSON {Describe(value.Kind)}");
        return null;
    }

    private ImmutableEquatableArray<string>? ReadTypes(JsonNode json)
    {
        var value = json["type"];
        if (value is null)
        {
            return null;
        }

        if (value.Kind == JsonKind.String)
        {
            if (s_typeNames.Contains(value.Text!))
            {
                return new ImmutableEquatableArray<string>(new[] { value.Text! });
            }

            Report(DiagnosticDescriptors.InvalidKeyword, value.Span, "type", $"\"{value.Text}\" is not a JSON Schema type (expected one of {string.Join(", ", s_typeNames)})");
            return null;
        }

        if (value.Kind == JsonKind.Array)
        {
            var names = new List<string>();
            foreach (var item in value.Items)
            {
                if (item.Kind != JsonKind.String || !s_typeNames.Contains(item.Text!))
                {
                    Report(DiagnosticDescriptors.InvalidKeyword, item.Span, "type", $"{item.ToJsonText()} is not a JSON Schema type (expected one of {string.Join(", ", s_typeNames)})");
                    return null;
                }

                if (!names.Contains(item.Text!))
                {
                    names.Add(item.Text!);
                }
            }

            return names.ToImmutableEquatableArray();
        }

        Report(DiagnosticDescriptors.InvalidKeyword, value.Span, "type", $"expected a string or an array of strings, found a JSON {Describe(value.Kind)}");
        return null;
    }

    private ImmutableEquatableArray<string>? ReadStringArray(JsonNode json, string keyword)
    {
        var value = json[keyword];
        if (value is null)
        {
            return null;
        }

        if (value.Kind == JsonKind.Array && value.Items.All(item => item.Kind == JsonKind.String))
        {
            return value.Items.Select(item => item.Text!).Distinct().ToImmutableEquatableArray();
        }

        Report(DiagnosticDescriptors.InvalidKeyword, value.Span, keyword, "expected an array of strings");
        return null;
    }

    private ImmutableEquatableArray<JsonNode>? ReadEnum(JsonNode json)
    {
        var value = json["enum"];
        if (value is null)
        {
            return null;
        }

        if (value.Kind == JsonKind.Array)
        {
            return value.Items;
        }

        Report(DiagnosticDescriptors.InvalidKeyword, value.Span, "enum", $"expected an array, found a JSON {Describe(value.Kind)}");
        return null;
    }

    private ImmutableEquatableArray<SchemaProperty>? ReadProperties(JsonNode json, string pointer)
    {
        var value = json["properties"];
        if (value is null)
        {
            return null;
        }

        if (value.Kind != JsonKind.Object)
        {
            Report(DiagnosticDescriptors.InvalidKeyword, value.Span, "properties", $"expected an object, found a JSON {Describe(value.Kind)}");
            return null;
        }

        var properties = new List<SchemaProperty>();
        foreach (var member in value.Members)
        {
            var schema = ParseSubschema(member.Value, pointer + "/properties/" + JsonPointer.Escape(member.Name), "properties/" + member.Name);
            if (schema is not null)
            {
                properties.Add(new SchemaProperty(member.Name, member.NameSpan, schema));
            }
        }

        return properties.ToImmutableEquatableArray();
    }

    private SchemaNode? ReadItems(JsonNode json, string pointer, out ImmutableEquatableArray<SchemaNode>? prefixItems)
    {
        prefixItems = null;
        if (json["prefixItems"] is not null)
        {
            prefixItems = ReadSchemaArray(json, "prefixItems", pointer);
        }

        var value = json["items"];
        if (value is null)
        {
            return null;
        }

        if (value.Kind == JsonKind.Array)
        {
            // Draft-07 tuple form.
            var items = new List<SchemaNode>();
            for (var i = 0; i < value.Items.Count; i++)
            {
                if (ParseSubschema(value.Items[i], pointer + "/items/" + i, "items") is { } item)
                {
                    items.Add(item);
                }
            }

            prefixItems ??= items.ToImmutableEquatableArray();
            return null;
        }

        return ParseSubschema(value, pointer + "/items", "items");
    }

    private ImmutableEquatableArray<SchemaProperty>? ReadPatternProperties(JsonNode json, string pointer)
    {
        if (json["patternProperties"] is not { } value)
        {
            return null;
        }

        if (value.Kind != JsonKind.Object)
        {
            Report(DiagnosticDescriptors.InvalidKeyword, value.Span, "patternProperties", $"expected an object, found a JSON {Describe(value.Kind)}");
            return null;
        }

        var result = new List<SchemaProperty>();
        foreach (var member in value.Members)
        {
            if (ParseSubschema(member.Value, pointer + "/patternProperties/" + JsonPointer.Escape(member.Name), "patternProperties") is { } schema)
            {
                result.Add(new SchemaProperty(member.Name, member.NameSpan, schema));
            }
        }

        return result.ToImmutableEquatableArray();
    }

    private ImmutableEquatableArray<SchemaNode> ReadSchemaArray(JsonNode json, string keyword, string pointer)
    {
        var value = json[keyword];
        if (value is null)
        {
            return ImmutableEquatableArray<SchemaNode>.Empty;
        }

        if (value.Kind != JsonKind.Array || value.Items.Count == 0)
        {
            Report(DiagnosticDescriptors.InvalidKeyword, value.Span, keyword, "expected a non-empty array of schemas");
            return ImmutableEquatableArray<SchemaNode>.Empty;
        }

        var result = new List<SchemaNode>();
        for (var i = 0; i < value.Items.Count; i++)
        {
            if (ParseSubschema(value.Items[i], pointer + "/" + keyword + "/" + i, keyword) is { } schema)
            {
                result.Add(schema);
            }
        }

        return result.ToImmutableEquatableArray();
    }

    private ImmutableEquatableArray<SchemaDefinition> ReadDefinitions(JsonNode json, string pointer)
    {
        var result = new List<SchemaDefinition>();
        foreach (var keyword in new[] { "$defs", "definitions" })
        {
            var value = json[keyword];
            if (value is null)
            {
                continue;
            }

            // Definitions apply to no value: one that is not a schema harms nothing until a $ref reaches it (then that
            // $ref is FS0004), so it is a warning, not an error that would stop the build (draft-07 generators write
            // "$defs": {"description": "..."}, where "$defs" is not even a keyword yet).
            if (value.Kind != JsonKind.Object)
            {
                Report(DiagnosticDescriptors.DefinitionNotASchema, value.Span, keyword, $"expected an object of schemas, found a JSON {Describe(value.Kind)}");
                continue;
            }

            foreach (var member in value.Members)
            {
                if (member.Value.Kind is not (JsonKind.Object or JsonKind.True or JsonKind.False))
                {
                    Report(DiagnosticDescriptors.DefinitionNotASchema, member.Value.Span, keyword + "/" + member.Name, $"expected a schema (an object or a boolean), found a JSON {Describe(member.Value.Kind)}");
                    continue;
                }

                result.Add(new SchemaDefinition(keyword, member.Name, member.NameSpan, ParseSchema(member.Value, pointer + "/" + keyword + "/" + JsonPointer.Escape(member.Name))));
            }
        }

        return result.ToImmutableEquatableArray();
    }

    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, SourceSpan span, params string[] arguments)
        => _diagnostics.Report(descriptor, span, arguments);

    internal static string Describe(JsonKind kind) => kind switch
    {
        JsonKind.Null => "null",
        JsonKind.True or JsonKind.False => "boolean",
        JsonKind.Number => "number",
        JsonKind.String => "string",
        JsonKind.Array => "array",
        _ => "object",
    };
}
