using System;
using System.Text;

namespace FactSchema.Validation;

// Format checks for e-mail addresses (RFC 5321 mailboxes; RFC 6531 for idn-email).
internal static partial class FormatChecks
{
    private const int MaxLocalPartOctets = 64;

    /// <summary>RFC 5321 mailbox: a dot-atom or quoted local part, then a hostname or an address literal.</summary>
    /// <param name="value">The value.</param>
    /// <returns>True when valid.</returns>
    public static bool IsEmail(ReadOnlySpan<char> value) => IsMailbox(value, unicode: false);

    /// <summary>RFC 6531 mailbox: as <see cref="IsEmail"/>, but allowing non-ASCII characters and IDN domains.</summary>
    /// <param name="value">The value.</param>
    /// <returns>True when valid.</returns>
    public static bool IsIdnEmail(ReadOnlySpan<char> value) => IsMailbox(value, unicode: true);

    private static bool IsMailbox(ReadOnlySpan<char> value, bool unicode)
    {
        if (value.Length == 0)
        {
            return false;
        }

        // The local part, quoted or a dot-string; then the '@'.
        var at = value[0] == '"' ? QuotedLocalPartEnd(value, unicode) : DotStringLocalPartEnd(value, unicode);
        if (at < 0)
        {
            return false;
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

    /// <summary>The position of the '@' after a quoted local part (RFC 5321 Quoted-string) at the start of <paramref name="value"/>, or -1.</summary>
    private static int QuotedLocalPartEnd(ReadOnlySpan<char> value, bool unicode)
    {
        var i = 1;
        while (true)
        {
            if (i >= value.Length)
            {
                return -1;
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
                    return -1;
                }

                c = value[i];
                if (c < 0x80 ? c < 32 || c > 126 : !unicode || !TryReadCodePoint(value, ref i, out _))
                {
                    return -1;
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
                    return -1;
                }

                i++;
            }
            else if (!unicode || !TryReadCodePoint(value, ref i, out _))
            {
                return -1;
            }
        }

        return i + 1 < value.Length && value[i + 1] == '@' ? i + 1 : -1;
    }

    /// <summary>The position of the '@' after a dot-string local part (RFC 5321 Dot-string) at the start of <paramref name="value"/>, or -1.</summary>
    private static int DotStringLocalPartEnd(ReadOnlySpan<char> value, bool unicode)
    {
        var i = 0;
        var previousDot = true;
        while (true)
        {
            if (i >= value.Length)
            {
                return -1;
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
                    return -1;
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
                    return -1;
                }

                i++;
            }
            else if (!unicode || !TryReadCodePoint(value, ref i, out _))
            {
                return -1;
            }
        }

        if (i == 0 || previousDot)
        {
            return -1;
        }

        return i;
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
}
