using System;
using System.Collections.Generic;
using System.Linq;
using FactSchema.Generators.Emit;
using FactSchema.Generators.Json;
using FactSchema.Generators.Schema;

namespace FactSchema.Generators.Validation;

/// <summary>
/// A cheap test that rules branches of an <c>anyOf</c>/<c>oneOf</c> out before they are evaluated: a property whose string
/// value several branches restrict (each branch's <c>properties</c> give it an <c>enum</c>/<c>const</c> of strings, directly,
/// through <c>$ref</c> or <c>allOf</c>, or through every branch of a union inside it). An object whose value of the property
/// is not among a branch's values cannot match that branch, so only the branches that admit it are evaluated: the others
/// would each read the whole object again to fail. Real-world unions of object kinds (<c>{"type": "blob", …}</c>) are
/// mostly this shape, and the property need not be <c>required</c>: an object without it, or a value that is not an
/// object, tries every branch as before.
/// </summary>
internal static class BranchFilter
{
    private const int MaxDepth = 8;

    /// <summary>Schemas looked at per union at most: a hostile schema (unions of unions of references) cannot make this slow.</summary>
    private const int Budget = 2000;

    private static readonly string[] s_unions = { "anyOf", "oneOf" };

    /// <summary>
    /// The property and, per branch, the positions in <see cref="Values"/> the branch admits (null: not restricted, always
    /// evaluated). At least one branch is restricted, or there is no filter: ruling out one branch that would read a large
    /// object again is worth the one scan of its members that finding the value costs.
    /// </summary>
    internal sealed record Filter(string Name, IReadOnlyList<string> Values, IReadOnlyList<IReadOnlyList<int>?> Branches);

    /// <summary>
    /// The filter for the branches of <paramref name="location"/>'s <paramref name="keyword"/>, or null (also when the
    /// property or a value has no UTF-8 form, a lone surrogate: generated code compares UTF-8 bytes).
    /// </summary>
    public static Filter? Infer(SchemaIndex index, SchemaRef location, SchemaNode node, string keyword)
    {
        var branches = keyword == "anyOf" ? node.AnyOf : node.OneOf;
        if (branches.Count < 2)
        {
            return null;
        }

        var budget = Budget;
        var restrictions = new List<Dictionary<string, HashSet<string>>>();
        for (var i = 0; i < branches.Count; i++)
        {
            restrictions.Add(Restrictions(index, Child(location, keyword, i), branches[i], 0, ref budget));
        }

        // The property most branches restrict (ties: the first by ordinal name, so the output is stable).
        var best = restrictions.SelectMany(r => r.Keys).GroupBy(k => k, StringComparer.Ordinal)
            .Select(g => (Name: g.Key, Count: g.Count()))
            .OrderByDescending(p => p.Count).ThenBy(p => p.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        if (best.Name is null)
        {
            return null;
        }

        var values = restrictions.Where(r => r.ContainsKey(best.Name)).SelectMany(r => r[best.Name]).Distinct(StringComparer.Ordinal).OrderBy(v => v, StringComparer.Ordinal).ToList();
        if (CodeText.Utf8Literal(best.Name) is null || values.Any(v => CodeText.Utf8Literal(v) is null))
        {
            return null;
        }

        var positions = values.Select((v, i) => (v, i)).ToDictionary(p => p.v, p => p.i, StringComparer.Ordinal);
        var admitted = restrictions
            .Select(r => r.TryGetValue(best.Name, out var set) ? (IReadOnlyList<int>?)set.Select(v => positions[v]).OrderBy(p => p).ToList() : null)
            .ToList();
        return new Filter(best.Name, values, admitted);
    }

    /// <summary>
    /// What every object the schema accepts must hold: property → the string values it may have when present. Only what
    /// the keywords prove; anything else (or too deep a nesting) restricts nothing, which is always safe.
    /// </summary>
    private static Dictionary<string, HashSet<string>> Restrictions(SchemaIndex index, SchemaRef at, SchemaNode? node, int depth, ref int budget)
    {
        var result = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        if (node is not { BooleanValue: null } || depth > MaxDepth || --budget < 0)
        {
            return result;
        }

        if (node.Ref is { } reference && index.TryResolve(at, reference, out var target, out _))
        {
            Merge(result, Restrictions(index, target, index.NodeAt(target), depth + 1, ref budget));
        }

        if (node.Properties is { } properties)
        {
            foreach (var property in properties)
            {
                var propertyAt = new SchemaRef(at.Document, at.Pointer + "/properties/" + JsonPointer.Escape(property.Name));
                if (StringValues(index, propertyAt, property.Schema, depth + 1) is { } allowed)
                {
                    Merge(result, new Dictionary<string, HashSet<string>>(StringComparer.Ordinal) { [property.Name] = allowed });
                }
            }
        }

        for (var i = 0; i < node.AllOf.Count; i++)
        {
            Merge(result, Restrictions(index, Child(at, "allOf", i), node.AllOf[i], depth + 1, ref budget));
        }

        foreach (var keyword in s_unions)
        {
            var union = keyword == "anyOf" ? node.AnyOf : node.OneOf;
            if (union.Count == 0)
            {
                continue;
            }

            // An object the union accepts matches one of its branches: a property every branch restricts is restricted to
            // the union of their values.
            var each = new List<Dictionary<string, HashSet<string>>>();
            for (var i = 0; i < union.Count; i++)
            {
                each.Add(Restrictions(index, Child(at, keyword, i), union[i], depth + 1, ref budget));
            }

            var common = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            foreach (var name in each[0].Keys)
            {
                if (each.All(r => r.ContainsKey(name)))
                {
                    common[name] = new HashSet<string>(each.SelectMany(r => r[name]), StringComparer.Ordinal);
                }
            }

            Merge(result, common);
        }

        return result;
    }

    /// <summary>The values a schema admits when they are a finite set of strings (<c>enum</c> or <c>const</c>, through <c>$ref</c>), else null.</summary>
    private static HashSet<string>? StringValues(SchemaIndex index, SchemaRef at, SchemaNode? node, int depth)
    {
        if (node is not { BooleanValue: null } || depth > MaxDepth)
        {
            return null;
        }

        HashSet<string>? allowed = null;
        if (node.Enum is { } values && values.All(v => v.Kind == JsonKind.String))
        {
            allowed = new HashSet<string>(values.Select(v => v.Text!), StringComparer.Ordinal);
        }

        if (node.Const is { } constant)
        {
            if (constant.Kind != JsonKind.String)
            {
                return allowed;
            }

            allowed = allowed is null ? new HashSet<string>(StringComparer.Ordinal) { constant.Text! } : new HashSet<string>(allowed.Where(v => v == constant.Text), StringComparer.Ordinal);
        }

        if (node.Ref is { } reference && index.TryResolve(at, reference, out var target, out _)
            && StringValues(index, target, index.NodeAt(target), depth + 1) is { } referenced)
        {
            allowed = allowed is null ? referenced : new HashSet<string>(allowed.Where(referenced.Contains), StringComparer.Ordinal);
        }

        return allowed;
    }

    /// <summary>Both restrictions hold: a property restricted by both may only have the values both admit.</summary>
    private static void Merge(Dictionary<string, HashSet<string>> into, Dictionary<string, HashSet<string>> from)
    {
        foreach (var pair in from)
        {
            if (into.TryGetValue(pair.Key, out var existing))
            {
                existing.IntersectWith(pair.Value);
            }
            else
            {
                into[pair.Key] = new HashSet<string>(pair.Value, StringComparer.Ordinal);
            }
        }
    }

    private static SchemaRef Child(SchemaRef at, string keyword, int i)
        => new(at.Document, at.Pointer + "/" + keyword + "/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
