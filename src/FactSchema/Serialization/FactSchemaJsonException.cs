using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace FactSchema.Serialization;

/// <summary>
/// A JSON document that is malformed or does not match its schema. The message names the JSON
/// Pointer of the offending value and, where known, its line and position:
/// <c>/pledges/1/amount/currency: expected a string, found a number (line 12, position 17)</c>.
/// </summary>
/// <remarks>
/// <see cref="JsonException.LineNumber"/> and <see cref="JsonException.BytePositionInLine"/> are 0-based, as
/// everywhere in System.Text.Json; the message shows them 1-based, as editors do.
/// </remarks>
public class FactSchemaJsonException : JsonException
{
    // Path segments from the innermost outwards: a string is a property name, a boxed int an array index.
    private readonly List<object> _segments;

    /// <summary>Creates an error about the value at the reader's current position.</summary>
    /// <param name="detail">What is wrong, in words a person understands.</param>
    /// <param name="bytePosition">The offset of the offending token from the start of the input, if known.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public FactSchemaJsonException(string detail, long? bytePosition = null, Exception? innerException = null)
        : base(detail, innerException)
    {
        Detail = detail;
        BytePosition = bytePosition;
        _segments = new List<object>();
    }

    private protected FactSchemaJsonException(string detail, long? bytePosition, List<object> segments, string? path, long? lineNumber, long? bytePositionInLine, Exception? innerException)
        : base(detail, path, lineNumber, bytePositionInLine, innerException)
    {
        Detail = detail;
        BytePosition = bytePosition;
        _segments = segments;
    }

    /// <summary>What is wrong, without the location.</summary>
    public string Detail { get; }

    /// <summary>The offset in bytes of the offending token from the start of the input, when known.</summary>
    public long? BytePosition { get; }

    /// <summary>The JSON Pointer (RFC 6901) of the offending value; empty for the document itself.</summary>
    public string InstanceLocation
    {
        get
        {
            var builder = new StringBuilder();
            for (var i = _segments.Count - 1; i >= 0; i--)
            {
                builder.Append('/');
                if (_segments[i] is int index)
                {
                    builder.Append(index.ToString(CultureInfo.InvariantCulture));
                }
                else
                {
                    builder.Append(((string)_segments[i]).Replace("~", "~0").Replace("/", "~1"));
                }
            }

            return builder.ToString();
        }
    }

    /// <inheritdoc/>
    public override string Message
    {
        get
        {
            var location = InstanceLocation;
            var message = (location.Length == 0 ? "(document)" : location) + ": " + Detail;
            if (LineNumber is { } line && BytePositionInLine is { } position)
            {
                message += string.Format(CultureInfo.InvariantCulture, " (line {0}, position {1})", line + 1, position + 1);
            }
            else if (BytePosition is { } offset)
            {
                message += string.Format(CultureInfo.InvariantCulture, " (byte {0})", offset);
            }

            return message;
        }
    }

    /// <summary>Adds the property that contains the failing value to the error's path (used by generated readers).</summary>
    /// <param name="exception">The error raised while reading the property's value.</param>
    /// <param name="propertyName">The property's JSON name, or null when no property was being read.</param>
    /// <returns>The error to throw.</returns>
    public static FactSchemaJsonException Nest(JsonException exception, string? propertyName)
    {
        var result = From(exception);
        if (propertyName is not null)
        {
            result._segments.Add(propertyName);
        }

        return result;
    }

    /// <summary>Adds the array index that contains the failing value to the error's path (used by generated readers).</summary>
    /// <param name="exception">The error raised while reading the item.</param>
    /// <param name="index">The item's index.</param>
    /// <returns>The error to throw.</returns>
    public static FactSchemaJsonException Nest(JsonException exception, int index)
    {
        var result = From(exception);
        result._segments.Add(index);
        return result;
    }

    /// <summary>Completes an error with the line and position it has in the whole document, and its path.</summary>
    /// <param name="exception">The error raised while reading the document.</param>
    /// <param name="utf8Json">The whole document.</param>
    /// <returns>The error to throw.</returns>
    public static FactSchemaJsonException ForDocument(JsonException exception, ReadOnlySpan<byte> utf8Json)
    {
        if (exception is FactSchema.Validation.FactSchemaValidationException validation)
        {
            return validation;
        }

        var error = From(exception);
        long? line = error.LineNumber;
        long? column = error.BytePositionInLine;
        if (line is null && error.BytePosition is { } offset && offset <= utf8Json.Length)
        {
            var before = utf8Json.Slice(0, (int)offset);
            var lines = 0;
            var lineStart = 0;
            for (var i = 0; i < before.Length; i++)
            {
                if (before[i] == (byte)'\n')
                {
                    lines++;
                    lineStart = i + 1;
                }
            }

            line = lines;
            column = before.Length - lineStart;
        }

        return new FactSchemaJsonException(error.Detail, error.BytePosition, error._segments, error.JsonPath(), line, column, error.InnerException);
    }

    private static FactSchemaJsonException From(JsonException exception)
    {
        if (exception is FactSchemaJsonException ours)
        {
            return ours;
        }

        // A syntax error from Utf8JsonReader: keep its text (without its own position suffix) and position.
        var detail = exception.Message;
        var cut = detail.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0)
        {
            detail = detail.Substring(0, cut).TrimEnd();
        }

        detail = "malformed JSON: " + detail;
        return new FactSchemaJsonException(detail, null, new List<object>(), null, exception.LineNumber, exception.BytePositionInLine, exception);
    }

    private protected string JsonPath()
    {
        var builder = new StringBuilder("$");
        for (var i = _segments.Count - 1; i >= 0; i--)
        {
            if (_segments[i] is int index)
            {
                builder.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
            else
            {
                builder.Append("['").Append(((string)_segments[i]).Replace("'", "\\'")).Append("']");
            }
        }

        return builder.ToString();
    }
}
