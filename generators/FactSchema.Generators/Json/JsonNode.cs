using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using FactSchema.Generators.Common;

namespace FactSchema.Generators.Json;

internal enum JsonKind
{
    Null,
    False,
    True,
    Number,
    String,
    Array,
    Object,
}

/// <summary>
/// One value of a schema file, as read by <see cref="JsonTextParser"/>. Immutable and structurally
/// equal (spans included), so it can travel through the incremental pipeline.
/// </summary>
internal sealed record JsonNode(
    JsonKind Kind,
    string? Text,
    ImmutableEquatableArray<JsonNode> Items,
    ImmutableEquatableArray<JsonMember> Members,
    SourceSpan Span)
{
    /// <summary>The string value, or the number exactly as written.</summary>
    public string? Text { get; } = Text;

    public bool IsBoolean => Kind is JsonKind.True or JsonKind.False;

    public JsonNode? this[string name]
    {
        get
        {
            foreach (var member in Members)
            {
                if (member.Name == name)
                {
                    return member.Value;
                }
            }

            return null;
        }
    }

    /// <summary>Minimal JSON text of this value (strings escaped), used for messages and embedded constants.</summary>
    public string ToJsonText()
    {
        var builder = new StringBuilder();
        WriteTo(builder);
        return builder.ToString();
    }

    private void WriteTo(StringBuilder builder)
    {
        switch (Kind)
        {
            case JsonKind.Null:
                builder.Append("null");
                break;
            case JsonKind.True:
                builder.Append("true");
                break;
            case JsonKind.False:
                builder.Append("false");
                break;
            case JsonKind.Number:
                builder.Append(Text);
                break;
            case JsonKind.String:
                AppendQuoted(builder, Text!);
                break;
            case JsonKind.Array:
                builder.Append('[');
                for (var i = 0; i < Items.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }

                    Items[i].WriteTo(builder);
                }

                builder.Append(']');
                break;
            case JsonKind.Object:
                builder.Append('{');
                for (var i = 0; i < Members.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }

                    AppendQuoted(builder, Members[i].Name);
                    builder.Append(':');
                    Members[i].Value.WriteTo(builder);
                }

                builder.Append('}');
                break;
        }
    }

    private static void AppendQuoted(StringBuilder builder, string value)
    {
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < 0x20)
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
    }
}

/// <summary>A member of a JSON object, with the span of its name for diagnostics.</summary>
internal sealed record JsonMember(string Name, SourceSpan NameSpan, JsonNode Value);
