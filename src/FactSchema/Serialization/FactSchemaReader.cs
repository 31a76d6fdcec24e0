using System;
using System.Buffers;
using System.ComponentModel;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace FactSchema.Serialization;

/// <summary>
/// Reading helpers that generated code calls. Each one checks the token it is given and throws a
/// <see cref="FactSchemaJsonException"/> that says what was expected and what was found.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class FactSchemaReader
{
    /// <summary>Creates a reader over a whole document, refusing documents over the size limit.</summary>
    /// <param name="utf8Json">The document.</param>
    /// <param name="options">The limits, or null for <see cref="FactSchemaReaderOptions.Default"/>.</param>
    /// <returns>The reader.</returns>
    public static Utf8JsonReader CreateReader(ReadOnlySpan<byte> utf8Json, FactSchemaReaderOptions? options)
    {
        options ??= FactSchemaReaderOptions.Default;
        if (utf8Json.Length > options.MaxDocumentBytes)
        {
            throw new FactSchemaJsonException($"the document is {utf8Json.Length} bytes, over the limit of {options.MaxDocumentBytes} bytes (FactSchemaReaderOptions.MaxDocumentBytes)", 0);
        }

        return new Utf8JsonReader(utf8Json, options.ToReaderOptions());
    }

    /// <summary>Advances the reader, failing clearly when the JSON ends early.</summary>
    /// <param name="reader">The reader.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Read(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            ThrowIncomplete(ref reader);
        }
    }

    /// <summary>
    /// From a declared property's name onto its value (used by generated readers): marks the property seen in
    /// <paramref name="seen"/>, and refuses it when it was seen already (a duplicate is an error, the safe choice).
    /// </summary>
    /// <param name="reader">A reader on the property name.</param>
    /// <param name="seen">The bits of the properties seen so far in this object.</param>
    /// <param name="bit">The property's bit.</param>
    /// <param name="names">The JSON names of the type's properties, for the error.</param>
    /// <param name="index">The property's index in <paramref name="names"/>.</param>
    /// <exception cref="FactSchemaJsonException">The property appears twice, or the JSON ends early.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void EnterProperty(ref Utf8JsonReader reader, ref ulong seen, ulong bit, string[] names, int index)
    {
        if ((seen & bit) != 0)
        {
            throw DuplicateProperty(ref reader, names[index]);
        }

        seen |= bit;
        Read(ref reader);
    }

    private static void ThrowIncomplete(ref Utf8JsonReader reader)
        => throw new FactSchemaJsonException("the JSON ends before the value is complete", reader.BytesConsumed);

    /// <summary>Moves a fresh reader, or one on a property name, onto the value.</summary>
    /// <param name="reader">The reader.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MoveToValue(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is JsonTokenType.None or JsonTokenType.PropertyName)
        {
            Read(ref reader);
        }
    }

    /// <summary>Fails unless the document has ended after the value.</summary>
    /// <param name="reader">The reader, on the value's last token.</param>
    public static void EnsureEndOfDocument(ref Utf8JsonReader reader)
    {
        if (reader.Read())
        {
            throw new FactSchemaJsonException("unexpected content after the end of the JSON value", reader.TokenStartIndex);
        }
    }

    /// <summary>Fails unless the reader is on the start of an object.</summary>
    /// <param name="reader">The reader.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ExpectStartObject(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw UnexpectedToken(ref reader, "an object");
        }
    }

    /// <summary>Fails unless the reader is on the start of an array.</summary>
    /// <param name="reader">The reader.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ExpectStartArray(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw UnexpectedToken(ref reader, "an array");
        }
    }

    /// <summary>Reads a string.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The string.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static string ReadString(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw UnexpectedToken(ref reader, "a string");
        }

        return GetString(ref reader);
    }

    /// <summary>Gets the current string or property name, failing clearly on invalid UTF-8.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The string.</returns>
    public static string GetString(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException ex)
        {
            throw NotUtf8(ref reader, ex);
        }
    }

    private static FactSchemaJsonException NotUtf8(ref Utf8JsonReader reader, InvalidOperationException ex)
        => new("the string is not valid UTF-8", reader.TokenStartIndex, ex);

    /// <summary>
    /// The current property name (or string) as UTF-8 with its escapes undone, for generated name matchers: the reader's
    /// own bytes when the name is neither escaped nor split across buffers (no copy), otherwise a copy in a buffer of the
    /// calling thread that stays valid until the thread's next call.
    /// </summary>
    /// <param name="reader">A reader on a property name or string.</param>
    /// <returns>The name's UTF-8 bytes.</returns>
    /// <exception cref="FactSchemaJsonException">An escape in the name does not decode to valid UTF-8 (a lone surrogate).</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ReadOnlySpan<byte> NameBytes(ref Utf8JsonReader reader)
        => !reader.ValueIsEscaped && !reader.HasValueSequence ? reader.ValueSpan : UnescapedNameBytes(ref reader);

    /// <summary>Names up to this many bytes are unescaped into the thread's buffer; longer ones into an array of their own.</summary>
    private const int NameBufferBytes = 1024;

    [ThreadStatic]
    private static byte[]? t_nameBuffer;

    private static ReadOnlySpan<byte> UnescapedNameBytes(ref Utf8JsonReader reader)
    {
        // Unescaping never lengthens a name, so its raw length bounds the copy.
        var length = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
        var buffer = length <= NameBufferBytes ? t_nameBuffer ??= new byte[NameBufferBytes] : new byte[length];
        try
        {
            return buffer.AsSpan(0, reader.CopyString(buffer));
        }
        catch (InvalidOperationException ex)
        {
            throw NotUtf8(ref reader, ex);
        }
    }

    /// <summary>Reads a boolean.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static bool ReadBoolean(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw UnexpectedToken(ref reader, "a boolean"),
    };

    /// <summary>Reads an integer (JSON Schema counts 1.0 as an integer) that fits <see cref="int"/>.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static int ReadInt32(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var value))
        {
            return value;
        }

        var wide = ReadIntegral(ref reader, "a 32-bit integer");
        if (wide < int.MinValue || wide > int.MaxValue)
        {
            throw new FactSchemaJsonException($"the integer {Raw(ref reader)} is out of range (a 32-bit integer is expected)", reader.TokenStartIndex);
        }

        return (int)wide;
    }

    /// <summary>Reads an integer (JSON Schema counts 1.0 as an integer) that fits <see cref="long"/>.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static long ReadInt64(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value))
        {
            return value;
        }

        var wide = ReadIntegral(ref reader, "an integer");
        if (wide < long.MinValue || wide > long.MaxValue)
        {
            throw new FactSchemaJsonException($"the integer {Raw(ref reader)} is out of range (a 64-bit integer is expected)", reader.TokenStartIndex);
        }

        return (long)wide;
    }

    private static decimal ReadIntegral(ref Utf8JsonReader reader, string expected)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw UnexpectedToken(ref reader, expected);
        }

        if (reader.TryGetDecimal(out var value))
        {
            if (value != decimal.Truncate(value))
            {
                throw new FactSchemaJsonException($"expected {expected}, found {Raw(ref reader)}", reader.TokenStartIndex);
            }

            return value;
        }

        if (reader.TryGetDouble(out var d) && !double.IsInfinity(d) && Math.Floor(d) != d)
        {
            throw new FactSchemaJsonException($"expected {expected}, found {Raw(ref reader)}", reader.TokenStartIndex);
        }

        throw new FactSchemaJsonException($"the integer {Raw(ref reader)} is out of range", reader.TokenStartIndex);
    }

    /// <summary>Reads a number as a <see cref="double"/>.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static double ReadDouble(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw UnexpectedToken(ref reader, "a number");
        }

        if (reader.TryGetDouble(out var value) && !double.IsInfinity(value) && !double.IsNaN(value))
        {
            return value;
        }

        throw new FactSchemaJsonException($"the number {Raw(ref reader)} is out of range for a double", reader.TokenStartIndex);
    }

    /// <summary>Reads a number exactly, as a <see cref="decimal"/> (for money).</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static decimal ReadDecimal(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw UnexpectedToken(ref reader, "a number");
        }

        if (reader.TryGetDecimal(out var value))
        {
            return value;
        }

        throw new FactSchemaJsonException($"the number {Raw(ref reader)} cannot be held exactly as a decimal", reader.TokenStartIndex);
    }

#if NET6_0_OR_GREATER
    /// <summary>Reads a full-date (RFC 3339, <c>yyyy-MM-dd</c>).</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The date.</returns>
    public static DateOnly ReadDate(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && !reader.HasValueSequence
            && TryParseDate(reader.ValueSpan, out var year, out var month, out var day))
        {
            return new DateOnly(year, month, day);
        }

        var text = ReadString(ref reader);
        if (text.Length == 10 && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        throw new FactSchemaJsonException($"'{Shorten(text)}' is not a date (yyyy-MM-dd)", reader.TokenStartIndex);
    }
#endif

    /// <summary>Parses yyyy-MM-dd from UTF-8 without allocating; false for anything else, including impossible dates.</summary>
    private static bool TryParseDate(ReadOnlySpan<byte> text, out int year, out int month, out int day)
    {
        year = month = day = 0;
        if (text.Length != 10 || text[4] != (byte)'-' || text[7] != (byte)'-')
        {
            return false;
        }

        for (var i = 0; i < 10; i++)
        {
            if (i is 4 or 7)
            {
                continue;
            }

            var digit = text[i] - (byte)'0';
            if ((uint)digit > 9)
            {
                return false;
            }

            if (i < 4)
            {
                year = (year * 10) + digit;
            }
            else if (i < 7)
            {
                month = (month * 10) + digit;
            }
            else
            {
                day = (day * 10) + digit;
            }
        }

        return year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
    }

    /// <summary>Reads a full-date (RFC 3339, <c>yyyy-MM-dd</c>) as a <see cref="DateTime"/>, for targets without <c>DateOnly</c>.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The date, at midnight, of unspecified kind.</returns>
    public static DateTime ReadDateAsDateTime(ref Utf8JsonReader reader)
    {
        var text = ReadString(ref reader);
        if (text.Length == 10 && DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        throw new FactSchemaJsonException($"'{Shorten(text)}' is not a date (yyyy-MM-dd)", reader.TokenStartIndex);
    }

    /// <summary>
    /// Reads a <c>format: date-time</c> string, kept exactly (see <see cref="JsonDateTime"/>): any string, since where
    /// <c>format</c> is asserted the schema's check proves it, and where it is an annotation the schema lets any string through.
    /// </summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static JsonDateTime ReadDateTime(ref Utf8JsonReader reader) => JsonDateTime.FromText(ReadString(ref reader));

    /// <summary>Reads an RFC 3339 date-time, which must carry a time and an offset (<c>Z</c> or <c>±hh:mm</c>).</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The instant with its offset.</returns>
    public static DateTimeOffset ReadDateTimeOffset(ref Utf8JsonReader reader)
    {
        var text = ReadString(ref reader);
        if (TryParseDateTimeOffset(text, out var value))
        {
            return value;
        }

        throw new FactSchemaJsonException($"'{Shorten(text)}' is not a date-time with an offset (for example 2025-02-27T14:30:00Z)", reader.TokenStartIndex);
    }

    internal static bool TryParseDateTimeOffset(string text, out DateTimeOffset value)
    {
        value = default;
        return HasTimeAndOffset(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    private static readonly char[] s_timeSeparators = { 'T', 't' };

    private static bool HasTimeAndOffset(string text)
    {
        var t = text.IndexOfAny(s_timeSeparators);
        if (t != 10 || text.Length < 20)
        {
            return false;
        }

        var last = text[text.Length - 1];
        if (last is 'Z' or 'z')
        {
            return true;
        }

        return text.Length >= 25 && text[text.Length - 6] is '+' or '-' && text[text.Length - 3] == ':';
    }

    /// <summary>Reads an absolute URI.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The URI; <see cref="Uri.OriginalString"/> keeps the exact text.</returns>
    public static Uri ReadUri(ref Utf8JsonReader reader)
    {
        var text = ReadString(ref reader);
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && text.IndexOf(':') > 0 && !text.StartsWith("/", StringComparison.Ordinal))
        {
            return uri;
        }

        throw new FactSchemaJsonException($"'{Shorten(text)}' is not an absolute URI", reader.TokenStartIndex);
    }

    /// <summary>
    /// Whether the token under the reader is a string that <c>ReadDate</c> (or <see cref="ReadDateAsDateTime"/>)
    /// reads: a union of strings told apart only by <c>format</c> takes the branch whose type can hold the value.
    /// </summary>
    /// <param name="reader">The reader, on the value (a copy: it is not moved).</param>
    /// <returns>True for a yyyy-MM-dd date.</returns>
    public static bool IsDateToken(Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return false;
        }

        // The same parse as ReadDate's, on the UTF-8 bytes where it can (no string for the common case).
        return !reader.ValueIsEscaped && !reader.HasValueSequence
            ? TryParseDate(reader.ValueSpan, out _, out _, out _)
            : reader.GetString() is { Length: 10 } text && DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
    }

    /// <summary>Whether the token under the reader is a string that <see cref="ReadGuid"/> reads (see <see cref="IsDateToken"/>).</summary>
    /// <param name="reader">The reader, on the value (a copy: it is not moved).</param>
    /// <returns>True for a UUID in its hyphenated form.</returns>
    public static bool IsGuidToken(Utf8JsonReader reader)
        => reader.TokenType == JsonTokenType.String && reader.GetString() is { Length: 36 } text && Guid.TryParseExact(text, "D", out _);

    /// <summary>Reads a UUID.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static Guid ReadGuid(ref Utf8JsonReader reader)
    {
        var text = ReadString(ref reader);
        if (text.Length == 36 && Guid.TryParseExact(text, "D", out var value))
        {
            return value;
        }

        throw new FactSchemaJsonException($"'{Shorten(text)}' is not a UUID", reader.TokenStartIndex);
    }

    /// <summary>Reads any JSON value, kept exactly. Every string in it must be valid Unicode, so that it can be written back.</summary>
    /// <param name="reader">The reader, on the value's first token.</param>
    /// <returns>An element that owns a copy of the value.</returns>
    public static JsonElement ReadElement(ref Utf8JsonReader reader)
    {
        var start = reader.TokenStartIndex;
        var element = JsonElement.ParseValue(ref reader);
        if (!IsValidUnicode(element))
        {
            throw new FactSchemaJsonException("the value holds a string that is not valid Unicode (invalid UTF-8 or an unpaired surrogate escape)", start);
        }

        return element;
    }

    private static bool IsValidUnicode(JsonElement element)
    {
        try
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    _ = element.GetString();
                    return true;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                    {
                        if (!IsValidUnicode(item))
                        {
                            return false;
                        }
                    }

                    return true;
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        _ = property.Name;
                        if (!IsValidUnicode(property.Value))
                        {
                            return false;
                        }
                    }

                    return true;
                default:
                    return true;
            }
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>An error for a token of the wrong kind.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="expected">What was expected, for example "a string".</param>
    /// <returns>The error to throw.</returns>
    public static FactSchemaJsonException UnexpectedToken(ref Utf8JsonReader reader, string expected)
        => new($"expected {expected}, found {Describe(ref reader)}", reader.TokenStartIndex);

    /// <summary>An error for a property that appears twice in one object (rejected: the safe choice).</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="name">The property name.</param>
    /// <returns>The error to throw.</returns>
    public static FactSchemaJsonException DuplicateProperty(ref Utf8JsonReader reader, string name)
        => new($"the property '{Shorten(name)}' appears more than once in the object", reader.TokenStartIndex);

    /// <summary>An error for a property the schema does not allow.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="name">The property name.</param>
    /// <returns>The error to throw.</returns>
    public static FactSchemaJsonException UnknownProperty(ref Utf8JsonReader reader, string name)
        => new($"the property '{Shorten(name)}' is not allowed here (the schema sets additionalProperties to false)", reader.TokenStartIndex);

    /// <summary>
    /// Reads a property the type does not declare (used by generated readers that keep such properties): its name, then
    /// its value, kept exactly, into <paramref name="extra"/> (created on first use). A second property of the same name
    /// is refused; any error names the property in its path.
    /// </summary>
    /// <param name="reader">A reader on the property name; left on the value's last token.</param>
    /// <param name="extra">The properties kept so far, or null before the first.</param>
    /// <exception cref="FactSchemaJsonException">The name or value is malformed, or the name appears twice.</exception>
    public static void ReadUnknownProperty(ref Utf8JsonReader reader, ref System.Collections.Generic.Dictionary<string, JsonElement>? extra)
    {
        var name = GetString(ref reader);
        try
        {
            extra ??= new System.Collections.Generic.Dictionary<string, JsonElement>(StringComparer.Ordinal);
            if (extra.ContainsKey(name))
            {
                throw DuplicateProperty(ref reader, name);
            }

            Read(ref reader);
            extra.Add(name, ReadElement(ref reader));
        }
        catch (JsonException ex)
        {
            throw FactSchemaJsonException.Nest(ex, name);
        }
    }

    /// <summary>The error for a property the schema does not allow, at the property (used by generated readers).</summary>
    /// <param name="reader">A reader on the property name.</param>
    /// <returns>The error to throw.</returns>
    /// <exception cref="FactSchemaJsonException">The name itself is malformed.</exception>
    public static FactSchemaJsonException RejectUnknownProperty(ref Utf8JsonReader reader)
    {
        var name = GetString(ref reader);
        return FactSchemaJsonException.Nest(UnknownProperty(ref reader, name), name);
    }

    /// <summary>An error naming the required properties that are missing.</summary>
    /// <param name="reader">The reader, on the object's end.</param>
    /// <param name="names">The JSON names of the object's properties.</param>
    /// <param name="offset">The index of the first property the masks describe.</param>
    /// <param name="seen">Which properties were present.</param>
    /// <param name="required">Which properties are required.</param>
    /// <returns>The error to throw.</returns>
    public static FactSchemaJsonException MissingProperties(ref Utf8JsonReader reader, string[] names, int offset, ulong seen, ulong required)
    {
        var missing = new StringBuilder();
        var count = 0;
        for (var bit = 0; bit < 64 && offset + bit < names.Length; bit++)
        {
            var mask = 1UL << bit;
            if ((required & mask) != 0 && (seen & mask) == 0)
            {
                missing.Append(count == 0 ? "'" : ", '").Append(names[offset + bit]).Append('\'');
                count++;
            }
        }

        return new FactSchemaJsonException(
            count == 1 ? $"the required property {missing} is missing" : $"the required properties {missing} are missing",
            reader.TokenStartIndex);
    }

    /// <summary>An error for a value that differs from the schema's <c>const</c>.</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="expectedJson">The constant, as JSON.</param>
    /// <returns>The error to throw.</returns>
    public static FactSchemaJsonException ConstMismatch(ref Utf8JsonReader reader, string expectedJson)
        => new($"expected the constant {expectedJson}, found {Describe(ref reader)}", reader.TokenStartIndex);

    /// <summary>The index of a string among an enum's exact spellings (ordinal), or -1 (for generated <c>TryParse</c>).</summary>
    /// <param name="spellings">The enum's JSON strings, in member order.</param>
    /// <param name="json">The string to find; null is never found.</param>
    /// <returns>The index, or -1.</returns>
    public static int IndexOfSpelling(string[] spellings, string? json)
    {
        if (spellings is null)
        {
            throw new ArgumentNullException(nameof(spellings));
        }

        // string's default equality is ordinal.
        return json is null ? -1 : Array.IndexOf(spellings, json);
    }

    /// <summary>An error for a string that is not one of the enum's values.</summary>
    /// <param name="reader">The reader, on the string.</param>
    /// <param name="allowed">The allowed values.</param>
    /// <returns>The error to throw.</returns>
    public static FactSchemaJsonException NotInEnum(ref Utf8JsonReader reader, string[] allowed)
    {
        var list = new StringBuilder();
        for (var i = 0; i < allowed.Length && i < 12; i++)
        {
            list.Append(i == 0 ? "'" : ", '").Append(allowed[i]).Append('\'');
        }

        if (allowed.Length > 12)
        {
            list.Append(", ...");
        }

        return new FactSchemaJsonException($"'{Shorten(GetString(ref reader))}' is not one of {list}", reader.TokenStartIndex);
    }

    /// <summary>
    /// Finds a property of the object the reader is on, wherever it appears, without moving the reader
    /// (a union's discriminator need not come first). The first occurrence wins; the object's own reader
    /// rejects a second one later.
    /// </summary>
    /// <param name="reader">A reader on the object's start (a copy is used).</param>
    /// <param name="utf8Name">The property name, UTF-8 encoded.</param>
    /// <param name="value">A reader on the property's value, when found.</param>
    /// <returns>True when the object has the property.</returns>
    public static bool TryFindProperty(Utf8JsonReader reader, ReadOnlySpan<byte> utf8Name, out Utf8JsonReader value)
    {
        while (true)
        {
            Read(ref reader);
            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                value = default;
                return false;
            }

            var match = TextEquals(ref reader, utf8Name);
            Read(ref reader);
            if (match)
            {
                value = reader;
                return true;
            }

            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip())
            {
                ThrowIncomplete(ref reader);
            }
        }
    }

    /// <summary>Whether the current string or property name equals <paramref name="utf8Text"/>, failing clearly on text that is not valid Unicode.</summary>
    /// <param name="reader">The reader, on a string or property name.</param>
    /// <param name="utf8Text">The text to compare with, UTF-8 encoded.</param>
    /// <returns>True when equal.</returns>
    public static bool TextEquals(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8Text)
    {
        try
        {
            return reader.ValueTextEquals(utf8Text);
        }
        catch (InvalidOperationException ex)
        {
            // An escaped unpaired surrogate ("\ud800") has no UTF-8 form.
            throw new FactSchemaJsonException("the string is not valid UTF-8", reader.TokenStartIndex, ex);
        }
    }

    /// <summary>An error for an object whose discriminator property is absent.</summary>
    /// <param name="reader">The reader, on the object's start.</param>
    /// <param name="name">The discriminator's JSON name.</param>
    /// <param name="typeName">The union type, for the message.</param>
    /// <returns>The error to throw.</returns>
    public static FactSchemaJsonException MissingDiscriminator(ref Utf8JsonReader reader, string name, string typeName)
        => new($"the discriminator property '{name}' is missing, so no {typeName} variant can be chosen", reader.TokenStartIndex);

    /// <summary>An error for a discriminator value that names no variant.</summary>
    /// <param name="reader">The reader, on the discriminator's value.</param>
    /// <param name="typeName">The union type, for the message.</param>
    /// <param name="allowed">The known discriminator values.</param>
    /// <returns>The error to throw.</returns>
    public static FactSchemaJsonException UnknownDiscriminator(ref Utf8JsonReader reader, string typeName, string[] allowed)
        => new($"{Describe(ref reader)} is not a known {typeName} discriminator; expected one of {List(allowed)}", reader.TokenStartIndex);

    /// <summary>An error for a value that matches none of a union's variants.</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="typeName">The union type.</param>
    /// <param name="variants">The variant names.</param>
    /// <returns>The error to throw.</returns>
    public static FactSchemaJsonException NoMatchingVariant(ref Utf8JsonReader reader, string typeName, string[] variants)
        => new($"{Describe(ref reader)} matches none of the {typeName} variants ({List(variants)})", reader.TokenStartIndex);

    /// <summary>An error for a <c>oneOf</c> value that matches more than one variant.</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="typeName">The union type.</param>
    /// <param name="first">One matching variant.</param>
    /// <param name="second">Another matching variant.</param>
    /// <returns>The error to throw.</returns>
    public static FactSchemaJsonException AmbiguousVariant(ref Utf8JsonReader reader, string typeName, string first, string second)
        => new($"{Describe(ref reader)} matches both the {first} and the {second} variant of {typeName}, but oneOf allows exactly one", reader.TokenStartIndex);

    /// <summary>An error for a tuple (<c>prefixItems</c>) with the wrong number of items.</summary>
    /// <param name="reader">The reader, on the first extra item or the array's end.</param>
    /// <param name="expected">The number of positions.</param>
    /// <returns>The error to throw.</returns>
    public static FactSchemaJsonException WrongItemCount(ref Utf8JsonReader reader, int expected)
        => new($"expected an array of exactly {expected} items", reader.TokenStartIndex);

    private static string List(string[] items)
    {
        var list = new StringBuilder();
        for (var i = 0; i < items.Length && i < 12; i++)
        {
            list.Append(i == 0 ? "'" : ", '").Append(items[i]).Append('\'');
        }

        if (items.Length > 12)
        {
            list.Append(", ...");
        }

        return list.ToString();
    }

    /// <summary>UTF-8 bytes of a string.</summary>
    /// <param name="json">The text.</param>
    /// <returns>The bytes.</returns>
    public static byte[] ToUtf8(string json) => Encoding.UTF8.GetBytes(json ?? throw new ArgumentNullException(nameof(json)));

    private static string Describe(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "the string '" + Shorten(SafeString(ref reader)) + "'",
        JsonTokenType.Number => "the number " + Raw(ref reader),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Null => "null",
        JsonTokenType.EndObject => "the end of an object",
        JsonTokenType.EndArray => "the end of an array",
        JsonTokenType.PropertyName => "a property name",
        _ => "nothing",
    };

    private static string SafeString(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString() ?? string.Empty;
        }
        catch (InvalidOperationException)
        {
            return "(invalid UTF-8)";
        }
    }

    private static string Raw(ref Utf8JsonReader reader)
    {
        var bytes = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray();
        return Shorten(Encoding.UTF8.GetString(bytes));
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text.Substring(0, 77) + "...";
}
