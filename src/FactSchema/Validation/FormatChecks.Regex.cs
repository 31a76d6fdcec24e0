using System;
using System.Text.RegularExpressions;

namespace FactSchema.Validation;

// The format check for regular expressions (ECMA-262 syntax, checked and translated to .NET by PatternTranslator).
internal static partial class FormatChecks
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    /// <summary>
    /// ECMA-262 regular expression, approximately: ECMA-only and non-ECMA syntax is checked by
    /// <see cref="PatternTranslator.TranslateStrict"/>, then the pattern, translated to .NET syntax, must compile.
    /// </summary>
    /// <param name="value">The value.</param>
    /// <returns>True when valid.</returns>
    public static bool IsRegex(ReadOnlySpan<char> value)
    {
        // The same reader as a schema's pattern, in its strict mode: ECMA-262 syntax .NET would accept (\a, \Z) is refused.
        var translated = PatternTranslator.TranslateStrict(value.ToString());
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
}
