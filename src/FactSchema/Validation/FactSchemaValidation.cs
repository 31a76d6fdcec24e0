using System;
using System.Buffers;
using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using FactSchema.Serialization;

namespace FactSchema.Validation;

/// <summary>
/// A generated validator: checks the JSON value at the reader's current token against one schema, reading it
/// once. When it returns true (and always while errors are collected) the reader is on the value's last token;
/// after a quiet failure its position is unspecified.
/// </summary>
/// <param name="reader">A reader on the value's first token.</param>
/// <param name="context">The state of the validation run.</param>
/// <param name="evaluated">Where to mark the properties or items the schema evaluated, or null when nobody asks.</param>
/// <returns>True when the value is valid.</returns>
public delegate bool JsonValidator(ref Utf8JsonReader reader, ValidationContext context, EvaluatedSet? evaluated);

/// <summary>
/// Running generated validators, and the checks they share: numbers compared exactly, string lengths in
/// code points, ECMAScript-style patterns that cannot hang, formats, and JSON equality. Used by generated
/// code; call the generated <c>ValidateJson</c> and <c>Validate</c> methods instead.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class FactSchemaValidation
{
    /// <summary>The longest a pattern may run on one string before the value is reported invalid.</summary>
    public static readonly TimeSpan PatternTimeout = TimeSpan.FromSeconds(1);

    private const int StackLimit = 256;

    /// <summary>Validates a whole UTF-8 JSON document without materialising it (every generated <c>ValidateJson</c> documents itself from here).</summary>
    /// <param name="utf8Json">The whole JSON document, UTF-8 encoded.</param>
    /// <param name="validator">The generated validator of its schema.</param>
    /// <param name="readerOptions">Depth and size limits, or null for the defaults.</param>
    /// <param name="options">The error cap, or null for the default.</param>
    /// <returns>The result: <see cref="ValidationResult.Valid"/> (no allocation) or every error found.</returns>
    /// <exception cref="FactSchemaJsonException">The document is not well-formed JSON, or is over a limit.</exception>
    public static ValidationResult Validate(ReadOnlySpan<byte> utf8Json, JsonValidator validator, FactSchemaReaderOptions? readerOptions = null, ValidationOptions? options = null)
    {
        if (validator is null)
        {
            throw new ArgumentNullException(nameof(validator));
        }

        try
        {
            var reader = FactSchemaReader.CreateReader(utf8Json, readerOptions);
            FactSchemaReader.Read(ref reader);

            // A validator that succeeds, or that collects errors, has read the whole value: the reader checked
            // well-formedness on the way; what is left is content after the value.
            var result = Run(reader, validator, options, checkEnd: true);
            if (result.IsValid)
            {
                return result;
            }

            var located = new ValidationError[result.Errors.Count];
            for (var i = 0; i < located.Length; i++)
            {
                located[i] = result.Errors[i].WithLine(utf8Json);
            }

            return ValidationResult.FromErrors(located, result.IsTruncated);
        }
        catch (JsonException ex) when (ex is not FactSchemaValidationException)
        {
            throw FactSchemaJsonException.ForDocument(ex, utf8Json);
        }
    }

    /// <summary>Whether a whole UTF-8 JSON document is valid: stops at the first error and never allocates.</summary>
    /// <param name="utf8Json">The document.</param>
    /// <param name="validator">The generated validator of its schema.</param>
    /// <param name="readerOptions">Depth and size limits, or null for the defaults.</param>
    /// <returns>True when valid.</returns>
    /// <exception cref="FactSchemaJsonException">The document is not well-formed JSON, or is over a limit.</exception>
    public static bool IsValid(ReadOnlySpan<byte> utf8Json, JsonValidator validator, FactSchemaReaderOptions? readerOptions = null)
    {
        if (validator is null)
        {
            throw new ArgumentNullException(nameof(validator));
        }

        try
        {
            var reader = FactSchemaReader.CreateReader(utf8Json, readerOptions);
            FactSchemaReader.Read(ref reader);
            var context = ValidationContext.Rent(collect: false, null);
            bool valid;
            var value = reader;
            try
            {
                valid = validator(ref value, context, null);
            }
            finally
            {
                ValidationContext.Return(context);
            }

            if (!valid)
            {
                // A quiet failure may stop early: the rest must still be well-formed JSON for a plain "invalid".
                value = reader;
                Skip(ref value);
            }

            FactSchemaReader.EnsureEndOfDocument(ref value);
            return valid;
        }
        catch (JsonException ex)
        {
            throw FactSchemaJsonException.ForDocument(ex, utf8Json);
        }
    }

    /// <summary>The errors a reading failure stands for (used by generated <c>TryDeserialize</c> methods).</summary>
    /// <param name="exception">The failure.</param>
    /// <param name="utf8Json">The document, for line and position.</param>
    /// <returns>The errors.</returns>
    public static ValidationError[] ErrorsOf(JsonException exception, ReadOnlySpan<byte> utf8Json)
    {
        if (exception is FactSchemaValidationException validation)
        {
            var copy = new ValidationError[validation.Errors.Count];
            for (var i = 0; i < copy.Length; i++)
            {
                copy[i] = validation.Errors[i];
            }

            return copy;
        }

        var error = exception as FactSchemaJsonException ?? FactSchemaJsonException.ForDocument(exception, utf8Json);
        return new[] { new ValidationError(error.InstanceLocation, string.Empty, error.Message) };
    }

    /// <summary>Validates the value at a reader's current token (or the next one, for a fresh reader); the reader does not move.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="validator">The generated validator of the value's schema.</param>
    /// <param name="options">The error cap, or null for the default.</param>
    /// <returns>The result.</returns>
    public static ValidationResult Validate(ref Utf8JsonReader reader, JsonValidator validator, ValidationOptions? options = null)
    {
        if (validator is null)
        {
            throw new ArgumentNullException(nameof(validator));
        }

        FactSchemaReader.MoveToValue(ref reader);
        return Run(reader, validator, options);
    }

    private static ValidationResult Run(Utf8JsonReader reader, JsonValidator validator, ValidationOptions? options, bool checkEnd = false)
    {
        var context = ValidationContext.Rent(collect: false, options);
        try
        {
            var quiet = reader;
            if (validator(ref quiet, context, null))
            {
                if (checkEnd)
                {
                    FactSchemaReader.EnsureEndOfDocument(ref quiet);
                }

                return ValidationResult.Valid;
            }
        }
        finally
        {
            ValidationContext.Return(context);
        }

        // Invalid: run again, collecting every error with its location (allocation is fine on this path).
        context = ValidationContext.Rent(collect: true, options);
        try
        {
            var collecting = reader;
            validator(ref collecting, context, null);
            if (checkEnd)
            {
                // A cap on errors stops reading early: check the rest of the document for well-formedness.
                if (context.IsTruncated)
                {
                    collecting = reader;
                    Skip(ref collecting);
                }

                FactSchemaReader.EnsureEndOfDocument(ref collecting);
            }

            var errors = new ValidationError[context.Errors.Count];
            for (var i = 0; i < errors.Length; i++)
            {
                errors[i] = context.Errors[i];
            }

            if (errors.Length == 0)
            {
                errors = new[] { new ValidationError(string.Empty, string.Empty, "the value does not match the schema") };
            }

            return ValidationResult.FromErrors(errors, context.IsTruncated);
        }
        finally
        {
            ValidationContext.Return(context);
        }
    }

    /// <summary>Whether the value at the reader matches a schema, without moving the reader (union dispatch by shape).</summary>
    /// <param name="reader">A reader on the value's first token (a copy is used).</param>
    /// <param name="validator">The generated validator of the variant's schema.</param>
    /// <returns>True when the value is valid against it.</returns>
    public static bool Matches(Utf8JsonReader reader, JsonValidator validator)
    {
        if (validator is null)
        {
            throw new ArgumentNullException(nameof(validator));
        }

        var context = ValidationContext.Rent(collect: false, null);
        try
        {
            return validator(ref reader, context, null);
        }
        finally
        {
            ValidationContext.Return(context);
        }
    }

    /// <summary>
    /// Whether no two items of a list read from a JSON array are equal by <see cref="System.Collections.Generic.EqualityComparer{T}.Default"/>
    /// (<c>uniqueItems</c> checked on typed scalars: equal JSON values always read as equal items, so a list without
    /// equal items proves the array unique; the reverse need not hold, and the caller then asks the validator).
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The items.</param>
    /// <returns>True when all items differ.</returns>
    public static bool AreDistinct<T>(System.Collections.Generic.List<T> items)
    {
        if (items is null)
        {
            throw new ArgumentNullException(nameof(items));
        }

        var comparer = System.Collections.Generic.EqualityComparer<T>.Default;
        if (items.Count <= 16)
        {
            for (var i = 1; i < items.Count; i++)
            {
                for (var j = 0; j < i; j++)
                {
                    if (comparer.Equals(items[i], items[j]))
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        var seen = new System.Collections.Generic.HashSet<T>(comparer);
        foreach (var item in items)
        {
            if (!seen.Add(item))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Which branch of a discriminated union can match the value: the index into <paramref name="values"/> of the branch
    /// its discriminator names; -1 when the value is an object whose discriminator names no branch (none can match);
    /// -2 when the value is not an object or has no discriminator (every branch must be tried).
    /// </summary>
    /// <param name="reader">A reader on the value's first token (a copy is used).</param>
    /// <param name="utf8Name">The discriminator property's name.</param>
    /// <param name="values">Each branch's discriminator value.</param>
    /// <returns>The branch, -1 or -2.</returns>
    public static int SelectBranch(Utf8JsonReader reader, ReadOnlySpan<byte> utf8Name, string[] values)
    {
        if (values is null)
        {
            throw new ArgumentNullException(nameof(values));
        }

        if (reader.TokenType != JsonTokenType.StartObject || !FactSchemaReader.TryFindProperty(reader, utf8Name, out var tag))
        {
            return -2;
        }

        if (tag.TokenType == JsonTokenType.String)
        {
            try
            {
                for (var i = 0; i < values.Length; i++)
                {
                    if (tag.ValueTextEquals(values[i]))
                    {
                        return i;
                    }
                }
            }
            catch (InvalidOperationException)
            {
                // Not valid Unicode (an escaped unpaired surrogate): let every branch judge it.
                return -2;
            }
        }

        return -1;
    }

    /// <summary>Moves to the value's last token when the reader is on the start of an object or array (a no-op on any other token).</summary>
    /// <param name="reader">The reader.</param>
    public static void Skip(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip())
        {
            throw new FactSchemaJsonException("the JSON ends before the value is complete", reader.BytesConsumed);
        }
    }

    /// <summary>Reads the next token, failing clearly when the JSON ends early.</summary>
    /// <param name="reader">The reader.</param>
    public static void Read(ref Utf8JsonReader reader) => FactSchemaReader.Read(ref reader);

    /// <summary>True for a number with no fractional part (<c>1.0</c> is an integer, as JSON Schema says).</summary>
    /// <param name="reader">A reader on a number.</param>
    /// <returns>Whether the number is an integer.</returns>
    public static bool IsInteger(ref Utf8JsonReader reader)
    {
        if (reader.TryGetInt64(out _))
        {
            return true;
        }

        if (reader.TryGetDecimal(out var value))
        {
            return decimal.Truncate(value) == value;
        }

        var d = ToDouble(ref reader);
        return double.IsInfinity(d) || Math.Floor(d) == d;
    }

    /// <summary>Compares the number at the reader with a bound, exactly where both fit a decimal.</summary>
    /// <param name="reader">A reader on a number.</param>
    /// <param name="bound">The bound.</param>
    /// <returns>Less than zero, zero or more than zero, as <see cref="IComparable.CompareTo"/>.</returns>
    public static int CompareNumber(ref Utf8JsonReader reader, decimal bound)
        => reader.TryGetDecimal(out var value) ? value.CompareTo(bound) : ToDouble(ref reader).CompareTo((double)bound);

    /// <summary>Compares the number at the reader with a bound too large for a decimal.</summary>
    /// <param name="reader">A reader on a number.</param>
    /// <param name="bound">The bound.</param>
    /// <returns>Less than zero, zero or more than zero.</returns>
    public static int CompareNumber(ref Utf8JsonReader reader, double bound) => ToDouble(ref reader).CompareTo(bound);

    /// <summary>Whether the number at the reader is a multiple of <paramref name="divisor"/>, exactly in decimal arithmetic.</summary>
    /// <param name="reader">A reader on a number.</param>
    /// <param name="divisor">The positive divisor.</param>
    /// <returns>True when the quotient is an integer.</returns>
    public static bool IsMultipleOf(ref Utf8JsonReader reader, decimal divisor)
    {
        if (reader.TryGetDecimal(out var value))
        {
            try
            {
                return value % divisor == 0m;
            }
            catch (OverflowException)
            {
            }
        }

        return IsMultipleOf(ref reader, (double)divisor);
    }

    /// <summary>Whether the number at the reader is a multiple of a divisor too large or small for a decimal.</summary>
    /// <param name="reader">A reader on a number.</param>
    /// <param name="divisor">The positive divisor.</param>
    /// <returns>True when the quotient is a finite integer.</returns>
    public static bool IsMultipleOf(ref Utf8JsonReader reader, double divisor)
    {
        var quotient = ToDouble(ref reader) / divisor;
        return !double.IsInfinity(quotient) && !double.IsNaN(quotient) && Math.Floor(quotient) == quotient;
    }

    private static double ToDouble(ref Utf8JsonReader reader)
    {
        if (reader.TryGetDouble(out var value))
        {
            return value;
        }

        // Out of double range: the sign is all that matters for comparisons.
        var first = reader.HasValueSequence ? reader.ValueSequence.First.Span[0] : reader.ValueSpan[0];
        return first == (byte)'-' ? double.NegativeInfinity : double.PositiveInfinity;
    }

    /// <summary>The length of the string at the reader in Unicode code points (a surrogate pair counts once), as JSON Schema counts.</summary>
    /// <param name="reader">A reader on a string or property name.</param>
    /// <returns>The number of code points.</returns>
    public static int StringLength(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            var count = 0;
            foreach (var b in reader.ValueSpan)
            {
                if ((b & 0xC0) != 0x80)
                {
                    count++;
                }
            }

            return count;
        }

        using var scratch = new Scratch<char>(ValueLength(ref reader), stackalloc char[StackLimit]);
        var chars = scratch.Buffer.Slice(0, reader.CopyString(scratch.Buffer));
        var result = chars.Length;
        for (var i = 1; i < chars.Length; i++)
        {
            if (char.IsLowSurrogate(chars[i]) && char.IsHighSurrogate(chars[i - 1]))
            {
                result--;
            }
        }

        return result;
    }

    /// <summary>
    /// Whether a string read from JSON has between <paramref name="min"/> and <paramref name="max"/> Unicode code points
    /// (a surrogate pair counts once), as <see cref="StringLength"/> counts them on the token. Most strings are decided by
    /// their UTF-16 length alone, which is at least the number of code points and at most twice it.
    /// </summary>
    /// <param name="value">The decoded string.</param>
    /// <param name="min">The least number of code points (<c>minLength</c>, 0 for none).</param>
    /// <param name="max">The most (<c>maxLength</c>, <see cref="int.MaxValue"/> for none).</param>
    /// <returns>True when the length is in range.</returns>
    public static bool LengthInRange(string value, int min, int max)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        var length = value.Length;
        if (length <= max && (length + 1) / 2 >= min)
        {
            return true;
        }

        var count = length;
        for (var i = 1; i < length; i++)
        {
            if (char.IsLowSurrogate(value[i]) && char.IsHighSurrogate(value[i - 1]))
            {
                count--;
                i++;
            }
        }

        return count >= min && count <= max;
    }

    /// <summary>Stack memory for short values, a pooled array for long ones; return it with <c>using</c>.</summary>
    private ref struct Scratch<T>
    {
        private readonly T[]? _rented;

        public Scratch(int length, Span<T> stack)
        {
            _rented = length <= stack.Length ? null : ArrayPool<T>.Shared.Rent(length);
            Buffer = _rented ?? stack;
        }

        public Span<T> Buffer { get; }

        public readonly void Dispose()
        {
            if (_rented is not null)
            {
                ArrayPool<T>.Shared.Return(_rented);
            }
        }
    }

    private static int ValueLength(ref Utf8JsonReader reader)
        => checked((int)(reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length));

    /// <summary>Whether the string at the reader matches a schema's <c>pattern</c> (unanchored, as in ECMAScript).</summary>
    /// <param name="reader">A reader on a string or property name.</param>
    /// <param name="cache">The field that keeps the compiled pattern.</param>
    /// <param name="pattern">The pattern, as written in the schema.</param>
    /// <returns>True on a match; false on no match, for a pattern that cannot be compiled (FS0014 at build time), and for one that ran past <see cref="PatternTimeout"/>.</returns>
    public static bool IsMatch(ref Utf8JsonReader reader, ref PatternMatcher? cache, string pattern)
    {
        var matcher = cache;
        if (matcher is null)
        {
            try
            {
                matcher = Interlocked.CompareExchange(ref cache, PatternMatcher.Create(pattern), null) ?? cache!;
            }
            catch (ArgumentException)
            {
                return false;
            }
        }

        if (matcher.TryGetRegex(out var regex))
        {
            return IsRegexMatch(ref reader, regex!);
        }

        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            return matcher.IsMatch(reader.ValueSpan);
        }

        using var scratch = new Scratch<byte>(ValueLength(ref reader), stackalloc byte[StackLimit]);
        var text = scratch.Buffer.Slice(0, reader.CopyString(scratch.Buffer));
        return matcher.IsMatch(text);
    }

    private static bool IsRegexMatch(ref Utf8JsonReader reader, Regex regex)
    {
        using var scratch = new Scratch<char>(ValueLength(ref reader), stackalloc char[StackLimit]);
        var chars = scratch.Buffer.Slice(0, reader.CopyString(scratch.Buffer));
        try
        {
#if NET7_0_OR_GREATER
            return regex.IsMatch(chars);
#else
            return regex.IsMatch(chars.ToString());
#endif
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>
    /// Compiles a JSON Schema pattern: ECMAScript's ASCII <c>\d</c> and <c>\w</c> and end-only <c>$</c>, with the
    /// non-backtracking engine where the pattern allows it (linear time), otherwise with a timeout.
    /// </summary>
    /// <param name="pattern">The pattern.</param>
    /// <returns>The regular expression.</returns>
    public static Regex CreateRegex(string pattern)
    {
        var translated = TranslatePattern(pattern);
#if NET7_0_OR_GREATER
        try
        {
            return new Regex(translated, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
        }
        catch (NotSupportedException)
        {
        }
#endif
        return new Regex(translated, RegexOptions.CultureInvariant, PatternTimeout);
    }

    /// <summary>Rewrites the ECMAScript constructs whose meaning differs in .NET (ASCII <c>\\d</c>/<c>\\w</c>, end-only <c>$</c>, long Unicode property names).</summary>
    /// <param name="pattern">The ECMAScript pattern.</param>
    /// <returns>The .NET pattern.</returns>
    public static string TranslatePattern(string pattern)
        => PatternTranslator.Translate(pattern ?? throw new ArgumentNullException(nameof(pattern)));

    /// <summary>Whether the string at the reader is valid for a <c>format</c> (unknown formats and non-strings pass).</summary>
    /// <param name="reader">A reader on a string or property name.</param>
    /// <param name="format">The format name, for example "date-time".</param>
    /// <returns>True when valid.</returns>
    public static bool CheckFormat(ref Utf8JsonReader reader, string format)
    {
        using var scratch = new Scratch<char>(ValueLength(ref reader), stackalloc char[StackLimit]);
        var chars = scratch.Buffer.Slice(0, reader.CopyString(scratch.Buffer));
        return !FormatChecks.TryCheck(format, chars, out var valid) || valid;
    }

    /// <summary>Whether the value at the reader equals a constant (JSON equality: numbers by value, objects regardless of member order).</summary>
    /// <param name="reader">A reader on the value's first token.</param>
    /// <param name="constant">The constant, as UTF-8 JSON.</param>
    /// <returns>True when equal.</returns>
    public static bool JsonEquals(ref Utf8JsonReader reader, byte[] constant)
    {
        var other = new Utf8JsonReader(constant);
        other.Read();
        return ValueEquals(reader, other);
    }

    /// <summary>Whether the items of the array at the reader are pairwise different (JSON equality).</summary>
    /// <param name="array">A reader on the array's start.</param>
    /// <returns>True when no two items are equal.</returns>
    /// <remarks>
    /// Small arrays are compared pairwise. Larger ones are hashed first (a structural hash, seeded per process,
    /// that equal values share), so the work is O(n log n) and only items with equal hashes are compared.
    /// </remarks>
    public static bool ItemsUnique(Utf8JsonReader array)
    {
        var count = 0;
        var counter = array;
        while (true)
        {
            Read(ref counter);
            if (counter.TokenType == JsonTokenType.EndArray)
            {
                break;
            }

            count++;
            Skip(ref counter);
        }

        if (count < 2)
        {
            return true;
        }

        if (count <= 8)
        {
            return PairwiseUnique(array);
        }

        var hashes = ArrayPool<ulong>.Shared.Rent(count);
        var order = ArrayPool<int>.Shared.Rent(count);
        try
        {
            var item = array;
            for (var k = 0; k < count; k++)
            {
                Read(ref item);
                var copy = item;
                hashes[k] = Hash(ref copy);
                order[k] = k;
                Skip(ref item);
            }

            Array.Sort(hashes, order, 0, count);

            // Equal values always hash equal: only items whose hashes are equal are compared, each pair by
            // walking to the two items (a seeded 64-bit hash makes unequal collisions rare; an equal pair ends it).
            for (var k = 1; k < count; k++)
            {
                for (var m = k - 1; m >= 0 && hashes[m] == hashes[k]; m--)
                {
                    if (ItemsEqual(array, Math.Min(order[m], order[k]), Math.Max(order[m], order[k])))
                    {
                        return false;
                    }
                }
            }

            return true;
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(hashes);
            ArrayPool<int>.Shared.Return(order);
        }
    }

    private static bool ItemsEqual(Utf8JsonReader array, int first, int second)
    {
        var reader = array;
        for (var k = 0; k <= first; k++)
        {
            Read(ref reader);
            if (k < first)
            {
                Skip(ref reader);
            }
        }

        var a = reader;
        for (var k = first; k < second; k++)
        {
            Skip(ref reader);
            Read(ref reader);
        }

        return ValueEquals(a, reader);
    }

    private static bool PairwiseUnique(Utf8JsonReader array)
    {
        var outer = array;
        while (true)
        {
            Read(ref outer);
            if (outer.TokenType == JsonTokenType.EndArray)
            {
                return true;
            }

            var inner = outer;
            Skip(ref inner);
            while (true)
            {
                Read(ref inner);
                if (inner.TokenType == JsonTokenType.EndArray)
                {
                    break;
                }

                if (ValueEquals(outer, inner))
                {
                    return false;
                }

                Skip(ref inner);
            }

            Skip(ref outer);
        }
    }

    private static readonly ulong s_hashSeed = (ulong)Environment.TickCount * 0x9E3779B97F4A7C15UL ^ (ulong)Guid.NewGuid().GetHashCode();

    /// <summary>A structural hash of the value at the reader, consistent with <see cref="ValueEquals"/>; moves the reader past the value.</summary>
    private static ulong Hash(ref Utf8JsonReader reader)
    {
        switch (Kind(reader.TokenType))
        {
            case JsonTokenType.String:
                return Mix(HashString(ref reader) ^ 0x5151);
            case JsonTokenType.Number:
                var d = ToDouble(ref reader);
                return Mix((ulong)BitConverter.DoubleToInt64Bits(d == 0 ? 0d : d) ^ 0x2222);
            case JsonTokenType.True:
                return Mix(0x7777);
            case JsonTokenType.False:
                return Mix(0x8888);
            case JsonTokenType.Null:
                return Mix(0x9999);
            case JsonTokenType.StartArray:
                ulong array = 0xAAAA;
                while (true)
                {
                    Read(ref reader);
                    if (reader.TokenType == JsonTokenType.EndArray)
                    {
                        return Mix(array);
                    }

                    array = (array * 31) + Hash(ref reader);
                }

            case JsonTokenType.StartObject:
                // Members in any order hash the same: a sum of per-member hashes.
                ulong obj = 0xBBBB;
                while (true)
                {
                    Read(ref reader);
                    if (reader.TokenType == JsonTokenType.EndObject)
                    {
                        return Mix(obj);
                    }

                    var name = HashString(ref reader);
                    Read(ref reader);
                    obj += Mix(name + (Hash(ref reader) * 0x100000001B3UL));
                }

            default:
                return 0;
        }
    }

    private static ulong HashString(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            return HashBytes(reader.ValueSpan);
        }

        using var scratch = new Scratch<byte>(ValueLength(ref reader), stackalloc byte[StackLimit]);
        var text = scratch.Buffer.Slice(0, reader.CopyString(scratch.Buffer));
        return HashBytes(text);
    }

    private static ulong HashBytes(ReadOnlySpan<byte> bytes)
    {
        var hash = s_hashSeed ^ 0xCBF29CE484222325UL;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 0x100000001B3UL;
        }

        return hash;
    }

    private static ulong Mix(ulong value)
    {
        // A finaliser (from SplitMix64), so that sums and products of hashes stay well spread.
        value ^= s_hashSeed;
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
        return value ^ (value >> 31);
    }

    private static JsonTokenType Kind(JsonTokenType type) => type == JsonTokenType.PropertyName ? JsonTokenType.String : type;

    private static bool ValueEquals(Utf8JsonReader a, Utf8JsonReader b)
    {
        var kind = Kind(a.TokenType);
        if (kind != Kind(b.TokenType))
        {
            return false;
        }

        switch (kind)
        {
            case JsonTokenType.String:
                return StringEquals(ref a, ref b);
            case JsonTokenType.Number:
                if (a.TryGetDecimal(out var x) && b.TryGetDecimal(out var y))
                {
                    return x == y;
                }

                return ToDouble(ref a) == ToDouble(ref b);
            case JsonTokenType.StartArray:
                while (true)
                {
                    Read(ref a);
                    Read(ref b);
                    if (a.TokenType == JsonTokenType.EndArray || b.TokenType == JsonTokenType.EndArray)
                    {
                        return a.TokenType == b.TokenType;
                    }

                    if (!ValueEquals(a, b))
                    {
                        return false;
                    }

                    Skip(ref a);
                    Skip(ref b);
                }

            case JsonTokenType.StartObject:
                var members = CountMembers(a);
                if (members != CountMembers(b))
                {
                    return false;
                }

                if (members > LargeObject)
                {
                    // Matching members by name is quadratic; large objects are compared by the sorted seeded
                    // 64-bit hashes of their members instead (equal objects always agree; unequal ones collide
                    // with negligible probability).
                    return SameMemberHashes(a, b, members);
                }

                while (true)
                {
                    Read(ref a);
                    if (a.TokenType == JsonTokenType.EndObject)
                    {
                        return true;
                    }

                    var name = a;
                    Read(ref a);
                    if (!FindMember(b, ref name, out var match) || !ValueEquals(a, match))
                    {
                        return false;
                    }

                    Skip(ref a);
                }

            default:
                return true;
        }
    }

    private const int LargeObject = 64;

    private static bool SameMemberHashes(Utf8JsonReader a, Utf8JsonReader b, int members)
    {
        var left = ArrayPool<ulong>.Shared.Rent(members);
        var right = ArrayPool<ulong>.Shared.Rent(members);
        try
        {
            MemberHashes(a, left);
            MemberHashes(b, right);
            Array.Sort(left, 0, members);
            Array.Sort(right, 0, members);
            for (var i = 0; i < members; i++)
            {
                if (left[i] != right[i])
                {
                    return false;
                }
            }

            return true;
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(left);
            ArrayPool<ulong>.Shared.Return(right);
        }
    }

    private static void MemberHashes(Utf8JsonReader obj, ulong[] hashes)
    {
        var i = 0;
        while (true)
        {
            Read(ref obj);
            if (obj.TokenType == JsonTokenType.EndObject)
            {
                return;
            }

            var name = HashString(ref obj);
            Read(ref obj);
            hashes[i++] = Mix(name + (Hash(ref obj) * 0x100000001B3UL));
        }
    }

    private static int CountMembers(Utf8JsonReader obj)
    {
        var count = 0;
        while (true)
        {
            Read(ref obj);
            if (obj.TokenType == JsonTokenType.EndObject)
            {
                return count;
            }

            count++;
            Read(ref obj);
            Skip(ref obj);
        }
    }

    private static bool FindMember(Utf8JsonReader obj, ref Utf8JsonReader name, out Utf8JsonReader value)
    {
        while (true)
        {
            Read(ref obj);
            if (obj.TokenType == JsonTokenType.EndObject)
            {
                value = default;
                return false;
            }

            var matches = StringEquals(ref obj, ref name);
            Read(ref obj);
            if (matches)
            {
                value = obj;
                return true;
            }

            Skip(ref obj);
        }
    }

    private static bool StringEquals(ref Utf8JsonReader a, ref Utf8JsonReader b)
    {
        if (!a.ValueIsEscaped && !b.ValueIsEscaped && !a.HasValueSequence && !b.HasValueSequence)
        {
            return a.ValueSpan.SequenceEqual(b.ValueSpan);
        }

        using var scratch = new Scratch<byte>(ValueLength(ref b), stackalloc byte[StackLimit]);
        var text = scratch.Buffer.Slice(0, b.CopyString(scratch.Buffer));
        return a.ValueTextEquals(text);
    }

    /// <summary>The string at the reader (for error paths; allocates).</summary>
    /// <param name="reader">A reader on a string or property name.</param>
    /// <returns>The string, or a placeholder when it is not valid Unicode.</returns>
    public static string GetString(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString() ?? string.Empty;
        }
        catch (InvalidOperationException)
        {
            return "\uFFFD";
        }
    }

    /// <summary>A short description of the value at the reader, for messages: <c>'eur'</c>, <c>42</c>, <c>an object</c>.</summary>
    /// <param name="reader">A reader on the value's first token.</param>
    /// <returns>The description.</returns>
    public static string Describe(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
            case JsonTokenType.PropertyName:
                var text = GetString(ref reader);
                return "'" + (text.Length > 60 ? text.Substring(0, 57) + "..." : text) + "'";
            case JsonTokenType.Number:
                var raw = Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray());
                return raw.Length > 40 ? raw.Substring(0, 37) + "..." : raw;
            case JsonTokenType.True:
                return "true";
            case JsonTokenType.False:
                return "false";
            case JsonTokenType.Null:
                return "null";
            case JsonTokenType.StartObject:
                return "the object";
            case JsonTokenType.StartArray:
                return "the array";
            default:
                return "the value";
        }
    }

    /// <summary>
    /// The whole validator of a schema that asserts only <c>type</c>, the most common subschema: checks the value's JSON
    /// type, records the error (<paramref name="expected"/> and what was found) and leaves the reader on the value's last token.
    /// </summary>
    /// <param name="reader">A reader on the value's first token.</param>
    /// <param name="context">The validation run.</param>
    /// <param name="types">The JSON types the schema allows.</param>
    /// <param name="keywordLocation">The <c>type</c> keyword's absolute location.</param>
    /// <param name="expected">The start of the message, for example "expected a string or null, found ".</param>
    /// <returns>True when the value has one of the types.</returns>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static bool CheckType(ref Utf8JsonReader reader, ValidationContext context, JsonTypes types, string keywordLocation, string expected)
    {
        var matches = reader.TokenType switch
        {
            JsonTokenType.String or JsonTokenType.PropertyName => (types & JsonTypes.String) != 0,
            JsonTokenType.Number => (types & JsonTypes.Number) != 0 || ((types & JsonTypes.Integer) != 0 && IsInteger(ref reader)),
            JsonTokenType.True or JsonTokenType.False => (types & JsonTypes.Boolean) != 0,
            JsonTokenType.Null => (types & JsonTypes.Null) != 0,
            JsonTokenType.StartObject => (types & JsonTypes.Object) != 0,
            JsonTokenType.StartArray => (types & JsonTypes.Array) != 0,
            _ => false,
        };
        if (matches)
        {
            Skip(ref reader);
            return true;
        }

        return TypeMismatch(ref reader, context, keywordLocation, expected);
    }

    // The cold path of CheckType, kept out of the inlined part.
    private static bool TypeMismatch(ref Utf8JsonReader reader, ValidationContext context, string keywordLocation, string expected)
    {
        if (context is null)
        {
            throw new ArgumentNullException(nameof(context));
        }

        if (!context.Quiet)
        {
            context.AddErrorAt(ref reader, keywordLocation, expected + Found(ref reader));
            Skip(ref reader);
        }

        return false;
    }

    /// <summary>What the value at the reader is, for "expected ..., found ..." messages: <c>'text'</c>, <c>1.5</c>, <c>null</c>, <c>an object</c>.</summary>
    /// <param name="reader">A reader on the value's first token.</param>
    /// <returns>The description.</returns>
    public static string Found(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        _ => Describe(ref reader),
    };
}
