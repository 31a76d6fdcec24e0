using System;
using System.Collections.Generic;

namespace FactSchema.StructuredOutput;

/// <summary>
/// The rules of OpenAI's strict structured output, as one table: the keywords it accepts per instance type, the formats it
/// knows, the keywords it ignores (annotations, dropped) and the provider's size limits. The deriver and the checker both read
/// it, so the two cannot drift; the generator links this file too, for its build-time check (FS0020).
/// </summary>
internal static class StrictProfileRules
{
    /// <summary>Deepest nesting of objects the provider accepts.</summary>
    public const int MaxDepth = 10;

    /// <summary>Most object properties in one schema, all objects together.</summary>
    public const int MaxProperties = 5000;

    /// <summary>Most characters of property names, definition names, enum values and constants together.</summary>
    public const int MaxTotalStringLength = 120_000;

    /// <summary>Most enum values in one schema, all enums together.</summary>
    public const int MaxEnumValues = 1000;

    /// <summary>An enum of more string values than this may hold at most <see cref="MaxLargeEnumLength"/> characters.</summary>
    public const int LargeEnumThreshold = 250;

    /// <summary>Most characters of the values of one enum of more than <see cref="LargeEnumThreshold"/> strings.</summary>
    public const int MaxLargeEnumLength = 15_000;

    /// <summary>The formats the provider knows; any other moves into the description.</summary>
    public static readonly HashSet<string> Formats = new(StringComparer.Ordinal)
    {
        "date-time", "time", "date", "duration", "email", "hostname", "ipv4", "ipv6", "uuid",
    };

    /// <summary>Annotations dropped from the derived schema (the description is kept: it is the model's instructions).</summary>
    public static readonly HashSet<string> DroppedAnnotations = new(StringComparer.Ordinal)
    {
        "$schema", "$id", "$anchor", "$dynamicAnchor", "$comment", "$vocabulary", "title", "examples", "default", "deprecated",
        "readOnly", "writeOnly", "contentEncoding", "contentMediaType", "contentSchema", "definitions", "$defs",
    };

    /// <summary>Keywords the provider accepts for a string.</summary>
    public static readonly HashSet<string> StringKeywords = new(StringComparer.Ordinal) { "pattern", "format" };

    /// <summary>Keywords the provider accepts for a number or an integer.</summary>
    public static readonly HashSet<string> NumberKeywords = new(StringComparer.Ordinal)
    {
        "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
    };

    /// <summary>Keywords the provider accepts for an array (besides <c>items</c>).</summary>
    public static readonly HashSet<string> ArrayKeywords = new(StringComparer.Ordinal) { "minItems", "maxItems" };

    /// <summary>
    /// Assertions the provider does not accept and that the derived schema states in the description instead (as
    /// <c>keyword: value</c> lines). Looser, and safe: the reply is read against the original schema.
    /// </summary>
    public static readonly HashSet<string> DescribedAssertions = new(StringComparer.Ordinal)
    {
        "minLength", "maxLength", "uniqueItems", "contains", "minContains", "maxContains", "minProperties", "maxProperties",
        "propertyNames", "not", "if", "then", "else", "dependentRequired", "dependentSchemas", "dependencies",
        "unevaluatedProperties", "unevaluatedItems",
    };

    /// <summary>Every keyword a derived schema may hold.</summary>
    public static readonly HashSet<string> AllowedKeywords = new(StringComparer.Ordinal)
    {
        "type", "description", "enum", "properties", "required", "additionalProperties", "items", "anyOf", "$ref", "$defs",
        "pattern", "format", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minItems", "maxItems",
    };

    /// <summary>The JSON types a schema may name.</summary>
    public static readonly HashSet<string> Types = new(StringComparer.Ordinal)
    {
        "string", "number", "integer", "boolean", "object", "array", "null",
    };

    /// <summary>The instance type a keyword implies, for schemas without <c>type</c>; null for keywords of no one type.</summary>
    public static string? ImpliedType(string keyword) => keyword switch
    {
        "properties" or "additionalProperties" or "patternProperties" or "required" or "propertyNames" or "minProperties"
            or "maxProperties" or "dependentRequired" or "dependentSchemas" or "unevaluatedProperties" => "object",
        "items" or "prefixItems" or "minItems" or "maxItems" or "uniqueItems" or "contains" or "unevaluatedItems" => "array",
        "pattern" or "minLength" or "maxLength" or "format" => "string",
        "minimum" or "maximum" or "exclusiveMinimum" or "exclusiveMaximum" or "multipleOf" => "number",
        _ => null,
    };
}
