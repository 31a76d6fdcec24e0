using System;
using System.Collections.Generic;
using System.Text;

namespace FactSchema.Validation;

/// <summary>
/// Rewrites a JSON Schema (ECMAScript, unicode mode) pattern into a .NET pattern with the same meaning where
/// the two differ: ASCII-only <c>\d</c> and <c>\w</c>, end-only <c>$</c>, and long Unicode property names
/// (<c>\p{Letter}</c>). Compiled into both the runtime and the generator, so that the build-time check and
/// the run-time match read a pattern the same way.
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

    /// <summary>The .NET form of an ECMAScript pattern.</summary>
    /// <param name="pattern">The pattern as written in the schema.</param>
    /// <returns>The pattern for <c>System.Text.RegularExpressions.Regex</c>.</returns>
    public static string Translate(string pattern)
    {
        var builder = new StringBuilder(pattern.Length + 8);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                var next = pattern[++i];
                switch (next)
                {
                    case 'd':
                        builder.Append(inClass ? "0-9" : "[0-9]");
                        break;
                    case 'D' when !inClass:
                        builder.Append("[^0-9]");
                        break;
                    case 'w':
                        builder.Append(inClass ? "a-zA-Z0-9_" : "[a-zA-Z0-9_]");
                        break;
                    case 'W' when !inClass:
                        builder.Append("[^a-zA-Z0-9_]");
                        break;
                    case 'p' or 'P' when i + 1 < pattern.Length && pattern[i + 1] == '{' && pattern.IndexOf('}', i) is var close && close > i:
                        var name = pattern.Substring(i + 2, close - i - 2);
                        var equals = name.IndexOf('=');
                        if (equals >= 0 && name.Substring(0, equals) is "General_Category" or "gc")
                        {
                            name = name.Substring(equals + 1);
                        }

                        builder.Append('\\').Append(next).Append('{').Append(s_categories.TryGetValue(name, out var shortName) ? shortName : name).Append('}');
                        i = close;
                        break;
                    default:
                        builder.Append(c).Append(next);
                        break;
                }

                continue;
            }

            if (inClass)
            {
                if (c == ']')
                {
                    inClass = false;
                }
            }
            else if (c == '[')
            {
                inClass = true;
                builder.Append(c);
                if (i + 1 < pattern.Length && pattern[i + 1] == '^')
                {
                    builder.Append('^');
                    i++;
                }

                if (i + 1 < pattern.Length && pattern[i + 1] == ']')
                {
                    // A leading ']' is literal in .NET but closes an empty class in ECMAScript; keep .NET's reading.
                    builder.Append("\\]");
                    i++;
                }

                continue;
            }
            else if (c == '$')
            {
                // ECMAScript's $ (without the m flag) matches only at the very end; .NET's $ also before a final
                // newline, \z only at the end (and, unlike a lookahead, the non-backtracking engine supports it).
                builder.Append("\\z");
                continue;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
