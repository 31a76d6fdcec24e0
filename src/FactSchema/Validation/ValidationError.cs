using System;

namespace FactSchema.Validation;

/// <summary>
/// One way a JSON value breaks its schema: where in the instance (<see cref="InstanceLocation"/>), which
/// schema keyword (<see cref="KeywordLocation"/>), and what is wrong in words (<see cref="Message"/>).
/// </summary>
public sealed class ValidationError
{
    /// <summary>Creates an error.</summary>
    /// <param name="instanceLocation">The JSON Pointer (RFC 6901) of the offending value; empty for the document itself.</param>
    /// <param name="keywordLocation">The absolute location of the failing keyword: the schema's URI or file, then a JSON Pointer fragment.</param>
    /// <param name="message">What is wrong, for a person.</param>
    public ValidationError(string instanceLocation, string keywordLocation, string message)
    {
        InstanceLocation = instanceLocation ?? throw new ArgumentNullException(nameof(instanceLocation));
        KeywordLocation = keywordLocation ?? throw new ArgumentNullException(nameof(keywordLocation));
        Message = message ?? throw new ArgumentNullException(nameof(message));
    }

    internal ValidationError(object[] segments, string keywordLocation, string message, long? bytePosition)
        : this(Pointer(segments), keywordLocation, message)
    {
        Segments = segments;
        BytePosition = bytePosition;
    }

    private ValidationError(ValidationError error, long? line, long? position)
        : this(error.InstanceLocation, error.KeywordLocation, error.Message)
    {
        Segments = error.Segments;
        BytePosition = error.BytePosition;
        LineNumber = line;
        BytePositionInLine = position;
    }

    internal object[]? Segments { get; }

    /// <summary>The offset in bytes of the offending value from the start of the document, when known.</summary>
    public long? BytePosition { get; }

    /// <summary>The 0-based line of the offending value, when known (as <see cref="System.Text.Json.JsonException.LineNumber"/>).</summary>
    public long? LineNumber { get; }

    /// <summary>The 0-based byte position of the offending value in its line, when known.</summary>
    public long? BytePositionInLine { get; }

    internal ValidationError WithLine(ReadOnlySpan<byte> document)
    {
        if (BytePosition is not { } offset || offset > document.Length)
        {
            return this;
        }

        var before = document.Slice(0, (int)offset);
        long line = 0;
        var lineStart = 0;
        for (var i = 0; i < before.Length; i++)
        {
            if (before[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new ValidationError(this, line, before.Length - lineStart);
    }

    internal System.Collections.Generic.List<object> SegmentsInnermostFirst()
    {
        var list = new System.Collections.Generic.List<object>(Segments ?? Array.Empty<object>());
        list.Reverse();
        return list;
    }

    private static string Pointer(object[] segments)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var segment in segments)
        {
            builder.Append('/');
            builder.Append(segment is int index ? index.ToString(System.Globalization.CultureInfo.InvariantCulture) : ((string)segment).Replace("~", "~0").Replace("/", "~1"));
        }

        return builder.ToString();
    }

    /// <summary>The JSON Pointer (RFC 6901) of the offending value, for example <c>/pledges/1/amount/currency</c>; empty for the document itself.</summary>
    public string InstanceLocation { get; }

    /// <summary>The absolute location of the failing keyword, for example <c>https://example.org/pledge.schema.json#/$defs/amount/properties/currency/pattern</c>.</summary>
    public string KeywordLocation { get; }

    /// <summary>The failing keyword: the last segment of <see cref="KeywordLocation"/>, for example <c>pattern</c>.</summary>
    public string Keyword
    {
        get
        {
            var slash = KeywordLocation.LastIndexOf('/');
            var hash = KeywordLocation.LastIndexOf('#');
            var start = Math.Max(slash, hash) + 1;
            return KeywordLocation.Substring(start).Replace("~1", "/").Replace("~0", "~");
        }
    }

    /// <summary>What is wrong, for a person, for example <c>'eur' does not match ^[A-Z]{3}$</c>.</summary>
    public string Message { get; }

    /// <summary>The location and the message: <c>/pledges/1/amount/currency: 'eur' does not match ^[A-Z]{3}$</c>.</summary>
    /// <returns>The error as one line.</returns>
    public override string ToString()
        => (InstanceLocation.Length == 0 ? "(document)" : InstanceLocation) + ": " + Message
        + (LineNumber is { } line && BytePositionInLine is { } position ? $" (line {line + 1}, position {position + 1})" : string.Empty);
}
