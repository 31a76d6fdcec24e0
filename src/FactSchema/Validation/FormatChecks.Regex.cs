using System;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace FactSchema.Validation;

// Format checks for regular expressions (ECMA-262 syntax, checked and translated to .NET).
internal static partial class FormatChecks
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

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
}
