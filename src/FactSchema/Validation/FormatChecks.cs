using System;

namespace FactSchema.Validation;

/// <summary>
/// Checks for the JSON Schema draft 2020-12 <c>format</c> values. Each check says whether a string is in its
/// format; none of them throws, and the common ASCII cases allocate nothing.
/// </summary>
internal static partial class FormatChecks
{
    /// <summary>Whether <paramref name="format"/> is one of the formats checked here.</summary>
    /// <param name="format">A format name, for example "date-time".</param>
    /// <returns>True when known.</returns>
    public static bool IsKnown(string format)
    {
        switch (format)
        {
            case "date":
            case "date-time":
            case "time":
            case "duration":
            case "email":
            case "idn-email":
            case "hostname":
            case "idn-hostname":
            case "ipv4":
            case "ipv6":
            case "uri":
            case "uri-reference":
            case "iri":
            case "iri-reference":
            case "uri-template":
            case "uuid":
            case "json-pointer":
            case "relative-json-pointer":
            case "regex":
                return true;
            default:
                return false;
        }
    }

    /// <summary>Checks a value against a format by name.</summary>
    /// <param name="format">The format name, for example "date-time".</param>
    /// <param name="value">The string value.</param>
    /// <param name="valid">Whether the value is in the format; true for unknown formats.</param>
    /// <returns>False when the format is unknown.</returns>
    public static bool TryCheck(string format, ReadOnlySpan<char> value, out bool valid)
    {
        switch (format)
        {
            case "date":
                valid = IsDate(value);
                return true;
            case "date-time":
                valid = IsDateTime(value);
                return true;
            case "time":
                valid = IsTime(value);
                return true;
            case "duration":
                valid = IsDuration(value);
                return true;
            case "email":
                valid = IsEmail(value);
                return true;
            case "idn-email":
                valid = IsIdnEmail(value);
                return true;
            case "hostname":
                valid = IsHostname(value);
                return true;
            case "idn-hostname":
                valid = IsIdnHostname(value);
                return true;
            case "ipv4":
                valid = IsIpv4(value);
                return true;
            case "ipv6":
                valid = IsIpv6(value);
                return true;
            case "uri":
                valid = IsUri(value);
                return true;
            case "uri-reference":
                valid = IsUriReference(value);
                return true;
            case "iri":
                valid = IsIri(value);
                return true;
            case "iri-reference":
                valid = IsIriReference(value);
                return true;
            case "uri-template":
                valid = IsUriTemplate(value);
                return true;
            case "uuid":
                valid = IsUuid(value);
                return true;
            case "json-pointer":
                valid = IsJsonPointer(value);
                return true;
            case "relative-json-pointer":
                valid = IsRelativeJsonPointer(value);
                return true;
            case "regex":
                valid = IsRegex(value);
                return true;
            default:
                valid = true;
                return false;
        }
    }

    private static bool IsAsciiDigit(char c) => c >= '0' && c <= '9';

    private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

    private static bool IsAsciiHexDigit(char c) => IsAsciiDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');

    private static bool TryDigits(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        if (start + count > s.Length)
        {
            return false;
        }

        for (var i = start; i < start + count; i++)
        {
            var c = s[i];
            if (!IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    private static bool IsAscii(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (c >= 0x80)
            {
                return false;
            }
        }

        return true;
    }

    private static int Utf8Length(ReadOnlySpan<char> s)
    {
        var length = 0;
        foreach (var c in s)
        {
            length += c < 0x80 ? 1 : c < 0x800 ? 2 : char.IsSurrogate(c) ? 2 : 3;
        }

        return length;
    }

    /// <summary>Reads one non-ASCII code point (a surrogate pair or a BMP character), failing on a lone surrogate.</summary>
    private static bool TryReadCodePoint(ReadOnlySpan<char> s, ref int i, out int codePoint)
    {
        var c = s[i];
        if (char.IsHighSurrogate(c))
        {
            if (i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                codePoint = char.ConvertToUtf32(c, s[i + 1]);
                i += 2;
                return true;
            }

            codePoint = 0;
            return false;
        }

        if (char.IsLowSurrogate(c))
        {
            codePoint = 0;
            return false;
        }

        codePoint = c;
        i++;
        return true;
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
