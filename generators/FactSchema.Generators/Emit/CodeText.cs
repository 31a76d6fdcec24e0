using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace FactSchema.Generators.Emit;

/// <summary>
/// Escaping for everything that comes from a schema and lands in code: string literals, UTF-8
/// literals and XML documentation. A schema must never be able to inject code into a build.
/// </summary>
internal static class CodeText
{
    /// <summary>A C# string literal for any string (quotes, backslashes, newlines and control characters escaped).</summary>
    public static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary>
    /// A C# expression of type <c>ReadOnlySpan&lt;byte&gt;</c> for the UTF-8 bytes of a string, or null
    /// when the string has unpaired surrogates (no UTF-8 form exists, and a u8 literal would not compile).
    /// </summary>
    public static string? Utf8Literal(string value) => HasUnpairedSurrogate(value) ? null : Literal(value) + "u8";

    /// <summary>A string as a JSON literal for documentation: quotes, backslashes and every control or line-breaking character escaped.</summary>
    public static string JsonQuoted(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            if (c is '"' or '\\')
            {
                builder.Append('\\').Append(c);
            }
            else if (c < 0x20 || c is '\u007F' or '\u0085' or '\u2028' or '\u2029' || char.IsSurrogate(c))
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.Append('"').ToString();
    }

    public static bool HasUnpairedSurrogate(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]))
            {
                if (i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    i++;
                    continue;
                }

                return true;
            }

            if (char.IsLowSurrogate(value[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Text for an XML doc comment: XML-escaped, control characters dropped, and split into lines on
    /// every character C# treats as a line break (including U+0085, U+2028 and U+2029), so that text
    /// can never leave the comment.
    /// </summary>
    public static IReadOnlyList<string> DocLines(string text)
    {
        var lines = new List<string>();
        var builder = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\r':
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    goto case '\n';
                case '\n':
                case '\u0085':
                case '\u2028':
                case '\u2029':
                    lines.Add(builder.ToString().TrimEnd());
                    builder.Clear();
                    break;
                case '&':
                    builder.Append("&amp;");
                    break;
                case '<':
                    builder.Append("&lt;");
                    break;
                case '>':
                    builder.Append("&gt;");
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        builder.Append(c).Append(text[i + 1]);
                        i++;
                    }
                    else if (char.IsSurrogate(c) || char.IsControl(c))
                    {
                        builder.Append(c == '\t' ? ' ' : '\uFFFD');
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        lines.Add(builder.ToString().TrimEnd());

        // Drop leading and trailing blank lines.
        while (lines.Count > 0 && lines[0].Length == 0)
        {
            lines.RemoveAt(0);
        }

        while (lines.Count > 0 && lines[lines.Count - 1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines;
    }

    /// <summary>Text for a one-line <c>//</c> comment: every line break and control character escaped, so that text can never leave the comment.</summary>
    public static string EscapeComment(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsControl(c) || c is '\u0085' or '\u2028' or '\u2029' || char.IsSurrogate(c))
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Text for inside one line of an XML doc comment: XML-escaped and on one line.</summary>
    public static string EscapeXml(string text) => string.Join(" ", DocLines(text));

    public static void WriteDocElement(SourceWriter writer, string element, string? text)
    {
        if (text is null)
        {
            return;
        }

        var lines = DocLines(text);
        if (lines.Count == 0)
        {
            return;
        }

        if (lines.Count == 1)
        {
            writer.WriteLine($"/// <{element}>{lines[0]}</{element}>");
            return;
        }

        writer.WriteLine($"/// <{element}>");
        foreach (var line in lines)
        {
            writer.WriteLine(line.Length == 0 ? "/// <para/>" : "/// " + line);
        }

        writer.WriteLine($"/// </{element}>");
    }
}
