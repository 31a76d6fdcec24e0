using System.Collections.Generic;
using FactSchema.Generators.Common;
using FactSchema.Generators.Json;

namespace FactSchema.Generators.Schema;

/// <summary>
/// What one (sub)schema says, as read by <see cref="SchemaParser"/>: every keyword the type mapping and the
/// validators act on, after draft normalisation, with spans for diagnostics. Immutable and structurally equal: it is
/// part of a pipeline model. Nothing after the parser reads a schema's JSON for its keywords: the JSON values here are
/// data (<c>enum</c>, <c>const</c>, <c>default</c>). A keyword whose value is malformed is absent (the parser reported
/// the ones the mapping needs; a malformed assertion the validators would ignore is ignored, as it always was).
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

    public string? DynamicAnchor { get; init; }

    /// <summary>
    /// The names of every keyword of the schema object, in the order written (unknown ones and annotations too): what
    /// decides that a schema asserts nothing beyond some keywords (<see cref="Keywords.OnlyAnnotates"/>).
    /// </summary>
    public ImmutableEquatableArray<string> KeywordNames { get; init; } = ImmutableEquatableArray<string>.Empty;

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

    /// <summary>The <c>minItems</c> keyword, when it is a non-negative integer (counts are capped at <see cref="int.MaxValue"/>, as are the others).</summary>
    public int? MinItems { get; init; }

    public int? MaxItems { get; init; }

    public bool UniqueItems { get; init; }

    /// <summary>The draft-07 <c>additionalItems</c> keyword: what follows a tuple written as an <c>items</c> array.</summary>
    public SchemaNode? AdditionalItems { get; init; }

    public SchemaNode? Contains { get; init; }

    public int? MinContains { get; init; }

    public int? MaxContains { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    public string? Pattern { get; init; }

    public SourceSpan PatternSpan { get; init; }

    /// <summary>The <c>multipleOf</c> keyword's number text, when it is a number.</summary>
    public string? MultipleOf { get; init; }

    public int? MinProperties { get; init; }

    public int? MaxProperties { get; init; }

    public SchemaNode? PropertyNames { get; init; }

    /// <summary><c>dependentRequired</c> entries, then the string-array entries of draft-07 <c>dependencies</c>.</summary>
    public ImmutableEquatableArray<SchemaDependentRequired> DependentRequired { get; init; } = ImmutableEquatableArray<SchemaDependentRequired>.Empty;

    /// <summary><c>dependentSchemas</c> entries, then the schema entries of draft-07 <c>dependencies</c>.</summary>
    public ImmutableEquatableArray<SchemaDefinition> DependentSchemas { get; init; } = ImmutableEquatableArray<SchemaDefinition>.Empty;

    public SchemaNode? Not { get; init; }

    public SchemaNode? If { get; init; }

    public SchemaNode? Then { get; init; }

    public SchemaNode? Else { get; init; }

    public SchemaNode? UnevaluatedProperties { get; init; }

    public SchemaNode? UnevaluatedItems { get; init; }

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

    public bool IsTrue => BooleanValue == true;

    public bool IsFalse => BooleanValue == false;

    /// <summary>Whether the schema accepts every value: <c>true</c> or an object without keywords.</summary>
    public bool AcceptsAll => BooleanValue == true || (BooleanValue is null && KeywordNames.Count == 0);

    /// <summary>Whether the schema object has the keyword, whatever its value.</summary>
    public bool Has(string keyword)
    {
        foreach (var name in KeywordNames)
        {
            if (name == keyword)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The definitions' schemas (<c>$defs</c>, <c>definitions</c>), then <see cref="Subschemas"/>: every direct subschema.</summary>
    public IEnumerable<SchemaNode> SubschemasWithDefinitions()
    {
        foreach (var definition in Definitions)
        {
            yield return definition.Schema;
        }

        foreach (var child in Subschemas())
        {
            yield return child;
        }
    }

    /// <summary>
    /// Every direct subschema except definitions, in one fixed order (the order every walk of the model uses): properties,
    /// items, additionalProperties, the combinators, the in-place applicators, prefixItems, patternProperties.
    /// </summary>
    public IEnumerable<SchemaNode> Subschemas()
    {
        foreach (var property in Properties ?? ImmutableEquatableArray<SchemaProperty>.Empty)
        {
            yield return property.Schema;
        }

        if (Items is { } items)
        {
            yield return items;
        }

        if (AdditionalProperties is { } additional)
        {
            yield return additional;
        }

        foreach (var list in new[] { AllOf, AnyOf, OneOf })
        {
            foreach (var child in list)
            {
                yield return child;
            }
        }

        foreach (var child in new[] { Not, If, Then, Else, Contains, PropertyNames, UnevaluatedItems, UnevaluatedProperties, AdditionalItems })
        {
            if (child is not null)
            {
                yield return child;
            }
        }

        foreach (var dependency in DependentSchemas)
        {
            yield return dependency.Schema;
        }

        foreach (var child in PrefixItems ?? ImmutableEquatableArray<SchemaNode>.Empty)
        {
            yield return child;
        }

        foreach (var pattern in PatternProperties ?? ImmutableEquatableArray<SchemaProperty>.Empty)
        {
            yield return pattern.Schema;
        }
    }
}

/// <summary>One entry of <c>properties</c>.</summary>
internal sealed record SchemaProperty(string Name, SourceSpan NameSpan, SchemaNode Schema);

/// <summary>One entry of <c>$defs</c> or <c>definitions</c> (or of <c>dependentSchemas</c> / <c>dependencies</c>): the keyword it is under, its name, its schema.</summary>
internal sealed record SchemaDefinition(string Keyword, string Name, SourceSpan NameSpan, SchemaNode Schema);

/// <summary>One entry of <c>dependentRequired</c>: when <paramref name="Name"/> is present, so must be each of <paramref name="Required"/>.</summary>
internal sealed record SchemaDependentRequired(string Name, ImmutableEquatableArray<string> Required);
