namespace FactSchema.Generators.Emit;

/// <summary>Fully qualified names the emitted code uses, in one place.</summary>
internal static class KnownNames
{
    public const string Reader = "global::FactSchema.Serialization.FactSchemaReader";
    public const string Writer = "global::FactSchema.Serialization.FactSchemaWriter";
    public const string Exception = "global::FactSchema.Serialization.FactSchemaJsonException";
    public const string ReaderOptions = "global::FactSchema.Serialization.FactSchemaReaderOptions";
    public const string Serializer = "global::FactSchema.Serialization.FactSchemaSerializer";
    public const string ValueInterface = "global::FactSchema.Serialization.IFactSchemaValue";
    public const string ListComparer = "global::FactSchema.Serialization.ListEqualityComparer";
    public const string MapComparer = "global::FactSchema.Serialization.DictionaryEqualityComparer";
    public const string ElementComparer = "global::FactSchema.Serialization.JsonElementEqualityComparer";
    public const string ValidationRuntime = "global::FactSchema.Validation.FactSchemaValidation";
    public const string ValidationResult = "global::FactSchema.Validation.ValidationResult";

    public const string JsonSchemaValue = "global::FactSchema.Serialization.FactSchemaJsonSchema";
    public const string ValidationError = "global::FactSchema.Validation.ValidationError";
    public const string ValidationOptions = "global::FactSchema.Validation.ValidationOptions";
    public const string ValidationContext = "global::FactSchema.Validation.ValidationContext";
    public const string ValidationException = "global::FactSchema.Validation.FactSchemaValidationException";
    public const string EvaluatedSet = "global::FactSchema.Validation.EvaluatedSet";
    public const string JsonValidator = "global::FactSchema.Validation.JsonValidator";
    public const string PatternMatcher = "global::FactSchema.Validation.PatternMatcher";
    public const string EditorBrowsableNever = "global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)";
    public const string Utf8JsonReader = "global::System.Text.Json.Utf8JsonReader";
    public const string Utf8JsonWriter = "global::System.Text.Json.Utf8JsonWriter";
    public const string JsonTokenType = "global::System.Text.Json.JsonTokenType";
    public const string JsonException = "global::System.Text.Json.JsonException";
    public const string JsonElement = "global::System.Text.Json.JsonElement";
    public const string JsonEncodedText = "global::System.Text.Json.JsonEncodedText";
    public const string JsonSerializerOptions = "global::System.Text.Json.JsonSerializerOptions";
    public const string JsonConverterOfT = "global::System.Text.Json.Serialization.JsonConverter";
    public const string FactSchemaConverterOfT = "global::FactSchema.Serialization.FactSchemaJsonConverter";
    public const string FactSchemaValueConverterOfT = "global::FactSchema.Serialization.FactSchemaValueJsonConverter";
    public const string TypeInfoResolver = "global::FactSchema.Serialization.FactSchemaJsonTypeInfoResolver";
    public const string ConverterInterface = "global::FactSchema.Serialization.IFactSchemaJsonConverter";
    public const string JsonConverterAttribute = "global::System.Text.Json.Serialization.JsonConverterAttribute";
    public const string EqualityComparer = "global::System.Collections.Generic.EqualityComparer";
    public const string IReadOnlyList = "global::System.Collections.Generic.IReadOnlyList";
    public const string IReadOnlyDictionary = "global::System.Collections.Generic.IReadOnlyDictionary";
    public const string List = "global::System.Collections.Generic.List";
    public const string Dictionary = "global::System.Collections.Generic.Dictionary";
    public const string GeneratedCode = "global::System.CodeDom.Compiler.GeneratedCodeAttribute";
    public const string Obsolete = "global::System.ObsoleteAttribute";
    public const string GeneratorName = "FactSchema.Generators";
    public const string GeneratorVersion = "1.0.0";
}
