using System;
using System.Collections.Generic;
using System.Linq;
using FactSchema.Generators.Common;
using FactSchema.Generators.Json;
using FactSchema.Generators.Schema;

namespace FactSchema.Generators.Mapping;

/// <summary>
/// What <c>oneOf</c>/<c>anyOf</c>/<c>allOf</c> mean for C# shapes: which schemas are unions, which branches are
/// scalars, and which property (if any) discriminates the branches. Shared by naming and mapping.
/// </summary>
internal static class Composition
{
    /// <summary>How far a chain of <c>$ref</c>-only schemas is followed.</summary>
    private const int MaxReferenceHops = 32;

    /// <summary>The branches of a <c>oneOf</c> or <c>anyOf</c> (whichever is present), without <c>{"type": "null"}</c>.</summary>
    public static List<SchemaNode> UnionBranches(SchemaNode node)
        => (node.OneOf.Count > 0 ? node.OneOf : node.AnyOf).Where(b => !TypeNamer.IsNullSchema(b)).ToList();

    /// <summary>Whether the union also admits JSON null (a <c>{"type": "null"}</c> branch).</summary>
    public static bool UnionAllowsNull(SchemaNode node)
        => (node.OneOf.Count > 0 ? node.OneOf : node.AnyOf).Any(TypeNamer.IsNullSchema);

    /// <summary>
    /// A <c>oneOf</c> or <c>anyOf</c> of two or more non-null schemas, with nothing beside it that would change the
    /// type, except shared <c>properties</c> when every branch is an inline object (each variant then gets them).
    /// </summary>
    public static bool IsUnion(SchemaNode node)
        => (node.OneOf.Count > 0 ^ node.AnyOf.Count > 0)
        && node.AllOf.Count == 0
        && node.Items is null
        && UnionBranches(node).Count >= 2
        && (node.Properties is null || HasSharedProperties(node));

    /// <summary>
    /// <c>properties</c> beside a <c>oneOf</c>/<c>anyOf</c> whose branches are all inline objects (no <c>$ref</c>, no type
    /// but object, no composition of their own): the shared members of every variant.
    /// </summary>
    public static bool HasSharedProperties(SchemaNode node)
        => node.Properties is not null
        && (node.Types is null || node.Types.All(t => t is "object" or "null"))
        && UnionBranches(node).All(b => b.Ref is null && b.BooleanValue is null && b.AnyOf.Count == 0 && b.OneOf.Count == 0
            && (b.Types is null || b.Types.All(t => t is "object")) && b.Items is null && b.Enum is null && b.Const is null);

    /// <summary>The scalar JSON type of an inline schema that is only a scalar ("string", "integer", "number", "boolean"), or null.</summary>
    public static string? ScalarType(SchemaNode node)
    {
        if (node.Ref is not null || node.BooleanValue is not null || node.DynamicRef is not null || node.AllOf.Count > 0 || node.AnyOf.Count > 0
            || node.OneOf.Count > 0 || node.Properties is not null || node.Items is not null || node.HasTupleItems || node.AdditionalProperties is not null
            || node.HasPatternProperties)
        {
            return null;
        }

        List<string> types;
        if (node.Types is { } declared)
        {
            types = declared.Where(t => t != "null").ToList();
        }
        else
        {
            var values = node.Enum?.Where(v => v.Kind != JsonKind.Null).ToList()
                ?? (node.Const is { } constant ? new List<JsonNode> { constant } : new List<JsonNode>());
            types = values.Select(v => v.Kind switch
            {
                JsonKind.String => "string",
                JsonKind.True or JsonKind.False => "boolean",
                JsonKind.Number => "number",
                _ => "other",
            }).Distinct().ToList();
        }

        return types.Count == 1 && types[0] is "string" or "integer" or "number" or "boolean" ? types[0] : null;
    }

    /// <summary>
    /// The scalar types of a type union (<c>"type": [...]</c> with two or more of string, integer, number, boolean),
    /// normalised: "integer" is dropped beside "number" (a number type already holds integers). Null when not one.
    /// </summary>
    public static List<string>? TypeUnionMembers(SchemaNode node)
    {
        if (node.Types is not { } types || node.Properties is not null || node.Items is not null || node.Ref is not null
            || node.AllOf.Count > 0 || node.AnyOf.Count > 0 || node.OneOf.Count > 0)
        {
            return null;
        }

        var members = types.Where(t => t != "null").Distinct().ToList();
        if (members.Contains("number"))
        {
            members.Remove("integer");
        }

        return members.Count >= 2 && members.All(t => t is "string" or "integer" or "number" or "boolean") ? members : null;
    }

    /// <summary>The token family of a scalar type: strings, numbers and booleans never look alike on the wire.</summary>
    public static char TokenFamily(string scalarType) => scalarType switch
    {
        "string" => 'S',
        "boolean" => 'B',
        _ => 'N',
    };

    /// <summary>A union whose branches are all inline scalars of different token families: a struct, dispatched on the token.</summary>
    public static bool IsValueUnion(SchemaNode node)
    {
        if (!IsUnion(node))
        {
            return false;
        }

        var families = new HashSet<char>();
        foreach (var branch in UnionBranches(node))
        {
            if (ScalarType(branch) is not { } type || !families.Add(TokenFamily(type)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Follows <c>$ref</c>-only schemas to the schema that says something; null when a reference does not resolve or loops.</summary>
    public static SchemaLocation? Resolve(SchemaResolver resolver, SchemaDocument document, SchemaNode node)
    {
        var current = new SchemaLocation(document, node);
        for (var hop = 0; hop < MaxReferenceHops; hop++)
        {
            if (current.Node.Ref is not { } reference)
            {
                return current;
            }

            if (!resolver.TryResolve(current.Document, current.Node, reference, out var target, out _))
            {
                return null;
            }

            current = target;
        }

        return null;
    }

    /// <summary>
    /// The discriminator of a union: a property that every branch declares, requires, and fixes to a different
    /// string (<c>const</c> or a one-value <c>enum</c>). The first such property of the first branch; null when none.
    /// </summary>
    public static Discriminator? FindDiscriminator(SchemaResolver resolver, SchemaDocument document, IReadOnlyList<SchemaNode> branches, SchemaNode? union = null)
    {
        // Shared properties: "required" may be stated once, beside the oneOf, for every branch.
        var sharedRequired = union is not null && HasSharedProperties(union) ? union.Required : ImmutableEquatableArray<string>.Empty;
        var resolved = new List<SchemaNode>();
        foreach (var branch in branches)
        {
            if (Resolve(resolver, document, branch) is not { } target || target.Node.Properties is null)
            {
                return null;
            }

            resolved.Add(target.Node);
        }

        if (resolved.Count < 2)
        {
            return null;
        }

        foreach (var candidate in resolved[0].Properties!)
        {
            var values = new List<string>();
            foreach (var branch in resolved)
            {
                var property = branch.Properties!.FirstOrDefault(p => p.Name == candidate.Name);
                if (property is null || !(branch.Required.Contains(candidate.Name) || sharedRequired.Contains(candidate.Name)) || ConstantString(property.Schema) is not { } value)
                {
                    break;
                }

                values.Add(value);
            }

            if (values.Count == resolved.Count && values.Distinct(StringComparer.Ordinal).Count() == values.Count)
            {
                return new Discriminator(candidate.Name, values);
            }
        }

        return null;
    }

    /// <summary>The one string a schema allows (<c>const</c> or a one-value <c>enum</c>), or null.</summary>
    public static string? ConstantString(SchemaNode node)
    {
        if (node.Const is { Kind: JsonKind.String } constant)
        {
            return constant.Text;
        }

        return node.Enum is { Count: 1 } values && values[0].Kind == JsonKind.String ? values[0].Text : null;
    }
}

/// <summary>A union's discriminating property and each branch's value of it, in branch order.</summary>
internal sealed record Discriminator(string Name, IReadOnlyList<string> Values);
