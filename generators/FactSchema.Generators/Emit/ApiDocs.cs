namespace FactSchema.Generators.Emit;

/// <summary>
/// The doc comments of the API every generated type shares. Each member is documented once, on the runtime member that
/// does its work, and the generated member inherits those docs (<c>&lt;inheritdoc cref&gt;</c>); a cref that did not
/// resolve would be CS1574 in the user's build, so the runtime's own build (warnings as errors) compiles generated types.
/// </summary>
internal static class ApiDocs
{
    private const string Serializer = "global::FactSchema.Serialization.FactSchemaSerializer";
    private const string Validation = "global::FactSchema.Validation";
    private const string Serialization = "global::FactSchema.Serialization";

    /// <summary><c>Deserialize(utf8Json)</c> and <c>Deserialize(utf8Json, options)</c>.</summary>
    public const string Deserialize =
        "/// <inheritdoc cref=\"" + Serializer + ".Deserialize{T}(global::System.ReadOnlySpan{byte}, " + Serialization + ".FactSchemaReaderOptions, " + Serialization + ".CheckedReader{T}, " + Validation + ".JsonValidator)\"/>";

    /// <summary><c>Deserialize(ref reader)</c>.</summary>
    public const string DeserializeReader =
        "/// <inheritdoc cref=\"" + Serializer + ".Deserialize{T}(ref global::System.Text.Json.Utf8JsonReader, " + Serialization + ".CheckedReader{T}, " + Validation + ".JsonValidator)\"/>";

    /// <summary><c>TryDeserialize(utf8Json, out value, out errors)</c>.</summary>
    public const string TryDeserialize =
        "/// <inheritdoc cref=\"" + Serializer + ".TryDeserialize{T}(global::System.ReadOnlySpan{byte}, " + Serialization + ".CheckedReader{T}, " + Validation + ".JsonValidator, out T, out global::System.Collections.Generic.IReadOnlyList{" + Validation + ".ValidationError})\"/>";

    /// <summary><c>ValidateJson(utf8Json)</c>.</summary>
    public const string ValidateJson =
        "/// <inheritdoc cref=\"" + Validation + ".FactSchemaValidation.Validate(global::System.ReadOnlySpan{byte}, " + Validation + ".JsonValidator, " + Serialization + ".FactSchemaReaderOptions, " + Validation + ".ValidationOptions)\"/>";

    /// <summary><c>Validate()</c>.</summary>
    public const string Validate =
        "/// <inheritdoc cref=\"" + Serializer + ".Validate(" + Serialization + ".IFactSchemaValue, " + Validation + ".JsonValidator, " + Validation + ".ValidationOptions)\"/>";

    /// <summary><c>SerializeToUtf8Bytes()</c>.</summary>
    public const string SerializeToUtf8Bytes =
        "/// <inheritdoc cref=\"" + Serializer + ".SerializeToUtf8Bytes(" + Serialization + ".IFactSchemaValue)\"/>";
}
