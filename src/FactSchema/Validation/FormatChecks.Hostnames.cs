using System;
using System.Globalization;
using System.Text;

namespace FactSchema.Validation;

// Format checks for host names (RFC 1123) and internationalised host names (IDNA 2008: RFC 5890-5893, Punycode RFC 3492).
internal static partial class FormatChecks
{
    private const int MaxDomainLength = 253;
    private const int MaxLabelLength = 63;

    // Punycode (RFC 3492) parameters.
    private const int PunyBase = 36;
    private const int PunyTMin = 1;
    private const int PunyTMax = 26;
    private const int PunySkew = 38;
    private const int PunyDamp = 700;
    private const int PunyInitialBias = 72;
    private const int PunyInitialN = 128;

    // Code points with Canonical_Combining_Class = Virama (RFC 5892 appendix A.1 and A.2).
    private static readonly int[] Viramas =
    {
        0x094D, 0x09CD, 0x0A4D, 0x0ACD, 0x0B4D, 0x0BCD, 0x0C4D, 0x0CCD, 0x0D3B, 0x0D3C, 0x0D4D, 0x0DCA, 0x0E3A,
        0x0EBA, 0x0F84, 0x1039, 0x103A, 0x1714, 0x1715, 0x1734, 0x17D2, 0x1A60, 0x1B44, 0x1BAA, 0x1BAB, 0x1BF2,
        0x1BF3, 0x2D7F, 0xA806, 0xA82C, 0xA8C4, 0xA953, 0xA9C0, 0xAAF6, 0xABED, 0x10A3F, 0x11046, 0x11070,
        0x1107F, 0x110B9, 0x11133, 0x11134, 0x111C0, 0x11235, 0x112EA, 0x1134D, 0x11442, 0x114C2, 0x115BF,
        0x1163F, 0x116B6, 0x1172B, 0x11839, 0x1193D, 0x1193E, 0x119E0, 0x11A34, 0x11A47, 0x11A99, 0x11C3F,
        0x11D44, 0x11D45, 0x11D97,
    };

    // Bidi_Class R (RFC 5893), as inclusive ranges; marks and digits are classified before these are consulted.
    private static readonly int[] RightToLeftRanges =
    {
        0x05BE, 0x05BE, 0x05C0, 0x05C0, 0x05C3, 0x05C3, 0x05C6, 0x05C6, 0x05D0, 0x05F4, 0x07C0, 0x07EA, 0x07F4, 0x07F5,
        0x07FA, 0x07FA, 0x07FE, 0x0815, 0x081A, 0x081A, 0x0824, 0x0824, 0x0828, 0x0828, 0x0830, 0x0858, 0x085E, 0x085E,
        0x200F, 0x200F, 0xFB1D, 0xFB1D, 0xFB1F, 0xFB28, 0xFB2A, 0xFB4F, 0x10800, 0x1091B, 0x10920, 0x10A00,
        0x10A10, 0x10A35, 0x10A40, 0x10AE4, 0x10AEB, 0x10B35, 0x10B40, 0x10CFF, 0x10E80, 0x10EA9, 0x10EAD, 0x10F27,
        0x10F70, 0x10F81, 0x10F86, 0x10FF6, 0x1E800, 0x1E8CF, 0x1E900, 0x1E943, 0x1E94B, 0x1E95F,
    };

    // Bidi_Class AL, as inclusive ranges.
    private static readonly int[] ArabicLetterRanges =
    {
        0x0608, 0x0608, 0x060B, 0x060B, 0x060D, 0x060D, 0x061B, 0x064A, 0x066D, 0x066F, 0x0671, 0x06D5, 0x06E5, 0x06E6,
        0x06EE, 0x06EF, 0x06FA, 0x0710, 0x0712, 0x072F, 0x074D, 0x07A5, 0x07B1, 0x07B1, 0x0860, 0x088E, 0x08A0, 0x08C9,
        0xFB50, 0xFD3D, 0xFD50, 0xFDC7, 0xFDF0, 0xFDFC, 0xFE70, 0xFEFC, 0x10D00, 0x10D23, 0x10F30, 0x10F45,
        0x10F51, 0x10F59, 0x1EC71, 0x1EEBB,
    };

    // Bidi_Class AN, as inclusive ranges.
    private static readonly int[] ArabicNumberRanges =
    {
        0x0600, 0x0605, 0x0660, 0x0669, 0x066B, 0x066C, 0x06DD, 0x06DD, 0x0890, 0x0891, 0x08E2, 0x08E2, 0x10D30, 0x10D39,
        0x10E60, 0x10E7E,
    };

    // Joining_Type R (Arabic, Syriac and Arabic Extended), as inclusive ranges: enough for the ZERO WIDTH NON-JOINER rule.
    private static readonly int[] RightJoiningRanges =
    {
        0x0622, 0x0625, 0x0627, 0x0627, 0x0629, 0x0629, 0x062F, 0x0632, 0x0648, 0x0648, 0x0671, 0x0673, 0x0675, 0x0677,
        0x0688, 0x0699, 0x06C0, 0x06C0, 0x06C3, 0x06CB, 0x06CD, 0x06CD, 0x06CF, 0x06CF, 0x06D2, 0x06D3, 0x06D5, 0x06D5,
        0x06EE, 0x06EF, 0x0710, 0x0710, 0x0715, 0x0719, 0x071E, 0x071E, 0x0728, 0x0728, 0x072A, 0x072A, 0x072C, 0x072C,
        0x072F, 0x072F, 0x074D, 0x074D, 0x0759, 0x075B, 0x076B, 0x076C, 0x0771, 0x0771, 0x0773, 0x0774, 0x0778, 0x0779,
        0x08AA, 0x08AC, 0x08AE, 0x08AE, 0x08B1, 0x08B2, 0x08B9, 0x08B9,
    };

    // Joining_Type D, as inclusive ranges.
    private static readonly int[] DualJoiningRanges =
    {
        0x0620, 0x0620, 0x0626, 0x0626, 0x0628, 0x0628, 0x062A, 0x062E, 0x0633, 0x063F, 0x0641, 0x0647, 0x0649, 0x064A,
        0x066E, 0x066F, 0x0678, 0x0687, 0x069A, 0x06BF, 0x06C1, 0x06C2, 0x06CC, 0x06CC, 0x06CE, 0x06CE, 0x06D0, 0x06D1,
        0x06FA, 0x06FC, 0x06FF, 0x06FF, 0x0712, 0x0714, 0x071A, 0x071D, 0x071F, 0x0727, 0x0729, 0x0729, 0x072B, 0x072B,
        0x072D, 0x072E, 0x074E, 0x0758, 0x075C, 0x076A, 0x076D, 0x0770, 0x0772, 0x0772, 0x0775, 0x0777, 0x077A, 0x077F,
        0x07CA, 0x07EA, 0x08A0, 0x08A9, 0x08AF, 0x08B0, 0x08B3, 0x08B8, 0x08BA, 0x08C8, 0x1807, 0x1807, 0x180A, 0x180A,
        0x1820, 0x1878, 0x1887, 0x18A8, 0x18AA, 0x18AA, 0xA840, 0xA871,
    };

    private enum IdnaProperty
    {
        Pvalid,
        ContextJ,
        ContextO,
        Disallowed,
    }

    private enum BidiClass
    {
        L,
        R,
        AL,
        AN,
        EN,
        NSM,
        Neutral,
    }

    private enum JoiningType
    {
        U,
        T,
        L,
        R,
        D,
    }

    /// <summary>
    /// RFC 1123 host name: dot-separated labels of 1 to 63 letters, digits and hyphens, not starting or ending with a
    /// hyphen, at most 253 characters, no trailing dot. Labels starting with "xn--" must be valid IDNA2008 A-labels.
    /// </summary>
    /// <param name="value">The value.</param>
    /// <returns>True when valid.</returns>
    public static bool IsHostname(ReadOnlySpan<char> value) => IsDomain(value, unicode: false);

    /// <summary>
    /// Internationalized host name (RFC 5890): as <see cref="IsHostname"/>, but labels may be U-labels, checked against
    /// the IDNA2008 rules (RFC 5892 derived properties and contextual rules, RFC 5893 Bidi rule) approximately.
    /// </summary>
    /// <param name="value">The value.</param>
    /// <returns>True when valid.</returns>
    public static bool IsIdnHostname(ReadOnlySpan<char> value) => IsDomain(value, unicode: true);

    private static bool IsDomainSeparator(char c, bool unicode) => c == '.' || (unicode && (c == '\u3002' || c == '\uFF0E' || c == '\uFF61'));

    private static bool IsDomain(ReadOnlySpan<char> value, bool unicode)
    {
        if (value.Length == 0)
        {
            return false;
        }

        var total = -1;
        var bidi = false;
        var start = 0;
        for (var i = 0; i <= value.Length; i++)
        {
            if (i < value.Length && !IsDomainSeparator(value[i], unicode))
            {
                continue;
            }

            if (!IsLabel(value.Slice(start, i - start), unicode, out var asciiLength, out var rightToLeft))
            {
                return false;
            }

            total += asciiLength + 1;
            bidi |= rightToLeft;
            start = i + 1;
        }

        if (total > MaxDomainLength)
        {
            return false;
        }

        if (bidi)
        {
            // RFC 5893: once any label is right-to-left, every label must satisfy the Bidi rule.
            start = 0;
            for (var i = 0; i <= value.Length; i++)
            {
                if (i < value.Length && !IsDomainSeparator(value[i], unicode))
                {
                    continue;
                }

                var codePoints = ToULabel(value.Slice(start, i - start));
                if (codePoints is null || !SatisfiesBidiRule(codePoints))
                {
                    return false;
                }

                start = i + 1;
            }
        }

        return true;
    }

    private static bool IsLabel(ReadOnlySpan<char> label, bool unicode, out int asciiLength, out bool rightToLeft)
    {
        asciiLength = label.Length;
        rightToLeft = false;
        if (label.Length == 0)
        {
            return false;
        }

        if (IsAscii(label))
        {
            if (label.Length > MaxLabelLength || label[0] == '-' || label[label.Length - 1] == '-')
            {
                return false;
            }

            foreach (var c in label)
            {
                if (!IsAsciiLetter(c) && !IsAsciiDigit(c) && c != '-')
                {
                    return false;
                }
            }

            if (!IsALabelPrefix(label))
            {
                return true;
            }

            // An A-label: valid Punycode, in canonical form, for a valid U-label that is not all ASCII.
            var decoded = PunycodeDecode(label.Slice(4));
            if (decoded is null || IsAllAscii(decoded))
            {
                return false;
            }

            var encoded = PunycodeEncode(decoded);
            if (encoded is null || !label.Slice(4).Equals(encoded.AsSpan(), StringComparison.OrdinalIgnoreCase) || !IsULabel(decoded) || !IsNfc(decoded))
            {
                return false;
            }

            rightToLeft = HasRightToLeft(decoded);
            return true;
        }

        if (!unicode)
        {
            return false;
        }

        var codePoints = ToCodePoints(label);
        if (codePoints is null || !IsULabel(codePoints) || !IsNfc(codePoints))
        {
            return false;
        }

        var punycode = PunycodeEncode(codePoints);
        if (punycode is null)
        {
            return false;
        }

        asciiLength = punycode.Length + 4;
        rightToLeft = HasRightToLeft(codePoints);
        return asciiLength <= MaxLabelLength;
    }

    private static bool IsALabelPrefix(ReadOnlySpan<char> label)
    {
        return label.Length >= 4 && (label[0] | 0x20) == 'x' && (label[1] | 0x20) == 'n' && label[2] == '-' && label[3] == '-';
    }

    /// <summary>A label's code points, decoding an A-label; null when invalid.</summary>
    private static int[]? ToULabel(ReadOnlySpan<char> label) => IsALabelPrefix(label) ? PunycodeDecode(label.Slice(4)) : ToCodePoints(label);

    private static int[]? ToCodePoints(ReadOnlySpan<char> s)
    {
        var result = new int[s.Length];
        var count = 0;
        var i = 0;
        while (i < s.Length)
        {
            if (!TryReadCodePoint(s, ref i, out var codePoint))
            {
                return null;
            }

            result[count++] = codePoint;
        }

        Array.Resize(ref result, count);
        return result;
    }

    /// <summary>Whether a U-label is in Normalization Form C (RFC 5891 section 5.4).</summary>
    private static bool IsNfc(int[] codePoints)
    {
        var builder = new StringBuilder(codePoints.Length);
        foreach (var codePoint in codePoints)
        {
            builder.Append(char.ConvertFromUtf32(codePoint));
        }

        try
        {
            return builder.ToString().IsNormalized(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (PlatformNotSupportedException)
        {
            return true;
        }
    }

    private static bool IsAllAscii(int[] codePoints)
    {
        foreach (var codePoint in codePoints)
        {
            if (codePoint >= 0x80)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>RFC 5891 section 5.4 U-label checks, with RFC 5892 derived properties approximated from .NET Unicode data.</summary>
    private static bool IsULabel(int[] label)
    {
        var last = label.Length - 1;
        if (last < 0 || label[0] == '-' || label[last] == '-' || (label.Length >= 4 && label[2] == '-' && label[3] == '-'))
        {
            return false;
        }

        var first = GetCategory(label[0]);
        if (first == UnicodeCategory.NonSpacingMark || first == UnicodeCategory.SpacingCombiningMark || first == UnicodeCategory.EnclosingMark)
        {
            return false;
        }

        for (var i = 0; i < label.Length; i++)
        {
            switch (GetIdnaProperty(label[i]))
            {
                case IdnaProperty.Pvalid:
                    break;
                case IdnaProperty.ContextJ:
                    if (!IsContextJAllowed(label, i))
                    {
                        return false;
                    }

                    break;
                case IdnaProperty.ContextO:
                    if (!IsContextOAllowed(label, i))
                    {
                        return false;
                    }

                    break;
                default:
                    return false;
            }
        }

        return true;
    }

    private static UnicodeCategory GetCategory(int codePoint)
    {
        if (codePoint < 0x10000)
        {
            return CharUnicodeInfo.GetUnicodeCategory((char)codePoint);
        }

#if NETSTANDARD2_0
        return CharUnicodeInfo.GetUnicodeCategory(char.ConvertFromUtf32(codePoint), 0);
#else
        return CharUnicodeInfo.GetUnicodeCategory(codePoint);
#endif
    }

    private static IdnaProperty GetIdnaProperty(int cp)
    {
        // RFC 5892 section 2.6 exceptions, then 2.7 (BackwardCompatible is empty) and the derivation of section 3.
        switch (cp)
        {
            case 0x00DF:
            case 0x03C2:
            case 0x06FD:
            case 0x06FE:
            case 0x0F0B:
            case 0x3007:
                return IdnaProperty.Pvalid;
            case 0x00B7:
            case 0x0375:
            case 0x05F3:
            case 0x05F4:
            case 0x30FB:
                return IdnaProperty.ContextO;
            case 0x0640:
            case 0x07FA:
            case 0x302E:
            case 0x302F:
            case 0x3031:
            case 0x3032:
            case 0x3033:
            case 0x3034:
            case 0x3035:
            case 0x303B:
                return IdnaProperty.Disallowed;
            case 0x200C:
            case 0x200D:
                return IdnaProperty.ContextJ;
        }

        if ((cp >= 0x0660 && cp <= 0x0669) || (cp >= 0x06F0 && cp <= 0x06F9))
        {
            return IdnaProperty.ContextO;
        }

        if (cp < 0x80)
        {
            // LDH; upper-case ASCII is accepted as its lower-case form.
            var c = (char)cp;
            return IsAsciiLetter(c) || IsAsciiDigit(c) || c == '-' ? IdnaProperty.Pvalid : IdnaProperty.Disallowed;
        }

        if (IsIgnorableOrOldHangulJamo(cp))
        {
            return IdnaProperty.Disallowed;
        }

        switch (GetCategory(cp))
        {
            case UnicodeCategory.LowercaseLetter:
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.OtherLetter:
            case UnicodeCategory.DecimalDigitNumber:
            case UnicodeCategory.ModifierLetter:
            case UnicodeCategory.NonSpacingMark:
            case UnicodeCategory.SpacingCombiningMark:
                return IsStable(cp) ? IdnaProperty.Pvalid : IdnaProperty.Disallowed;
            default:
                return IdnaProperty.Disallowed;
        }
    }

    private static bool IsIgnorableOrOldHangulJamo(int cp)
    {
        return cp == 0x034F
            || (cp >= 0x1100 && cp <= 0x11FF)
            || cp == 0x17B4
            || cp == 0x17B5
            || (cp >= 0x180B && cp <= 0x180F)
            || (cp >= 0x20D0 && cp <= 0x20FF)
            || cp == 0x3164
            || (cp >= 0xA960 && cp <= 0xA97F)
            || (cp >= 0xD7B0 && cp <= 0xD7FF)
            || (cp >= 0xFE00 && cp <= 0xFE0F)
            || cp == 0xFFA0
            || (cp >= 0x1D100 && cp <= 0x1D24F)
            || (cp >= 0xE0000 && cp <= 0xE0FFF);
    }

    /// <summary>RFC 5892 "Unstable": the code point must survive NFKC, case folding and NFKC unchanged.</summary>
    private static bool IsStable(int cp)
    {
        // Where case folding differs from lower-casing: Cherokee folds to upper case, and Greek letters with
        // ypogegrammeni fold to two letters.
        if (cp >= 0x13A0 && cp <= 0x13F5)
        {
            return true;
        }

        if (cp == 0x0130
            || (cp >= 0x13F8 && cp <= 0x13FD)
            || (cp >= 0xAB70 && cp <= 0xABBF)
            || (cp >= 0x1F80 && cp <= 0x1FAF)
            || (cp >= 0x1FB2 && cp <= 0x1FB4)
            || cp == 0x1FB7
            || (cp >= 0x1FC2 && cp <= 0x1FC4)
            || cp == 0x1FC7
            || (cp >= 0x1FF2 && cp <= 0x1FF4)
            || cp == 0x1FF7)
        {
            return false;
        }

        var text = char.ConvertFromUtf32(cp);
        try
        {
            var folded = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant().Normalize(NormalizationForm.FormKC);
            return string.Equals(folded, text, StringComparison.Ordinal);
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (PlatformNotSupportedException)
        {
            // No normalization data (globalization-invariant mode): cannot tell, so do not reject.
            return true;
        }
    }

    private static bool IsContextJAllowed(int[] label, int i)
    {
        // RFC 5892 appendix A.1 and A.2: after a virama, or (ZWNJ only) between joining letters.
        if (i > 0 && Array.BinarySearch(Viramas, label[i - 1]) >= 0)
        {
            return true;
        }

        if (label[i] != 0x200C)
        {
            return false;
        }

        var j = i - 1;
        while (j >= 0 && GetJoiningType(label[j]) == JoiningType.T)
        {
            j--;
        }

        if (j < 0)
        {
            return false;
        }

        var before = GetJoiningType(label[j]);
        if (before != JoiningType.L && before != JoiningType.D)
        {
            return false;
        }

        j = i + 1;
        while (j < label.Length && GetJoiningType(label[j]) == JoiningType.T)
        {
            j++;
        }

        if (j == label.Length)
        {
            return false;
        }

        var after = GetJoiningType(label[j]);
        return after == JoiningType.R || after == JoiningType.D;
    }

    private static JoiningType GetJoiningType(int cp)
    {
        if (cp == 0x200C || cp == 0x200D)
        {
            return JoiningType.U;
        }

        if (InRanges(DualJoiningRanges, cp))
        {
            return JoiningType.D;
        }

        if (InRanges(RightJoiningRanges, cp))
        {
            return JoiningType.R;
        }

        if (cp == 0xA872)
        {
            return JoiningType.L;
        }

        var category = GetCategory(cp);
        return category == UnicodeCategory.NonSpacingMark || category == UnicodeCategory.EnclosingMark || category == UnicodeCategory.Format
            ? JoiningType.T
            : JoiningType.U;
    }

    private static bool IsContextOAllowed(int[] label, int i)
    {
        // RFC 5892 appendix A.3 to A.9.
        var cp = label[i];
        switch (cp)
        {
            case 0x00B7:
                return i > 0 && i < label.Length - 1 && label[i - 1] == 'l' && label[i + 1] == 'l';
            case 0x0375:
                return i < label.Length - 1 && IsGreek(label[i + 1]);
            case 0x05F3:
            case 0x05F4:
                return i > 0 && IsHebrew(label[i - 1]);
            case 0x30FB:
                foreach (var other in label)
                {
                    if (other != 0x30FB && IsHiraganaKatakanaOrHan(other))
                    {
                        return true;
                    }
                }

                return false;
        }

        var arabicIndic = cp <= 0x0669;
        foreach (var other in label)
        {
            if (arabicIndic ? other >= 0x06F0 && other <= 0x06F9 : other >= 0x0660 && other <= 0x0669)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsGreek(int cp)
    {
        return (cp >= 0x0370 && cp <= 0x0373)
            || (cp >= 0x0375 && cp <= 0x0377)
            || (cp >= 0x037A && cp <= 0x037D)
            || cp == 0x037F
            || cp == 0x0384
            || cp == 0x0386
            || (cp >= 0x0388 && cp <= 0x03E1)
            || (cp >= 0x03F0 && cp <= 0x03FF)
            || (cp >= 0x1D26 && cp <= 0x1D2A)
            || (cp >= 0x1F00 && cp <= 0x1FFE)
            || cp == 0x2126
            || cp == 0xAB65
            || (cp >= 0x10140 && cp <= 0x1018E)
            || (cp >= 0x1D200 && cp <= 0x1D245);
    }

    private static bool IsHebrew(int cp) => (cp >= 0x0591 && cp <= 0x05F4) || (cp >= 0xFB1D && cp <= 0xFB4F);

    private static bool IsHiraganaKatakanaOrHan(int cp)
    {
        return (cp >= 0x2E80 && cp <= 0x2FDF)
            || cp == 0x3005
            || cp == 0x3007
            || (cp >= 0x3021 && cp <= 0x3029)
            || (cp >= 0x3038 && cp <= 0x303B)
            || (cp >= 0x3041 && cp <= 0x30FF)
            || (cp >= 0x31F0 && cp <= 0x31FF)
            || (cp >= 0x32D0 && cp <= 0x32FE)
            || (cp >= 0x3300 && cp <= 0x3357)
            || (cp >= 0x3400 && cp <= 0x4DBF)
            || (cp >= 0x4E00 && cp <= 0x9FFF)
            || (cp >= 0xF900 && cp <= 0xFAFF)
            || (cp >= 0xFF66 && cp <= 0xFF9D)
            || (cp >= 0x1AFF0 && cp <= 0x1B16F)
            || cp == 0x1F200
            || (cp >= 0x20000 && cp <= 0x3FFFF);
    }

    private static bool InRanges(int[] ranges, int cp)
    {
        for (var i = 0; i < ranges.Length; i += 2)
        {
            if (cp < ranges[i])
            {
                return false;
            }

            if (cp <= ranges[i + 1])
            {
                return true;
            }
        }

        return false;
    }

    private static BidiClass GetBidiClass(int cp)
    {
        if ((cp >= '0' && cp <= '9') || (cp >= 0x06F0 && cp <= 0x06F9))
        {
            return BidiClass.EN;
        }

        if (InRanges(ArabicNumberRanges, cp))
        {
            return BidiClass.AN;
        }

        var category = GetCategory(cp);
        if (category == UnicodeCategory.NonSpacingMark || category == UnicodeCategory.EnclosingMark)
        {
            return BidiClass.NSM;
        }

        if (InRanges(RightToLeftRanges, cp))
        {
            return BidiClass.R;
        }

        if (InRanges(ArabicLetterRanges, cp))
        {
            return BidiClass.AL;
        }

        switch (category)
        {
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.LowercaseLetter:
            case UnicodeCategory.TitlecaseLetter:
            case UnicodeCategory.ModifierLetter:
            case UnicodeCategory.OtherLetter:
            case UnicodeCategory.SpacingCombiningMark:
            case UnicodeCategory.DecimalDigitNumber:
            case UnicodeCategory.LetterNumber:
                return BidiClass.L;
            default:
                return BidiClass.Neutral;
        }
    }

    private static bool HasRightToLeft(int[] label)
    {
        foreach (var cp in label)
        {
            var bidi = GetBidiClass(cp);
            if (bidi == BidiClass.R || bidi == BidiClass.AL || bidi == BidiClass.AN)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>RFC 5893 section 2, conditions 1 to 6.</summary>
    private static bool SatisfiesBidiRule(int[] label)
    {
        if (label.Length == 0)
        {
            return false;
        }

        var first = GetBidiClass(label[0]);
        var rightToLeft = first == BidiClass.R || first == BidiClass.AL;
        if (!rightToLeft && first != BidiClass.L)
        {
            return false;
        }

        var hasEuropean = false;
        var hasArabic = false;
        var end = BidiClass.NSM;
        foreach (var cp in label)
        {
            var bidi = GetBidiClass(cp);
            if (rightToLeft ? bidi == BidiClass.L : bidi == BidiClass.R || bidi == BidiClass.AL || bidi == BidiClass.AN)
            {
                return false;
            }

            hasEuropean |= bidi == BidiClass.EN;
            hasArabic |= bidi == BidiClass.AN;
            if (bidi != BidiClass.NSM)
            {
                end = bidi;
            }
        }

        if (rightToLeft)
        {
            return !(hasEuropean && hasArabic)
                && (end == BidiClass.R || end == BidiClass.AL || end == BidiClass.EN || end == BidiClass.AN);
        }

        return end == BidiClass.L || end == BidiClass.EN;
    }

    private static int PunycodeDigitValue(char c)
    {
        if (c >= 'a' && c <= 'z')
        {
            return c - 'a';
        }

        if (c >= 'A' && c <= 'Z')
        {
            return c - 'A';
        }

        return IsAsciiDigit(c) ? c - '0' + 26 : -1;
    }

    private static char PunycodeDigit(int digit) => (char)(digit < 26 ? 'a' + digit : '0' + (digit - 26));

    private static int PunycodeAdapt(int delta, int points, bool first)
    {
        delta = first ? delta / PunyDamp : delta / 2;
        delta += delta / points;
        var k = 0;
        while (delta > ((PunyBase - PunyTMin) * PunyTMax) / 2)
        {
            delta /= PunyBase - PunyTMin;
            k += PunyBase;
        }

        return k + (((PunyBase - PunyTMin + 1) * delta) / (delta + PunySkew));
    }

    private static int PunycodeThreshold(int k, int bias) => k <= bias ? PunyTMin : k >= bias + PunyTMax ? PunyTMax : k - bias;

    /// <summary>RFC 3492 decoding; null when the input is not valid Punycode.</summary>
    private static int[]? PunycodeDecode(ReadOnlySpan<char> input)
    {
        var output = new int[input.Length];
        var count = 0;
        var basic = input.LastIndexOf('-');
        if (basic < 0)
        {
            basic = 0;
        }

        for (var j = 0; j < basic; j++)
        {
            if (input[j] >= 0x80)
            {
                return null;
            }

            output[count++] = input[j];
        }

        var position = basic > 0 ? basic + 1 : 0;
        var n = PunyInitialN;
        var i = 0;
        var bias = PunyInitialBias;
        while (position < input.Length)
        {
            var oldI = i;
            var w = 1;
            for (var k = PunyBase; ; k += PunyBase)
            {
                if (position >= input.Length)
                {
                    return null;
                }

                var digit = PunycodeDigitValue(input[position++]);
                if (digit < 0 || digit > (int.MaxValue - i) / w)
                {
                    return null;
                }

                i += digit * w;
                var t = PunycodeThreshold(k, bias);
                if (digit < t)
                {
                    break;
                }

                if (w > int.MaxValue / (PunyBase - t))
                {
                    return null;
                }

                w *= PunyBase - t;
            }

            bias = PunycodeAdapt(i - oldI, count + 1, oldI == 0);
            if (i / (count + 1) > int.MaxValue - n)
            {
                return null;
            }

            n += i / (count + 1);
            i %= count + 1;
            if (n < 0x80 || n > 0x10FFFF || (n >= 0xD800 && n <= 0xDFFF) || count == output.Length)
            {
                return null;
            }

            Array.Copy(output, i, output, i + 1, count - i);
            output[i++] = n;
            count++;
        }

        Array.Resize(ref output, count);
        return output;
    }

    /// <summary>RFC 3492 encoding (without the "xn--" prefix); null on overflow.</summary>
    private static string? PunycodeEncode(int[] input)
    {
        var builder = new StringBuilder(input.Length + 8);
        foreach (var cp in input)
        {
            if (cp < 0x80)
            {
                builder.Append((char)cp);
            }
        }

        var handled = builder.Length;
        var basic = handled;
        if (basic > 0)
        {
            builder.Append('-');
        }

        var n = PunyInitialN;
        var delta = 0;
        var bias = PunyInitialBias;
        while (handled < input.Length)
        {
            var m = int.MaxValue;
            foreach (var cp in input)
            {
                if (cp >= n && cp < m)
                {
                    m = cp;
                }
            }

            if (m - n > (int.MaxValue - delta) / (handled + 1))
            {
                return null;
            }

            delta += (m - n) * (handled + 1);
            n = m;
            foreach (var cp in input)
            {
                if (cp < n && ++delta == int.MaxValue)
                {
                    return null;
                }

                if (cp == n)
                {
                    var q = delta;
                    for (var k = PunyBase; ; k += PunyBase)
                    {
                        var t = PunycodeThreshold(k, bias);
                        if (q < t)
                        {
                            break;
                        }

                        builder.Append(PunycodeDigit(t + ((q - t) % (PunyBase - t))));
                        q = (q - t) / (PunyBase - t);
                    }

                    builder.Append(PunycodeDigit(q));
                    bias = PunycodeAdapt(delta, handled + 1, handled == basic);
                    delta = 0;
                    handled++;
                }
            }

            delta++;
            n++;
        }

        return builder.ToString();
    }
}
