using System;
using System.Globalization;

namespace FactSchema.Serialization;

/// <summary>
/// A <c>format: date-time</c> value: the instant as a <see cref="DateTimeOffset"/>, and the exact text it was read
/// from, so that a document is written back as it came (<c>Z</c> or <c>+00:00</c>, <c>.000</c>, nanoseconds: a
/// <see cref="DateTimeOffset"/> keeps none of these). A value made from a <see cref="DateTimeOffset"/> is written as
/// System.Text.Json writes one.
/// </summary>
/// <remarks>
/// Reading never rejects a string the schema lets through: where <c>format</c> is only an annotation (the draft
/// 2020-12 default) a value such as <c>2018-12-14T10:00:00</c> (no offset) is kept as text, and
/// <see cref="TryGetDateTimeOffset"/> says it is not an RFC 3339 date-time. Equality is by text, as for the JSON
/// it stands for: <c>...T00:00:00Z</c> and <c>...T00:00:00+00:00</c> are the same instant but different data.
/// </remarks>
public readonly struct JsonDateTime : IEquatable<JsonDateTime>
{
    private readonly string? _text;
    private readonly DateTimeOffset _value;
    private readonly bool _parsed;

    /// <summary>A date-time made from an instant; written as System.Text.Json writes a <see cref="DateTimeOffset"/>.</summary>
    /// <param name="value">The instant with its offset.</param>
    public JsonDateTime(DateTimeOffset value)
    {
        _text = null;
        _value = value;
        _parsed = true;
    }

    private JsonDateTime(string text, DateTimeOffset value, bool parsed)
    {
        _text = text;
        _value = value;
        _parsed = parsed;
    }

    /// <summary>The date-time as read (any string: the text is kept exactly), parsed when it is an RFC 3339 date-time.</summary>
    /// <param name="text">The JSON string's value.</param>
    /// <returns>The value.</returns>
    public static JsonDateTime FromText(string text)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        var parsed = FactSchemaReader.TryParseDateTimeOffset(text, out var value);
        return new JsonDateTime(text, value, parsed);
    }

    /// <summary>The JSON text: as read, or the instant in System.Text.Json's form.</summary>
    public string Text => _text ?? _value.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    /// <summary>Whether the value was made from an instant (so its text is the writer's, not a document's).</summary>
    internal bool TextIsDefault => _text is null;

    /// <summary>Whether the text is an RFC 3339 date-time (with an offset), which <see cref="Value"/> then holds.</summary>
    public bool IsDateTimeOffset => _parsed || _text is null;

    /// <summary>The instant with its offset.</summary>
    /// <exception cref="FormatException">The text is not an RFC 3339 date-time (a document read with <c>format</c> as an annotation).</exception>
    public DateTimeOffset Value => IsDateTimeOffset ? _value : throw new FormatException($"'{_text}' is not an RFC 3339 date-time with an offset.");

    /// <summary>The instant, when the text is an RFC 3339 date-time.</summary>
    /// <param name="value">The instant, or the default.</param>
    /// <returns>True when there is one.</returns>
    public bool TryGetDateTimeOffset(out DateTimeOffset value)
    {
        value = IsDateTimeOffset ? _value : default;
        return IsDateTimeOffset;
    }

    /// <summary>A date-time made from an instant.</summary>
    /// <param name="value">The instant.</param>
    public static implicit operator JsonDateTime(DateTimeOffset value) => new(value);

    /// <summary>The instant (see <see cref="Value"/>).</summary>
    /// <param name="value">The date-time.</param>
    /// <exception cref="FormatException">The text is not an RFC 3339 date-time.</exception>
    public static explicit operator DateTimeOffset(JsonDateTime value) => value.Value;

    /// <summary>Equality by JSON text.</summary>
    /// <param name="other">The other value.</param>
    /// <returns>Whether both stand for the same JSON string.</returns>
    public bool Equals(JsonDateTime other) => string.Equals(Text, other.Text, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is JsonDateTime other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);

    /// <summary>The JSON text.</summary>
    /// <returns><see cref="Text"/>.</returns>
    public override string ToString() => Text;

    /// <summary>Equality by JSON text.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether both stand for the same JSON string.</returns>
    public static bool operator ==(JsonDateTime left, JsonDateTime right) => left.Equals(right);

    /// <summary>Inequality by JSON text.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether the values stand for different JSON strings.</returns>
    public static bool operator !=(JsonDateTime left, JsonDateTime right) => !left.Equals(right);
}
