using System;

namespace FactSchema.Validation;

// Format checks for UUIDs (RFC 4122) and JSON Pointers (RFC 6901, relative JSON Pointer draft).
internal static partial class FormatChecks
{
    /// <summary>RFC 4122 UUID text: 8-4-4-4-12 hexadecimal digits with hyphens.</summary>
    /// <param name="value">The value.</param>
    /// <returns>True when valid.</returns>
    public static bool IsUuid(ReadOnlySpan<char> value)
    {
        if (value.Length != 36)
        {
            return false;
        }

        for (var i = 0; i < value.Length; i++)
        {
            var hyphen = i == 8 || i == 13 || i == 18 || i == 23;
            if (hyphen ? value[i] != '-' : !IsAsciiHexDigit(value[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>RFC 6901 JSON Pointer: empty, or '/'-prefixed tokens where '~' is followed by 0 or 1.</summary>
    /// <param name="value">The value.</param>
    /// <returns>True when valid.</returns>
    public static bool IsJsonPointer(ReadOnlySpan<char> value)
    {
        if (value.Length == 0)
        {
            return true;
        }

        if (value[0] != '/')
        {
            return false;
        }

        for (var i = 1; i < value.Length; i++)
        {
            if (value[i] == '~')
            {
                if (i + 1 == value.Length || (value[i + 1] != '0' && value[i + 1] != '1'))
                {
                    return false;
                }

                i++;
            }
        }

        return true;
    }

    /// <summary>Relative JSON Pointer: a non-negative integer without leading zeros, then '#' or a JSON Pointer.</summary>
    /// <param name="value">The value.</param>
    /// <returns>True when valid.</returns>
    public static bool IsRelativeJsonPointer(ReadOnlySpan<char> value)
    {
        if (value.Length == 0 || !IsAsciiDigit(value[0]))
        {
            return false;
        }

        var i = 1;
        if (value[0] != '0')
        {
            while (i < value.Length && IsAsciiDigit(value[i]))
            {
                i++;
            }
        }

        if (i == value.Length)
        {
            return true;
        }

        if (value[i] == '#')
        {
            return i + 1 == value.Length;
        }

        return value[i] == '/' && IsJsonPointer(value.Slice(i));
    }
}
