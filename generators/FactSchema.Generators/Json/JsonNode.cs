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
            if (Members.Count > MemberIndexThreshold)
            {
                return MemberIndex().TryGetValue(name, out var value) ? value : null;
            }

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

    /// <summary>Equal by kind, text, items, members and span; the member index is derived and takes no part.</summary>
    public bool Equals(JsonNode? other)
        => ReferenceEquals(this, other)
            || (other is not null && Kind == other.Kind && string.Equals(Text, other.Text, StringComparison.Ordinal) && Span.Equals(other.Span) && Items.Equals(other.Items) && Members.Equals(other.Members));

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        unchecked
        {
            var hash = ((int)Kind * 31) + (Text is null ? 0 : StringComparer.Ordinal.GetHashCode(Text));
            hash = (hash * 31) + Span.GetHashCode();
            hash = (hash * 31) + Items.GetHashCode();
            return (hash * 31) + Members.GetHashCode();
        }
    }

    // Objects with many members (a large "$defs" or "definitions") are looked up by name once per reference: a scan of
    // each made resolving n references into n definitions cost O(n²). The first member of a name wins, as in the scan.
    private const int MemberIndexThreshold = 8;

    private Dictionary<string, JsonNode>? _memberIndex;

    private Dictionary<string, JsonNode> MemberIndex()
    {
        if (_memberIndex is { } index)
        {
            return index;
        }

        index = new Dictionary<string, JsonNode>(Members.Count, StringComparer.Ordinal);
        foreach (var member in Members)
        {
            if (!index.ContainsKey(member.Name))
            {
                index.Add(member.Name, member.Value);
            }
        }

        // Another thread may build the same index at the same time; either copy is complete and equal.
        _memberIndex = index;
        return index;
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
