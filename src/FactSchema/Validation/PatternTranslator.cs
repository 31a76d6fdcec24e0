using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace FactSchema.Validation;

/// <summary>
/// The one reader of ECMA-262 patterns (unicode mode): rewrites a JSON Schema pattern into a .NET pattern with the same
/// meaning where the two differ (ASCII-only <c>\d</c> and <c>\w</c>, end-only <c>$</c>, a literal <c>[</c> in a class,
/// the empty class <c>[]</c> and the full class <c>[^]</c>, <c>\u{…}</c> code points, long Unicode property names such as
/// <c>\p{Letter}</c>), and tells whether a text is an ECMA-262 pattern at all (the <c>regex</c> format). Compiled into
/// both the runtime and the generator, so that the build-time check, the run-time match and the format check read a
/// pattern the same way.
/// </summary>
internal static class PatternTranslator
{
    private static readonly Dictionary<string, string> s_categories = new(StringComparer.Ordinal)
    {
        ["Letter"] = "L", ["Cased_Letter"] = "L", ["Uppercase_Letter"] = "Lu", ["Lowercase_Letter"] = "Ll",
        ["Titlecase_Letter"] = "Lt", ["Modifier_Letter"] = "Lm", ["Other_Letter"] = "Lo",
        ["Mark"] = "M", ["Combining_Mark"] = "M", ["Nonspacing_Mark"] = "Mn", ["Spacing_Mark"] = "Mc", ["Enclosing_Mark"] = "Me",
        ["Number"] = "N", ["Decimal_Number"] = "Nd", ["digit"] = "Nd", ["Letter_Number"] = "Nl", ["Other_Number"] = "No",
        ["Punctuation"] = "P", ["punct"] = "P", ["Connector_Punctuation"] = "Pc", ["Dash_Punctuation"] = "Pd",
        ["Open_Punctuation"] = "Ps", ["Close_Punctuation"] = "Pe", ["Initial_Punctuation"] = "Pi",
        ["Final_Punctuation"] = "Pf", ["Other_Punctuation"] = "Po",
        ["Symbol"] = "S", ["Math_Symbol"] = "Sm", ["Currency_Symbol"] = "Sc", ["Modifier_Symbol"] = "Sk", ["Other_Symbol"] = "So",
        ["Separator"] = "Z", ["Space_Separator"] = "Zs", ["Line_Separator"] = "Zl", ["Paragraph_Separator"] = "Zp",
        ["Other"] = "C", ["Control"] = "Cc", ["cntrl"] = "Cc", ["Format"] = "Cf", ["Surrogate"] = "Cs",
        ["Private_Use"] = "Co", ["Unassigned"] = "Cn",
    };

    /// <summary>
    /// The .NET form of a schema's <c>pattern</c>. What ECMA-262 does not define (an unknown escape such as <c>\A</c>, a
    /// group kind of .NET's) is left as .NET reads it: a pattern .NET then cannot compile is reported by the generator.
    /// </summary>
    /// <param name="pattern">The pattern as written in the schema.</param>
    /// <returns>The pattern for <c>System.Text.RegularExpressions.Regex</c>.</returns>
    public static string Translate(string pattern) => Translate(pattern, strict: false)!;

    /// <summary>The .NET form of an ECMA-262 pattern, or null when <paramref name="pattern"/> is not one (the <c>regex</c> format).</summary>
    /// <param name="pattern">The text.</param>
    /// <returns>A pattern for <c>System.Text.RegularExpressions.Regex</c> that compiles where the text is a valid pattern, or null.</returns>
    public static string? TranslateStrict(string pattern) => Translate(pattern, strict: true);

    private static string? Translate(string p, bool strict)
    {
        var builder = new StringBuilder(p.Length + 16);
        var inClass = false;
        for (var i = 0; i < p.Length; i++)
        {
            var c = p[i];
            if (c == '\\')
            {
                if (!Escape(p, ref i, inClass, strict, builder))
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
                        // The empty class matches nothing.
                        builder.Append("(?!)");
                        i++;
                    }
                    else if (i + 2 < p.Length && p[i + 1] == '^' && p[i + 2] == ']')
                    {
                        // Its complement matches any character.
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
                case '(' when strict && i + 1 < p.Length && p[i + 1] == '?':
                    var length = GroupPrefixLength(p, i);
                    if (length < 0)
                    {
                        return null;
                    }

                    builder.Append(p, i, length);
                    i += length - 1;
                    break;
                case '$':
                    // ECMAScript's $ (without the m flag) matches only at the very end; .NET's $ also before a final
                    // newline, \z only at the end (and, unlike a lookahead, the non-backtracking engine supports it).
                    builder.Append("\\z");
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        // An unterminated class: not a pattern (.NET reports it too, for a schema's pattern).
        return inClass && strict ? null : builder.ToString();
    }

    /// <summary>
    /// Translates the escape at <paramref name="i"/> (a backslash) and moves <paramref name="i"/> to its last character;
    /// false when it is not ECMA-262 and <paramref name="strict"/> (otherwise such an escape is left for .NET to read).
    /// </summary>
    private static bool Escape(string p, ref int i, bool inClass, bool strict, StringBuilder builder)
    {
        if (i + 1 >= p.Length)
        {
            builder.Append('\\');
            return !strict;
        }

        var e = p[++i];
        switch (e)
        {
            case 'd':
                builder.Append(inClass ? "0-9" : "[0-9]");
                return true;
            case 'D' when !inClass:
                builder.Append("[^0-9]");
                return true;
            case 'w':
                builder.Append(inClass ? "a-zA-Z0-9_" : "[a-zA-Z0-9_]");
                return true;
            case 'W' when !inClass:
                builder.Append("[^a-zA-Z0-9_]");
                return true;
            case 'D':
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
                return !(strict && inClass);
            case 'c' when i + 1 < p.Length && IsAsciiLetter(p[i + 1]):
                builder.Append("\\c").Append(p[++i]);
                return true;
            case 'x' when i + 2 < p.Length && IsAsciiHexDigit(p[i + 1]) && IsAsciiHexDigit(p[i + 2]):
                builder.Append("\\x").Append(p[i + 1]).Append(p[i + 2]);
                i += 2;
                return true;
            case '0' when i + 1 >= p.Length || !IsAsciiDigit(p[i + 1]):
                builder.Append("\\x00");
                return true;
        }

        if ((e == 'u' && UnicodeEscape(p, ref i, inClass, builder)) || (e is 'p' or 'P' && PropertyEscape(p, ref i, e, strict, builder)))
        {
            return true;
        }

        if (e == 'k' && strict)
        {
            // A named back-reference (a schema's pattern leaves \k<name> as .NET reads it: the same).
            var nameLength = inClass || i + 1 >= p.Length || p[i + 1] != '<' ? -1 : GroupNameLength(p, i + 2);
            if (nameLength < 0)
            {
                return false;
            }

            builder.Append("\\k<").Append(p, i + 2, nameLength).Append('>');
            i += nameLength + 2;
            return true;
        }

        if (strict && e >= '1' && e <= '9')
        {
            // A back-reference (never in a class).
            if (inClass)
            {
                return false;
            }

            var start = i;
            while (i + 1 < p.Length && IsAsciiDigit(p[i + 1]))
            {
                i++;
            }

            builder.Append("\\k<").Append(p, start, i - start + 1).Append('>');
            return true;
        }

        if (IsAsciiLetter(e) || IsAsciiDigit(e) || e == '_' || char.IsSurrogate(e))
        {
            // No other letter or digit escape exists in ECMA-262 (\a, \e, \A, \Z, \z are errors there); .NET reads them.
            builder.Append('\\').Append(e);
            return !strict;
        }

        // An identity escape of punctuation, or of a non-ASCII character (which .NET would not take escaped).
        if (e < 0x80)
        {
            builder.Append('\\');
        }

        builder.Append(e);
        return true;
    }

    /// <summary>
    /// <c>\p{Name}</c>, <c>\p{Name=Value}</c>: for a schema's pattern, the long names .NET does not know become its short
    /// ones; a format check only needs the shape, so the property becomes one .NET knows. False when it is no such escape.
    /// </summary>
    private static bool PropertyEscape(string p, ref int i, char e, bool strict, StringBuilder builder)
    {
        var close = i + 1 < p.Length && p[i + 1] == '{' ? p.IndexOf('}', i + 2) : -1;
        if (close <= i + 2)
        {
            return false;
        }

        var name = p.Substring(i + 2, close - i - 2);
        if (strict)
        {
            foreach (var c in name)
            {
                if (!IsAsciiLetter(c) && !IsAsciiDigit(c) && c != '_' && c != '=')
                {
                    return false;
                }
            }

            name = "L";
        }
        else
        {
            var equals = name.IndexOf('=');
            if (equals >= 0 && name.Substring(0, equals) is "General_Category" or "gc")
            {
                name = name.Substring(equals + 1);
            }

            name = s_categories.TryGetValue(name, out var shortName) ? shortName : name;
        }

        builder.Append('\\').Append(e).Append('{').Append(name).Append('}');
        i = close;
        return true;
    }

    /// <summary><c>\uXXXX</c> and <c>\u{X…}</c> (a code point, as UTF-16 since .NET matches code units); false when it is neither.</summary>
    private static bool UnicodeEscape(string p, ref int i, bool inClass, StringBuilder builder)
    {
        if (i + 1 < p.Length && p[i + 1] == '{')
        {
            var close = p.IndexOf('}', i + 2);
            if (close <= i + 2)
            {
                return false;
            }

            var cp = 0;
            for (var k = i + 2; k < close; k++)
            {
                if (!IsAsciiHexDigit(p[k]))
                {
                    return false;
                }

                cp = (cp * 16) + HexValue(p[k]);
                if (cp > 0x10FFFF)
                {
                    return false;
                }
            }

            if (cp >= 0x10000)
            {
                // A supplementary code point is its surrogate pair.
                var text = char.ConvertFromUtf32(cp);
                builder.Append(inClass ? "\\u" : "(?:\\u").Append(((int)text[0]).ToString("X4", CultureInfo.InvariantCulture))
                    .Append("\\u").Append(((int)text[1]).ToString("X4", CultureInfo.InvariantCulture)).Append(inClass ? string.Empty : ")");
            }
            else
            {
                builder.Append("\\u").Append(cp.ToString("X4", CultureInfo.InvariantCulture));
            }

            i = close;
            return true;
        }

        if (i + 4 < p.Length && IsAsciiHexDigit(p[i + 1]) && IsAsciiHexDigit(p[i + 2]) && IsAsciiHexDigit(p[i + 3]) && IsAsciiHexDigit(p[i + 4]))
        {
            builder.Append("\\u").Append(p, i + 1, 4);
            i += 4;
            return true;
        }

        return false;
    }

    /// <summary>The length of the "(?..." group opening at <paramref name="at"/> that ECMA-262 allows, or -1.</summary>
    private static int GroupPrefixLength(string p, int at)
    {
        if (at + 2 >= p.Length)
        {
            return -1;
        }

        switch (p[at + 2])
        {
            case ':':
            case '=':
            case '!':
                return 3;
            case '<':
                if (at + 3 < p.Length && (p[at + 3] == '=' || p[at + 3] == '!'))
                {
                    return 4;
                }

                var nameLength = GroupNameLength(p, at + 3);
                return nameLength < 0 ? -1 : 3 + nameLength + 1;
        }

        // Modifiers (ES2025): (?ims-ims:...)
        var seen = 0;
        var any = false;
        var removing = false;
        for (var i = at + 2; i < p.Length; i++)
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
                return any ? i - at + 1 : -1;
            }
            else
            {
                return -1;
            }
        }

        return -1;
    }

    /// <summary>The length of "name" in "name&gt;" at <paramref name="at"/> (an ECMA-262 group name), or -1.</summary>
    private static int GroupNameLength(string p, int at)
    {
        var close = at <= p.Length ? p.IndexOf('>', at) : -1;
        if (close <= at)
        {
            return -1;
        }

        for (var i = at; i < close; i++)
        {
            var c = p[i];
            var ok = c < 0x80 ? IsAsciiLetter(c) || c == '_' || (i > at && IsAsciiDigit(c)) : char.IsLetterOrDigit(c);
            if (!ok)
            {
                return -1;
            }
        }

        return close - at;
    }

    private static bool IsAsciiLetter(char c) => (c | 0x20) is >= 'a' and <= 'z';

    private static bool IsAsciiDigit(char c) => c is >= '0' and <= '9';

    private static bool IsAsciiHexDigit(char c) => IsAsciiDigit(c) || (c | 0x20) is >= 'a' and <= 'f';

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
