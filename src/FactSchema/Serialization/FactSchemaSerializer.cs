using System;
using System.Buffers;
using System.IO;
using System.Text;
using System.Text.Json;

namespace FactSchema.Serialization;

/// <summary>Serializes generated values with their generated writers, reusing buffers between calls.</summary>
public static class FactSchemaSerializer
{
    [ThreadStatic]
    private static PooledBufferWriter? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>Serializes a value to UTF-8 JSON bytes (compact, default escaping: the same bytes <c>JsonSerializer</c> writes).</summary>
    /// <param name="value">The value.</param>
    /// <returns>The JSON bytes.</returns>
    public static byte[] SerializeToUtf8Bytes(IFactSchemaValue value)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        var buffer = t_buffer ??= new PooledBufferWriter();
        var writer = ThreadWriter(buffer);

        try
        {
            value.WriteTo(writer);
            writer.Flush();
            return buffer.WrittenSpan.ToArray();
        }
        finally
        {
            writer.Reset();
            buffer.Clear();
        }
    }

    /// <summary>
    /// Reads a value of a generated type from a UTF-8 JSON document, checking it against the schema as it goes (every
    /// generated <c>Deserialize</c> documents itself from here). One pass: the typed read checks well-formedness and shape
    /// (first error, exact path) and the schema's keywords on the values as it reads them; where it could not prove the
    /// value valid, the validator runs over the document: it has the last word, and it reports every error.
    /// </summary>
    /// <typeparam name="T">The generated type.</typeparam>
    /// <param name="utf8Json">The whole JSON document, UTF-8 encoded.</param>
    /// <param name="options">Depth and size limits, or null for the safe defaults.</param>
    /// <param name="read">The type's <c>ReadChecked</c>.</param>
    /// <param name="validator">The type's validator.</param>
    /// <returns>The value.</returns>
    /// <exception cref="FactSchemaJsonException">The JSON is malformed, over a limit, or does not match the schema; the message names the JSON Pointer path, line and position.</exception>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public static T Deserialize<T>(ReadOnlySpan<byte> utf8Json, FactSchemaReaderOptions? options, CheckedReader<T> read, FactSchema.Validation.JsonValidator validator)
    {
        if (read is null)
        {
            throw new ArgumentNullException(nameof(read));
        }

        try
        {
            var reader = FactSchemaReader.CreateReader(utf8Json, options);
            var validate = options?.ValidateSchema ?? true;
            var proven = validate;
            var value = read(ref reader, ref proven);
            FactSchemaReader.EnsureEndOfDocument(ref reader);
            if (validate && !proven)
            {
                FactSchema.Validation.FactSchemaValidation.Validate(utf8Json, validator, options, options?.Validation).ThrowIfInvalid();
            }

            return value;
        }
        catch (JsonException ex) when (ex is not FactSchema.Validation.FactSchemaValidationException)
        {
            throw FactSchemaJsonException.ForDocument(ex, utf8Json);
        }
    }

    /// <summary>
    /// Reads a value of a generated type from a reader positioned on (or just before) it, validating it against the
    /// schema, and leaves the reader on the value's last token (every generated <c>Deserialize(ref reader)</c> documents
    /// itself from here). The validator runs over the value only where the typed read could not prove it valid.
    /// </summary>
    /// <typeparam name="T">The generated type.</typeparam>
    /// <param name="reader">The reader, positioned on (or just before) the value; left on its last token.</param>
    /// <param name="read">The type's <c>ReadChecked</c>.</param>
    /// <param name="validator">The type's validator.</param>
    /// <returns>The value.</returns>
    /// <exception cref="FactSchema.Validation.FactSchemaValidationException">The value does not match the schema; every error is listed with its JSON Pointer.</exception>
    /// <exception cref="FactSchemaJsonException">The JSON is malformed; the message names the JSON Pointer path.</exception>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public static T Deserialize<T>(ref Utf8JsonReader reader, CheckedReader<T> read, FactSchema.Validation.JsonValidator validator)
    {
        if (read is null)
        {
            throw new ArgumentNullException(nameof(read));
        }

        FactSchemaReader.MoveToValue(ref reader);
        var start = reader;
        var proven = true;
        var value = read(ref reader, ref proven);
        if (!proven)
        {
            FactSchema.Validation.FactSchemaValidation.Validate(ref start, validator).ThrowIfInvalid();
        }

        return value;
    }

    /// <summary>
    /// Reads a value of a generated type if the document is well-formed and valid; otherwise reports every error instead
    /// of throwing (every generated <c>TryDeserialize</c> documents itself from here).
    /// </summary>
    /// <typeparam name="T">The generated type.</typeparam>
    /// <param name="utf8Json">The whole JSON document, UTF-8 encoded.</param>
    /// <param name="read">The type's <c>ReadChecked</c>.</param>
    /// <param name="validator">The type's validator.</param>
    /// <param name="value">The value, when valid; otherwise the default.</param>
    /// <param name="errors">The errors, when not (empty when valid).</param>
    /// <returns>True when the document was read.</returns>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public static bool TryDeserialize<T>(ReadOnlySpan<byte> utf8Json, CheckedReader<T> read, FactSchema.Validation.JsonValidator validator, out T? value, out System.Collections.Generic.IReadOnlyList<FactSchema.Validation.ValidationError> errors)
    {
        if (read is null)
        {
            throw new ArgumentNullException(nameof(read));
        }

        value = default;
        try
        {
            var checkedReader = FactSchemaReader.CreateReader(utf8Json, null);
            var proven = true;
            var result = read(ref checkedReader, ref proven);
            FactSchemaReader.EnsureEndOfDocument(ref checkedReader);
            if (proven)
            {
                value = result;
                errors = Array.Empty<FactSchema.Validation.ValidationError>();
                return true;
            }
        }
        catch (JsonException)
        {
            // Not read: the validator below finds every error (or the reader's, if the validator finds none).
        }

        try
        {
            var validation = FactSchema.Validation.FactSchemaValidation.Validate(utf8Json, validator);
            errors = validation.Errors;
            if (!validation.IsValid)
            {
                return false;
            }

            var reader = FactSchemaReader.CreateReader(utf8Json, null);
            var unproven = false;
            value = read(ref reader, ref unproven);
            FactSchemaReader.EnsureEndOfDocument(ref reader);
            return true;
        }
        catch (JsonException ex)
        {
            value = default;
            errors = FactSchema.Validation.FactSchemaValidation.ErrorsOf(ex, utf8Json);
            return false;
        }
    }

    /// <summary>
    /// Checks a value against every keyword of its schema (patterns, lengths, ranges, composition, ...): serializes it into
    /// the thread's pooled buffer and validates the bytes (every generated <c>Validate()</c> documents itself from here).
    /// </summary>
    /// <param name="value">The value.</param>
    /// <param name="validator">The generated validator of the value's schema.</param>
    /// <param name="options">The error cap, or null for the default.</param>
    /// <returns><see cref="FactSchema.Validation.ValidationResult.Valid"/>, or every error with its JSON Pointer.</returns>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public static FactSchema.Validation.ValidationResult Validate(IFactSchemaValue value, FactSchema.Validation.JsonValidator validator, FactSchema.Validation.ValidationOptions? options = null)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        // A validator never serializes, so the thread's buffer cannot be re-entered while it is in use here.
        var buffer = t_buffer ??= new PooledBufferWriter();
        t_buffer = null;
        try
        {
            var writer = ThreadWriter(buffer);

            value.WriteTo(writer);
            writer.Flush();
            writer.Reset();
            return FactSchema.Validation.FactSchemaValidation.Validate(buffer.WrittenSpan, validator, null, options);
        }
        finally
        {
            buffer.Clear();
            t_buffer = buffer;
        }
    }

    /// <summary>Serializes a value to a JSON string.</summary>
    /// <param name="value">The value.</param>
    /// <param name="options">Writer options, for example <c>Indented = true</c>.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(IFactSchemaValue value, JsonWriterOptions options = default)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        var buffer = new PooledBufferWriter();
        try
        {
            using (var writer = new Utf8JsonWriter(buffer, options))
            {
                value.WriteTo(writer);
            }

            return Encoding.UTF8.GetString(buffer.WrittenSpan.ToArray());
        }
        finally
        {
            buffer.Dispose();
        }
    }

    /// <summary>Serializes a value to a stream.</summary>
    /// <param name="stream">The stream.</param>
    /// <param name="value">The value.</param>
    /// <param name="options">Writer options.</param>
    public static void Serialize(Stream stream, IFactSchemaValue value, JsonWriterOptions options = default)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        using var writer = new Utf8JsonWriter(stream, options);
        value.WriteTo(writer);
    }

    /// <summary>The thread's reused writer, pointed at <paramref name="buffer"/>.</summary>
    private static Utf8JsonWriter ThreadWriter(PooledBufferWriter buffer)
    {
        var writer = t_writer;
        if (writer is null)
        {
            // Generated writers always produce well-formed JSON, so the writer's structural checks are skipped.
            writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true });
            t_writer = writer;
        }
        else
        {
            writer.Reset(buffer);
        }

        return writer;
    }

    /// <summary>A growable buffer over pooled arrays.</summary>
    private sealed class PooledBufferWriter : IBufferWriter<byte>, IDisposable
    {
        private byte[] _buffer = ArrayPool<byte>.Shared.Rent(4096);
        private int _written;

        public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _written);

        public void Advance(int count) => _written += count;

        public Memory<byte> GetMemory(int sizeHint = 0)
        {
            Ensure(sizeHint);
            return _buffer.AsMemory(_written);
        }

        public Span<byte> GetSpan(int sizeHint = 0)
        {
            Ensure(sizeHint);
            return _buffer.AsSpan(_written);
        }

        public void Clear()
        {
            _written = 0;
            if (_buffer.Length > 1024 * 1024)
            {
                // Do not keep a huge buffer alive on the thread after one large document.
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = ArrayPool<byte>.Shared.Rent(4096);
            }
        }

        public void Dispose() => ArrayPool<byte>.Shared.Return(_buffer);

        private void Ensure(int sizeHint)
        {
            if (sizeHint < 1)
            {
                sizeHint = 256;
            }

            if (_buffer.Length - _written >= sizeHint)
            {
                return;
            }

            var next = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _written + sizeHint));
            _buffer.AsSpan(0, _written).CopyTo(next);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = next;
        }
    }
}
