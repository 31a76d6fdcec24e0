using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using FactSchema.Generators.Json;
using FactSchema.Generators.Schema;
using FactSchema.Generators.Validation;

namespace FactSchema.Generators.Evolution;

/// <summary>
/// Compares what two versions of a schema accept, keyword by keyword, with every <c>$ref</c> followed on both sides:
/// so moving a subschema into <c>$defs</c>, inlining one or reordering keys is no change. Each difference is judged for
/// the wire: does the new schema still accept every old document (<see cref="CompatibilityCategory.WireRead"/>), does
/// the old one accept every new document (<see cref="CompatibilityCategory.WireWrite"/>)? Where a keyword's effect
/// cannot be ordered (a changed <c>not</c>, a new <c>if</c>), both are broken: the check errs on the side of telling.
/// </summary>
/// <remarks>
/// Both documents are the draft 2020-12 form <see cref="DraftNormalizer"/> gives every draft, so draft-04 and draft-07
/// files compare as their authors meant. Recursive schemas end: a pair of locations under comparison is assumed equal
/// when it is met again (the comparison is co-inductive), each finished pair is compared once, and a budget of pair
/// comparisons bounds the work (beyond it, <see cref="ChangeKind.ComparisonIncomplete"/>).
/// </remarks>
internal sealed class WireComparer
{
    private const int Budget = 200_000;

    private static readonly string[] s_lowerBounds = { "minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties", "minContains" };
    private static readonly string[] s_upperBounds = { "maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties", "maxContains" };

    // Keywords whose value is one subschema compared in the same direction as the schema itself.
    private static readonly string[] s_covariantSubschemas = { "contains", "propertyNames", "unevaluatedItems", "contentSchema" };

    // Keywords handled by their own rule (everything else that asserts is compared as a whole).
    private static readonly HashSet<string> s_handled = new(StringComparer.Ordinal)
    {
        "type", "enum", "const", "format", "pattern", "multipleOf", "uniqueItems", "properties", "required", "additionalProperties",
        "unevaluatedProperties", "patternProperties", "items", "prefixItems", "allOf", "anyOf", "oneOf", "$ref", "$defs",
        "definitions", "$id", "$anchor", "deprecated", "$schema", "$vocabulary", "$comment", "$dynamicAnchor", "default",
        "dependentSchemas",
    };

    private static readonly string[] s_allTypes = { "null", "boolean", "object", "array", "number", "integer", "string" };

    private readonly SchemaIndex _old;
    private readonly SchemaIndex _new;
    private readonly CancellationToken _cancellationToken;
    private readonly HashSet<(string, string)> _active = new();
    private readonly Dictionary<(string, string), List<SchemaChange>> _done = new();
    private readonly Dictionary<string, string> _pairs = new(StringComparer.Ordinal);
    private readonly HashSet<string> _discriminatorLocations = new(StringComparer.Ordinal);
    private List<SchemaChange> _sink = new();
    private int _budget = Budget;
    private bool _incompleteReported;

    public WireComparer(SchemaIndex oldIndex, SchemaIndex newIndex, CancellationToken cancellationToken)
    {
        _old = oldIndex;
        _new = newIndex;
        _cancellationToken = cancellationToken;
    }

    /// <summary>What was found so far, one entry per change and location.</summary>
    public IReadOnlyList<SchemaChange> Changes => _sink;

    /// <summary>For each baseline location compared, the new location it was compared with (the first one).</summary>
    public IReadOnlyDictionary<string, string> Pairs => _pairs;

    /// <summary>Compares two schemas: <c>null</c> on a side stands for the schema <c>true</c> (anything).</summary>
    public void Compare(SchemaRef? old, SchemaRef? @new, SchemaRef oldAnchor, SchemaRef newAnchor)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (old is { } o)
        {
            old = _old.FollowAliases(o);
        }

        if (@new is { } n)
        {
            @new = _new.FollowAliases(n);
        }

        var key = (old?.Key ?? "true", @new?.Key ?? "true");
        if (_done.TryGetValue(key, out var earlier))
        {
            _sink.AddRange(earlier);
            return;
        }

        if (!_active.Add(key))
        {
            return;
        }

        if (--_budget < 0)
        {
            if (!_incompleteReported)
            {
                _incompleteReported = true;
                Report(ChangeKind.ComparisonIncomplete, CompatibilityCategory.None, "the comparison stopped after " + Budget.ToString(CultureInfo.InvariantCulture) + " schema pairs; the rest is not checked", old ?? oldAnchor, @new ?? newAnchor);
            }

            _active.Remove(key);
            return;
        }

        if (old is { } oldRef && @new is { } newRef && !_pairs.ContainsKey(oldRef.Key))
        {
            _pairs[oldRef.Key] = newRef.Key;
        }

        var outer = _sink;
        _sink = new List<SchemaChange>();
        try
        {
            CompareSchemas(old, @new, old ?? oldAnchor, @new ?? newAnchor);
            _done[key] = _sink;
        }
        finally
        {
            outer.AddRange(_sink);
            _sink = outer;
            _active.Remove(key);
        }
    }

    /// <summary>The categories the differences between two schemas break, without reporting them.</summary>
    private CompatibilityCategory Trial(SchemaRef? old, SchemaRef? @new, SchemaRef oldAnchor, SchemaRef newAnchor)
    {
        var outer = _sink;
        _sink = new List<SchemaChange>();
        try
        {
            Compare(old, @new, oldAnchor, newAnchor);
            var categories = CompatibilityCategory.None;
            foreach (var change in _sink)
            {
                categories |= change.Breaks;
            }

            return categories;
        }
        finally
        {
            _sink = outer;
        }
    }

    private bool Same(SchemaRef old, SchemaRef @new)
    {
        var outer = _sink;
        _sink = new List<SchemaChange>();
        try
        {
            Compare(old, @new, old, @new);
            return _sink.Count == 0;
        }
        finally
        {
            _sink = outer;
        }
    }

    private void CompareSchemas(SchemaRef? old, SchemaRef? @new, SchemaRef oldAt, SchemaRef newAt)
    {
        var o = old is { } a ? SchemaIndex.JsonAt(a.Document, a.Pointer) : null;
        var n = @new is { } b ? SchemaIndex.JsonAt(b.Document, b.Pointer) : null;
        var oldFalse = o is { Kind: JsonKind.False };
        var newFalse = n is { Kind: JsonKind.False };
        if (oldFalse || newFalse)
        {
            if (oldFalse && !newFalse)
            {
                Report(ChangeKind.ConstraintChanged, CompatibilityCategory.WireWrite, "the schema accepted nothing (false) and now accepts values", oldAt, newAt);
            }
            else if (newFalse && !oldFalse)
            {
                Report(ChangeKind.ConstraintChanged, CompatibilityCategory.WireRead, "the schema now accepts nothing (false)", oldAt, newAt);
            }

            return;
        }

        var oo = o is { Kind: JsonKind.Object } ? o : null;
        var no = n is { Kind: JsonKind.Object } ? n : null;

        CompareReferences(oo, no, oldAt, newAt);
        CompareTypes(oo, no, oldAt, newAt);
        CompareValues(oo, no, oldAt, newAt, "enum");
        CompareValues(oo, no, oldAt, newAt, "const");
        CompareFormat(oo, no, oldAt, newAt);
        CompareBounds(oo, no, oldAt, newAt);
        CompareStrings(oo, no, oldAt, newAt, "pattern", ChangeKind.PatternChanged);
        CompareProperties(oo, no, oldAt, newAt);
        CompareItems(oo, no, oldAt, newAt);
        CompareBranches(oo, no, oldAt, newAt, "allOf");
        CompareBranches(oo, no, oldAt, newAt, "anyOf");
        CompareBranches(oo, no, oldAt, newAt, "oneOf");
        CompareCovariant(oo, no, oldAt, newAt);
        CompareOthers(oo, no, oldAt, newAt);
        CompareAnnotations(oo, no, oldAt, newAt);
        CompareDefinitions(oo, no, oldAt, newAt);
    }

    private void CompareReferences(JsonNode? o, JsonNode? n, SchemaRef oldAt, SchemaRef newAt)
    {
        // A $ref beside other keywords (2019-09 on) is one more constraint: compare the targets.
        var oldRef = o?["$ref"] is { Kind: JsonKind.String, Text: { } or } && _old.TryResolve(oldAt, or, out var ot, out _) ? ot : (SchemaRef?)null;
        var newRef = n?["$ref"] is { Kind: JsonKind.String, Text: { } nr } && _new.TryResolve(newAt, nr, out var nt, out _) ? nt : (SchemaRef?)null;
        if (oldRef is null && newRef is null)
        {
            return;
        }

        Compare(oldRef, newRef, oldAt, newAt);
    }

    private void CompareTypes(JsonNode? o, JsonNode? n, SchemaRef oldAt, SchemaRef newAt)
    {
        var oldTypes = TypesOf(o);
        var newTypes = TypesOf(n);
        if (oldTypes.SetEquals(newTypes))
        {
            return;
        }

        var added = newTypes.Except(oldTypes).ToList();
        var removed = oldTypes.Except(newTypes).ToList();
        var detail = "type " + Describe(o?["type"]) + " → " + Describe(n?["type"]);
        if (added.Count == 1 && added[0] == "null" && removed.Count == 0)
        {
            Report(ChangeKind.NullableAdded, CompatibilityCategory.WireWrite, detail, oldAt, newAt, "type");
        }
        else if (removed.Count == 1 && removed[0] == "null" && added.Count == 0)
        {
            Report(ChangeKind.NullableRemoved, CompatibilityCategory.WireRead, detail, oldAt, newAt, "type");
        }
        else if (removed.Count == 0)
        {
            Report(ChangeKind.TypeWidened, CompatibilityCategory.WireWrite, detail, oldAt, newAt, "type");
        }
        else if (added.Count == 0)
        {
            Report(ChangeKind.TypeNarrowed, CompatibilityCategory.WireRead, detail, oldAt, newAt, "type");
        }
        else
        {
            Report(ChangeKind.TypeChanged, CompatibilityCategory.WireRead | CompatibilityCategory.WireWrite, detail, oldAt, newAt, "type");
        }
    }

    /// <summary>The JSON types a schema's <c>type</c> allows, "integer" standing for the integral numbers and included in "number".</summary>
    private static HashSet<string> TypesOf(JsonNode? node)
    {
        var types = new HashSet<string>(StringComparer.Ordinal);
        switch (node?["type"])
        {
            case { Kind: JsonKind.String, Text: { } single }:
                types.Add(single);
                break;
            case { Kind: JsonKind.Array } list:
                foreach (var item in list.Items)
                {
                    if (item is { Kind: JsonKind.String, Text: { } name })
                    {
                        types.Add(name);
                    }
                }

                break;
            default:
                types.UnionWith(s_allTypes);
                break;
        }

        if (types.Contains("number"))
        {
            types.Add("integer");
        }

        return types;
    }

    private void CompareValues(JsonNode? o, JsonNode? n, SchemaRef oldAt, SchemaRef newAt, string keyword)
    {
        var ov = o?[keyword];
        var nv = n?[keyword];
        if (ov is null && nv is null)
        {
            return;
        }

        var discriminator = _discriminatorLocations.Contains(newAt.Key);
        if (keyword == "const" || ov is null || nv is null || ov.Kind != JsonKind.Array || nv.Kind != JsonKind.Array)
        {
            var oldSet = ValuesOf(ov, keyword);
            var newSet = ValuesOf(nv, keyword);
            if (oldSet is not null && newSet is not null && oldSet.SetEquals(newSet))
            {
                return;
            }

            var categories = oldSet is null ? CompatibilityCategory.WireRead
                : newSet is null ? CompatibilityCategory.WireWrite
                : newSet.IsSupersetOf(oldSet) ? CompatibilityCategory.WireWrite
                : newSet.IsSubsetOf(oldSet) ? CompatibilityCategory.WireRead
                : CompatibilityCategory.WireRead | CompatibilityCategory.WireWrite;
            var kind = discriminator ? ChangeKind.DiscriminatorValueChanged : keyword == "const" ? ChangeKind.ConstChanged : ov is null ? ChangeKind.ConstraintChanged : nv is null ? ChangeKind.ConstraintChanged : ChangeKind.ConstChanged;
            Report(kind, categories, keyword + " " + Describe(ov) + " → " + Describe(nv), oldAt, newAt, keyword);
            return;
        }

        var oldValues = ov.Items.Select(Canonical).ToList();
        var newValues = nv.Items.Select(Canonical).ToList();
        var removed = oldValues.Where(v => !newValues.Contains(v)).Distinct().ToList();
        var added = newValues.Where(v => !oldValues.Contains(v)).Distinct().ToList();
        if (discriminator && (removed.Count > 0 || added.Count > 0))
        {
            Report(ChangeKind.DiscriminatorValueChanged, CompatibilityCategory.WireRead | CompatibilityCategory.WireWrite, "enum " + Describe(ov) + " → " + Describe(nv), oldAt, newAt, keyword);
        }
        else if (removed.Count == 1 && added.Count == 1)
        {
            Report(ChangeKind.EnumValueRenamed, CompatibilityCategory.WireRead | CompatibilityCategory.WireWrite, "enum value " + removed[0] + " → " + added[0], oldAt, newAt, keyword);
        }
        else
        {
            if (removed.Count > 0)
            {
                Report(ChangeKind.EnumValueRemoved, CompatibilityCategory.WireRead, "enum value" + (removed.Count > 1 ? "s " : " ") + string.Join(", ", removed) + " removed", oldAt, newAt, keyword);
            }

            if (added.Count > 0)
            {
                Report(ChangeKind.EnumValueAdded, CompatibilityCategory.WireWrite, "enum value" + (added.Count > 1 ? "s " : " ") + string.Join(", ", added) + " added", oldAt, newAt, keyword);
            }
        }
    }

    private static HashSet<string>? ValuesOf(JsonNode? value, string keyword)
    {
        if (value is null)
        {
            return null;
        }

        if (keyword == "enum" && value.Kind == JsonKind.Array)
        {
            return new HashSet<string>(value.Items.Select(Canonical), StringComparer.Ordinal);
        }

        return new HashSet<string>(StringComparer.Ordinal) { Canonical(value) };
    }

    private void CompareFormat(JsonNode? o, JsonNode? n, SchemaRef oldAt, SchemaRef newAt)
    {
        var of = o?["format"] is { Kind: JsonKind.String, Text: { } x } ? x : null;
        var nf = n?["format"] is { Kind: JsonKind.String, Text: { } y } ? y : null;
        if (of == nf)
        {
            return;
        }

        var categories = of is null ? CompatibilityCategory.WireRead : nf is null ? CompatibilityCategory.WireWrite : CompatibilityCategory.WireRead | CompatibilityCategory.WireWrite;
        Report(ChangeKind.FormatChanged, categories, "format " + (of is null ? "(none)" : Quote(of)) + " → " + (nf is null ? "(none)" : Quote(nf)), oldAt, newAt, "format");
    }

    private void CompareBounds(JsonNode? o, JsonNode? n, SchemaRef oldAt, SchemaRef newAt)
    {
        foreach (var keyword in s_lowerBounds)
        {
            CompareBound(o, n, oldAt, newAt, keyword, lower: true);
        }

        foreach (var keyword in s_upperBounds)
        {
            CompareBound(o, n, oldAt, newAt, keyword, lower: false);
        }

        var om = Number(o?["multipleOf"]);
        var nm = Number(n?["multipleOf"]);
        if (om != nm)
        {
            var tightened = om is null || (nm is { } a && om is { } b && IsMultiple(a, b));
            var relaxed = nm is null || (nm is { } c && om is { } d && IsMultiple(d, c));
            Tell(tightened, relaxed, "multipleOf " + Text(o?["multipleOf"]) + " → " + Text(n?["multipleOf"]), oldAt, newAt, "multipleOf");
        }

        var ou = o?["uniqueItems"] is { Kind: JsonKind.True };
        var nu = n?["uniqueItems"] is { Kind: JsonKind.True };
        if (ou != nu)
        {
            Tell(nu, ou, "uniqueItems " + (ou ? "true" : "false") + " → " + (nu ? "true" : "false"), oldAt, newAt, "uniqueItems");
        }
    }

    private void CompareBound(JsonNode? o, JsonNode? n, SchemaRef oldAt, SchemaRef newAt, string keyword, bool lower)
    {
        var ov = Number(o?[keyword]);
        var nv = Number(n?[keyword]);
        if (ov == nv)
        {
            return;
        }

        bool tightened;
        if (ov is null)
        {
            tightened = true;
        }
        else if (nv is null)
        {
            tightened = false;
        }
        else
        {
            tightened = lower ? nv > ov : nv < ov;
        }

        Tell(tightened, !tightened, keyword + " " + Text(o?[keyword]) + " → " + Text(n?[keyword]), oldAt, newAt, keyword);
    }

    private void Tell(bool tightened, bool relaxed, string detail, SchemaRef oldAt, SchemaRef newAt, string keyword)
    {
        if (tightened && !relaxed)
        {
            Report(ChangeKind.BoundTightened, CompatibilityCategory.WireRead, detail, oldAt, newAt, keyword);
        }
        else if (relaxed && !tightened)
        {
            Report(ChangeKind.BoundRelaxed, CompatibilityCategory.WireWrite, detail, oldAt, newAt, keyword);
        }
        else
        {
            Report(ChangeKind.ConstraintChanged, CompatibilityCategory.WireRead | CompatibilityCategory.WireWrite, detail, oldAt, newAt, keyword);
        }
    }

    private static bool IsMultiple(double value, double of)
    {
        if (of == 0)
        {
            return false;
        }

        var quotient = value / of;
        return Math.Abs(quotient - Math.Round(quotient)) < 1e-9;
    }

    private void CompareStrings(JsonNode? o, JsonNode? n, SchemaRef oldAt, SchemaRef newAt, string keyword, ChangeKind kind)
    {
        var ov = o?[keyword] is { Kind: JsonKind.String, Text: { } x } ? x : null;
        var nv = n?[keyword] is { Kind: JsonKind.String, Text: { } y } ? y : null;
        if (ov == nv)
        {
            return;
        }

        var categories = ov is null ? CompatibilityCategory.WireRead : nv is null ? CompatibilityCategory.WireWrite : CompatibilityCategory.WireRead | CompatibilityCategory.WireWrite;
        Report(kind, categories, keyword + " " + (ov is null ? "(none)" : Quote(ov)) + " → " + (nv is null ? "(none)" : Quote(nv)), oldAt, newAt, keyword);
    }

    private void CompareProperties(JsonNode? o, JsonNode? n, SchemaRef oldAt, SchemaRef newAt)
    {
        var oldProperties = Members(o?["properties"]);
        var newProperties = Members(n?["properties"]);
        foreach (var name in oldProperties.Keys.Concat(newProperties.Keys).Distinct().ToList())
        {
            var escaped = "/properties/" + JsonPointer.Escape(name);
            var inOld = oldProperties.ContainsKey(name);
            var inNew = newProperties.ContainsKey(name);
            if (inOld && inNew)
            {
                Compare(Child(oldAt, escaped), Child(newAt, escaped), Child(oldAt, escaped), Child(newAt, escaped));
            }
            else if (inOld)
            {
                var (target, open) = SchemaForName(n, newAt, name);
                if (target is { } t && IsFalse(t))
                {
                    Report(ChangeKind.PropertyRemoved, CompatibilityCategory.WireRead, "property " + Quote(name) + " removed, and the object does not accept it any more", Child(oldAt, escaped), newAt);
                }
                else
                {
                    var categories = Trial(Child(oldAt, escaped), target, Child(oldAt, escaped), newAt);
                    Report(ChangeKind.PropertyRemoved, categories, "property " + Quote(name) + " removed" + (open ? "; the object still accepts it as any value" : "; the object accepts it as the schema of other properties"), Child(oldAt, escaped), target ?? newAt);
                }
            }
            else
            {
                var (target, open) = SchemaForName(o, oldAt, name);
                if (target is { } t && IsFalse(t))
                {
                    Report(ChangeKind.PropertyAdded, CompatibilityCategory.WireWrite, "property " + Quote(name) + " added to an object that did not accept it", oldAt, Child(newAt, escaped));
                }
                else
                {
                    var categories = Trial(target, Child(newAt, escaped), oldAt, Child(newAt, escaped));
                    Report(ChangeKind.PropertyAdded, categories, "property " + Quote(name) + " added" + (open ? " to an object that accepted any value under that name" : ""), target ?? oldAt, Child(newAt, escaped));
                }
            }
        }

        CompareRequired(o, n, oldAt, newAt);
        CompareOpenness(o, n, oldAt, newAt, "additionalProperties");
        CompareOpenness(o, n, oldAt, newAt, "unevaluatedProperties");
        ComparePatternProperties(o, n, oldAt, newAt);
        CompareMapOfSchemas(o, n, oldAt, newAt, "dependentSchemas");
    }

    private bool IsFalse(SchemaRef location) => SchemaIndex.JsonAt(location.Document, location.Pointer) is { Kind: JsonKind.False };

    /// <summary>The schema a property of this name meets where <c>properties</c> does not name it: a matching pattern, else <c>additionalProperties</c> (null: anything).</summary>
    private static (SchemaRef? Schema, bool Open) SchemaForName(JsonNode? node, SchemaRef at, string name)
    {
        if (node?["patternProperties"] is { Kind: JsonKind.Object } patterns)
        {
            foreach (var member in patterns.Members)
            {
                if (Matches(member.Name, name))
                {
                    return (Child(at, "/patternProperties/" + JsonPointer.Escape(member.Name)), false);
                }
            }
        }

        if (node?["additionalProperties"] is not null)
        {
            return (Child(at, "/additionalProperties"), false);
        }

        if (node?["unevaluatedProperties"] is not null)
        {
            return (Child(at, "/unevaluatedProperties"), false);
        }

        return (null, true);
    }

    private static bool Matches(string pattern, string name)
    {
        try
        {
            var translated = FactSchema.Validation.PatternTranslator.Translate(pattern);
            return System.Text.RegularExpressions.Regex.IsMatch(name, translated, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromMilliseconds(200));
        }
        catch (Exception ex) when (ex is ArgumentException or System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private void CompareRequired(JsonNode? o, JsonNode? n, SchemaRef oldAt, SchemaRef newAt)
    {
        var oldRequired = Strings(o?["required"]);
        var newRequired = Strings(n?["required"]);
        foreach (var name in newRequired.Where(x => !oldRequired.Contains(x)))
        {
            var hasDefault = n?["properties"]?[name]?["default"] is not null;
            Report(ChangeKind.PropertyBecameRequired, CompatibilityCategory.WireRead, "property " + Quote(name) + " became required" + (hasDefault ? " (its default does not help: validators do not fill it in)" : string.Empty), oldAt, newAt, "required");
        }

        foreach (var name in oldRequired.Where(x => !newRequired.Contains(x)))
        {
            Report(ChangeKind.PropertyBecameOptional, CompatibilityCategory.WireWrite, "property " + Quote(name) + " became optional", oldAt, newAt, n?["required"] is null ? null : "required");
        }
    }

    private void CompareOpenness(JsonNode? o, JsonNode? n, SchemaRef oldAt, SchemaRef newAt, string keyword)
    {
        var ov = o?[keyword];
        var nv = n?[keyword];
        if (ov is null && nv is null)
        {
            return;
        }

        var oldClosed = ov is { Kind: JsonKind.False };
        var newClosed = nv is { Kind: JsonKind.False };
        var oldOpen = ov is null or { Kind: JsonKind.True } || (ov.Kind == JsonKind.Object && ov.Members.Count == 0);
        var newOpen = nv is null or { Kind: JsonKind.True } || (nv.Kind == JsonKind.Object && nv.Members.Count == 0);
        if (oldOpen && newOpen)
        {
            return;
        }

        if (newClosed && !oldClosed)
        {
            Report(ChangeKind.AdditionalPropertiesClosed, CompatibilityCategory.WireRead, keyword + " " + Describe(ov) + " → false: other properties are no longer accepted", oldAt, newAt, keyword);
        }
        else if (oldClosed && !newClosed)
        {
            Report(ChangeKind.AdditionalPropertiesOpened, CompatibilityCategory.WireWrite, keyword + " false → " + Describe(nv) + ": other properties are accepted now", oldAt, newAt, keyword);
        }
        else
        {
            Compare(ov is null ? null : Child(oldAt, "/" + keyword), nv is null ? null : Child(newAt, "/" + keyword), oldAt, newAt);
        }
    }

    private void ComparePatternProperties(JsonNode? o, JsonNode? n, SchemaRef oldAt, SchemaRef newAt)
    {
        var oldPatterns = Members(o?["patternProperties"]);
        var newPatterns = Members(n?["patternProperties"]);
        foreach (var pattern in oldPatterns.Keys.Concat(newPatterns.Keys).Distinct().ToList())
        {
            var pointer = "/patternProperties/" + JsonPointer.Escape(pattern);
            if (oldPatterns.ContainsKey(pattern) && newPatterns.ContainsKey(pattern))
            {
                Compare(Child(oldAt, pointer), Child(newAt, pointer), Child(oldAt, pointer), Child(newAt, pointer));
            }
            else if (oldPatterns.ContainsKey(pattern))
            {
                var rest = n?["additionalProperties"] is not null ? Child(newAt, "/additionalProperties") : (SchemaRef?)null;
                var categories = Trial(Child(oldAt, pointer), rest, Child(oldAt, pointer), newAt) | (newPatterns.Count > 0 ? CompatibilityCategory.WireWrite : CompatibilityCategory.None);
                Report(ChangeKind.PatternPropertyRemoved, categories, "patternProperties " + Quote(pattern) + " removed", Child(oldAt, pointer), newAt, "patternProperties");
            }
            else
            {
                var rest = o?["additionalProperties"] is not null ? Child(oldAt, "/additionalProperties") : (SchemaRef?)null;
                var categories = Trial(rest, Child(newAt, pointer), oldAt, Child(newAt, pointer)) | (oldPatterns.Count > 0 ? CompatibilityCategory.WireRead : CompatibilityCategory.None);
                Report(ChangeKind.PatternPropertyAdded, categories, "patternProperties " + Quote(pattern) + " added", oldAt, Child(newAt, pointer));
            }
        }
    }

    private void CompareMapOfSchemas(JsonNode? o, JsonNode? n, SchemaRef oldAt, SchemaRef newAt, string keyword)
    {
        var oldMap = Members(o?[keyword]);
        var newMap = Members(n?[keyword]);
        foreach (var name in oldMap.Keys.Concat(newMap.Keys).Distinct().ToList())
        {
            var pointer = "/" + keyword + "/" + JsonPointer.Escape(name);
            var inOld = oldMap.ContainsKey(name);
            var inNew = newMap.ContainsKey(name);
            if (inOld && inNew)
            {
                Compare(Child(oldAt, pointer), Child(newAt, pointer), Child(oldAt, pointer), Child(newAt, pointer));
            }
            else
            {
                Report(ChangeKind.ConstraintChanged, inNew ? CompatibilityCategory.WireRead : CompatibilityCategory.WireWrite, keyword + " " + Quote(name) + (inNew ? " added" : " removed"), oldAt, newAt, keyword);
            }
        }
    }

    private void CompareItems(JsonNode? o, JsonNode? n, SchemaRef oldAt, SchemaRef newAt)
    {
        var oldPrefix = o?["prefixItems"] is { Kind: JsonKind.Array } op ? op.Items.Count : 0;
        var newPrefix = n?["prefixItems"] is { Kind: JsonKind.Array } np ? np.Items.Count : 0;
        SchemaRef? OldRest() => o?["items"] is not null ? Child(oldAt, "/items") : null;
        SchemaRef? NewRest() => n?["items"] is not null ? Child(newAt, "/items") : null;

        if (oldPrefix > 0 || newPrefix > 0)
        {
            if (oldPrefix == newPrefix && oldPrefix > 1 && IsReordered(oldAt, newAt, oldPrefix, out var order))
            {
                Report(ChangeKind.TupleReordered, CompatibilityCategory.WireRead | CompatibilityCategory.WireWrite, "tuple positions reordered: " + order, oldAt, newAt, "prefixItems");
            }
            else
            {
                for (var i = 0; i < Math.Max(oldPrefix, newPrefix); i++)
                {
                    var pointer = "/prefixItems/" + i.ToString(CultureInfo.InvariantCulture);
                    if (i < oldPrefix && i < newPrefix)
                    {
                        Compare(Child(oldAt, pointer), Child(newAt, pointer), Child(oldAt, pointer), Child(newAt, pointer));
                    }
                    else if (i < newPrefix)
                    {
                        var categories = Trial(OldRest(), Child(newAt, pointer), oldAt, Child(newAt, pointer));
                        Report(ChangeKind.TupleItemAdded, categories, "tuple position " + i.ToString(CultureInfo.InvariantCulture) + " added", oldAt, Child(newAt, pointer));
                    }
                    else
                    {
                        var categories = Trial(Child(oldAt, pointer), NewRest(), Child(oldAt, pointer), newAt);
                        Report(ChangeKind.TupleItemRemoved, categories, "tuple position " + i.ToString(CultureInfo.InvariantCulture) + " removed", Child(oldAt, pointer), newAt, "prefixItems");
                    }
                }
            }
        }

        if (o?["items"] is not null || n?["items"] is not null)
        {
            var oi = o?["items"];
            var ni = n?["items"];
            if (oi is { Kind: JsonKind.False } && ni is not { Kind: JsonKind.False })
            {
                Report(ChangeKind.TupleItemAdded, CompatibilityCategory.WireWrite, "the array accepts items after its " + oldPrefix.ToString(CultureInfo.InvariantCulture) + " positions now", oldAt, newAt, "items");
            }
            else if (ni is { Kind: JsonKind.False } && oi is not { Kind: JsonKind.False })
            {
                Report(ChangeKind.TupleItemRemoved, CompatibilityCategory.WireRead, "the array no longer accepts items after its " + newPrefix.ToString(CultureInfo.InvariantCulture) + " positions", oldAt, newAt, "items");
            }
            else
            {
                Compare(OldRest(), NewRest(), oldAt, newAt);
            }
        }
    }

    private bool IsReordered(SchemaRef oldAt, SchemaRef newAt, int count, out string order)
    {
        order = string.Empty;
        var used = new bool[count];
        var mapping = new int[count];
        var identity = true;
        for (var i = 0; i < count; i++)
        {
            var oldItem = Child(oldAt, "/prefixItems/" + i.ToString(CultureInfo.InvariantCulture));
            if (Same(oldItem, Child(newAt, "/prefixItems/" + i.ToString(CultureInfo.InvariantCulture))) && !used[i])
            {
                used[i] = true;
                mapping[i] = i;
                continue;
            }

            var found = -1;
            for (var j = 0; j < count && found < 0; j++)
            {
                if (!used[j] && Same(oldItem, Child(newAt, "/prefixItems/" + j.ToString(CultureInfo.InvariantCulture))))
                {
                    found = j;
                }
            }

            if (found < 0)
            {
                return false;
            }

            used[found] = true;
            mapping[i] = found;
            identity = false;
        }

        order = string.Join(", ", mapping.Select((to, from) => from.ToString(CultureInfo.InvariantCulture) + "→" + to.ToString(CultureInfo.InvariantCulture)).Where((_, i) => mapping[i] != i));
        return !identity;
    }

    private void CompareBranches(JsonNode? o, JsonNode? n, SchemaRef oldAt, SchemaRef newAt, string keyword)
    {
        var oldCount = o?[keyword] is { Kind: JsonKind.Array } oa ? oa.Items.Count : 0;
        var newCount = n?[keyword] is { Kind: JsonKind.Array } na ? na.Items.Count : 0;
        if (oldCount == 0 && newCount == 0)
        {
            return;
        }

        SchemaRef OldBranch(int i) => Child(oldAt, "/" + keyword + "/" + i.ToString(CultureInfo.InvariantCulture));
        SchemaRef NewBranch(int i) => Child(newAt, "/" + keyword + "/" + i.ToString(CultureInfo.InvariantCulture));

        var isUnion = keyword != "allOf";
        if (keyword == "oneOf" || keyword == "anyOf")
        {
            var oldDiscriminator = oldCount > 0 ? Discriminator(_old, oldAt, keyword, oldCount) : null;
            var newDiscriminator = newCount > 0 ? Discriminator(_new, newAt, keyword, newCount) : null;
            if (oldDiscriminator is not null && newDiscriminator != oldDiscriminator && newCount > 0)
            {
                Report(ChangeKind.DiscriminatorLost, CompatibilityCategory.None, "the branches were told apart by the property " + Quote(oldDiscriminator) + (newDiscriminator is null ? " and no property tells them apart now" : " and are told apart by " + Quote(newDiscriminator) + " now"), oldAt, newAt, keyword);
            }

            if (newDiscriminator is not null)
            {
                for (var i = 0; i < newCount; i++)
                {
                    var branch = _new.FollowAliases(NewBranch(i));
                    if (SchemaIndex.JsonAt(branch.Document, branch.Pointer)?["properties"]?[newDiscriminator] is not null)
                    {
                        _discriminatorLocations.Add(_new.FollowAliases(Child(branch, "/properties/" + JsonPointer.Escape(newDiscriminator))).Key);
                    }
                }
            }
        }

        // Pair equal branches first (wherever they moved), then the rest by position.
        var pairedOld = new int[oldCount];
        var newTaken = new bool[newCount];
        for (var i = 0; i < oldCount; i++)
        {
            pairedOld[i] = -1;
            if (oldCount > 64 || newCount > 64)
            {
                continue;
            }

            for (var j = 0; j < newCount; j++)
            {
                if (!newTaken[j] && Same(OldBranch(i), NewBranch(j)))
                {
                    pairedOld[i] = j;
                    newTaken[j] = true;
                    break;
                }
            }
        }

        var restOld = Enumerable.Range(0, oldCount).Where(i => pairedOld[i] < 0).ToList();
        var restNew = Enumerable.Range(0, newCount).Where(j => !newTaken[j]).ToList();
        var paired = Math.Min(restOld.Count, restNew.Count);
        for (var k = 0; k < paired; k++)
        {
            Compare(OldBranch(restOld[k]), NewBranch(restNew[k]), OldBranch(restOld[k]), NewBranch(restNew[k]));
        }

        for (var k = paired; k < restNew.Count; k++)
        {
            var j = restNew[k];
            var categories = !isUnion || oldCount == 0 ? CompatibilityCategory.WireRead : CompatibilityCategory.WireWrite;
            var detail = keyword + " branch " + j.ToString(CultureInfo.InvariantCulture) + " added";
            if (keyword == "oneOf" && oldCount > 0 && Enumerable.Range(0, newCount).Any(other => other != j && MayOverlap(_new, NewBranch(j), NewBranch(other), 0)))
            {
                categories |= CompatibilityCategory.WireRead;
                detail += "; it can match the same values as another branch, so documents that matched one branch now match two and fail";
            }

            Report(ChangeKind.BranchAdded, categories, detail, oldAt, NewBranch(j));
        }

        for (var k = paired; k < restOld.Count; k++)
        {
            var i = restOld[k];
            var categories = !isUnion || newCount == 0 ? CompatibilityCategory.WireWrite : CompatibilityCategory.WireRead;
            var detail = keyword + " branch " + i.ToString(CultureInfo.InvariantCulture) + " removed";
            if (keyword == "oneOf" && newCount > 0 && Enumerable.Range(0, oldCount).Any(other => other != i && MayOverlap(_old, OldBranch(i), OldBranch(other), 0)))
            {
                categories |= CompatibilityCategory.WireWrite;
                detail += "; it could match the same values as another branch, so old readers reject documents that match both";
            }

            Report(ChangeKind.BranchRemoved, categories, detail, OldBranch(i), newAt, keyword);
        }
    }

    /// <summary>The property every branch requires with a constant of its own, when there is one.</summary>
    private static string? Discriminator(SchemaIndex index, SchemaRef at, string keyword, int count)
    {
        if (count < 2)
        {
            return null;
        }

        Dictionary<string, HashSet<string>>? candidates = null;
        for (var i = 0; i < count; i++)
        {
            var branchRef = index.FollowAliases(Child(at, "/" + keyword + "/" + i.ToString(CultureInfo.InvariantCulture)));
            var branch = SchemaIndex.JsonAt(branchRef.Document, branchRef.Pointer);
            var constants = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            if (branch?["properties"] is { Kind: JsonKind.Object } properties)
            {
                var required = Strings(branch["required"]);
                foreach (var member in properties.Members)
                {
                    if (!required.Contains(member.Name) || member.Value.Kind != JsonKind.Object)
                    {
                        continue;
                    }

                    if ((ValuesOf(member.Value["const"], "const") ?? ValuesOf(member.Value["enum"], "enum")) is { } values)
                    {
                        constants[member.Name] = values;
                    }
                }
            }

            if (candidates is null)
            {
                candidates = constants;
                continue;
            }

            foreach (var name in candidates.Keys.ToList())
            {
                if (!constants.TryGetValue(name, out var values) || candidates[name].Overlaps(values))
                {
                    candidates.Remove(name);
                }
                else
                {
                    candidates[name].UnionWith(values);
                }
            }
        }

        return candidates?.Keys.OrderBy(x => x, StringComparer.Ordinal).FirstOrDefault();
    }

    /// <summary>Whether two schemas may accept a common value (false only when their types, constants or a required constant property tell them apart).</summary>
    private static bool MayOverlap(SchemaIndex index, SchemaRef a, SchemaRef b, int depth)
    {
        a = index.FollowAliases(a);
        b = index.FollowAliases(b);
        var x = SchemaIndex.JsonAt(a.Document, a.Pointer);
        var y = SchemaIndex.JsonAt(b.Document, b.Pointer);
        if (x is { Kind: JsonKind.False } || y is { Kind: JsonKind.False })
        {
            return false;
        }

        if (x is not { Kind: JsonKind.Object } || y is not { Kind: JsonKind.Object })
        {
            return true;
        }

        var tx = TypesOf(x);
        var ty = TypesOf(y);
        if (!tx.Overlaps(ty))
        {
            return false;
        }

        var vx = ValuesOf(x["const"], "const") ?? ValuesOf(x["enum"], "enum");
        var vy = ValuesOf(y["const"], "const") ?? ValuesOf(y["enum"], "enum");
        if (vx is not null && vy is not null && !vx.Overlaps(vy))
        {
            return false;
        }

        if (x["properties"] is { Kind: JsonKind.Object } px && y["properties"] is { Kind: JsonKind.Object } py && depth < 4)
        {
            var rx = Strings(x["required"]);
            var ry = Strings(y["required"]);
            foreach (var member in px.Members)
            {
                if (rx.Contains(member.Name) && ry.Contains(member.Name) && py[member.Name] is not null)
                {
                    var pointer = "/properties/" + JsonPointer.Escape(member.Name);
                    if (!MayOverlap(index, Child(a, pointer), Child(b, pointer), depth + 1))
                    {
                        return false;
                    }
                }
            }
        }

        return true;
    }

    private void CompareCovariant(JsonNode? o, JsonNode? n, SchemaRef oldAt, SchemaRef newAt)
    {
        foreach (var keyword in s_covariantSubschemas)
        {
            var ov = o?[keyword];
            var nv = n?[keyword];
            if (ov is null && nv is null)
            {
                continue;
            }

            Compare(ov is null ? null : Child(oldAt, "/" + keyword), nv is null ? null : Child(newAt, "/" + keyword), oldAt, newAt);
        }
    }

    /// <summary>Every other assertion keyword (not, if/then/else, dependentRequired, ...): compared as a whole.</summary>
    private void CompareOthers(JsonNode? o, JsonNode? n, SchemaRef oldAt, SchemaRef newAt)
    {
        var names = new List<string>();
        var members = (o?.Members ?? Common.ImmutableEquatableArray<JsonMember>.Empty).Concat(n?.Members ?? Common.ImmutableEquatableArray<JsonMember>.Empty);
        foreach (var member in members)
        {
            if (!names.Contains(member.Name) && !s_handled.Contains(member.Name) && !Keywords.OnlyAnnotates(member.Name)
                && Array.IndexOf(s_lowerBounds, member.Name) < 0 && Array.IndexOf(s_upperBounds, member.Name) < 0 && Array.IndexOf(s_covariantSubschemas, member.Name) < 0)
            {
                names.Add(member.Name);
            }
        }

        foreach (var keyword in names)
        {
            var ov = o?[keyword];
            var nv = n?[keyword];
            if (ov is not null && nv is not null && Canonical(ov) == Canonical(nv))
            {
                continue;
            }

            var categories = ov is null ? CompatibilityCategory.WireRead : nv is null ? CompatibilityCategory.WireWrite : CompatibilityCategory.WireRead | CompatibilityCategory.WireWrite;
            Report(ChangeKind.ConstraintChanged, categories, keyword + (ov is null ? " added" : nv is null ? " removed" : " changed"), oldAt, newAt, keyword);
        }
    }

    private void CompareAnnotations(JsonNode? o, JsonNode? n, SchemaRef oldAt, SchemaRef newAt)
    {
        var od = o?["deprecated"] is { Kind: JsonKind.True };
        var nd = n?["deprecated"] is { Kind: JsonKind.True };
        if (nd && !od)
        {
            Report(ChangeKind.Deprecated, CompatibilityCategory.Source, "deprecated: true (its C# type or member is [Obsolete] now: CS0618 where warnings are errors)", oldAt, newAt, "deprecated");
        }

        var oldId = o?["$id"] is { Kind: JsonKind.String, Text: { } x } ? x : null;
        var newId = n?["$id"] is { Kind: JsonKind.String, Text: { } y } ? y : null;
        if (oldId is not null && oldId != newId && !(oldAt.Pointer.Length == 0 && newAt.Pointer.Length == 0 && oldId.TrimEnd('#') == newId?.TrimEnd('#')))
        {
            Report(ChangeKind.SchemaIdChanged, CompatibilityCategory.Reference, "$id " + Quote(oldId) + " → " + (newId is null ? "(none)" : Quote(newId)) + ": $refs to the old URI no longer resolve", oldAt, newAt, "$id");
        }

        var oldAnchor = o?["$anchor"] is { Kind: JsonKind.String, Text: { } a } ? a : null;
        var newAnchor = n?["$anchor"] is { Kind: JsonKind.String, Text: { } b } ? b : null;
        if (oldAnchor is not null && oldAnchor != newAnchor)
        {
            Report(ChangeKind.SchemaIdChanged, CompatibilityCategory.Reference, "$anchor " + Quote(oldAnchor) + " → " + (newAnchor is null ? "(none)" : Quote(newAnchor)), oldAt, newAt, "$anchor");
        }
    }

    private void CompareDefinitions(JsonNode? o, JsonNode? n, SchemaRef oldAt, SchemaRef newAt)
    {
        var oldDefinitions = Definitions(o);
        if (oldDefinitions.Count == 0)
        {
            return;
        }

        var newDefinitions = Definitions(n);
        foreach (var definition in oldDefinitions)
        {
            var name = definition.Key;
            var oldPointer = definition.Value;
            if (newDefinitions.TryGetValue(name, out var newPointer) && oldPointer.Substring(0, oldPointer.LastIndexOf('/')) == newPointer.Substring(0, newPointer.LastIndexOf('/')))
            {
                Compare(Child(oldAt, oldPointer), Child(newAt, newPointer), Child(oldAt, oldPointer), Child(newAt, newPointer));
                continue;
            }

            var renamed = newDefinitions.FirstOrDefault(p => !oldDefinitions.ContainsKey(p.Key) && Same(Child(oldAt, oldPointer), Child(newAt, p.Value)));
            var moved = newDefinitions.TryGetValue(name, out var elsewhere) ? elsewhere : renamed.Value;
            var detail = moved is not null
                ? "#" + oldAt.Pointer + oldPointer + " is #" + newAt.Pointer + moved + " now: $refs to the old pointer no longer resolve"
                : "#" + oldAt.Pointer + oldPointer + " removed: $refs to it no longer resolve";
            Report(ChangeKind.DefinitionRemoved, CompatibilityCategory.Reference, detail, Child(oldAt, oldPointer), moved is not null ? Child(newAt, moved) : newAt, moved is null ? null : string.Empty);
            if (moved is not null)
            {
                Compare(Child(oldAt, oldPointer), Child(newAt, moved), Child(oldAt, oldPointer), Child(newAt, moved));
            }
        }
    }

    private static Dictionary<string, string> Definitions(JsonNode? node)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var keyword in new[] { "$defs", "definitions" })
        {
            if (node?[keyword] is { Kind: JsonKind.Object } container)
            {
                foreach (var member in container.Members)
                {
                    if (!map.ContainsKey(member.Name))
                    {
                        map.Add(member.Name, "/" + keyword + "/" + JsonPointer.Escape(member.Name));
                    }
                }
            }
        }

        return map;
    }

    private void Report(ChangeKind kind, CompatibilityCategory breaks, string detail, SchemaRef oldAt, SchemaRef newAt, string? keyword = null)
    {
        var newNode = SchemaIndex.JsonAt(newAt.Document, newAt.Pointer);
        var oldNode = SchemaIndex.JsonAt(oldAt.Document, oldAt.Pointer);
        var newSpan = SpanOf(newNode, keyword);
        var oldSpan = SpanOf(oldNode, keyword);
        _sink.Add(new SchemaChange(kind, breaks, detail, newAt.Document.FilePath, newAt.Pointer, newSpan, oldAt.Document.RelativePath, oldAt.Pointer, oldSpan));
    }

    private static SourceSpan SpanOf(JsonNode? node, string? keyword)
    {
        if (node is null)
        {
            return default;
        }

        if (keyword is { Length: > 0 } && node.Kind == JsonKind.Object)
        {
            foreach (var member in node.Members)
            {
                if (member.Name == keyword)
                {
                    return member.NameSpan;
                }
            }
        }

        return node.Span;
    }

    private static SchemaRef Child(SchemaRef at, string pointer) => new(at.Document, at.Pointer + pointer);

    private static Dictionary<string, JsonNode> Members(JsonNode? node)
    {
        var map = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        if (node is { Kind: JsonKind.Object })
        {
            foreach (var member in node.Members)
            {
                if (!map.ContainsKey(member.Name))
                {
                    map.Add(member.Name, member.Value);
                }
            }
        }

        return map;
    }

    private static HashSet<string> Strings(JsonNode? node)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (node is { Kind: JsonKind.Array })
        {
            foreach (var item in node.Items)
            {
                if (item is { Kind: JsonKind.String, Text: { } text })
                {
                    set.Add(text);
                }
            }
        }

        return set;
    }

    private static double? Number(JsonNode? node)
        => node is { Kind: JsonKind.Number, Text: { } text } && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string Text(JsonNode? node) => node is null ? "(none)" : node.ToJsonText();

    private static string Describe(JsonNode? node) => node is null ? "(any)" : Truncate(node.ToJsonText());

    private static string Quote(string text) => Truncate(QuoteExactly(text));

    private static string QuoteExactly(string text) => new JsonNode(JsonKind.String, text, Common.ImmutableEquatableArray<JsonNode>.Empty, Common.ImmutableEquatableArray<JsonMember>.Empty, default).ToJsonText();

    private static string Truncate(string text) => text.Length <= 120 ? text : text.Substring(0, 117) + "...";

    /// <summary>A JSON value as text that is equal for equal values: numbers by value, object members in order of name.</summary>
    internal static string Canonical(JsonNode node)
    {
        switch (node.Kind)
        {
            case JsonKind.Number:
                return double.TryParse(node.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                    ? number.ToString("R", CultureInfo.InvariantCulture)
                    : node.Text ?? "0";
            case JsonKind.Array:
                return "[" + string.Join(",", node.Items.Select(Canonical)) + "]";
            case JsonKind.Object:
                return "{" + string.Join(",", node.Members.OrderBy(m => m.Name, StringComparer.Ordinal).Select(m => QuoteExactly(m.Name) + ":" + Canonical(m.Value))) + "}";
            default:
                return node.ToJsonText();
        }
    }
}
