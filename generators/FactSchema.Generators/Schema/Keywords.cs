using System;
using System.Collections.Generic;
using System.Linq;

namespace FactSchema.Generators.Schema;

/// <summary>What a keyword's value holds, as far as walking subschemas is concerned.</summary>
internal enum KeywordShape
{
    /// <summary>A value, not a schema (<c>type</c>, <c>minLength</c>, <c>title</c>, …).</summary>
    Value,

    /// <summary>One subschema (<c>not</c>, <c>additionalProperties</c>, …).</summary>
    Schema,

    /// <summary>An array of subschemas (<c>allOf</c>, <c>prefixItems</c>, …).</summary>
    SchemaArray,

    /// <summary>An object whose member values are subschemas (<c>properties</c>, <c>$defs</c>, …).</summary>
    SchemaMap,

    /// <summary><c>items</c>: one subschema, or (up to draft 2019-09) an array of them.</summary>
    SchemaOrArray,
}

/// <summary>One known keyword: its name, the vocabulary that defines it, its shape, and whether validators ignore it.</summary>
/// <param name="Name">The keyword as written.</param>
/// <param name="Vocabulary">The 2020-12 vocabulary (its short name) that defines it; null for the editor vocabularies and draft-07's own.</param>
/// <param name="Shape">What its value holds.</param>
/// <param name="OnlyAnnotates">Whether validators emit nothing for it (annotations, definition containers, <c>$anchor</c>).</param>
internal sealed record Keyword(string Name, string? Vocabulary, KeywordShape Shape, bool OnlyAnnotates);

/// <summary>
/// The one table of the keywords FactSchema knows. The keyword lists of the draft normaliser, the vocabulary filter, the
/// bundler and the validators are derived from it, so that adding a keyword is one row here (and its reading in
/// <see cref="SchemaParser"/>).
/// </summary>
internal static class Keywords
{
    public static readonly IReadOnlyList<Keyword> All = new Keyword[]
    {
        new("$id", "core", KeywordShape.Value, false),
        new("$schema", "core", KeywordShape.Value, true),
        new("$ref", "core", KeywordShape.Value, false),
        new("$anchor", "core", KeywordShape.Value, true),
        new("$dynamicRef", "core", KeywordShape.Value, false),
        new("$dynamicAnchor", "core", KeywordShape.Value, false),
        new("$vocabulary", "core", KeywordShape.Value, false),
        new("$comment", "core", KeywordShape.Value, true),
        new("$defs", "core", KeywordShape.SchemaMap, true),
        new("definitions", null, KeywordShape.SchemaMap, true),

        new("prefixItems", "applicator", KeywordShape.SchemaArray, false),
        new("items", "applicator", KeywordShape.SchemaOrArray, false),
        new("additionalItems", "applicator", KeywordShape.Schema, false),
        new("contains", "applicator", KeywordShape.Schema, false),
        new("additionalProperties", "applicator", KeywordShape.Schema, false),
        new("properties", "applicator", KeywordShape.SchemaMap, false),
        new("patternProperties", "applicator", KeywordShape.SchemaMap, false),
        new("dependentSchemas", "applicator", KeywordShape.SchemaMap, false),
        new("dependencies", "applicator", KeywordShape.SchemaMap, false),
        new("propertyNames", "applicator", KeywordShape.Schema, false),
        new("if", "applicator", KeywordShape.Schema, false),
        new("then", "applicator", KeywordShape.Schema, false),
        new("else", "applicator", KeywordShape.Schema, false),
        new("allOf", "applicator", KeywordShape.SchemaArray, false),
        new("anyOf", "applicator", KeywordShape.SchemaArray, false),
        new("oneOf", "applicator", KeywordShape.SchemaArray, false),
        new("not", "applicator", KeywordShape.Schema, false),

        new("unevaluatedItems", "unevaluated", KeywordShape.Schema, false),
        new("unevaluatedProperties", "unevaluated", KeywordShape.Schema, false),

        new("type", "validation", KeywordShape.Value, false),
        new("const", "validation", KeywordShape.Value, false),
        new("enum", "validation", KeywordShape.Value, false),
        new("multipleOf", "validation", KeywordShape.Value, false),
        new("maximum", "validation", KeywordShape.Value, false),
        new("exclusiveMaximum", "validation", KeywordShape.Value, false),
        new("minimum", "validation", KeywordShape.Value, false),
        new("exclusiveMinimum", "validation", KeywordShape.Value, false),
        new("maxLength", "validation", KeywordShape.Value, false),
        new("minLength", "validation", KeywordShape.Value, false),
        new("pattern", "validation", KeywordShape.Value, false),
        new("maxItems", "validation", KeywordShape.Value, false),
        new("minItems", "validation", KeywordShape.Value, false),
        new("uniqueItems", "validation", KeywordShape.Value, false),
        new("maxContains", "validation", KeywordShape.Value, false),
        new("minContains", "validation", KeywordShape.Value, false),
        new("maxProperties", "validation", KeywordShape.Value, false),
        new("minProperties", "validation", KeywordShape.Value, false),
        new("required", "validation", KeywordShape.Value, false),
        new("dependentRequired", "validation", KeywordShape.Value, false),

        new("contentEncoding", "content", KeywordShape.Value, false),
        new("contentMediaType", "content", KeywordShape.Value, false),
        new("contentSchema", "content", KeywordShape.Schema, false),

        new("format", "format-annotation", KeywordShape.Value, false),

        new("title", "meta-data", KeywordShape.Value, true),
        new("description", "meta-data", KeywordShape.Value, true),
        new("default", "meta-data", KeywordShape.Value, true),
        new("deprecated", "meta-data", KeywordShape.Value, true),
        new("readOnly", "meta-data", KeywordShape.Value, true),
        new("writeOnly", "meta-data", KeywordShape.Value, true),
        new("examples", "meta-data", KeywordShape.Value, true),

        // Editor vocabularies the SchemaStore catalog is full of (VS Code, JSON Schema Store): annotations to a validator.
        new("markdownDescription", null, KeywordShape.Value, true),
        new("deprecationMessage", null, KeywordShape.Value, true),
        new("errorMessage", null, KeywordShape.Value, true),
        new("patternErrorMessage", null, KeywordShape.Value, true),
        new("doNotSuggest", null, KeywordShape.Value, true),
        new("defaultSnippets", null, KeywordShape.Value, true),
        new("markdownEnumDescriptions", null, KeywordShape.Value, true),
        new("enumDescriptions", null, KeywordShape.Value, true),
        new("allowComments", null, KeywordShape.Value, true),
        new("allowTrailingCommas", null, KeywordShape.Value, true),
        new("tsType", null, KeywordShape.Value, true),
    };

    private static readonly Dictionary<string, Keyword> s_byName = All.ToDictionary(k => k.Name, StringComparer.Ordinal);

    /// <summary>Keywords whose value is one subschema (<c>items</c> included: its array form is <see cref="SchemaArrayKeywords"/>).</summary>
    public static readonly string[] SchemaKeywords = Names(k => k.Shape is KeywordShape.Schema or KeywordShape.SchemaOrArray);

    /// <summary>Keywords whose value is an array of subschemas (<c>items</c> included, for its draft-07 tuple form).</summary>
    public static readonly string[] SchemaArrayKeywords = Names(k => k.Shape is KeywordShape.SchemaArray or KeywordShape.SchemaOrArray);

    /// <summary>Keywords whose value is an object of subschemas.</summary>
    public static readonly string[] SchemaMapKeywords = Names(k => k.Shape == KeywordShape.SchemaMap);

    /// <summary>The keywords of a vocabulary (by its short name: "applicator", "validation", …).</summary>
    public static string[] Of(string vocabulary) => Names(k => k.Vocabulary == vocabulary);

    /// <summary>Whether a keyword only annotates (validators emit nothing for it): <c>title</c>, <c>$comment</c>, <c>x-</c> extensions and the like.</summary>
    public static bool OnlyAnnotates(string keyword)
        => (s_byName.TryGetValue(keyword, out var known) && known.OnlyAnnotates) || keyword.StartsWith("x-", StringComparison.Ordinal);

    /// <summary>
    /// Whether the validators assert a keyword (it can make a value invalid): <c>$ref</c>, <c>$dynamicRef</c> and the
    /// applicator, unevaluated, validation and format vocabularies; every other keyword annotates or organises.
    /// </summary>
    public static bool Asserts(string keyword)
        => s_asserting.Contains(keyword);

    private static readonly HashSet<string> s_asserting = new(
        Names(k => k.Name is "$ref" or "$dynamicRef" || k.Vocabulary is "applicator" or "unevaluated" or "validation" or "format-annotation"),
        StringComparer.Ordinal);

    private static string[] Names(Func<Keyword, bool> predicate) => All.Where(predicate).Select(k => k.Name).ToArray();
}
