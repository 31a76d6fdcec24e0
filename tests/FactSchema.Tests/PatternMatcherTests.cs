using System.Text.RegularExpressions;
using CsCheck;
using FactSchema.Validation;

namespace FactSchema.Tests;

/// <summary>
/// The built-in pattern automaton must agree with .NET's regular expressions (given the ECMAScript
/// translation) on every string, and must be what the standard vocabulary's patterns run on.
/// </summary>
public sealed class PatternMatcherTests
{
    public static readonly TheoryData<string> Patterns = new()
    {
        "^[a-z0-9]+(-[a-z0-9]+)*$",
        "^[A-Z]{3}$",
        "^[A-Z]{2}$",
        "^\\S+$",
        "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$",
        "a+",
        "^a*$",
        "^ab?c{2,}d{1,3}$",
        "x|y|z",
        "(ab|cd)*e",
        "^(?:[a-c]|\\d)+_(\\w+)?$",
        "[^a-z]",
        "^\\d{4}-\\d{2}-\\d{2}$",
        "\\.json$",
        "^[\\-\\]a]+$",
        "^.{2,4}$",
        "colou?r",
        "^$",
        "",
        "^(a|b)(c|d)?$",
        "[\\s]",
        "^[a-zA-Z_][a-zA-Z0-9_]*$",
        "^x{0,5}$",
        "^(a|b)*a(a|b){5}$",  // more ASCII table states than allowed (2^6): simulated only
        "a(a|b){3}b",         // unanchored, 2^4 table states
    };

    [Theory]
    [MemberData(nameof(Patterns))]
    public void TheAutomatonAgreesWithRegex(string pattern)
    {
        var matcher = PatternMatcher.Create(pattern);
        Assert.True(matcher.IsAutomaton, $"{pattern} should run on the automaton");
        var regex = new Regex(FactSchemaValidation.TranslatePattern(pattern), RegexOptions.CultureInvariant);
        const string alphabet = "abcdexyzABZ09_- .é\t\r\n-]";
        Gen.Char[alphabet].Array[0, 12].Select(chars => new string(chars)).Sample(text =>
        {
            // '.' differs for \r: ECMAScript excludes it, .NET does not. Compare where both agree on the definition.
            if (pattern.Contains('.') && text.Contains('\r'))
            {
                return true;
            }

            return matcher.IsMatch(text) == regex.IsMatch(text);
        }, iter: 3000);
    }

    [Theory]
    [InlineData("^.$", "🐲", true)]          // one code point, as ECMAScript's unicode mode counts
    [InlineData("^🐲*$", "🐲🐲", true)]
    [InlineData("^🐲*$", "🐲x", false)]
    [InlineData("^[a-z]+$", "abc\n", false)] // $ is the very end
    [InlineData("^a.c$", "a\u2028c", false)] // . excludes line terminators
    [InlineData("^\\w+$", "é", false)]       // \w is ASCII
    [InlineData("^\\d+$", "١٢", false)]      // \d is ASCII
    [InlineData("^\\s$", "\u00a0", true)]
    public void EcmaScriptSemantics(string pattern, string text, bool expected)
        => Assert.Equal(expected, PatternMatcher.Create(pattern).IsMatch(text));

    [Theory]
    [InlineData("(a)\\1")]        // back-reference
    [InlineData("a(?=b)")]        // lookahead
    [InlineData("\\p{Letter}+")]  // property escape
    [InlineData("\\bword\\b")]    // word boundary
    [InlineData("^a|b$")]         // anchors inside alternation
    public void OtherPatternsFallBackToRegex(string pattern)
        => Assert.False(PatternMatcher.Create(pattern).IsAutomaton);

    [Fact]
    public void PathologicalPatternsStayLinear()
    {
        var matcher = PatternMatcher.Create("^(a|a?)+$");
        Assert.True(matcher.IsAutomaton);
        Assert.False(matcher.IsMatch(new string('a', 100_000) + "b"));
        Assert.True(matcher.IsMatch(new string('a', 100_000)));
    }

    [Fact]
    public void InvalidPatternsMatchNothingAndNeverThrow()
    {
        var reader = new System.Text.Json.Utf8JsonReader("\"abc\""u8);
        reader.Read();
        PatternMatcher? cache = null;
        Assert.False(FactSchemaValidation.IsMatch(ref reader, ref cache, "[a-z"));
        Assert.False(FactSchemaValidation.IsMatch(ref reader, ref cache, "[a-z"));
    }
}
