using System;

namespace FactSchema.Validation;

// Format checks for IP addresses (RFC 2673 dotted quads, RFC 4291 IPv6).
internal static partial class FormatChecks
{
    /// <summary>Dotted-quad IPv4 address: four decimal parts of at most 255, without leading zeros.</summary>
    /// <param name="value">The value.</param>
    /// <returns>True when valid.</returns>
    public static bool IsIpv4(ReadOnlySpan<char> value)
    {
        var parts = 0;
        var i = 0;
        while (true)
        {
            var start = i;
            var number = 0;
            while (i < value.Length && IsAsciiDigit(value[i]))
            {
                number = (number * 10) + (value[i] - '0');
                i++;
                if (i - start > 3)
                {
                    return false;
                }
            }

            var length = i - start;
            if (length == 0 || number > 255 || (length > 1 && value[start] == '0'))
            {
                return false;
            }

            parts++;
            if (i == value.Length)
            {
                return parts == 4;
            }

            if (value[i] != '.' || parts == 4)
            {
                return false;
            }

            i++;
        }
    }

    /// <summary>RFC 4291 IPv6 address text, with "::" compression and an optional trailing IPv4 part; no zone id.</summary>
    /// <param name="value">The value.</param>
    /// <returns>True when valid.</returns>
    public static bool IsIpv6(ReadOnlySpan<char> value)
    {
        if (value.Length < 2)
        {
            return false;
        }

        var i = 0;
        var groups = 0;
        var compressed = false;
        if (value[0] == ':')
        {
            if (value[1] != ':')
            {
                return false;
            }

            compressed = true;
            i = 2;
            if (i == value.Length)
            {
                return true;
            }
        }

        while (true)
        {
            var start = i;
            while (i < value.Length && value[i] != ':')
            {
                i++;
            }

            var piece = value.Slice(start, i - start);
            if (piece.IndexOf('.') >= 0)
            {
                // An IPv4 part may only come last.
                if (i != value.Length || !IsIpv4(piece))
                {
                    return false;
                }

                groups += 2;
                break;
            }

            if (piece.Length == 0 || piece.Length > 4)
            {
                return false;
            }

            foreach (var c in piece)
            {
                if (!IsAsciiHexDigit(c))
                {
                    return false;
                }
            }

            groups++;
            if (groups > 8)
            {
                return false;
            }

            if (i == value.Length)
            {
                break;
            }

            i++;
            if (i < value.Length && value[i] == ':')
            {
                if (compressed)
                {
                    return false;
                }

                compressed = true;
                i++;
                if (i == value.Length)
                {
                    break;
                }
            }
            else if (i == value.Length)
            {
                return false;
            }
        }

        return compressed ? groups <= 7 : groups == 8;
    }
}
