using System;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace FactSchema.Validation;

/// <summary>
/// Checks for the JSON Schema draft 2020-12 <c>format</c> values. Each check says whether a string is in its
/// format; none of them throws, and the common ASCII cases allocate nothing.
/// </summary>
internal static class FormatChecks
{
    private const int MaxDomainLength = 253;
    private const int MaxLabelLength = 63;
    private const int MaxLocalPartOctets = 64;

    // Characters allowed in the parts of a URI (RFC 3986), as flags.
    private const int UriUnreserved = 1;
    private const int UriSubDelim = 2;
    private const int UriColon = 4;
    private const int UriAt = 8;
    private const int UriSlash = 16;
    private const int UriQuestion = 32;
    private const int UriPchar = UriUnreserved | UriSubDelim | UriColon | UriAt;
    private const int UriPath = UriPchar | UriSlash;
    private const int UriQuery = UriPchar | UriSlash | UriQuestion;
    private const int UriUserInfo = UriUnreserved | UriSubDelim | UriColon;
    private const int UriRegName = UriUnreserved | UriSubDelim;

    // Punycode (RFC 3492) parameters.
    private const int PunyBase = 36;
    private const int PunyTMin = 1;
    private const int PunyTMax = 26;
    private const int PunySkew = 38;
    private const int PunyDamp = 700;
    private const int PunyInitialBias = 72;
    private const int PunyInitialN = 128;

    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    // Code points with Canonical_Combining_Class = Virama (RFC 5892 appendix A.1 and A.2).
    private static readonly int[] Viramas =
    {
        0x094D, 0x09CD, 0x0A4D, 0x0ACD, 0x0B4D, 0x0BCD, 0x0C4D, 0x0CCD, 0x0D3B, 0x0D3C, 0x0D4D, 0x0DCA, 0x0E3A,
        0x0EBA, 0x0F84, 0x1039, 0x103A, 0x1714, 0x1715, 0x1734, 0x17D2, 0x1A60, 0x1B44, 0x1BAA, 0x1BAB, 0x1BF2,
        0x1BF3, 0x2D7F, 0xA806, 0xA82C, 0xA8C4, 0xA953, 0xA9C0, 0xAAF6, 0xABED, 0x10A3F, 0x11046, 0x11070,
        0x1107F, 0x110B9, 0x11133, 0x11134, 0x111C0, 0x11235, 0x112EA, 0x1134D, 0x11442, 0x114C2, 0x115BF,
        0x1163F, 0x116B6, 0x1172B, 0x11839, 0x1193D, 0x1193E, 0x119E0, 0x11A34, 0x11A47, 0x11A99, 0x11C3F,
        0x11D44, 0x11D45, 0x11D97,
    };

    // Bidi_Class R (RFC 5893), as inclusive ranges; marks and digits are classified before these are consulted.
    private static readonly int[] RightToLeftRanges =
    {
        0x05BE, 0x05BE, 0x05C0, 0x05C0, 0x05C3, 0x05C3, 0x05C6, 0x05C6, 0x05D0, 0x05F4, 0x07C0, 0x07EA, 0x07F4, 0x07F5,
        0x07FA, 0x07FA, 0x07FE, 0x0815, 0x081A, 0x081A, 0x0824, 0x0824, 0x0828, 0x0828, 0x0830, 0x0858, 0x085E, 0x085E,
        0x200F, 0x200F, 0xFB1D, 0xFB1D, 0xFB1F, 0xFB28, 0xFB2A, 0xFB4F, 0x10800, 0x1091B, 0x10920, 0x10A00,
        0x10A10, 0x10A35, 0x10A40, 0x10AE4, 0x10AEB, 0x10B35, 0x10B40, 0x10CFF, 0x10E80, 0x10EA9, 0x10EAD, 0x10F27,
        0x10F70, 0x10F81, 0x10F86, 0x10FF6, 0x1E800, 0x1E8CF, 0x1E900, 0x1E943, 0x1E94B, 0x1E95F,
    };

    // Bidi_Class AL, as inclusive ranges.
    private static readonly int[] ArabicLetterRanges =
    {
        0x0608, 0x0608, 0x060B, 0x060B, 0x060D, 0x060D, 0x061B, 0x064A, 0x066D, 0x066F, 0x0671, 0x06D5, 0x06E5, 0x06E6,
        0x06EE, 0x06EF, 0x06FA, 0x0710, 0x0712, 0x072F, 0x074D, 0x07A5, 0x07B1, 0x07B1, 0x0860, 0x088E, 0x08A0, 0x08C9,
        0xFB50, 0xFD3D, 0xFD50, 0xFDC7, 0xFDF0, 0xFDFC, 0xFE70, 0xFEFC, 0x10D00, 0x10D23, 0x10F30, 0x10F45,
        0x10F51, 0x10F59, 0x1EC71, 0x1EEBB,
    };

    // Bidi_Class AN, as inclusive ranges.
    private static readonly int[] ArabicNumberRanges =
    {
        0x0600, 0x0605, 0x0660, 0x0669, 0x066B, 0x066C, 0x06DD, 0x06DD, 0x0890, 0x0891, 0x08E2, 0x08E2, 0x10D30, 0x10D39,
        0x10E60, 0x10E7E,
    };

    // Joining_Type R (Arabic, Syriac and Arabic Extended), as inclusive ranges: enough for the ZERO WIDTH NON-JOINER rule.
    private static readonly int[] RightJoiningRanges =
    {
        0x0622, 0x0625, 0x0627, 0x0627, 0x0629, 0x0629, 0x062F, 0x0632, 0x0648, 0x0648, 0x0671, 0x0673, 0x0675, 0x0677,
        0x0688, 0x0699, 0x06C0, 0x06C0, 0x06C3, 0x06CB, 0x06CD, 0x06CD, 0x06CF, 0x06CF, 0x06D2, 0x06D3, 0x06D5, 0x06D5,
        0x06EE, 0x06EF, 0x0710, 0x0710, 0x0715, 0x0719, 0x071E, 0x071E, 0x0728, 0x0728, 0x072A, 0x072A, 0x072C, 0x072C,
        0x072F, 0x072F, 0x074D, 0x074D, 0x0759, 0x075B, 0x076B, 0x076C, 0x0771, 0x0771, 0x0773, 0x0774, 0x0778, 0x0779,
        0x08AA, 0x08AC, 0x08AE, 0x08AE, 0x08B1, 0x08B2, 0x08B9, 0x08B9,
    };

    // Joining_Type D, as inclusive ranges.
    private static readonly int[] DualJoiningRanges =
    {
        0x0620, 0x0620, 0x0626, 0x0626, 0x0628, 0x0628, 0x062A, 0x062E, 0x0633, 0x063F, 0x0641, 0x0647, 0x0649, 0x064A,
        0x066E, 0x066F, 0x0678, 0x0687, 0x069A, 0x06BF, 0x06C1, 0x06C2, 0x06CC, 0x06CC, 0x06CE, 0x06CE, 0x06D0, 0x06D1,
        0x06FA, 0x06FC, 0x06FF, 0x06FF, 0x0712, 0x0714, 0x071A, 0x071D, 0x071F, 0x0727, 0x0729, 0x0729, 0x072B, 0x072B,
        0x072D, 0x072E, 0x074E, 0x0758, 0x075C, 0x076A, 0x076D, 0x0770, 0x0772, 0x0772, 0x0775, 0x0777, 0x077A, 0x077F,
        0x07CA, 0x07EA, 0x08A0, 0x08A9, 0x08AF, 0x08B0, 0x08B3, 0x08B8, 0x08BA, 0x08C8, 0x1807, 0x1807, 0x180A, 0x180A,
        0x1820, 0x1878, 0x1887, 0x18A8, 0x18AA, 0x18AA, 0xA840, 0xA871,
    };

    private enum IdnaProperty
    {
        Pvalid,
        ContextJ,
        ContextO,
        Disallowed,
    }

    private enum BidiClass
    {
        L,
        R,
        AL,
        AN,
        EN,
        NSM,
        Neutral,
    }

    private enum JoiningType
    {
        U,
        T,
        L,
        R,
        D,
    }

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

    /// <summary>RFC 3339 full-date, for example 2020-02-29.</summary>
    /// <param name="value">The value.</param>
    /// <returns>True when valid.</returns>
    public static bool IsDate(ReadOnlySpan<char> value) => value.Length == 10 && IsFullDate(value);

    /// <summary>RFC 3339 date-time, for example 1985-04-12T23:20:50.52Z.</summary>
    /// <param name="value">The value.</param>
    /// <returns>True when valid.</returns>
    public static bool IsDateTime(ReadOnlySpan<char> value)
    {
        return value.Length > 11
            && IsFullDate(value)
            && (value[10] == 'T' || value[10] == 't')
            && IsFullTime(value.Slice(11));
    }

    /// <summary>RFC 3339 full-time (with its offset), for example 23:20:50.52Z.</summary>
    /// <param name="value">The value.</param>
    /// <returns>True when valid.</returns>
    public static bool IsTime(ReadOnlySpan<char> value) => IsFullTime(value);

    /// <summary>ISO 8601 duration as in RFC 3339 appendix A, for example P4DT12H30M5S or P2W.</summary>
    /// <param name="value">The value.</param>
    /// <returns>True when valid.</returns>
    public static bool IsDuration(ReadOnlySpan<char> value)
    {
        if (value.Length < 2 || value[0] != 'P')
        {
            return false;
        }

        var i = 1;
        var lastRank = -1;
        var any = false;
        while (i < value.Length && value[i] != 'T')
        {
            if (!TryReadDurationUnit(value, ref i, out var unit))
            {
                return false;
            }

            var rank = unit switch
            {
                'Y' => 0,
                'M' => 1,
                'D' => 2,
                'W' => 3,
                _ => -1,
            };
            if (rank < 0)
            {
                return false;
            }

            if (rank == 3)
            {
                // Weeks stand alone.
                return !any && i == value.Length;
            }

            if (lastRank >= 0 && rank != lastRank + 1)
            {
                return false;
            }

            lastRank = rank;
            any = true;
        }

        if (i == value.Length)
        {
            return any;
        }

        i++;
        lastRank = -1;
        any = false;
        while (i < value.Length)
        {
            if (!TryReadDurationUnit(value, ref i, out var unit))
            {
                return false;
            }

            var rank = unit switch
            {
                'H' => 0,
                'M' => 1,
                'S' => 2,
                _ => -1,
            };
            if (rank < 0 || (lastRank >= 0 && rank != lastRank + 1))
            {
                return false;
            }

            lastRank = rank;
            any = true;
        }

        return any;
    }

    /// <summary>RFC 5321 mailbox: a dot-atom or quoted local part, then a hostname or an address literal.</summary>
    /// <param name="value">The value.</param>
    /// <returns>True when valid.</returns>
    public static bool IsEmail(ReadOnlySpan<char> value) => IsMailbox(value, unicode: false);

    /// <summary>RFC 6531 mailbox: as <see cref="IsEmail"/>, but allowing non-ASCII characters and IDN domains.</summary>
    /// <param name="value">The value.</param>
    /// <returns>True when valid.</returns>
    public static bool IsIdnEmail(ReadOnlySpan<char> value) => IsMailbox(value, unicode: true);

    /// <summary>
    /// RFC 1123 host name: dot-separated labels of 1 to 63 letters, digits and hyphens, not starting or ending with a
    /// hyphen, at most 253 characters, no trailing dot. Labels starting with "xn--" must be valid IDNA2008 A-labels.
    /// </summary>
    /// <param name="value">The value.</param>
    /// <returns>True when valid.</returns>
    public static bool IsHostname(ReadOnlySpan<char> value) => IsDomain(value, unicode: false);

    /// <summary>
    /// Internationalized host name (RFC 5890): as <see cref="IsHostname"/>, but labels may be U-labels, checked against
    /// the IDNA2008 rules (RFC 5892 derived properties and contextual rules, RFC 5893 Bidi rule) approximately.
    /// </summary>
    /// <param name="value">The value.</param>
    /// <returns>True when valid.</returns>
    public static bool IsIdnHostname(ReadOnlySpan<char> value) => IsDomain(value, unicode: true);

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

    /// <summary>RFC 3986 URI: a scheme, then a hierarchical part, query and fragment of allowed characters.</summary>
    /// <param name="value">The value.</param>
    /// <returns>True when valid.</returns>
    public static bool IsUri(ReadOnlySpan<char> value) => IsUriCore(value, iri: false, relativeAllowed: false);

    /// <summary>RFC 3986 URI-reference: a URI or a relative reference (including the empty string).</summary>
    /// <param name="value">The value.</param>
    /// <returns>True when valid.</returns>
    public static bool IsUriReference(ReadOnlySpan<char> value) => IsUriCore(value, iri: false, relativeAllowed: true);

    /// <summary>RFC 3987 IRI: as <see cref="IsUri"/>, but allowing non-ASCII characters.</summary>
    /// <param name="value">The value.</param>
    /// <returns>True when valid.</returns>
    public static bool IsIri(ReadOnlySpan<char> value) => IsUriCore(value, iri: true, relativeAllowed: false);

    /// <summary>RFC 3987 IRI-reference: an IRI or a relative reference, allowing non-ASCII characters.</summary>
    /// <param name="value">The value.</param>
    /// <returns>True when valid.</returns>
    public static bool IsIriReference(ReadOnlySpan<char> value) => IsUriCore(value, iri: true, relativeAllowed: true);

    /// <summary>RFC 6570 URI template: literals and well-formed <c>{...}</c> expressions.</summary>
    /// <param name="value">The value.</param>
    /// <returns>True when valid.</returns>
    public static bool IsUriTemplate(ReadOnlySpan<char> value)
    {
        var i = 0;
        while (i < value.Length)
        {
            var c = value[i];
            if (c == '{')
            {
                var close = value.Slice(i + 1).IndexOf('}');
                if (close < 0 || !IsUriTemplateExpression(value.Slice(i + 1, close)))
                {
                    return false;
                }

                i += close + 2;
                continue;
            }

            if (c == '%')
            {
                if (!IsPercentEncoded(value, i))
                {
                    return false;
                }

                i += 3;
                continue;
            }

            if (c < 0x80)
            {
                if (!IsUriTemplateLiteral(c))
                {
                    return false;
                }

                i++;
                continue;
            }

            if (!TryReadCodePoint(value, ref i, out var codePoint) || !(IsUcsChar(codePoint) || IsIPrivate(codePoint)))
            {
                return false;
            }
        }

        return true;
    }

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

    /// <summary>
    /// ECMA-262 regular expression, approximately: ECMA-only and non-ECMA syntax is checked here, then the pattern,
    /// translated to .NET syntax, must compile.
    /// </summary>
    /// <param name="value">The value.</param>
    /// <returns>True when valid.</returns>
    public static bool IsRegex(ReadOnlySpan<char> value)
    {
        var translated = TranslateEcmaScriptPattern(value);
        if (translated is null)
        {
            return false;
        }

        try
        {
            _ = new Regex(translated, RegexOptions.CultureInvariant, RegexTimeout);
            return true;
        }
        catch (ArgumentException)
        {
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

    private static bool IsFullDate(ReadOnlySpan<char> s)
    {
        if (!TryDigits(s, 0, 4, out var year) || s[4] != '-' || !TryDigits(s, 5, 2, out var month) || s[7] != '-' || !TryDigits(s, 8, 2, out var day))
        {
            return false;
        }

        return month >= 1 && month <= 12 && day >= 1 && day <= DaysInMonth(year, month);
    }

    private static int DaysInMonth(int year, int month) => month switch
    {
        2 => (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28,
        4 or 6 or 9 or 11 => 30,
        _ => 31,
    };

    private static bool IsFullTime(ReadOnlySpan<char> s)
    {
        if (s.Length < 9
            || !TryDigits(s, 0, 2, out var hour)
            || s[2] != ':'
            || !TryDigits(s, 3, 2, out var minute)
            || s[5] != ':'
            || !TryDigits(s, 6, 2, out var second)
            || hour > 23
            || minute > 59
            || second > 60)
        {
            return false;
        }

        var i = 8;
        if (s[i] == '.')
        {
            i++;
            var start = i;
            while (i < s.Length && IsAsciiDigit(s[i]))
            {
                i++;
            }

            if (i == start || i == s.Length)
            {
                return false;
            }
        }

        int offset;
        var sign = s[i];
        if (sign == 'Z' || sign == 'z')
        {
            if (i + 1 != s.Length)
            {
                return false;
            }

            offset = 0;
        }
        else if (sign == '+' || sign == '-')
        {
            if (s.Length - i != 6
                || !TryDigits(s, i + 1, 2, out var offsetHour)
                || s[i + 3] != ':'
                || !TryDigits(s, i + 4, 2, out var offsetMinute)
                || offsetHour > 23
                || offsetMinute > 59)
            {
                return false;
            }

            offset = ((offsetHour * 60) + offsetMinute) * (sign == '-' ? -1 : 1);
        }
        else
        {
            return false;
        }

        if (second == 60)
        {
            // A leap second is only ever the last second of a UTC day.
            var utc = ((((hour * 60) + minute - offset) % 1440) + 1440) % 1440;
            return utc == (23 * 60) + 59;
        }

        return true;
    }

    private static bool TryReadDurationUnit(ReadOnlySpan<char> s, ref int i, out char unit)
    {
        var start = i;
        while (i < s.Length && IsAsciiDigit(s[i]))
        {
            i++;
        }

        if (i == start || i == s.Length)
        {
            unit = '\0';
            return false;
        }

        unit = s[i++];
        return true;
    }

    private static bool IsMailbox(ReadOnlySpan<char> value, bool unicode)
    {
        if (value.Length == 0)
        {
            return false;
        }

        int at;
        if (value[0] == '"')
        {
            var i = 1;
            while (true)
            {
                if (i >= value.Length)
                {
                    return false;
                }

                var c = value[i];
                if (c == '"')
                {
                    break;
                }

                if (c == '\\')
                {
                    // quoted-pairSMTP: a backslash and any printable character.
                    i++;
                    if (i >= value.Length)
                    {
                        return false;
                    }

                    c = value[i];
                    if (c < 0x80 ? c < 32 || c > 126 : !unicode || !TryReadCodePoint(value, ref i, out _))
                    {
                        return false;
                    }

                    if (c < 0x80)
                    {
                        i++;
                    }

                    continue;
                }

                if (c < 0x80)
                {
                    // qtextSMTP: printable ASCII except '"' and '\'.
                    if (c < 32 || c > 126)
                    {
                        return false;
                    }

                    i++;
                }
                else if (!unicode || !TryReadCodePoint(value, ref i, out _))
                {
                    return false;
                }
            }

            at = i + 1;
            if (at >= value.Length || value[at] != '@')
            {
                return false;
            }
        }
        else
        {
            var i = 0;
            var previousDot = true;
            while (true)
            {
                if (i >= value.Length)
                {
                    return false;
                }

                var c = value[i];
                if (c == '@')
                {
                    break;
                }

                if (c == '.')
                {
                    if (previousDot)
                    {
                        return false;
                    }

                    previousDot = true;
                    i++;
                    continue;
                }

                previousDot = false;
                if (c < 0x80)
                {
                    if (!IsAtext(c))
                    {
                        return false;
                    }

                    i++;
                }
                else if (!unicode || !TryReadCodePoint(value, ref i, out _))
                {
                    return false;
                }
            }

            if (i == 0 || previousDot)
            {
                return false;
            }

            at = i;
        }

        if (Utf8Length(value.Slice(0, at)) > MaxLocalPartOctets)
        {
            return false;
        }

        var domain = value.Slice(at + 1);
        if (domain.Length > 2 && domain[0] == '[' && domain[domain.Length - 1] == ']')
        {
            var literal = domain.Slice(1, domain.Length - 2);
            if (literal.Length > 5 && literal.Slice(0, 5).Equals("IPv6:".AsSpan(), StringComparison.OrdinalIgnoreCase))
            {
                return IsIpv6(literal.Slice(5));
            }

            return IsIpv4(literal);
        }

        if (unicode && !IsAscii(domain))
        {
            // An internationalized domain is looked up in Normalization Form C (RFC 5891 section 5.2).
            string normalized;
            try
            {
                normalized = domain.ToString().Normalize(NormalizationForm.FormC);
            }
            catch (ArgumentException)
            {
                return false;
            }
            catch (PlatformNotSupportedException)
            {
                normalized = domain.ToString();
            }

            return IsDomain(normalized.AsSpan(), unicode);
        }

        return IsDomain(domain, unicode);
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

    private static bool IsAtext(char c)
    {
        if (IsAsciiLetter(c) || IsAsciiDigit(c))
        {
            return true;
        }

        switch (c)
        {
            case '!':
            case '#':
            case '$':
            case '%':
            case '&':
            case '\'':
            case '*':
            case '+':
            case '-':
            case '/':
            case '=':
            case '?':
            case '^':
            case '_':
            case '`':
            case '{':
            case '|':
            case '}':
            case '~':
                return true;
            default:
                return false;
        }
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

    private static bool IsDomainSeparator(char c, bool unicode) => c == '.' || (unicode && (c == '\u3002' || c == '\uFF0E' || c == '\uFF61'));

    private static bool IsDomain(ReadOnlySpan<char> value, bool unicode)
    {
        if (value.Length == 0)
        {
            return false;
        }

        var total = -1;
        var bidi = false;
        var start = 0;
        for (var i = 0; i <= value.Length; i++)
        {
            if (i < value.Length && !IsDomainSeparator(value[i], unicode))
            {
                continue;
            }

            if (!IsLabel(value.Slice(start, i - start), unicode, out var asciiLength, out var rightToLeft))
            {
                return false;
            }

            total += asciiLength + 1;
            bidi |= rightToLeft;
            start = i + 1;
        }

        if (total > MaxDomainLength)
        {
            return false;
        }

        if (bidi)
        {
            // RFC 5893: once any label is right-to-left, every label must satisfy the Bidi rule.
            start = 0;
            for (var i = 0; i <= value.Length; i++)
            {
                if (i < value.Length && !IsDomainSeparator(value[i], unicode))
                {
                    continue;
                }

                var codePoints = ToULabel(value.Slice(start, i - start));
                if (codePoints is null || !SatisfiesBidiRule(codePoints))
                {
                    return false;
                }

                start = i + 1;
            }
        }

        return true;
    }

    private static bool IsLabel(ReadOnlySpan<char> label, bool unicode, out int asciiLength, out bool rightToLeft)
    {
        asciiLength = label.Length;
        rightToLeft = false;
        if (label.Length == 0)
        {
            return false;
        }

        if (IsAscii(label))
        {
            if (label.Length > MaxLabelLength || label[0] == '-' || label[label.Length - 1] == '-')
            {
                return false;
            }

            foreach (var c in label)
            {
                if (!IsAsciiLetter(c) && !IsAsciiDigit(c) && c != '-')
                {
                    return false;
                }
            }

            if (!IsALabelPrefix(label))
            {
                return true;
            }

            // An A-label: valid Punycode, in canonical form, for a valid U-label that is not all ASCII.
            var decoded = PunycodeDecode(label.Slice(4));
            if (decoded is null || IsAllAscii(decoded))
            {
                return false;
            }

            var encoded = PunycodeEncode(decoded);
            if (encoded is null || !label.Slice(4).Equals(encoded.AsSpan(), StringComparison.OrdinalIgnoreCase) || !IsULabel(decoded) || !IsNfc(decoded))
            {
                return false;
            }

            rightToLeft = HasRightToLeft(decoded);
            return true;
        }

        if (!unicode)
        {
            return false;
        }

        var codePoints = ToCodePoints(label);
        if (codePoints is null || !IsULabel(codePoints) || !IsNfc(codePoints))
        {
            return false;
        }

        var punycode = PunycodeEncode(codePoints);
        if (punycode is null)
        {
            return false;
        }

        asciiLength = punycode.Length + 4;
        rightToLeft = HasRightToLeft(codePoints);
        return asciiLength <= MaxLabelLength;
    }

    private static bool IsALabelPrefix(ReadOnlySpan<char> label)
    {
        return label.Length >= 4 && (label[0] | 0x20) == 'x' && (label[1] | 0x20) == 'n' && label[2] == '-' && label[3] == '-';
    }

    /// <summary>A label's code points, decoding an A-label; null when invalid.</summary>
    private static int[]? ToULabel(ReadOnlySpan<char> label) => IsALabelPrefix(label) ? PunycodeDecode(label.Slice(4)) : ToCodePoints(label);

    private static int[]? ToCodePoints(ReadOnlySpan<char> s)
    {
        var result = new int[s.Length];
        var count = 0;
        var i = 0;
        while (i < s.Length)
        {
            if (!TryReadCodePoint(s, ref i, out var codePoint))
            {
                return null;
            }

            result[count++] = codePoint;
        }

        Array.Resize(ref result, count);
        return result;
    }

    /// <summary>Whether a U-label is in Normalization Form C (RFC 5891 section 5.4).</summary>
    private static bool IsNfc(int[] codePoints)
    {
        var builder = new StringBuilder(codePoints.Length);
        foreach (var codePoint in codePoints)
        {
            builder.Append(char.ConvertFromUtf32(codePoint));
        }

        try
        {
            return builder.ToString().IsNormalized(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (PlatformNotSupportedException)
        {
            return true;
        }
    }

    private static bool IsAllAscii(int[] codePoints)
    {
        foreach (var codePoint in codePoints)
        {
            if (codePoint >= 0x80)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>RFC 5891 section 5.4 U-label checks, with RFC 5892 derived properties approximated from .NET Unicode data.</summary>
    private static bool IsULabel(int[] label)
    {
        var last = label.Length - 1;
        if (last < 0 || label[0] == '-' || label[last] == '-' || (label.Length >= 4 && label[2] == '-' && label[3] == '-'))
        {
            return false;
        }

        var first = GetCategory(label[0]);
        if (first == UnicodeCategory.NonSpacingMark || first == UnicodeCategory.SpacingCombiningMark || first == UnicodeCategory.EnclosingMark)
        {
            return false;
        }

        for (var i = 0; i < label.Length; i++)
        {
            switch (GetIdnaProperty(label[i]))
            {
                case IdnaProperty.Pvalid:
                    break;
                case IdnaProperty.ContextJ:
                    if (!IsContextJAllowed(label, i))
                    {
                        return false;
                    }

                    break;
                case IdnaProperty.ContextO:
                    if (!IsContextOAllowed(label, i))
                    {
                        return false;
                    }

                    break;
                default:
                    return false;
            }
        }

        return true;
    }

    private static UnicodeCategory GetCategory(int codePoint)
    {
        if (codePoint < 0x10000)
        {
            return CharUnicodeInfo.GetUnicodeCategory((char)codePoint);
        }

#if NETSTANDARD2_0
        return CharUnicodeInfo.GetUnicodeCategory(char.ConvertFromUtf32(codePoint), 0);
#else
        return CharUnicodeInfo.GetUnicodeCategory(codePoint);
#endif
    }

    private static IdnaProperty GetIdnaProperty(int cp)
    {
        // RFC 5892 section 2.6 exceptions, then 2.7 (BackwardCompatible is empty) and the derivation of section 3.
        switch (cp)
        {
            case 0x00DF:
            case 0x03C2:
            case 0x06FD:
            case 0x06FE:
            case 0x0F0B:
            case 0x3007:
                return IdnaProperty.Pvalid;
            case 0x00B7:
            case 0x0375:
            case 0x05F3:
            case 0x05F4:
            case 0x30FB:
                return IdnaProperty.ContextO;
            case 0x0640:
            case 0x07FA:
            case 0x302E:
            case 0x302F:
            case 0x3031:
            case 0x3032:
            case 0x3033:
            case 0x3034:
            case 0x3035:
            case 0x303B:
                return IdnaProperty.Disallowed;
            case 0x200C:
            case 0x200D:
                return IdnaProperty.ContextJ;
        }

        if ((cp >= 0x0660 && cp <= 0x0669) || (cp >= 0x06F0 && cp <= 0x06F9))
        {
            return IdnaProperty.ContextO;
        }

        if (cp < 0x80)
        {
            // LDH; upper-case ASCII is accepted as its lower-case form.
            var c = (char)cp;
            return IsAsciiLetter(c) || IsAsciiDigit(c) || c == '-' ? IdnaProperty.Pvalid : IdnaProperty.Disallowed;
        }

        if (IsIgnorableOrOldHangulJamo(cp))
        {
            return IdnaProperty.Disallowed;
        }

        switch (GetCategory(cp))
        {
            case UnicodeCategory.LowercaseLetter:
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.OtherLetter:
            case UnicodeCategory.DecimalDigitNumber:
            case UnicodeCategory.ModifierLetter:
            case UnicodeCategory.NonSpacingMark:
            case UnicodeCategory.SpacingCombiningMark:
                return IsStable(cp) ? IdnaProperty.Pvalid : IdnaProperty.Disallowed;
            default:
                return IdnaProperty.Disallowed;
        }
    }

    private static bool IsIgnorableOrOldHangulJamo(int cp)
    {
        return cp == 0x034F
            || (cp >= 0x1100 && cp <= 0x11FF)
            || cp == 0x17B4
            || cp == 0x17B5
            || (cp >= 0x180B && cp <= 0x180F)
            || (cp >= 0x20D0 && cp <= 0x20FF)
            || cp == 0x3164
            || (cp >= 0xA960 && cp <= 0xA97F)
            || (cp >= 0xD7B0 && cp <= 0xD7FF)
            || (cp >= 0xFE00 && cp <= 0xFE0F)
            || cp == 0xFFA0
            || (cp >= 0x1D100 && cp <= 0x1D24F)
            || (cp >= 0xE0000 && cp <= 0xE0FFF);
    }

    /// <summary>RFC 5892 "Unstable": the code point must survive NFKC, case folding and NFKC unchanged.</summary>
    private static bool IsStable(int cp)
    {
        // Where case folding differs from lower-casing: Cherokee folds to upper case, and Greek letters with
        // ypogegrammeni fold to two letters.
        if (cp >= 0x13A0 && cp <= 0x13F5)
        {
            return true;
        }

        if (cp == 0x0130
            || (cp >= 0x13F8 && cp <= 0x13FD)
            || (cp >= 0xAB70 && cp <= 0xABBF)
            || (cp >= 0x1F80 && cp <= 0x1FAF)
            || (cp >= 0x1FB2 && cp <= 0x1FB4)
            || cp == 0x1FB7
            || (cp >= 0x1FC2 && cp <= 0x1FC4)
            || cp == 0x1FC7
            || (cp >= 0x1FF2 && cp <= 0x1FF4)
            || cp == 0x1FF7)
        {
            return false;
        }

        var text = char.ConvertFromUtf32(cp);
        try
        {
            var folded = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant().Normalize(NormalizationForm.FormKC);
            return string.Equals(folded, text, StringComparison.Ordinal);
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (PlatformNotSupportedException)
        {
            // No normalization data (globalization-invariant mode): cannot tell, so do not reject.
            return true;
        }
    }

    private static bool IsContextJAllowed(int[] label, int i)
    {
        // RFC 5892 appendix A.1 and A.2: after a virama, or (ZWNJ only) between joining letters.
        if (i > 0 && Array.BinarySearch(Viramas, label[i - 1]) >= 0)
        {
            return true;
        }

        if (label[i] != 0x200C)
        {
            return false;
        }

        var j = i - 1;
        while (j >= 0 && GetJoiningType(label[j]) == JoiningType.T)
        {
            j--;
        }

        if (j < 0)
        {
            return false;
        }

        var before = GetJoiningType(label[j]);
        if (before != JoiningType.L && before != JoiningType.D)
        {
            return false;
        }

        j = i + 1;
        while (j < label.Length && GetJoiningType(label[j]) == JoiningType.T)
        {
            j++;
        }

        if (j == label.Length)
        {
            return false;
        }

        var after = GetJoiningType(label[j]);
        return after == JoiningType.R || after == JoiningType.D;
    }

    private static JoiningType GetJoiningType(int cp)
    {
        if (cp == 0x200C || cp == 0x200D)
        {
            return JoiningType.U;
        }

        if (InRanges(DualJoiningRanges, cp))
        {
            return JoiningType.D;
        }

        if (InRanges(RightJoiningRanges, cp))
        {
            return JoiningType.R;
        }

        if (cp == 0xA872)
        {
            return JoiningType.L;
        }

        var category = GetCategory(cp);
        return category == UnicodeCategory.NonSpacingMark || category == UnicodeCategory.EnclosingMark || category == UnicodeCategory.Format
            ? JoiningType.T
            : JoiningType.U;
    }

    private static bool IsContextOAllowed(int[] label, int i)
    {
        // RFC 5892 appendix A.3 to A.9.
        var cp = label[i];
        switch (cp)
        {
            case 0x00B7:
                return i > 0 && i < label.Length - 1 && label[i - 1] == 'l' && label[i + 1] == 'l';
            case 0x0375:
                return i < label.Length - 1 && IsGreek(label[i + 1]);
            case 0x05F3:
            case 0x05F4:
                return i > 0 && IsHebrew(label[i - 1]);
            case 0x30FB:
                foreach (var other in label)
                {
                    if (other != 0x30FB && IsHiraganaKatakanaOrHan(other))
                    {
                        return true;
                    }
                }

                return false;
        }

        var arabicIndic = cp <= 0x0669;
        foreach (var other in label)
        {
            if (arabicIndic ? other >= 0x06F0 && other <= 0x06F9 : other >= 0x0660 && other <= 0x0669)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsGreek(int cp)
    {
        return (cp >= 0x0370 && cp <= 0x0373)
            || (cp >= 0x0375 && cp <= 0x0377)
            || (cp >= 0x037A && cp <= 0x037D)
            || cp == 0x037F
            || cp == 0x0384
            || cp == 0x0386
            || (cp >= 0x0388 && cp <= 0x03E1)
            || (cp >= 0x03F0 && cp <= 0x03FF)
            || (cp >= 0x1D26 && cp <= 0x1D2A)
            || (cp >= 0x1F00 && cp <= 0x1FFE)
            || cp == 0x2126
            || cp == 0xAB65
            || (cp >= 0x10140 && cp <= 0x1018E)
            || (cp >= 0x1D200 && cp <= 0x1D245);
    }

    private static bool IsHebrew(int cp) => (cp >= 0x0591 && cp <= 0x05F4) || (cp >= 0xFB1D && cp <= 0xFB4F);

    private static bool IsHiraganaKatakanaOrHan(int cp)
    {
        return (cp >= 0x2E80 && cp <= 0x2FDF)
            || cp == 0x3005
            || cp == 0x3007
            || (cp >= 0x3021 && cp <= 0x3029)
            || (cp >= 0x3038 && cp <= 0x303B)
            || (cp >= 0x3041 && cp <= 0x30FF)
            || (cp >= 0x31F0 && cp <= 0x31FF)
            || (cp >= 0x32D0 && cp <= 0x32FE)
            || (cp >= 0x3300 && cp <= 0x3357)
            || (cp >= 0x3400 && cp <= 0x4DBF)
            || (cp >= 0x4E00 && cp <= 0x9FFF)
            || (cp >= 0xF900 && cp <= 0xFAFF)
            || (cp >= 0xFF66 && cp <= 0xFF9D)
            || (cp >= 0x1AFF0 && cp <= 0x1B16F)
            || cp == 0x1F200
            || (cp >= 0x20000 && cp <= 0x3FFFF);
    }

    private static bool InRanges(int[] ranges, int cp)
    {
        for (var i = 0; i < ranges.Length; i += 2)
        {
            if (cp < ranges[i])
            {
                return false;
            }

            if (cp <= ranges[i + 1])
            {
                return true;
            }
        }

        return false;
    }

    private static BidiClass GetBidiClass(int cp)
    {
        if ((cp >= '0' && cp <= '9') || (cp >= 0x06F0 && cp <= 0x06F9))
        {
            return BidiClass.EN;
        }

        if (InRanges(ArabicNumberRanges, cp))
        {
            return BidiClass.AN;
        }

        var category = GetCategory(cp);
        if (category == UnicodeCategory.NonSpacingMark || category == UnicodeCategory.EnclosingMark)
        {
            return BidiClass.NSM;
        }

        if (InRanges(RightToLeftRanges, cp))
        {
            return BidiClass.R;
        }

        if (InRanges(ArabicLetterRanges, cp))
        {
            return BidiClass.AL;
        }

        switch (category)
        {
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.LowercaseLetter:
            case UnicodeCategory.TitlecaseLetter:
            case UnicodeCategory.ModifierLetter:
            case UnicodeCategory.OtherLetter:
            case UnicodeCategory.SpacingCombiningMark:
            case UnicodeCategory.DecimalDigitNumber:
            case UnicodeCategory.LetterNumber:
                return BidiClass.L;
            default:
                return BidiClass.Neutral;
        }
    }

    private static bool HasRightToLeft(int[] label)
    {
        foreach (var cp in label)
        {
            var bidi = GetBidiClass(cp);
            if (bidi == BidiClass.R || bidi == BidiClass.AL || bidi == BidiClass.AN)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>RFC 5893 section 2, conditions 1 to 6.</summary>
    private static bool SatisfiesBidiRule(int[] label)
    {
        if (label.Length == 0)
        {
            return false;
        }

        var first = GetBidiClass(label[0]);
        var rightToLeft = first == BidiClass.R || first == BidiClass.AL;
        if (!rightToLeft && first != BidiClass.L)
        {
            return false;
        }

        var hasEuropean = false;
        var hasArabic = false;
        var end = BidiClass.NSM;
        foreach (var cp in label)
        {
            var bidi = GetBidiClass(cp);
            if (rightToLeft ? bidi == BidiClass.L : bidi == BidiClass.R || bidi == BidiClass.AL || bidi == BidiClass.AN)
            {
                return false;
            }

            hasEuropean |= bidi == BidiClass.EN;
            hasArabic |= bidi == BidiClass.AN;
            if (bidi != BidiClass.NSM)
            {
                end = bidi;
            }
        }

        if (rightToLeft)
        {
            return !(hasEuropean && hasArabic)
                && (end == BidiClass.R || end == BidiClass.AL || end == BidiClass.EN || end == BidiClass.AN);
        }

        return end == BidiClass.L || end == BidiClass.EN;
    }

    private static int PunycodeDigitValue(char c)
    {
        if (c >= 'a' && c <= 'z')
        {
            return c - 'a';
        }

        if (c >= 'A' && c <= 'Z')
        {
            return c - 'A';
        }

        return IsAsciiDigit(c) ? c - '0' + 26 : -1;
    }

    private static char PunycodeDigit(int digit) => (char)(digit < 26 ? 'a' + digit : '0' + (digit - 26));

    private static int PunycodeAdapt(int delta, int points, bool first)
    {
        delta = first ? delta / PunyDamp : delta / 2;
        delta += delta / points;
        var k = 0;
        while (delta > ((PunyBase - PunyTMin) * PunyTMax) / 2)
        {
            delta /= PunyBase - PunyTMin;
            k += PunyBase;
        }

        return k + (((PunyBase - PunyTMin + 1) * delta) / (delta + PunySkew));
    }

    private static int PunycodeThreshold(int k, int bias) => k <= bias ? PunyTMin : k >= bias + PunyTMax ? PunyTMax : k - bias;

    /// <summary>RFC 3492 decoding; null when the input is not valid Punycode.</summary>
    private static int[]? PunycodeDecode(ReadOnlySpan<char> input)
    {
        var output = new int[input.Length];
        var count = 0;
        var basic = input.LastIndexOf('-');
        if (basic < 0)
        {
            basic = 0;
        }

        for (var j = 0; j < basic; j++)
        {
            if (input[j] >= 0x80)
            {
                return null;
            }

            output[count++] = input[j];
        }

        var position = basic > 0 ? basic + 1 : 0;
        var n = PunyInitialN;
        var i = 0;
        var bias = PunyInitialBias;
        while (position < input.Length)
        {
            var oldI = i;
            var w = 1;
            for (var k = PunyBase; ; k += PunyBase)
            {
                if (position >= input.Length)
                {
                    return null;
                }

                var digit = PunycodeDigitValue(input[position++]);
                if (digit < 0 || digit > (int.MaxValue - i) / w)
                {
                    return null;
                }

                i += digit * w;
                var t = PunycodeThreshold(k, bias);
                if (digit < t)
                {
                    break;
                }

                if (w > int.MaxValue / (PunyBase - t))
                {
                    return null;
                }

                w *= PunyBase - t;
            }

            bias = PunycodeAdapt(i - oldI, count + 1, oldI == 0);
            if (i / (count + 1) > int.MaxValue - n)
            {
                return null;
            }

            n += i / (count + 1);
            i %= count + 1;
            if (n < 0x80 || n > 0x10FFFF || (n >= 0xD800 && n <= 0xDFFF) || count == output.Length)
            {
                return null;
            }

            Array.Copy(output, i, output, i + 1, count - i);
            output[i++] = n;
            count++;
        }

        Array.Resize(ref output, count);
        return output;
    }

    /// <summary>RFC 3492 encoding (without the "xn--" prefix); null on overflow.</summary>
    private static string? PunycodeEncode(int[] input)
    {
        var builder = new StringBuilder(input.Length + 8);
        foreach (var cp in input)
        {
            if (cp < 0x80)
            {
                builder.Append((char)cp);
            }
        }

        var handled = builder.Length;
        var basic = handled;
        if (basic > 0)
        {
            builder.Append('-');
        }

        var n = PunyInitialN;
        var delta = 0;
        var bias = PunyInitialBias;
        while (handled < input.Length)
        {
            var m = int.MaxValue;
            foreach (var cp in input)
            {
                if (cp >= n && cp < m)
                {
                    m = cp;
                }
            }

            if (m - n > (int.MaxValue - delta) / (handled + 1))
            {
                return null;
            }

            delta += (m - n) * (handled + 1);
            n = m;
            foreach (var cp in input)
            {
                if (cp < n && ++delta == int.MaxValue)
                {
                    return null;
                }

                if (cp == n)
                {
                    var q = delta;
                    for (var k = PunyBase; ; k += PunyBase)
                    {
                        var t = PunycodeThreshold(k, bias);
                        if (q < t)
                        {
                            break;
                        }

                        builder.Append(PunycodeDigit(t + ((q - t) % (PunyBase - t))));
                        q = (q - t) / (PunyBase - t);
                    }

                    builder.Append(PunycodeDigit(q));
                    bias = PunycodeAdapt(delta, handled + 1, handled == basic);
                    delta = 0;
                    handled++;
                }
            }

            delta++;
            n++;
        }

        return builder.ToString();
    }

    private static bool IsPercentEncoded(ReadOnlySpan<char> s, int i)
    {
        return i + 2 < s.Length && IsAsciiHexDigit(s[i + 1]) && IsAsciiHexDigit(s[i + 2]);
    }

    private static int UriCharClass(char c)
    {
        if (IsAsciiLetter(c) || IsAsciiDigit(c))
        {
            return UriUnreserved;
        }

        switch (c)
        {
            case '-':
            case '.':
            case '_':
            case '~':
                return UriUnreserved;
            case '!':
            case '$':
            case '&':
            case '\'':
            case '(':
            case ')':
            case '*':
            case '+':
            case ',':
            case ';':
            case '=':
                return UriSubDelim;
            case ':':
                return UriColon;
            case '@':
                return UriAt;
            case '/':
                return UriSlash;
            case '?':
                return UriQuestion;
            default:
                return 0;
        }
    }

    /// <summary>RFC 3987 ucschar: the non-ASCII characters an IRI allows outside the query's private-use ones.</summary>
    private static bool IsUcsChar(int cp)
    {
        if (cp < 0x10000)
        {
            return (cp >= 0xA0 && cp <= 0xD7FF) || (cp >= 0xF900 && cp <= 0xFDCF) || (cp >= 0xFDF0 && cp <= 0xFFEF);
        }

        return (cp & 0xFFFF) <= 0xFFFD && (cp < 0xE0000 ? cp <= 0xDFFFF : cp >= 0xE1000 && cp <= 0xEFFFD);
    }

    private static bool IsIPrivate(int cp)
    {
        return (cp >= 0xE000 && cp <= 0xF8FF) || (cp >= 0xF0000 && cp <= 0xFFFFD) || (cp >= 0x100000 && cp <= 0x10FFFD);
    }

    /// <summary>Whether every character of a URI component is allowed (percent-escapes well-formed).</summary>
    private static bool IsUriComponent(ReadOnlySpan<char> s, int allowed, bool iri, bool privateUse)
    {
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (c == '%')
            {
                if (!IsPercentEncoded(s, i))
                {
                    return false;
                }

                i += 3;
            }
            else if (c < 0x80)
            {
                if ((UriCharClass(c) & allowed) == 0)
                {
                    return false;
                }

                i++;
            }
            else if (!iri || !TryReadCodePoint(s, ref i, out var cp) || !(IsUcsChar(cp) || (privateUse && IsIPrivate(cp))))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsUriCore(ReadOnlySpan<char> value, bool iri, bool relativeAllowed)
    {
        // scheme ":" ...; a scheme starts with a letter, then letters, digits, '+', '-', '.'.
        var schemeLength = -1;
        if (value.Length > 0 && IsAsciiLetter(value[0]))
        {
            var i = 1;
            while (i < value.Length && (IsAsciiLetter(value[i]) || IsAsciiDigit(value[i]) || value[i] == '+' || value[i] == '-' || value[i] == '.'))
            {
                i++;
            }

            if (i < value.Length && value[i] == ':')
            {
                schemeLength = i;
            }
        }

        if (schemeLength < 0 && !relativeAllowed)
        {
            return false;
        }

        var rest = schemeLength < 0 ? value : value.Slice(schemeLength + 1);
        var hash = rest.IndexOf('#');
        if (hash >= 0)
        {
            if (!IsUriComponent(rest.Slice(hash + 1), UriQuery, iri, privateUse: false))
            {
                return false;
            }

            rest = rest.Slice(0, hash);
        }

        var question = rest.IndexOf('?');
        if (question >= 0)
        {
            if (!IsUriComponent(rest.Slice(question + 1), UriQuery, iri, privateUse: true))
            {
                return false;
            }

            rest = rest.Slice(0, question);
        }

        if (rest.Length >= 2 && rest[0] == '/' && rest[1] == '/')
        {
            rest = rest.Slice(2);
            var slash = rest.IndexOf('/');
            var authority = slash < 0 ? rest : rest.Slice(0, slash);
            if (!IsAuthority(authority, iri))
            {
                return false;
            }

            rest = slash < 0 ? ReadOnlySpan<char>.Empty : rest.Slice(slash);
        }
        else if (schemeLength < 0)
        {
            // path-noscheme: the first segment of a relative path may not contain ':'.
            var slash = rest.IndexOf('/');
            if ((slash < 0 ? rest : rest.Slice(0, slash)).IndexOf(':') >= 0)
            {
                return false;
            }
        }

        return IsUriComponent(rest, UriPath, iri, privateUse: false);
    }

    private static bool IsAuthority(ReadOnlySpan<char> authority, bool iri)
    {
        var at = authority.IndexOf('@');
        if (at >= 0)
        {
            if (!IsUriComponent(authority.Slice(0, at), UriUserInfo, iri, privateUse: false))
            {
                return false;
            }

            authority = authority.Slice(at + 1);
        }

        ReadOnlySpan<char> port;
        if (authority.Length > 0 && authority[0] == '[')
        {
            var close = authority.IndexOf(']');
            if (close < 0 || !IsIpLiteral(authority.Slice(1, close - 1)))
            {
                return false;
            }

            port = authority.Slice(close + 1);
            if (port.Length > 0)
            {
                if (port[0] != ':')
                {
                    return false;
                }

                port = port.Slice(1);
            }
        }
        else
        {
            var colon = authority.IndexOf(':');
            var host = colon < 0 ? authority : authority.Slice(0, colon);
            if (!IsUriComponent(host, UriRegName, iri, privateUse: false))
            {
                return false;
            }

            port = colon < 0 ? ReadOnlySpan<char>.Empty : authority.Slice(colon + 1);
        }

        foreach (var c in port)
        {
            if (!IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsIpLiteral(ReadOnlySpan<char> literal)
    {
        if (literal.Length > 0 && (literal[0] == 'v' || literal[0] == 'V'))
        {
            // IPvFuture: "v" 1*HEXDIG "." 1*( unreserved / sub-delims / ":" )
            var dot = literal.IndexOf('.');
            if (dot < 2 || dot == literal.Length - 1)
            {
                return false;
            }

            foreach (var c in literal.Slice(1, dot - 1))
            {
                if (!IsAsciiHexDigit(c))
                {
                    return false;
                }
            }

            foreach (var c in literal.Slice(dot + 1))
            {
                if (c >= 0x80 || (UriCharClass(c) & UriUserInfo) == 0)
                {
                    return false;
                }
            }

            return true;
        }

        return IsIpv6(literal);
    }

    private static bool IsUriTemplateLiteral(char c)
    {
        // RFC 6570 literals, with the apostrophe (%x27) that errata 6937 adds.
        return c == 0x21
            || (c >= 0x23 && c <= 0x24)
            || (c >= 0x26 && c <= 0x3B)
            || c == 0x3D
            || (c >= 0x3F && c <= 0x5B)
            || c == 0x5D
            || c == 0x5F
            || (c >= 0x61 && c <= 0x7A)
            || c == 0x7E;
    }

    private static bool IsUriTemplateExpression(ReadOnlySpan<char> e)
    {
        if (e.Length == 0)
        {
            return false;
        }

        var i = 0;
        switch (e[0])
        {
            case '+':
            case '#':
            case '.':
            case '/':
            case ';':
            case '?':
            case '&':
                i = 1;
                break;
            case '=':
            case ',':
            case '!':
            case '@':
            case '|':
                // Reserved for future extensions.
                return false;
        }

        while (true)
        {
            // varname = varchar *( ["."] varchar ); varchar = ALPHA / DIGIT / "_" / pct-encoded
            var previousDot = true;
            var start = i;
            while (i < e.Length)
            {
                var c = e[i];
                if (c == '.')
                {
                    if (previousDot)
                    {
                        return false;
                    }

                    previousDot = true;
                    i++;
                }
                else if (c == '%')
                {
                    if (!IsPercentEncoded(e, i))
                    {
                        return false;
                    }

                    previousDot = false;
                    i += 3;
                }
                else if (IsAsciiLetter(c) || IsAsciiDigit(c) || c == '_')
                {
                    previousDot = false;
                    i++;
                }
                else
                {
                    break;
                }
            }

            if (i == start || previousDot)
            {
                return false;
            }

            if (i < e.Length && e[i] == ':')
            {
                // prefix: max-length = %x31-39 0*3DIGIT
                i++;
                var digits = i;
                if (i >= e.Length || e[i] < '1' || e[i] > '9')
                {
                    return false;
                }

                while (i < e.Length && IsAsciiDigit(e[i]))
                {
                    i++;
                }

                if (i - digits > 4)
                {
                    return false;
                }
            }
            else if (i < e.Length && e[i] == '*')
            {
                i++;
            }

            if (i == e.Length)
            {
                return true;
            }

            if (e[i] != ',')
            {
                return false;
            }

            i++;
        }
    }

    /// <summary>
    /// Checks ECMA-262 pattern syntax that .NET does not (identity escapes of letters, group kinds, empty classes)
    /// and returns the equivalent .NET pattern, or null when the pattern is not ECMA-262.
    /// </summary>
    private static string? TranslateEcmaScriptPattern(ReadOnlySpan<char> p)
    {
        var builder = new StringBuilder(p.Length + 16);
        var inClass = false;
        for (var i = 0; i < p.Length; i++)
        {
            var c = p[i];
            if (c == '\\')
            {
                if (!TranslateEcmaScriptEscape(p, ref i, inClass, builder))
                {
                    return null;
                }

                continue;
            }

            if (inClass)
            {
                if (c == ']')
                {
                    inClass = false;
                }

                // '[' is literal in an ECMA-262 class, but starts a subtraction in .NET.
                builder.Append(c == '[' ? "\\[" : c.ToString());
                continue;
            }

            switch (c)
            {
                case '[':
                    if (i + 1 < p.Length && p[i + 1] == ']')
                    {
                        // Matches nothing.
                        builder.Append("(?!)");
                        i++;
                    }
                    else if (i + 2 < p.Length && p[i + 1] == '^' && p[i + 2] == ']')
                    {
                        // Matches anything.
                        builder.Append("[\\s\\S]");
                        i += 2;
                    }
                    else
                    {
                        inClass = true;
                        builder.Append('[');
                        if (i + 1 < p.Length && p[i + 1] == '^')
                        {
                            builder.Append('^');
                            i++;
                        }
                    }

                    break;
                case '(':
                    if (i + 1 < p.Length && p[i + 1] == '?')
                    {
                        var length = EcmaScriptGroupPrefixLength(p.Slice(i));
                        if (length < 0)
                        {
                            return null;
                        }

                        builder.Append(p.Slice(i, length).ToString());
                        i += length - 1;
                    }
                    else
                    {
                        builder.Append('(');
                    }

                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return inClass ? null : builder.ToString();
    }

    /// <summary>The length of a "(?..." group opening that ECMA-262 allows, or -1.</summary>
    private static int EcmaScriptGroupPrefixLength(ReadOnlySpan<char> p)
    {
        if (p.Length < 3)
        {
            return -1;
        }

        switch (p[2])
        {
            case ':':
            case '=':
            case '!':
                return 3;
            case '<':
                if (p.Length > 3 && (p[3] == '=' || p[3] == '!'))
                {
                    return 4;
                }

                var nameLength = EcmaScriptGroupNameLength(p.Slice(3));
                return nameLength < 0 ? -1 : 3 + nameLength + 1;
        }

        // Modifiers (ES2025): (?ims-ims:...)
        var i = 2;
        var seen = 0;
        var any = false;
        var removing = false;
        while (i < p.Length)
        {
            var c = p[i];
            var flag = c switch
            {
                'i' => 1,
                'm' => 2,
                's' => 4,
                _ => 0,
            };
            if (flag != 0)
            {
                if ((seen & flag) != 0)
                {
                    return -1;
                }

                seen |= flag;
                any = true;
            }
            else if (c == '-' && !removing)
            {
                removing = true;
            }
            else if (c == ':')
            {
                return any ? i + 1 : -1;
            }
            else
            {
                return -1;
            }

            i++;
        }

        return -1;
    }

    /// <summary>The length of "name" in "name&gt;" (an ECMA-262 group name), or -1.</summary>
    private static int EcmaScriptGroupNameLength(ReadOnlySpan<char> p)
    {
        var close = p.IndexOf('>');
        if (close <= 0)
        {
            return -1;
        }

        for (var i = 0; i < close; i++)
        {
            var c = p[i];
            var ok = c < 0x80 ? IsAsciiLetter(c) || c == '_' || (i > 0 && IsAsciiDigit(c)) : char.IsLetterOrDigit(c);
            if (!ok)
            {
                return -1;
            }
        }

        return close;
    }

    private static bool TranslateEcmaScriptEscape(ReadOnlySpan<char> p, ref int i, bool inClass, StringBuilder builder)
    {
        if (i + 1 >= p.Length)
        {
            return false;
        }

        var e = p[++i];
        switch (e)
        {
            case 'd':
            case 'D':
            case 'w':
            case 'W':
            case 's':
            case 'S':
            case 'f':
            case 'n':
            case 'r':
            case 't':
            case 'v':
            case 'b':
                builder.Append('\\').Append(e);
                return true;
            case 'B':
                builder.Append("\\B");
                return !inClass;
            case 'c':
                if (i + 1 < p.Length && IsAsciiLetter(p[i + 1]))
                {
                    builder.Append("\\c").Append(p[++i]);
                    return true;
                }

                return false;
            case 'x':
                if (i + 2 < p.Length && IsAsciiHexDigit(p[i + 1]) && IsAsciiHexDigit(p[i + 2]))
                {
                    builder.Append("\\x").Append(p[i + 1]).Append(p[i + 2]);
                    i += 2;
                    return true;
                }

                return false;
            case 'u':
                return TranslateUnicodeEscape(p, ref i, inClass, builder);
            case 'p':
            case 'P':
                {
                    // \p{Name} or \p{Name=Value}; .NET names differ, so keep the shape with a property .NET knows.
                    if (i + 1 >= p.Length || p[i + 1] != '{')
                    {
                        return false;
                    }

                    var close = p.Slice(i + 2).IndexOf('}');
                    if (close <= 0)
                    {
                        return false;
                    }

                    foreach (var c in p.Slice(i + 2, close))
                    {
                        if (!IsAsciiLetter(c) && !IsAsciiDigit(c) && c != '_' && c != '=')
                        {
                            return false;
                        }
                    }

                    builder.Append('\\').Append(e).Append("{L}");
                    i += close + 2;
                    return true;
                }

            case 'k':
                {
                    if (inClass || i + 1 >= p.Length || p[i + 1] != '<')
                    {
                        return false;
                    }

                    var nameLength = EcmaScriptGroupNameLength(p.Slice(i + 2));
                    if (nameLength < 0)
                    {
                        return false;
                    }

                    builder.Append("\\k<").Append(p.Slice(i + 2, nameLength).ToString()).Append('>');
                    i += nameLength + 2;
                    return true;
                }

            case '0':
                if (i + 1 < p.Length && IsAsciiDigit(p[i + 1]))
                {
                    return false;
                }

                builder.Append("\\x00");
                return true;
        }

        if (e >= '1' && e <= '9')
        {
            // A back-reference.
            if (inClass)
            {
                return false;
            }

            var start = i;
            while (i + 1 < p.Length && IsAsciiDigit(p[i + 1]))
            {
                i++;
            }

            builder.Append("\\k<").Append(p.Slice(start, i - start + 1).ToString()).Append('>');
            return true;
        }

        if (IsAsciiLetter(e) || IsAsciiDigit(e) || e == '_')
        {
            // No other letter escapes exist in ECMA-262 (for example \a, \e, \A, \Z, \z are errors).
            return false;
        }

        if (char.IsHighSurrogate(e) || char.IsLowSurrogate(e))
        {
            return false;
        }

        // An identity escape of punctuation or a non-ASCII character.
        if (e < 0x80)
        {
            builder.Append('\\');
        }

        builder.Append(e);
        return true;
    }

    private static bool TranslateUnicodeEscape(ReadOnlySpan<char> p, ref int i, bool inClass, StringBuilder builder)
    {
        if (i + 1 < p.Length && p[i + 1] == '{')
        {
            // \u{X...}: a code point.
            var close = p.Slice(i + 2).IndexOf('}');
            if (close <= 0)
            {
                return false;
            }

            var cp = 0;
            foreach (var c in p.Slice(i + 2, close))
            {
                if (!IsAsciiHexDigit(c))
                {
                    return false;
                }

                cp = (cp * 16) + HexValue(c);
                if (cp > 0x10FFFF)
                {
                    return false;
                }
            }

            if (cp >= 0x10000)
            {
                // .NET matches UTF-16 code units: a supplementary code point is its surrogate pair.
                var text = char.ConvertFromUtf32(cp);
                builder.Append(inClass ? "\\u" : "(?:\\u").Append(((int)text[0]).ToString("X4", CultureInfo.InvariantCulture))
                    .Append("\\u").Append(((int)text[1]).ToString("X4", CultureInfo.InvariantCulture)).Append(inClass ? string.Empty : ")");
            }
            else
            {
                builder.Append("\\u").Append(cp.ToString("X4", CultureInfo.InvariantCulture));
            }

            i += close + 2;
            return true;
        }

        if (i + 4 < p.Length && IsAsciiHexDigit(p[i + 1]) && IsAsciiHexDigit(p[i + 2]) && IsAsciiHexDigit(p[i + 3]) && IsAsciiHexDigit(p[i + 4]))
        {
            builder.Append("\\u").Append(p.Slice(i + 1, 4).ToString());
            i += 4;
            return true;
        }

        return false;
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
