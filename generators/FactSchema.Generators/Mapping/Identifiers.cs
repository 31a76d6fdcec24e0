using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace FactSchema.Generators.Mapping;

/// <summary>Turns schema text (titles, property names, enum values) into safe C# identifiers.</summary>
internal static class Identifiers
{
    /// <summary>
    /// PascalCase: every run of characters that cannot be part of an identifier separates words,
    /// and each word starts upper-case. The result is always a valid, non-keyword identifier, or
    /// <paramref name="fallback"/> when nothing usable is left.
    /// </summary>
    public static string ToPascalCase(string? text, string fallback)
    {
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        var builder = new StringBuilder(text!.Length);
        var startWord = true;
        foreach (var c in text)
        {
            var category = char.GetUnicodeCategory(c);
            if (category == UnicodeCategory.Format)
            {
                // Formatting characters are ignored by the compiler when comparing identifiers; drop them.
                continue;
            }

            if (c == '_' || !SyntaxFacts.IsIdentifierPartCharacter(c) || char.IsSurrogate(c))
            {
                startWord = true;
                continue;
            }

            if (startWord)
            {
                builder.Append(char.ToUpperInvariant(c));
                startWord = false;
            }
            else
            {
                builder.Append(c);
            }
        }

        if (builder.Length == 0)
        {
            return fallback;
        }

        if (!SyntaxFacts.IsIdentifierStartCharacter(builder[0]))
        {
            builder.Insert(0, '_');
        }

        var result = builder.ToString();
        return SyntaxFacts.GetKeywordKind(result) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(result) != SyntaxKind.None
            ? "@" + result
            : result;
    }

    /// <summary>Returns <paramref name="candidate"/>, or the first of candidate2, candidate3, ... not in <paramref name="taken"/>, and records it.</summary>
    public static string MakeUnique(string candidate, ISet<string> taken)
    {
        var name = candidate;
        for (var i = 2; !taken.Add(Bare(name)); i++)
        {
            name = Bare(candidate) + i.ToString(CultureInfo.InvariantCulture);
        }

        return name;
    }

    /// <summary>The identifier without a verbatim '@'.</summary>
    public static string Bare(string identifier) => identifier.Length > 0 && identifier[0] == '@' ? identifier.Substring(1) : identifier;
}
