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

    /// <summary><c>format: date-time</c>: a <c>JsonDateTime</c>, the instant and the exact text it was read from.</summary>
    DateTimeOffset,
    Uri,
    Guid,
    Enum,
    Object,
    Array,
    Map,

    /// <summary>A generated <c>readonly struct</c> holding one of several scalar types (a type union).</summary>
    ValueUnion,

    /// <summary>A fixed-length array of positional values (<c>prefixItems</c>): a C# value tuple.</summary>
    Tuple,
}

/// <summary>
/// The C# type of a value. Type references are strings (fully qualified names), never symbols.
/// </summary>
/// <param name="Kind">The CLR shape.</param>
/// <param name="TypeName">The fully qualified name (with <c>global::</c>) for enums and objects.</param>
/// <param name="Element">The element type of arrays and maps.</param>
/// <param name="Nullable">Whether JSON <c>null</c> is allowed here.</param>
/// <param name="Elements">The positional element types of a tuple.</param>
internal sealed record ValueTypeSpec(ValueKind Kind, string? TypeName = null, ValueTypeSpec? Element = null, bool Nullable = false, ImmutableEquatableArray<ValueTypeSpec>? Elements = null)
{
    public static readonly ValueTypeSpec AnyValue = new(ValueKind.Any);

    public bool IsValueType => Kind is ValueKind.Any or ValueKind.Enum or ValueKind.ValueUnion or ValueKind.Tuple || Scalars.Of(Kind)?.IsValueType == true;
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

    /// <summary>Declared by the base record this one derives from (allOf): read and written here, declared there.</summary>
    public bool Inherited { get; init; }

    /// <summary>For tracked properties of base records: the stem of the shared backing fields (<c>{stem}_value</c>, <c>{stem}_set</c>).</summary>
    public string? FieldStem { get; init; }

    /// <summary>What the record's checked reader checks on this value as it reads it (records read <see cref="ReadCheckMode.Inline"/> only), or null for nothing beyond its type.</summary>
    public ValueCheckSpec? Check { get; init; }
}

/// <summary>How a generated type's <c>ReadChecked</c> proves that what it read is valid against the schema.</summary>
internal enum ReadCheckMode
{
    /// <summary>The reader checks every keyword of the type's schema on the values as it reads them (one pass).</summary>
    Inline,

    /// <summary>The reader reads, then runs the type's validator over the same value (composition and other keywords a typed read cannot see).</summary>
    Validator,

    /// <summary>Nothing is proven (<c>$dynamicRef</c> in the schema set: a value's validity depends on where it is reached from); the caller validates the document.</summary>
    None,
}

/// <summary>A schema keyword checked on the token the typed reader is on, with the validator's own runtime check.</summary>
internal enum ScalarCheckKind
{
    Pattern,
    Format,
    Minimum,
    Maximum,
    ExclusiveMinimum,
    ExclusiveMaximum,
    MultipleOf,
}

/// <summary>One keyword check on a scalar token.</summary>
/// <param name="Kind">The keyword.</param>
/// <param name="Argument">The pattern or format as written in the schema (escaped by the emitter), or a C# number literal made by the generator.</param>
/// <param name="Field">For patterns: the static field that caches the compiled matcher.</param>
internal sealed record ScalarCheck(ScalarCheckKind Kind, string Argument, string? Field = null);

/// <summary>
/// What a record's checked reader checks on one value beyond its C# type: keywords on its token, counts and
/// uniqueness of arrays, the items' checks; or, where the typed read cannot prove the value's keywords, the
/// validator to run over the value instead (<see cref="FallbackPointer"/>).
/// </summary>
internal sealed record ValueCheckSpec
{
    public ImmutableEquatableArray<ScalarCheck> Scalars { get; init; } = ImmutableEquatableArray<ScalarCheck>.Empty;

    /// <summary>The least code points of a string (<c>minLength</c>; the largest where several apply).</summary>
    public int? MinLength { get; init; }

    /// <summary>The most code points of a string (<c>maxLength</c>; the smallest where several apply).</summary>
    public int? MaxLength { get; init; }

    public int? MinItems { get; init; }

    public int? MaxItems { get; init; }

    /// <summary><c>uniqueItems</c> over items whose C# equality can only say "equal" for equal JSON (scalars).</summary>
    public bool UniqueItems { get; init; }

    /// <summary>The checks of every item of an array.</summary>
    public ValueCheckSpec? Items { get; init; }

    /// <summary>The location (in the record's file) whose validator checks the value instead of the typed read; null when the typed read proves it.</summary>
    public string? FallbackPointer { get; init; }

    /// <summary>The validator method (class-qualified) of <see cref="FallbackPointer"/>, once compiled.</summary>
    public string? FallbackValidator { get; init; }

    /// <summary>The record's static field that holds the fallback validator delegate.</summary>
    public string? FallbackField { get; init; }

    public bool IsEmpty => Scalars.Count == 0 && MinLength is null && MaxLength is null && MinItems is null && MaxItems is null && !UniqueItems && Items is null && FallbackPointer is null;
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

    /// <summary>Where the type's schema sits in the file's bundle (a JSON Pointer, empty for the root), for its <c>JsonSchema</c> member.</summary>
    public string JsonSchemaPointer { get; init; } = string.Empty;


    public string? Summary { get; init; }

    public string? Remarks { get; init; }

    public bool Deprecated { get; init; }

    public required ImmutableEquatableArray<PropertySpec> Properties { get; init; }

    public required AdditionalPropertiesMode AdditionalProperties { get; init; }

    /// <summary>The name of the member that holds unknown properties (normally <c>AdditionalProperties</c>).</summary>
    public required string AdditionalPropertiesMemberName { get; init; }

    /// <summary>The generated validator method for this type's schema (class-qualified), once compiled.</summary>
    public string? ValidatorMethod { get; init; }

    /// <summary>What the record derives from (fully qualified): the union it is a variant of, or the record its allOf refers to; null for none.</summary>
    public string? BaseType { get; init; }

    /// <summary>The base is a record with members (allOf), not a union: equality and hashing include the base's.</summary>
    public bool InheritsRecord { get; init; }

    /// <summary>Other records derive from this one: it is not sealed and its equality checks the runtime type.</summary>
    public bool IsBase { get; init; }

    /// <summary>The base record already declares the <c>AdditionalProperties</c> member.</summary>
    public bool InheritsAdditionalProperties { get; init; }

    /// <summary>How the record's <c>ReadChecked</c> proves what it read valid.</summary>
    public ReadCheckMode ReadCheck { get; init; } = ReadCheckMode.Validator;

    /// <summary>
    /// The member that holds a value that is not a JSON object (declared here or by the base record), or null when the
    /// record has none.
    /// </summary>
    public string? NonObjectMemberName { get; init; }

    /// <summary>The base record declares <see cref="NonObjectMemberName"/>.</summary>
    public bool InheritsNonObjectMember { get; init; }

    /// <summary>The schema allows a value that is not an object (it does not declare <c>"type": "object"</c>): the reader keeps one whole.</summary>
    public bool AcceptsNonObject { get; init; }
}

/// <summary>
/// A <c>oneOf</c>/<c>anyOf</c> of several schemas: an <c>abstract</c> record with one <c>sealed</c> derived record
/// per branch. Object branches that are generated types derive from it directly; every other branch gets a
/// positional wrapper record (<c>Value</c>).
/// </summary>
internal sealed record UnionTypeSpec
{
    public required string Name { get; init; }

    public required string FullName { get; init; }

    public required string SchemaLocation { get; init; }

    /// <summary>Where the type's schema sits in the file's bundle (a JSON Pointer, empty for the root), for its <c>JsonSchema</c> member.</summary>
    public string JsonSchemaPointer { get; init; } = string.Empty;


    public string? Summary { get; init; }

    public string? Remarks { get; init; }

    public bool Deprecated { get; init; }

    /// <summary><c>oneOf</c> (exactly one branch may match) rather than <c>anyOf</c> (the first match is taken).</summary>
    public required bool IsOneOf { get; init; }

    /// <summary>The JSON name of the property whose constant value names the branch, or null: dispatch by shape.</summary>
    public string? Discriminator { get; init; }

    public required ImmutableEquatableArray<UnionVariantSpec> Variants { get; init; }

    /// <summary>The union this union is itself a variant of, or null.</summary>
    public string? BaseType { get; init; }

    public string? ValidatorMethod { get; init; }

    /// <summary><see cref="ReadCheckMode.Validator"/>, or <see cref="ReadCheckMode.None"/> where <c>$dynamicRef</c> is used.</summary>
    public ReadCheckMode ReadCheck { get; init; } = ReadCheckMode.Validator;
}

/// <summary>One branch of a union.</summary>
internal sealed record UnionVariantSpec
{
    /// <summary>The variant type's name without namespace.</summary>
    public required string Name { get; init; }

    public required string FullName { get; init; }

    /// <summary>For wrapper variants (emitted with the union), the wrapped value's type; null when the variant is a generated record of its own.</summary>
    public ValueTypeSpec? Wrapped { get; init; }

    /// <summary>Whether an implicit conversion from the wrapped type is emitted (one per wrapped type; not from interfaces).</summary>
    public bool HasConversion { get; init; }

    public string? DiscriminatorValue { get; init; }

    /// <summary>The validator of the branch's schema, for dispatch by shape.</summary>
    public string? ValidatorMethod { get; init; }

    public string? Summary { get; init; }
}

/// <summary>A type union of scalars (<c>"type": ["string", "integer"]</c>, or a <c>oneOf</c> of scalar schemas): a generated <c>readonly struct</c>.</summary>
internal sealed record ValueUnionTypeSpec
{
    public required string Name { get; init; }

    public required string FullName { get; init; }

    public required string SchemaLocation { get; init; }

    /// <summary>Where the type's schema sits in the file's bundle (a JSON Pointer, empty for the root), for its <c>JsonSchema</c> member.</summary>
    public string JsonSchemaPointer { get; init; } = string.Empty;


    public string? Summary { get; init; }

    public string? Remarks { get; init; }

    public bool Deprecated { get; init; }

    public required ImmutableEquatableArray<ValueUnionCaseSpec> Cases { get; init; }

    public string? ValidatorMethod { get; init; }

    /// <summary><see cref="ReadCheckMode.Validator"/>, or <see cref="ReadCheckMode.None"/> where <c>$dynamicRef</c> is used.</summary>
    public ReadCheckMode ReadCheck { get; init; } = ReadCheckMode.Validator;
}

/// <summary>One case of a type union: its member-name stem (<c>String</c> gives <c>IsString</c>, <c>TryGetString</c>) and type.</summary>
internal sealed record ValueUnionCaseSpec(string Name, ValueTypeSpec Type);

/// <summary>A generated enum for a string <c>enum</c>, with its converter.</summary>
internal sealed record EnumTypeSpec
{
    public required string Name { get; init; }

    public required string FullName { get; init; }

    public required string ConverterName { get; init; }

    public required string SchemaLocation { get; init; }

    /// <summary>Where the type's schema sits in the file's bundle (a JSON Pointer, empty for the root), for its <c>JsonSchema</c> member.</summary>
    public string JsonSchemaPointer { get; init; } = string.Empty;


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

    public ImmutableEquatableArray<UnionTypeSpec> Unions { get; init; } = ImmutableEquatableArray<UnionTypeSpec>.Empty;

    public ImmutableEquatableArray<ValueUnionTypeSpec> ValueUnions { get; init; } = ImmutableEquatableArray<ValueUnionTypeSpec>.Empty;

    /// <summary>The validators of the file's schemas.</summary>
    public Validation.ValidatorSpec? Validators { get; init; }

    /// <summary>The name of the static class with the file's <c>ValidateJson</c> entry points.</summary>
    public string? SchemaClassName { get; init; }

    /// <summary>What the schema class's summary names: the root schema's title or the file.</summary>
    public string? SchemaSummary { get; init; }

    /// <summary>The validators of the locations other files' <c>$ref</c>s lead to, in <c>SchemaIndex.CrossFileTargetsOf</c> order.</summary>
    public ImmutableEquatableArray<string> ReferenceEntries { get; init; } = ImmutableEquatableArray<string>.Empty;

    /// <summary>The schema as a value (source text and bundle), for the schema class's <c>JsonSchema</c> member; null when the file has no schema class.</summary>
    public JsonSchemaSpec? JsonSchema { get; init; }

    /// <summary>Which C# type each referenceable location of the schema maps to, recorded for other assemblies.</summary>
    public ImmutableEquatableArray<SchemaTypeRecord> Records { get; init; } = ImmutableEquatableArray<SchemaTypeRecord>.Empty;
}

/// <summary>
/// A schema file as a value: its identifying URI, its text as written, its local bundle (compact draft 2020-12 JSON,
/// references into other files written as their URIs), the name of its root type, and the schema classes of the files
/// it refers to (from which the runtime completes the bundle).
/// </summary>
internal sealed record JsonSchemaSpec(string Id, string Source, string Bundle, string Name, ImmutableEquatableArray<string> Dependencies);

/// <summary>An assembly-level record: the schema at <paramref name="SchemaUri"/> maps to <paramref name="Type"/>.</summary>
internal sealed record SchemaTypeRecord(string SchemaUri, ValueTypeSpec Type, string? Pointer = null, string? ValidatorMethod = null);

/// <summary>A schema location mapped to a type in a referenced assembly (read from its FactSchemaType attributes).</summary>
internal sealed record ExternalSchemaType(string SchemaUri, ValueTypeSpec Type, string? Validator = null);
