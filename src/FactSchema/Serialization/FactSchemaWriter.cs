using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Text.Json;

namespace FactSchema.Serialization;

/// <summary>Writing helpers that generated code calls.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class FactSchemaWriter
{
    /// <summary>Writes a string value.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void WriteString(Utf8JsonWriter writer, string value)
    {
        if (value is null)
        {
            throw new InvalidOperationException("A string that the schema does not allow to be null is null.");
        }

        writer.WriteStringValue(value);
    }

    /// <summary>Writes a double property in one call; NaN and infinities have no JSON form and are refused.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property name, pre-encoded.</param>
    /// <param name="value">The value.</param>
    public static void WriteDouble(Utf8JsonWriter writer, JsonEncodedText name, double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            throw new InvalidOperationException($"The number {value.ToString(CultureInfo.InvariantCulture)} of '{name}' cannot be written as JSON.");
        }

        writer.WriteNumber(name, value);
    }

    /// <summary>Writes a double; NaN and infinities have no JSON form and are refused.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void WriteDouble(Utf8JsonWriter writer, double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            throw new InvalidOperationException($"The number {value.ToString(CultureInfo.InvariantCulture)} cannot be written as JSON.");
        }

        writer.WriteNumberValue(value);
    }

#if NET6_0_OR_GREATER
    /// <summary>Writes a full-date (<c>yyyy-MM-dd</c>).</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The date.</param>
    public static void WriteDate(Utf8JsonWriter writer, DateOnly value)
    {
        Span<char> buffer = stackalloc char[10];
        value.TryFormat(buffer, out var written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        writer.WriteStringValue(buffer.Slice(0, written));
    }
#endif

    /// <summary>Writes the date part of a <see cref="DateTime"/> as a full-date (<c>yyyy-MM-dd</c>).</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The date.</param>
    public static void WriteDate(Utf8JsonWriter writer, DateTime value)
        => writer.WriteStringValue(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>Writes an RFC 3339 date-time with its offset, as System.Text.Json does.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void WriteDateTimeOffset(Utf8JsonWriter writer, DateTimeOffset value) => writer.WriteStringValue(value);

    /// <summary>Writes a date-time as its text: as it was read, exactly, or as System.Text.Json writes the instant.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void WriteDateTime(Utf8JsonWriter writer, JsonDateTime value)
    {
        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        if (value.TextIsDefault)
        {
            writer.WriteStringValue(value.Value);
        }
        else if (value.IsDateTimeOffset && value.Text.Length <= 64 && IsPlainAscii(value.Text))
        {
            // An RFC 3339 date-time is digits, letters and "-:.+": nothing to escape, but the default encoder would
            // write "+" as \u002B. Written raw, the bytes are exactly the document's.
            var text = value.Text;
            Span<byte> quoted = stackalloc byte[text.Length + 2];
            quoted[0] = (byte)'"';
            for (var i = 0; i < text.Length; i++)
            {
                quoted[i + 1] = (byte)text[i];
            }

            quoted[quoted.Length - 1] = (byte)'"';
            writer.WriteRawValue(quoted, skipInputValidation: true);
        }
        else
        {
            writer.WriteStringValue(value.Text);
        }
    }

    private static bool IsPlainAscii(string text)
    {
        foreach (var c in text)
        {
            if (!(c is >= '0' and <= '9' or >= 'A' and <= 'Z' or >= 'a' and <= 'z' or '-' or ':' or '.' or '+'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Writes a date-time property in one call (see <see cref="WriteDateTime(Utf8JsonWriter, JsonDateTime)"/>).</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property name, pre-encoded.</param>
    /// <param name="value">The value.</param>
    public static void WriteDateTime(Utf8JsonWriter writer, JsonEncodedText name, JsonDateTime value)
    {
        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        writer.WritePropertyName(name);
        WriteDateTime(writer, value);
    }

    /// <summary>Writes a URI exactly as it was given.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The URI.</param>
    public static void WriteUri(Utf8JsonWriter writer, Uri value)
    {
        if (value is null)
        {
            throw new InvalidOperationException("A URI that the schema does not allow to be null is null.");
        }

        writer.WriteStringValue(value.OriginalString);
    }

    /// <summary>Writes raw JSON kept in a <see cref="JsonElement"/>.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The element.</param>
    public static void WriteElement(Utf8JsonWriter writer, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Undefined)
        {
            throw new InvalidOperationException("A JsonElement holds no value (default(JsonElement)); use a parsed element.");
        }

        value.WriteTo(writer);
    }

    /// <summary>Writes the properties a schema does not declare, refusing ones that would repeat a declared name.</summary>
    /// <param name="writer">The writer, inside the object.</param>
    /// <param name="properties">The extra properties.</param>
    /// <param name="declared">The JSON names the schema declares.</param>
    public static void WriteAdditionalProperties(Utf8JsonWriter writer, IReadOnlyDictionary<string, JsonElement> properties, string[] declared)
    {
        foreach (var pair in properties)
        {
            if (Array.IndexOf(declared, pair.Key) >= 0)
            {
                throw new InvalidOperationException($"AdditionalProperties holds '{pair.Key}', which the schema declares as a member; set the member instead.");
            }

            writer.WritePropertyName(pair.Key);
            WriteElement(writer, pair.Value);
        }
    }

    /// <summary>Pre-encodes JSON strings once, for writers (a generated enum's spellings, in member order).</summary>
    /// <param name="values">The strings, unescaped.</param>
    /// <returns>Their encoded texts, in the same order.</returns>
    public static JsonEncodedText[] EncodeAll(string[] values)
    {
        if (values is null)
        {
            throw new ArgumentNullException(nameof(values));
        }

        var encoded = new JsonEncodedText[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            encoded[i] = JsonEncodedText.Encode(values[i]);
        }

        return encoded;
    }

    /// <summary>An error for a null where the schema allows no null (an element of a list, say).</summary>
    /// <param name="typeName">The C# type expected.</param>
    /// <returns>The error to throw.</returns>
    public static InvalidOperationException NullValue(string typeName)
        => new($"A {typeName.Replace("global::", string.Empty)} that the schema does not allow to be null is null.");

    /// <summary>An error for a required member left null in code.</summary>
    /// <param name="typeName">The record's name.</param>
    /// <param name="memberName">The member's name.</param>
    /// <returns>The error to throw.</returns>
    public static InvalidOperationException RequiredMemberIsNull(string typeName, string memberName)
        => new($"{typeName}.{memberName} is required by the schema but is null.");

    /// <summary>An error for an enum value that has no JSON spelling (a cast from an undefined number).</summary>
    /// <param name="enumName">The enum's name.</param>
    /// <param name="value">The numeric value.</param>
    /// <returns>The error to throw.</returns>
    public static InvalidOperationException UndefinedEnumValue(string enumName, long value)
        => new($"{value.ToString(CultureInfo.InvariantCulture)} is not a defined {enumName} value.");
}
