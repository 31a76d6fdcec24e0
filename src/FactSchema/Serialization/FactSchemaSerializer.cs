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

    /// <summary>Serializes a value into the thread's pooled buffer and validates the bytes (used by generated <c>Validate()</c> methods).</summary>
    /// <param name="value">The value.</param>
    /// <param name="validator">The generated validator of the value's schema.</param>
    /// <param name="options">The error cap, or null for the default.</param>
    /// <returns>The result.</returns>
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
