using FactSchema.Generators.Common;
using FactSchema.Generators.Json;

namespace FactSchema.Generators.Schema;

/// <summary>
/// What one (sub)schema says, as read by <see cref="SchemaParser"/>: the keywords FactSchema maps,
/// with spans for diagnostics. Immutable and structurally equal: it is part of a pipeline model.
/// Keywords whose value was malformed are absent here (the parser reported them).
/// </summary>
internal sealed record SchemaNode
{
    /// <summary>JSON Pointer of this schema inside its file ("" for the root).</summary>
    public required string Pointer { get; init; }

    public required SourceSpan Span { get; init; }

    /// <summary>Set for the boolean schemas <c>true</c> and <c>false</c>.</summary>
    public bool? BooleanValue { get; init; }

    public string? Id { get; init; }

    public string? Anchor { get; init; }

    public string? Ref { get; init; }

    public SourceSpan RefSpan { get; init; }

    public string? DynamicRef { get; init; }

    public string? Title { get; init; }

    public SourceSpan TitleSpan { get; init; }

    public string? Description { get; init; }

    public bool Deprecated { get; init; }

    /// <summary>The <c>type</c> keyword's names, or null when absent.</summary>
    public ImmutableEquatableArray<string>? Types { get; init; }

    /// <summary>The <c>properties</c> keyword, or null when absent.</summary>
    public ImmutableEquatableArray<SchemaProperty>? Properties { get; init; }

    public ImmutableEquatableArray<string> Required { get; init; } = ImmutableEquatableArray<string>.Empty;

    public SchemaNode? AdditionalProperties { get; init; }

    public SchemaNode? Items { get; init; }

    /// <summary>Set when <c>items</c> is an array (draft-07 tuples) or <c>prefixItems</c> is present.</summary>
    public bool HasTupleItems => PrefixItems is not null;

    /// <summary><c>prefixItems</c>, or draft-07 <c>items</c> as an array: the schemas of the first positions.</summary>
    public ImmutableEquatableArray<SchemaNode>? PrefixItems { get; init; }

    /// <summary>Whether nothing may follow the prefix items (<c>items: false</c>, or draft-07 <c>additionalItems: false</c>).</summary>
    public bool ClosedAfterPrefix { get; init; }

    /// <summary>The <c>minItems</c> keyword, when it is a non-negative integer.</summary>
    public int? MinItems { get; init; }

    public ImmutableEquatableArray<JsonNode>? Enum { get; init; }

    public JsonNode? Const { get; init; }

    public JsonNode? Default { get; init; }

    public string? Format { get; init; }

    public string? Minimum { get; init; }

    public string? Maximum { get; init; }

    public string? ExclusiveMinimum { get; init; }

    public string? ExclusiveMaximum { get; init; }

    public ImmutableEquatableArray<SchemaNode> AllOf { get; init; } = ImmutableEquatableArray<SchemaNode>.Empty;

    public ImmutableEquatableArray<SchemaNode> AnyOf { get; init; } = ImmutableEquatableArray<SchemaNode>.Empty;

    public ImmutableEquatableArray<SchemaNode> OneOf { get; init; } = ImmutableEquatableArray<SchemaNode>.Empty;

    public bool HasPatternProperties => PatternProperties is { Count: > 0 };

    /// <summary>The <c>patternProperties</c> keyword (each name is a pattern), or null when absent.</summary>
    public ImmutableEquatableArray<SchemaProperty>? PatternProperties { get; init; }

    /// <summary><c>$defs</c> and draft-07 <c>definitions</c> entries.</summary>
    public ImmutableEquatableArray<SchemaDefinition> Definitions { get; init; } = ImmutableEquatableArray<SchemaDefinition>.Empty;

    /// <summary>Subschemas under keywords not mapped to types yet (not, if, patternProperties, ...), kept so that pointers into them resolve.</summary>
    public ImmutableEquatableArray<SchemaNode> OtherSubschemas { get; init; } = ImmutableEquatableArray<SchemaNode>.Empty;

    public bool IsTrue => BooleanValue == true;

    public bool IsFalse => BooleanValue == false;
}

/// <summary>One entry of <c>properties</c>.</summary>
internal sealed record SchemaProperty(string Name, SourceSpan NameSpan, SchemaNode Schema);

/// <summary>One entry of <c>$defs</c> or <c>definitions</c>.</summary>
internal sealed record SchemaDefinition(string Keyword, string Name, SourceSpan NameSpan, SchemaNode Schema);
