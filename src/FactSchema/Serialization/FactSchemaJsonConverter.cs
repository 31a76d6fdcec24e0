using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace FactSchema.Serialization;

/// <summary>
/// What every generated <c>JsonConverter</c> offers beyond reading and writing: the schema of its values and the
/// <see cref="JsonTypeInfo"/> that <c>JsonSerializer</c> needs, both without reflection. <see cref="FactSchemaJsonTypeInfoResolver"/>
/// and the schema exporter integration find FactSchema types through it.
/// </summary>
public interface IFactSchemaJsonConverter
{
    /// <summary>The type the converter reads and writes.</summary>
    Type ValueType { get; }

    /// <summary>The schema of the values the converter reads and writes (the type's <c>JsonSchema</c>).</summary>
    FactSchemaJsonSchema Schema { get; }

    /// <summary>Creates the contract <c>JsonSerializer</c> uses for <see cref="ValueType"/>: a value contract whose converter is this one.</summary>
    /// <param name="options">The options the contract belongs to.</param>
    /// <returns>The contract.</returns>
    JsonTypeInfo CreateTypeInfo(JsonSerializerOptions options);

    /// <summary>Reads a whole JSON document through the generated reader, validating (see <see cref="FactSchemaJsonConverter{T}.ReadDocument"/>).</summary>
    /// <param name="utf8Json">The whole document, UTF-8 encoded.</param>
    /// <param name="options">Depth and size limits, or null for the safe defaults.</param>
    /// <returns>The value, boxed for value types.</returns>
    object ReadDocumentAsObject(ReadOnlySpan<byte> utf8Json, FactSchemaReaderOptions? options = null);
}

/// <summary>The base of every generated <c>JsonConverter</c>: reading and writing through the generated code, and the type's schema.</summary>
/// <typeparam name="T">The generated type.</typeparam>
public abstract class FactSchemaJsonConverter<T> : JsonConverter<T>, IFactSchemaJsonConverter
{
    /// <inheritdoc/>
    public Type ValueType => typeof(T);

    /// <inheritdoc/>
    public abstract FactSchemaJsonSchema Schema { get; }

    /// <summary>
    /// Reads a whole JSON document as a <typeparamref name="T"/> through the generated reader: one pass, validating, within the
    /// limits of <paramref name="options"/>; what the typed read cannot prove, the validator checks, reporting every error.
    /// </summary>
    /// <param name="utf8Json">The whole document, UTF-8 encoded.</param>
    /// <param name="options">Depth and size limits, or null for the safe defaults.</param>
    /// <returns>The value.</returns>
    /// <exception cref="FactSchema.Validation.FactSchemaValidationException">The document does not match the schema (every error, with its JSON Pointer).</exception>
    /// <exception cref="FactSchemaJsonException">The JSON is malformed or over a limit.</exception>
    public T ReadDocument(ReadOnlySpan<byte> utf8Json, FactSchemaReaderOptions? options = null)
    {
        try
        {
            return ReadTyped(utf8Json, options);
        }
        catch (FactSchemaJsonException ex) when (ex is not FactSchema.Validation.FactSchemaValidationException && DocumentValidator is { } validator)
        {
            // The typed read stops at the first problem; the validator lists every one (JSON that is not well-formed keeps the typed read's
            // error, which has the path it had reached). Where the validator finds nothing, the typed read's error stands.
            FactSchema.Validation.ValidationResult? result = null;
            try
            {
                result = FactSchema.Validation.FactSchemaValidation.Validate(utf8Json, validator, options, options?.Validation);
            }
            catch (FactSchemaJsonException)
            {
                // Not well-formed: the typed read's error says where, with the path it had reached.
            }

            result?.ThrowIfInvalid();
            throw;
        }
    }

    /// <summary>The type's generated validator, which reports every error of a document; null where the converter has none of its own.</summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    protected virtual FactSchema.Validation.JsonValidator? DocumentValidator => null;

    private T ReadTyped(ReadOnlySpan<byte> utf8Json, FactSchemaReaderOptions? options)
    {
        try
        {
            var reader = FactSchemaReader.CreateReader(utf8Json, options);
            FactSchemaReader.Read(ref reader);
            var value = Read(ref reader, typeof(T), s_serializerOptions);
            FactSchemaReader.EnsureEndOfDocument(ref reader);
            return value!;
        }
        catch (JsonException ex) when (ex is not FactSchemaJsonException)
        {
            throw FactSchemaJsonException.ForDocument(ex, utf8Json);
        }
    }

    /// <inheritdoc/>
    public object ReadDocumentAsObject(ReadOnlySpan<byte> utf8Json, FactSchemaReaderOptions? options = null) => ReadDocument(utf8Json, options)!;

    private static readonly JsonSerializerOptions s_serializerOptions = new();

    /// <inheritdoc/>
    public JsonTypeInfo CreateTypeInfo(JsonSerializerOptions options)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        return JsonMetadataServices.CreateValueInfo<T>(options, this);
    }
}

/// <summary>
/// The base of the generated converters of records and unions: reading through the generated code (the derived converter),
/// writing through the value's own <see cref="IFactSchemaValue.WriteTo"/>.
/// </summary>
/// <typeparam name="T">The generated type.</typeparam>
public abstract class FactSchemaValueJsonConverter<T> : FactSchemaJsonConverter<T>
    where T : IFactSchemaValue
{
    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        value.WriteTo(writer);
    }
}
