using System;
using System.Buffers;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using FactSchema.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FactSchema.AspNetCore;

/// <summary>Reads request bodies of generated types: media type, size limit, then the generated reader in one validating pass.</summary>
public static class FactSchemaRequestReader
{
    /// <summary>Reads the body of a request as a <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">A generated type known to <c>AddFactSchema</c>.</typeparam>
    /// <param name="context">The request.</param>
    /// <returns>The value: never half-built, never null.</returns>
    /// <exception cref="FactSchemaBadRequestException">The body is not JSON, too large, malformed or does not match the schema.</exception>
    /// <exception cref="InvalidOperationException"><typeparamref name="T"/> is not a generated type known to <c>AddFactSchema</c>.</exception>
    public static async ValueTask<T> ReadAsync<T>(HttpContext context)
    {
        var value = await ReadAsync(context, typeof(T)).ConfigureAwait(false);
        return (T)value;
    }

    /// <summary>Reads the body of a request as a generated type.</summary>
    /// <param name="context">The request.</param>
    /// <param name="type">A generated type known to <c>AddFactSchema</c>.</param>
    /// <returns>The value (boxed for value types).</returns>
    /// <exception cref="FactSchemaBadRequestException">The body is not JSON, too large, malformed or does not match the schema.</exception>
    public static async ValueTask<object> ReadAsync(HttpContext context, Type type)
    {
        if (context is null)
        {
            throw new ArgumentNullException(nameof(context));
        }

        var options = context.RequestServices.GetService<IOptions<FactSchemaAspNetCoreOptions>>()?.Value
            ?? throw new InvalidOperationException("FactSchema is not set up: call services.AddFactSchema(FactSchemaTypes.Resolver) at start-up.");
        if (!options.TryGetConverter(type, out var converter))
        {
            throw new InvalidOperationException($"{type} is not a generated type that FactSchema knows: pass its project's FactSchemaTypes.Resolver to services.AddFactSchema(...).");
        }

        EnsureJson(context.Request);
        var buffer = await ReadBodyAsync(context.Request, options.MaxBodyBytes, context.RequestAborted).ConfigureAwait(false);
        try
        {
            return converter.ReadDocumentAsObject(buffer.Written, options.ReaderOptions);
        }
        catch (FactSchemaJsonException ex)
        {
            throw FactSchemaBadRequestException.From(ex, type.Name);
        }
        finally
        {
            buffer.Dispose();
        }
    }

    /// <summary>Whether a media type is JSON: <c>application/json</c>, <c>text/json</c> or <c>application/*+json</c>.</summary>
    internal static bool IsJson(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return false;
        }

        var mediaType = contentType.Split(';')[0].Trim();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("text/json", StringComparison.OrdinalIgnoreCase)
            || (mediaType.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
    }

    private static void EnsureJson(HttpRequest request)
    {
        if (!IsJson(request.ContentType))
        {
            throw new FactSchemaBadRequestException(
                StatusCodes.Status415UnsupportedMediaType,
                "The request body is not JSON.",
                $"Expected a JSON body (application/json), got {(string.IsNullOrEmpty(request.ContentType) ? "no Content-Type" : "'" + request.ContentType + "'")}.",
                Array.Empty<FactSchemaBodyError>());
        }
    }

    private static FactSchemaBadRequestException TooLarge(long limit) => new(
        StatusCodes.Status413PayloadTooLarge,
        "The request body is too large.",
        $"The body is over the limit of {limit} bytes (FactSchemaAspNetCoreOptions.MaxBodyBytes).",
        Array.Empty<FactSchemaBodyError>());

    /// <summary>The whole body in a pooled buffer, refusing it as soon as it passes the limit.</summary>
    internal static async ValueTask<PooledBody> ReadBodyAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength is { } declared && declared > limit)
        {
            throw TooLarge(limit);
        }

        var body = new PooledBody((int)Math.Min(request.ContentLength ?? 4096, limit) + 1);
        try
        {
            while (true)
            {
                var read = await request.Body.ReadAsync(body.FreeMemory, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return body;
                }

                body.Advance(read);
                if (body.Length > limit)
                {
                    throw TooLarge(limit);
                }
            }
        }
        catch
        {
            body.Dispose();
            throw;
        }
    }

    /// <summary>A growing buffer rented from the shared pool.</summary>
    internal sealed class PooledBody : IDisposable
    {
        private byte[] _array;

        public PooledBody(int capacity) => _array = ArrayPool<byte>.Shared.Rent(Math.Max(capacity, 256));

        public int Length { get; private set; }

        public ReadOnlySpan<byte> Written => _array.AsSpan(0, Length);

        public Memory<byte> FreeMemory
        {
            get
            {
                if (Length == _array.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(_array.Length * 2);
                    _array.AsSpan(0, Length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(_array);
                    _array = larger;
                }

                return _array.AsMemory(Length);
            }
        }

        public void Advance(int count) => Length += count;

        public void Dispose()
        {
            var array = _array;
            _array = Array.Empty<byte>();
            Length = 0;
            if (array.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(array);
            }
        }
    }
}
