using System;
using System.Collections.Generic;
using System.Linq;
using FactSchema.Generators.Common;
using FactSchema.Generators.Emit;
using FactSchema.Generators.Schema;

namespace FactSchema.Generators.Validation;

/// <summary>
/// Conditions decided from one read of the object: a method whose in-place subschemas (its <c>if</c>/<c>then</c>/<c>else</c>,
/// its <c>allOf</c>, <c>anyOf</c> and <c>oneOf</c> branches, and the conditionals among its <c>allOf</c> branches) look only at some named properties of the object
/// records where those properties' values are in one pass, and decides every condition from the values alone, instead
/// of reading the whole object once per condition. SchemaStore schemas switch on a kind property this way
/// (<c>allOf: [{ if: { properties: { kind: { const: "a" } } }, then: … }, …]</c>).
/// </summary>
/// <remarks>
/// A condition qualifies when it is <em>property-local</em>: made only of <c>type</c> (deciding on "object"),
/// <c>properties</c>, <c>required</c>, <c>allOf</c>/<c>anyOf</c>/<c>oneOf</c>/<c>not</c> and <c>$ref</c>s (in the
/// same file) of such schemas, and annotations. On an object, such a schema holds exactly when its <c>required</c>
/// names are present and each named property's value holds against its subschema: what the recorded values decide.
/// Anything else (a non-object value, a property that appears twice, evaluated-property tracking, dynamic scope) takes
/// the ordinary path, which reads the value once per condition. Conditions are evaluated quietly, so errors are the
/// same either way: they come from <c>then</c> and <c>else</c>, which still read the value.
/// </remarks>
internal sealed partial class ValidatorPlanner
{
    /// <summary>Keywords of a property-local schema, beside annotations.</summary>
    private static readonly HashSet<string> s_propertyLocal = new(StringComparer.Ordinal)
    {
        "type", "properties", "required", "allOf", "anyOf", "oneOf", "not", "$ref",
    };

    /// <summary>How far <c>$ref</c>s and combinators are followed when deciding property-locality.</summary>
    private const int MaxConditionDepth = 12;

    /// <summary>At most this many recorded properties (each is a reader copy on the stack).</summary>
    private const int MaxRecordedProperties = 16;

    /// <summary>The recorded properties of the method being planned, or null when its conditions take the ordinary path.</summary>
    private RecordedProperties? _recorded;

    private sealed class RecordedProperties
    {
        private readonly HashSet<string> _names;

        public RecordedProperties(RecordedPlan plan)
        {
            Plan = plan;
            _names = new HashSet<string>(plan.Names, StringComparer.Ordinal);
        }

        public RecordedPlan Plan { get; }

        public bool Records(string name) => _names.Contains(name);
    }

    /// <summary>
    /// Before the keywords of a method: when two or more of its conditions are property-local, plans the pass that
    /// records the properties they name (the conditions planned after it decide from those).
    /// </summary>
    private RecordedProperties? PlanRecordedConditions(SchemaRef location, SchemaNode node)
    {
        if (_track || _dynamic || node.BooleanValue is not null)
        {
            return null;
        }

        // Each subschema that would read the whole object again and that the recorded values can decide instead.
        var names = new List<string>();
        var conditions = CountRecordable(location, node, names);
        {
            var branches = node.AllOf;
            for (var i = 0; i < branches.Count; i++)
            {
                var branch = branches[i];
                var branchLocation = Sub(location, "allOf", Int(i));
                if (IsOnlyConditional(branch))
                {
                    conditions += CountRecordable(branchLocation, branch, names);
                }
                else if (!IsTrue(branch) && IsPropertyLocal(branchLocation, branch, names, 0))
                {
                    conditions++;
                }
            }
        }

        // A union that a discriminator or a kind property narrows evaluates one branch already: recording would not pay.
        foreach (var keyword in new[] { "anyOf", "oneOf" })
        {
            var alternatives = keyword == "anyOf" ? node.AnyOf : node.OneOf;
            if (alternatives.Count > 0 && !_discriminators.ContainsKey(location.Key)
                && BranchFilter.Infer(_index, location, node, keyword) is null)
            {
                for (var i = 0; i < alternatives.Count; i++)
                {
                    if (!IsTrue(alternatives[i]) && IsPropertyLocal(Sub(location, keyword, Int(i)), alternatives[i], names, 0))
                    {
                        conditions++;
                    }
                }
            }
        }

        names = names.Distinct(StringComparer.Ordinal).ToList();
        if (conditions < 2 || names.Count == 0 || names.Count > MaxRecordedProperties || names.Any(n => CodeText.Utf8Literal(n) is null))
        {
            return null;
        }

        return new RecordedProperties(new RecordedPlan(Matcher(names), names.ToImmutableEquatableArray()));
    }

    /// <summary>How many of a conditional's subschemas (<c>if</c>, <c>then</c>, <c>else</c>) the recorded values can decide.</summary>
    private int CountRecordable(SchemaRef location, SchemaNode node, List<string> names)
    {
        if (!IsRecordableConditional(node) || !IsPropertyLocal(Sub(location, "if"), node.If!, names, 0))
        {
            return 0;
        }

        var count = 1;
        foreach (var (keyword, branch) in new[] { ("then", node.Then), ("else", node.Else) })
        {
            if (branch is not null && !IsTrue(branch) && IsPropertyLocal(Sub(location, keyword), branch, names, 0))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// A subschema that reports its own errors, over the whole value: decided quietly from the recorded properties
    /// first, and read in full only when that says no (to report why, or to fail), or when the value is not an object.
    /// </summary>
    private RecordedOrFullCheck PlanRecordedOrFull(SchemaRef location, SchemaRef target, SchemaNode node)
    {
        var decide = CanDecideFromRecorded(target, node) ? PlanRecordedCondition(target, node) : null;
        return new RecordedOrFullCheck(decide, Call(location, target));
    }

    /// <summary>Whether the recorded properties of the method decide <paramref name="node"/> (property-local, and every name it reads recorded).</summary>
    private bool CanDecideFromRecorded(SchemaRef location, SchemaNode node)
    {
        var names = new List<string>();
        return _recorded is not null && IsPropertyLocal(location, node, names, 0) && names.All(_recorded.Records);
    }

    /// <summary>An <c>if</c> with a <c>then</c> or an <c>else</c> to decide (without either, it is not evaluated).</summary>
    private static bool IsRecordableConditional(SchemaNode node)
        => node.If is not null && (node.Then is not null || node.Else is not null);

    /// <summary>An <c>allOf</c> branch that is only a conditional: it can be emitted in place, in the method that records.</summary>
    private static bool IsOnlyConditional(SchemaNode node)
        => node.BooleanValue is null && node.KeywordNames.All(name => name is "if" or "then" or "else" || Keywords.OnlyAnnotates(name));

    /// <summary>Whether <paramref name="node"/> is property-local (see the type's remarks); collects the properties it names.</summary>
    private bool IsPropertyLocal(SchemaRef location, SchemaNode node, List<string> names, int depth)
    {
        if (node.BooleanValue is not null)
        {
            return true;
        }

        if (depth > MaxConditionDepth)
        {
            return false;
        }

        foreach (var keyword in node.KeywordNames)
        {
            if (Keywords.OnlyAnnotates(keyword))
            {
                continue;
            }

            if (!s_propertyLocal.Contains(keyword))
            {
                return false;
            }

            switch (keyword)
            {
                case "type":
                    if (node.Types is null)
                    {
                        return false;
                    }

                    break;
                case "required":
                    names.AddRange(node.Required);
                    break;
                case "properties":
                    if (node.Properties is not { } properties)
                    {
                        return false;
                    }

                    names.AddRange(properties.Select(p => p.Name));
                    break;
                case "not":
                    if (node.Not is not { } not || !IsPropertyLocal(Sub(location, "not"), not, names, depth + 1))
                    {
                        return false;
                    }

                    break;
                case "$ref":
                    if (node.Ref is not { } reference || ConditionTarget(location, reference) is not { } target
                        || !IsPropertyLocal(target.Location, target.Node, names, depth + 1))
                    {
                        return false;
                    }

                    break;
                default:
                    // allOf, anyOf, oneOf
                    var branches = Branches(node, keyword);
                    if (branches.Count == 0)
                    {
                        return false;
                    }

                    for (var i = 0; i < branches.Count; i++)
                    {
                        if (!IsPropertyLocal(Sub(location, keyword, Int(i)), branches[i], names, depth + 1))
                        {
                            return false;
                        }
                    }

                    break;
            }
        }

        return true;
    }

    private static ImmutableEquatableArray<SchemaNode> Branches(SchemaNode node, string keyword) => keyword switch
    {
        "allOf" => node.AllOf,
        "anyOf" => node.AnyOf,
        "oneOf" => node.OneOf,
        _ => throw new ArgumentOutOfRangeException(nameof(keyword), keyword, "not a combinator"),
    };

    /// <summary>The target of a <c>$ref</c> in this file, or null (another file, or one that does not resolve).</summary>
    private (SchemaRef Location, SchemaNode Node)? ConditionTarget(SchemaRef location, string reference)
    {
        if (!_index.TryResolve(location, reference, out var target, out _)
            || !string.Equals(target.Document.FilePath, _document.FilePath, StringComparison.Ordinal)
            || _index.NodeAt(target) is not { } node)
        {
            return null;
        }

        return (target, node);
    }

    /// <summary>
    /// How a property-local schema is decided from the recorded properties (the caller has checked that
    /// <see cref="CanDecideFromRecorded"/>): a constant, or one step per keyword.
    /// </summary>
    private RecordedCondition PlanRecordedCondition(SchemaRef location, SchemaNode node)
    {
        if (node.IsTrue || (node.BooleanValue is null && node.KeywordNames.All(Keywords.OnlyAnnotates)))
        {
            return new RecordedCondition(true, ImmutableEquatableArray<RecordedStep>.Empty);
        }

        if (node.IsFalse)
        {
            return new RecordedCondition(false, ImmutableEquatableArray<RecordedStep>.Empty);
        }

        var steps = new List<RecordedStep>();
        foreach (var keyword in node.KeywordNames)
        {
            switch (keyword)
            {
                case "type":
                    if (!node.Types!.Contains("object"))
                    {
                        steps.Add(new RecordedNotObject());
                    }

                    break;
                case "required":
                    steps.AddRange(node.Required.Select(name => new RecordedPresent(name)));
                    break;
                case "properties":
                    foreach (var property in node.Properties!)
                    {
                        if (!IsTrue(property.Schema))
                        {
                            steps.Add(new RecordedProperty(property.Name, Call(location, Sub(location, "properties", property.Name))));
                        }
                    }

                    break;
                case "not":
                    steps.Add(new RecordedNested(Negate: true, PlanRecordedCondition(Sub(location, "not"), node.Not!)));
                    break;
                case "$ref":
                    var target = ConditionTarget(location, node.Ref!)!.Value;
                    steps.Add(new RecordedNested(Negate: false, PlanRecordedCondition(target.Location, target.Node)));
                    break;
                case "allOf":
                    for (var i = 0; i < node.AllOf.Count; i++)
                    {
                        steps.Add(new RecordedNested(Negate: false, PlanRecordedCondition(Sub(location, "allOf", Int(i)), node.AllOf[i])));
                    }

                    break;
                case "anyOf":
                case "oneOf":
                    var branches = Branches(node, keyword);
                    steps.Add(new RecordedCount(keyword == "oneOf", branches.Select((branch, i) => PlanRecordedCondition(Sub(location, keyword, Int(i)), branch)).ToImmutableEquatableArray()));
                    break;
            }
        }

        return new RecordedCondition(null, steps.ToImmutableEquatableArray());
    }
}
