using System.Text.RegularExpressions;
using FactSchema.Validation;

namespace FactSchema.Tests;

/// <summary>
/// One reader of ECMA-262 patterns serves a schema's <c>pattern</c> (its meaning in .NET) and the <c>regex</c> format (is
/// it a pattern at all): where ECMAScript and .NET read a pattern differently, the translation keeps ECMAScript's
/// meaning, and the patterns the built-in automaton declines (so <see cref="Regex"/> runs them) mean the same as the
/// ones it takes.
/// </summary>
public sealed class PatternTranslatorTests
{
    [Theory]
    [InlineData("^\\d+$", "123", true)]
    [InlineData("^\\d+$", "١٢٣", false)] // \d is ASCII
    [InlineData("^\\w+$", "é", false)] // so is \w
    [InlineData("^a$", "a\n", false)] // $ is the very end
    [InlineData("^a[]$", "a", false)] // the empty class matches nothing
    [InlineData("^a[]b]$", "a]", false)] // ... and does not take the ] after it
    [InlineData("^[^]$", "\n", true)] // its complement matches anything
    [InlineData("^[a[]+$", "a[a", true)] // [ is literal in a class
    [InlineData("^\\u{1F600}$", "😀", true)] // a code point
    [InlineData("^\\p{Letter}+$", "Ωmega", true)] // long property names
    [InlineData("^\\p{General_Category=Decimal_Number}$", "٣", true)]
    [InlineData("^\\x41\\u0042\\cJ\\0$", "AB\n\0", true)]
    [InlineData("^\\é$", "é", true)] // an identity escape of a non-ASCII character
    [InlineData("^(?<y>\\d{2})-\\k<y>$", "12-12", true)]
    [InlineData("^(a)\\1$", "aa", true)]
    public void ASchemaPatternKeepsItsEcmaScriptMeaning(string pattern, string value, bool matches)
    {
        var translated = PatternTranslator.Translate(pattern);

        Assert.Equal(matches, Regex.IsMatch(value, translated, RegexOptions.CultureInvariant));
    }

    [Theory]
    [InlineData("\\A")]
    [InlineData("\\Z")]
    [InlineData("\\a")]
    [InlineData("(?>a)")]
    public void WhatEcmaScriptDoesNotDefineIsLeftToDotNetInAPatternAndRefusedAsARegex(string pattern)
    {
        Assert.Contains(pattern.Substring(0, 2), PatternTranslator.Translate(pattern), StringComparison.Ordinal);
        Assert.Null(PatternTranslator.TranslateStrict(pattern));
        Assert.False(FormatChecks.IsRegex(pattern.AsSpan()));
    }

    [Theory]
    [InlineData("^[a-z]+$")]
    [InlineData("[]")]
    [InlineData("[^]")]
    [InlineData("\\u{10FFFF}")]
    [InlineData("(?<name>a)\\k<name>")]
    [InlineData("(?i:a)")]
    [InlineData("\\p{Script=Greek}")] // ECMAScript knows it; .NET does not, which a format check must not hold against it
    public void AnEcmaScriptPatternIsARegex(string pattern)
    {
        Assert.NotNull(PatternTranslator.TranslateStrict(pattern));
        Assert.True(FormatChecks.IsRegex(pattern.AsSpan()));
    }

    [Theory]
    [InlineData("^[]a]$", "]")]
    [InlineData("^[]a]$", "a]")]
    [InlineData("^[^]$", "x")]
    [InlineData("^[a[]$", "[")]
    [InlineData("^[a[]$", "a")]
    public void TheAutomatonAndRegexAgree(string pattern, string value)
    {
        var matcher = PatternMatcher.Create(pattern);
        var viaRegex = Regex.IsMatch(value, PatternTranslator.Translate(pattern), RegexOptions.CultureInvariant);

        Assert.Equal(viaRegex, matcher.IsMatch(System.Text.Encoding.UTF8.GetBytes(value)));
    }
}
