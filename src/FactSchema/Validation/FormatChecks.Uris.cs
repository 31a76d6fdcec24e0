using System;

namespace FactSchema.Validation;

// Format checks for URIs and IRIs (RFC 3986, RFC 3987) and URI templates (RFC 6570).
internal static partial class FormatChecks
{
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
}
