using System;

namespace FactSchema.Validation;

// Format checks for dates and times (RFC 3339) and durations (ISO 8601, RFC 3339 appendix A).
internal static partial class FormatChecks
{
    /// <summary>RFC 3339 full-date, for example 2020-02-29.</summary>
    /// <param name="value">The value.</param>
    /// <returns>True when valid.</returns>
    public static bool IsDate(ReadOnlySpan<char> value) => value.Length == 10 && IsFullDate(value);

    /// <summary>RFC 3339 date-time, for example 1985-04-12T23:20:50.52Z.</summary>
    /// <param name="value">The value.</param>
    /// <returns>True when valid.</returns>
    public static bool IsDateTime(ReadOnlySpan<char> value)
    {
        return value.Length > 11
            && IsFullDate(value)
            && (value[10] == 'T' || value[10] == 't')
            && IsFullTime(value.Slice(11));
    }

    /// <summary>RFC 3339 full-time (with its offset), for example 23:20:50.52Z.</summary>
    /// <param name="value">The value.</param>
    /// <returns>True when valid.</returns>
    public static bool IsTime(ReadOnlySpan<char> value) => IsFullTime(value);

    /// <summary>ISO 8601 duration as in RFC 3339 appendix A, for example P4DT12H30M5S or P2W.</summary>
    /// <param name="value">The value.</param>
    /// <returns>True when valid.</returns>
    public static bool IsDuration(ReadOnlySpan<char> value)
    {
        if (value.Length < 2 || value[0] != 'P')
        {
            return false;
        }

        var i = 1;
        var lastRank = -1;
        var any = false;
        while (i < value.Length && value[i] != 'T')
        {
            if (!TryReadDurationUnit(value, ref i, out var unit))
            {
                return false;
            }

            var rank = unit switch
            {
                'Y' => 0,
                'M' => 1,
                'D' => 2,
                'W' => 3,
                _ => -1,
            };
            if (rank < 0)
            {
                return false;
            }

            if (rank == 3)
            {
                // Weeks stand alone.
                return !any && i == value.Length;
            }

            if (lastRank >= 0 && rank != lastRank + 1)
            {
                return false;
            }

            lastRank = rank;
            any = true;
        }

        if (i == value.Length)
        {
            return any;
        }

        i++;
        lastRank = -1;
        any = false;
        while (i < value.Length)
        {
            if (!TryReadDurationUnit(value, ref i, out var unit))
            {
                return false;
            }

            var rank = unit switch
            {
                'H' => 0,
                'M' => 1,
                'S' => 2,
                _ => -1,
            };
            if (rank < 0 || (lastRank >= 0 && rank != lastRank + 1))
            {
                return false;
            }

            lastRank = rank;
            any = true;
        }

        return any;
    }

    private static bool IsFullDate(ReadOnlySpan<char> s)
    {
        if (!TryDigits(s, 0, 4, out var year) || s[4] != '-' || !TryDigits(s, 5, 2, out var month) || s[7] != '-' || !TryDigits(s, 8, 2, out var day))
        {
            return false;
        }

        return month >= 1 && month <= 12 && day >= 1 && day <= DaysInMonth(year, month);
    }

    private static int DaysInMonth(int year, int month) => month switch
    {
        2 => (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28,
        4 or 6 or 9 or 11 => 30,
        _ => 31,
    };

    private static bool IsFullTime(ReadOnlySpan<char> s)
    {
        if (s.Length < 9
            || !TryDigits(s, 0, 2, out var hour)
            || s[2] != ':'
            || !TryDigits(s, 3, 2, out var minute)
            || s[5] != ':'
            || !TryDigits(s, 6, 2, out var second)
            || hour > 23
            || minute > 59
            || second > 60)
        {
            return false;
        }

        var i = 8;
        if (s[i] == '.')
        {
            i++;
            var start = i;
            while (i < s.Length && IsAsciiDigit(s[i]))
            {
                i++;
            }

            if (i == start || i == s.Length)
            {
                return false;
            }
        }

        int offset;
        var sign = s[i];
        if (sign == 'Z' || sign == 'z')
        {
            if (i + 1 != s.Length)
            {
                return false;
            }

            offset = 0;
        }
        else if (sign == '+' || sign == '-')
        {
            if (s.Length - i != 6
                || !TryDigits(s, i + 1, 2, out var offsetHour)
                || s[i + 3] != ':'
                || !TryDigits(s, i + 4, 2, out var offsetMinute)
                || offsetHour > 23
                || offsetMinute > 59)
            {
                return false;
            }

            offset = ((offsetHour * 60) + offsetMinute) * (sign == '-' ? -1 : 1);
        }
        else
        {
            return false;
        }

        if (second == 60)
        {
            // A leap second is only ever the last second of a UTC day.
            var utc = ((((hour * 60) + minute - offset) % 1440) + 1440) % 1440;
            return utc == (23 * 60) + 59;
        }

        return true;
    }

    private static bool TryReadDurationUnit(ReadOnlySpan<char> s, ref int i, out char unit)
    {
        var start = i;
        while (i < s.Length && IsAsciiDigit(s[i]))
        {
            i++;
        }

        if (i == start || i == s.Length)
        {
            unit = '\0';
            return false;
        }

        unit = s[i++];
        return true;
    }
}
