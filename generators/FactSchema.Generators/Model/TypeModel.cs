using FactSchema.Generators.Common;

namespace FactSchema.Generators.Model;

/// <summary>The CLR shape a schema value maps to.</summary>
internal enum ValueKind
{
    /// <summary>Any JSON: kept as a <c>JsonElement</c>.</summary>
    Any,
    String,
    Boolean,
    Int32,
    Int64,
    Double,
    Decimal,

    /// <summary><c>format: date</c> on targets with <c>DateOnly</c>.</summary>
    Date,

    /// <summary><c>format: date</c> on targets without <c>DateOnly</c>: a <c>DateTime</c> holding the date.</summary>
    DateAsDateTime,
    DateTimeOffset,
    Uri,
    Guid,
    Enum,
    Object,
    Array,
    Map,
}

/// <summary>
/// The C# type of a value. Type references are strings (fully qualified names), never symbols.
/// </summary>
/// <param name="Kind">The CLR shape.</param>
/// <param name="TypeName">The fully qualified name (with <c>global::</c>) for enums and objects.</param>
/// <param name="Element">The element type of arrays and maps.</param>
/// <param name="Nullable">Whether JSON <c>null</c> is allowed here.</param>
internal sealed record ValueTypeSpec(ValueKind Kind, string? TypeName = null, ValueTypeSpec? Element = null, bool Nullable = false)
{
    public static readonly ValueTypeSpec AnyValue = new(ValueKind.Any);

    public bool IsValueType => Kind is ValueKind.Any or ValueKind.Boolean or ValueKind.Int32 or ValueKind.Int64 or ValueKind.Double
        or ValueKind.Decimal or ValueKind.Date or ValueKind.DateAsDateTime or ValueKind.DateTimeOffset or ValueKind.Guid or ValueKind.Enum;
}

/// <summary>A <c>const</c> that a property must hold.</summary>
/// <param name="Kind">string, boolean, integer or number.</param>
/// <param name="Json">The constant as JSON text.</param>
internal sealed record ConstSpec(ValueKind Kind, string Json);

/// <summary>One member of a generated record.</summary>
internal sealed record PropertySpec
{
    public required string Name { get; init; }

    public required string JsonName { get; init; }

    public required ValueTypeSpec Type { get; init; }

    public required bool IsRequired { get; init; }

    /// <summary>Absent and explicit null are different here (an optional property that allows null, or that has a default), so presence is tracked.</summary>
    public bool TrackPresence { get; init; }

    public ConstSpec? Const { get; init; }

    /// <summary>A C# expression for the schema's <c>default</c>, already escaped.</summary>
    public string? DefaultExpression { get; init; }

    public string? Summary { get; init; }

    public string? Remarks { get; init; }

    public bool Deprecated { get; init; }
}

internal enum AdditionalPropertiesMode
{
    /// <summary>Unknown properties are kept as raw JSON and written back.</summary>
    Keep,

    /// <summary><c>additionalProperties: false</c>: unknown properties are an error on read.</summary>
    Reject,
}

/// <summary>A generated <c>sealed partial record</c>.</summary>
internal sealed record ObjectTypeSpec
{
    public required string Name { get; init; }

    public required string FullName { get; init; }

    public required string SchemaLocation { get; init; }

    public string? Summary { get; init; }

    public string? Remarks { get; init; }

    public bool Deprecated { get; init; }

    public required ImmutableEquatableArray<PropertySpec> Properties { get; init; }

    public required AdditionalPropertiesMode AdditionalProperties { get; init; }

    /// <summary>The name of the member that holds unknown properties (normally <c>AdditionalProperties</c>).</summary>
    public required string AdditionalPropertiesMemberName { get; init; }

    /// <summary>The generated validator method for this type's schema (class-qualified), once compiled.</summary>
    public string? ValidatorMethod { get; init; }
}

/// <summary>A generated enum for a string <c>enum</c>, with its converter.</summary>
internal sealed record EnumTypeSpec
{
    public required string Name { get; init; }

    public required string FullName { get; init; }

    public required string ConverterName { get; init; }

    public required string SchemaLocation { get; init; }

    public string? Summary { get; init; }

    public string? Remarks { get; init; }

    public bool Deprecated { get; init; }

    public required ImmutableEquatableArray<EnumMemberSpec> Members { get; init; }

    /// <summary>The generated validator method for this type's schema (class-qualified), once compiled.</summary>
    public string? ValidatorMethod { get; init; }
}

/// <summary>One enum member and its exact JSON spelling.</summary>
internal sealed record EnumMemberSpec(string Name, string JsonValue);

/// <summary>Everything emitted for one schema file.</summary>
internal sealed record SchemaFileSpec
{
    public required string HintName { get; init; }

    public required string SourcePath { get; init; }

    public required string Namespace { get; init; }

    public required ImmutableEquatableArray<ObjectTypeSpec> Objects { get; init; }

    public required ImmutableEquatableArray<EnumTypeSpec> Enums { get; init; }

    /// <summary>The validators of the file's schemas.</summary>
    public Validation.ValidatorSpec? Validators { get; init; }

    /// <summary>The name of the static class with the file's <c>ValidateJson</c> entry points.</summary>
    public string? SchemaClassName { get; init; }

    /// <summary>What the schema class's summary names: the root schema's title or the file.</summary>
    public string? SchemaSummary { get; init; }

    /// <summary>Which C# type each referenceable location of the schema maps to, recorded for other assemblies.</summary>
    public ImmutableEquatableArray<SchemaTypeRecord> Records { get; init; } = ImmutableEquatableArray<SchemaTypeRecord>.Empty;
}

/// <summary>An assembly-level record: the schema at <paramref name="SchemaUri"/> maps to <paramref name="Type"/>.</summary>
internal sealed record SchemaTypeRecord(string SchemaUri, ValueTypeSpec Type, string? Pointer = null, string? ValidatorMethod = null);

/// <summary>A schema location mapped to a type in a referenced assembly (read from its FactSchemaType attributes).</summary>
internal sealed record ExternalSchemaType(string SchemaUri, ValueTypeSpec Type, string? Validator = null);
