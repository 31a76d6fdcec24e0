using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FactSchema.Generators.Common;
using FactSchema.Generators.Emit;
using FactSchema.Generators.Json;
using FactSchema.Generators.Model;
using FactSchema.Generators.Schema;
using FactSchema.Generators.Validation;

namespace FactSchema.Generators.Mapping;

/// <summary>
/// Decides what a record's typed reader can prove about the values it reads, so that <c>Deserialize</c> can validate
/// in the same pass. The rule is soundness: a check is only planned where the typed read rejects everything the
/// generated validator rejects (the same runtime checks, on the same token); anything else falls back to that
/// location's validator, run over the value. A check may be stricter than the validator (the caller then validates
/// the document and the validator has the last word), never looser.
/// </summary>
internal sealed class ReadCheckPlanner
{
    private static readonly HashSet<string> ObjectKeywords = new(StringComparer.Ordinal)
    {
        "properties", "patternProperties", "additionalProperties", "required", "dependentRequired", "dependentSchemas", "dependencies",
        "propertyNames", "minProperties", "maxProperties", "unevaluatedProperties",
    };

    private static readonly HashSet<string> ArrayShapeKeywords = new(StringComparer.Ordinal)
    {
        "prefixItems", "additionalItems", "contains", "minContains", "maxContains", "unevaluatedItems",
    };

    /// <summary>How many <c>$ref</c> hops and nested arrays a plan follows before it gives up (falls back).</summary>
    private const int MaxHops = 32;

    private readonly SchemaDocument _document;
    private readonly SchemaSet _set;
    private int _patterns;
    private int _fallbacks;

    public ReadCheckPlanner(SchemaDocument document, SchemaSet set)
    {
        _document = document;
        _set = set;
    }

    /// <summary>With <c>$dynamicRef</c> in the set, a value's validity depends on the path it is reached by: nothing is proven on read.</summary>
    public bool Enabled => !_set.Index.UsesDynamicRef;

    /// <summary>The mode of a union or type union.</summary>
    public ReadCheckMode ValidatorMode => Enabled ? ReadCheckMode.Validator : ReadCheckMode.None;

    /// <summary>
    /// Plans the checked reader of a record of this file: <see cref="ReadCheckMode.Inline"/> with a check per
    /// property when the record's own keywords are all proven by its typed read (type, properties, required, a
    /// boolean additionalProperties), else <see cref="ReadCheckMode.Validator"/> and the properties unchanged.
    /// </summary>
    public (ReadCheckMode Mode, List<PropertySpec> Properties) PlanRecord(SchemaNode node, bool merged, List<PropertySpec> properties)
    {
        if (!Enabled)
        {
            return (ReadCheckMode.None, properties);
        }

        if (merged || !IsPlainRecord(node))
        {
            return (ReadCheckMode.Validator, properties);
        }

        _patterns = 0;
        _fallbacks = 0;
        var byName = new Dictionary<string, SchemaNode>(StringComparer.Ordinal);
        foreach (var property in node.Properties ?? ImmutableEquatableArray<SchemaProperty>.Empty)
        {
            byName[property.Name] = property.Schema;
        }

        var planned = new List<PropertySpec>(properties.Count);
        foreach (var property in properties)
        {
            if (!byName.TryGetValue(property.JsonName, out var schema))
            {
                // Required but not described: any JSON value.
                planned.Add(property);
                continue;
            }

            // The reader compares string, boolean and integer constants exactly; a number constant as a double would not be.
            var constChecked = property.Const is { Kind: ValueKind.String or ValueKind.Boolean or ValueKind.Int32 or ValueKind.Int64 };
            var check = Plan(new SchemaLocation(_document, schema), property.Type, constChecked, depth: 0);
            if (check is null)
            {
                check = new ValueCheckSpec { FallbackPointer = schema.Pointer, FallbackField = "__fs_check" + Index(_fallbacks++) };
            }

            planned.Add(check.IsEmpty ? property : property with { Check = check });
        }

        return (ReadCheckMode.Inline, planned);
    }

    /// <summary>
    /// Plans a union's checked reader: <see cref="ReadCheckMode.Inline"/> when it is discriminated, every branch is a
    /// generated type that derives from it (so the branch's own <c>ReadChecked</c> proves the branch), the branches say
    /// nothing beside their <c>$ref</c>, and the union says nothing beside its <c>oneOf</c>/<c>anyOf</c> and an object
    /// <c>type</c>. Then the branch the discriminator names matching is enough: every other branch requires the
    /// discriminator with another constant, so it cannot match, and <c>oneOf</c>'s "exactly one" holds.
    /// </summary>
    public ReadCheckMode PlanUnion(SchemaNode node, UnionEntry? union)
    {
        if (!Enabled)
        {
            return ReadCheckMode.None;
        }

        if (union is not { Discriminator: not null } || union.Variants.Any(v => !v.Owned) || node.BooleanValue is not null)
        {
            return ReadCheckMode.Validator;
        }

        var applicators = 0;
        foreach (var keyword in node.KeywordNames.Where(Keywords.Asserts))
        {
            switch (keyword)
            {
                case "oneOf":
                case "anyOf":
                    applicators++;
                    break;
                case "type" when node.Types is { } names && names.Contains("object") && !names.Contains("null"):
                    break;
                default:
                    return ReadCheckMode.Validator;
            }
        }

        foreach (var variant in union.Variants)
        {
            if (variant.TargetFile == _document.FilePath && variant.TargetPointer == variant.BranchPointer)
            {
                continue;
            }

            if (_set.Index.NodeAt(new SchemaRef(_document, variant.BranchPointer)) is not { BooleanValue: null } branch
                || branch.KeywordNames.Any(k => Keywords.Asserts(k) && k != "$ref"))
            {
                return ReadCheckMode.Validator;
            }
        }

        return applicators == 1 ? ReadCheckMode.Inline : ReadCheckMode.Validator;
    }

    /// <summary>Whether every keyword the validator asserts at a record's schema is proven by its typed read.</summary>
    private bool IsPlainRecord(SchemaNode node)
    {
        if (node.BooleanValue is not null)
        {
            return false;
        }

        foreach (var keyword in node.KeywordNames)
        {
            if (!Keywords.Asserts(keyword))
            {
                continue;
            }

            switch (keyword)
            {
                case "type":
                    if (node.Types is not { } names || !names.Contains("object"))
                    {
                        return false;
                    }

                    break;
                case "properties":
                    if (node.Properties is not { } properties || properties.Any(p => CodeText.HasUnpairedSurrogate(p.Name)))
                    {
                        return false;
                    }

                    break;
                case "required":
                    if (node.Required.Any(CodeText.HasUnpairedSurrogate))
                    {
                        return false;
                    }

                    break;
                case "additionalProperties":
                    // true or {} keeps unknown members as raw JSON; false makes the reader reject them.
                    if (node.AdditionalProperties is not { } additional || !(additional.BooleanValue is not null || additional.KeywordNames.Count == 0))
                    {
                        return false;
                    }

                    break;
                default:
                    return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The checks that prove a value of <paramref name="type"/> valid against the schema at <paramref name="start"/>
    /// (following <c>$ref</c>s until a generated type, which proves its own schema), or null when the typed read cannot.
    /// </summary>
    private ValueCheckSpec? Plan(SchemaLocation start, ValueTypeSpec type, bool constChecked, int depth)
    {
        if (depth > MaxHops)
        {
            return null;
        }

        var scalars = new List<ScalarCheck>();
        var spec = new ValueCheckSpec();
        var current = start;
        var visited = new HashSet<(string, string)>();
        for (var hop = 0; hop < MaxHops; hop++)
        {
            var node = current.Node;
            if (!visited.Add((current.Document.FilePath, node.Pointer)))
            {
                return null;
            }

            if (node.AcceptsAll)
            {
                return spec with { Scalars = scalars.ToImmutableEquatableArray() };
            }

            if (node.IsFalse)
            {
                return null;
            }

            var named = _set.NamesByLocation.TryGetValue((current.Document.FilePath, node.Pointer), out var entry) ? entry : null;
            if (named is not null && type.Kind is ValueKind.Object or ValueKind.ValueUnion)
            {
                // A generated type proves its own schema in its ReadChecked, but a null read here never reaches it.
                return type.Nullable ? null : spec with { Scalars = scalars.ToImmutableEquatableArray() };
            }

            var enumChecked = named is { Kind: NamedTypeKind.Enum } && type.Kind == ValueKind.Enum;
            SchemaLocation? next = null;
            foreach (var keyword in node.KeywordNames)
            {
                if (!Keywords.Asserts(keyword))
                {
                    continue;
                }

                switch (keyword)
                {
                    case "$ref":
                        if (node.Ref is not { } reference || !_set.Resolver.TryResolve(current.Document, node, reference, out var target, out _))
                        {
                            return null;
                        }

                        next = target;
                        break;
                    case "type":
                        if (node.Types is not { } types || !TypeAllows(types, type))
                        {
                            return null;
                        }

                        break;
                    case "enum":
                        // The generated enum has exactly these members; null passes the reader only if the type allows it.
                        if (!enumChecked || (type.Nullable && node.Enum?.Any(i => i.Kind == JsonKind.Null) != true))
                        {
                            return null;
                        }

                        break;
                    case "const":
                        if (!(constChecked && hop == 0 && !type.Nullable))
                        {
                            return null;
                        }

                        break;
                    case "format" when !(_document.FormatAssertion || current.Document.FormatAssertion):
                        break;
                    case "minLength":
                    case "maxLength":
                    case "pattern":
                    case "format":
                    case "minimum":
                    case "maximum":
                    case "exclusiveMinimum":
                    case "exclusiveMaximum":
                    case "multipleOf":
                        if (PlanScalarKeyword(keyword, node, type, scalars, spec) is not { } scalarChecks)
                        {
                            return null;
                        }

                        spec = scalarChecks;
                        break;
                    case "allOf" when node.AllOf.Count == 1:
                    case "anyOf" when type.Nullable && node.AnyOf.Count == 2 && node.AnyOf.Count(IsNullOnly) == 1:
                    case "oneOf" when type.Nullable && node.OneOf.Count == 2 && node.OneOf.Count(IsNullOnly) == 1
                        && RejectsNull(new SchemaLocation(current.Document, node.OneOf[IsNullOnly(node.OneOf[0]) ? 1 : 0])):
                        if (PlanWrapped(keyword, current, type, depth, scalars, spec) is not { } wrapped)
                        {
                            return null;
                        }

                        spec = wrapped;
                        break;

                    case "items":
                    case "minItems":
                    case "maxItems":
                    case "uniqueItems":
                        if (PlanArrayKeyword(keyword, current, type, depth, spec) is not { } arrayChecks)
                        {
                            return null;
                        }

                        spec = arrayChecks;
                        break;
                    default:
                        if (ObjectKeywords.Contains(keyword))
                        {
                            // Object keywords apply to objects only; a scalar or array reader never accepts one.
                            if (!IsScalar(type.Kind) && type.Kind != ValueKind.Array)
                            {
                                return null;
                            }

                            break;
                        }

                        if (ArrayShapeKeywords.Contains(keyword) && IsNonArray(type.Kind))
                        {
                            break;
                        }

                        // Composition, conditionals, $dynamicRef, array shapes on arrays: the validator's job.
                        return null;
                }
            }

            if (next is null)
            {
                return spec with { Scalars = scalars.ToImmutableEquatableArray() };
            }

            current = next.Value;
        }

        return null;
    }

    /// <summary>
    /// What a string or number keyword adds to the checks of a typed read (lengths to the returned spec, the others to
    /// <paramref name="scalars"/>), or null when the read cannot prove it; it passes for kinds it does not apply to.
    /// </summary>
    private ValueCheckSpec? PlanScalarKeyword(string keyword, SchemaNode node, ValueTypeSpec type, List<ScalarCheck> scalars, ValueCheckSpec spec)
    {
        if (keyword is "minLength" or "maxLength" or "pattern" or "format")
        {
            if (IsStringToken(type.Kind))
            {
                return AddStringCheck(keyword, node, scalars, spec);
            }

            return IsOtherScalar(type.Kind, string.Empty) ? spec : null;
        }

        if (IsNumberToken(type.Kind))
        {
            AddNumberCheck(keyword, keyword switch
            {
                "minimum" => node.Minimum,
                "maximum" => node.Maximum,
                "exclusiveMinimum" => node.ExclusiveMinimum,
                "exclusiveMaximum" => node.ExclusiveMaximum,
                "multipleOf" => node.MultipleOf,
                _ => throw new ArgumentOutOfRangeException(nameof(keyword), keyword, "not a string or number keyword"),
            }, scalars);
            return spec;
        }

        return IsOtherScalar(type.Kind, "number") ? spec : null;
    }

    /// <summary>
    /// What an array keyword adds to the checks of a typed read (<paramref name="spec"/> with it), or null when the read
    /// cannot prove it; array keywords pass for kinds whose reader never accepts an array.
    /// </summary>
    private ValueCheckSpec? PlanArrayKeyword(string keyword, SchemaLocation current, ValueTypeSpec type, int depth, ValueCheckSpec spec)
    {
        var node = current.Node;
        switch (keyword)
        {
            case "items":
                if (type.Kind == ValueKind.Array)
                {
                    if (node.Items is not { } items
                        || Plan(new SchemaLocation(current.Document, items), type.Element!, constChecked: false, depth + 1) is not { } itemChecks)
                    {
                        return null;
                    }

                    spec = spec with { Items = Merge(spec.Items, itemChecks) };
                }
                else if (!IsNonArray(type.Kind))
                {
                    return null;
                }

                return spec;
            case "minItems":
            case "maxItems":
                if (type.Kind == ValueKind.Array)
                {
                    if ((keyword == "minItems" ? node.MinItems : node.MaxItems) is { } count)
                    {
                        spec = keyword == "minItems"
                            ? spec with { MinItems = Math.Max(spec.MinItems ?? 0, count) }
                            : spec with { MaxItems = Math.Min(spec.MaxItems ?? int.MaxValue, count) };
                    }
                }
                else if (!IsNonArray(type.Kind))
                {
                    return null;
                }

                return spec;
            case "uniqueItems":
                if (!node.UniqueItems)
                {
                    break;
                }

                if (type.Kind == ValueKind.Array)
                {
                    if (!HasJsonEquality(type.Element!))
                    {
                        return null;
                    }

                    spec = spec with { UniqueItems = true };
                }
                else if (!IsNonArray(type.Kind))
                {
                    return null;
                }

                return spec;
            default:
                throw new ArgumentOutOfRangeException(nameof(keyword), keyword, "not an array keyword");
        }

        return spec;
    }

    /// <summary>
    /// A schema wrapped to add a description (<c>{"allOf": [X]}</c>), or made nullable (<c>{"anyOf": [X, {"type": "null"}]}</c>):
    /// X applies to every value (the first), or to every value but null (the second, where null matches the other branch;
    /// for oneOf, X must also reject null, or null would match both). X's checks join <paramref name="spec"/>, or null when
    /// the read cannot prove X.
    /// </summary>
    private ValueCheckSpec? PlanWrapped(string keyword, SchemaLocation current, ValueTypeSpec type, int depth, List<ScalarCheck> scalars, ValueCheckSpec spec)
    {
        var node = current.Node;
        var branches = keyword == "allOf" ? node.AllOf : keyword == "anyOf" ? node.AnyOf : node.OneOf;
        var inner = keyword == "allOf" ? branches[0] : branches[IsNullOnly(branches[0]) ? 1 : 0];
        var innerType = keyword == "allOf" ? type : type with { Nullable = false };
        if (Plan(new SchemaLocation(current.Document, inner), innerType, constChecked: false, depth + 1) is not { } innerChecks)
        {
            return null;
        }

        scalars.AddRange(innerChecks.Scalars);
        return Merge(spec, innerChecks with { Scalars = ImmutableEquatableArray<ScalarCheck>.Empty });
    }

    /// <summary>Adds a string keyword's check: lengths to <paramref name="spec"/> (returned), pattern and format to <paramref name="scalars"/>.</summary>
    private ValueCheckSpec AddStringCheck(string keyword, SchemaNode node, List<ScalarCheck> scalars, ValueCheckSpec spec)
    {
        switch (keyword)
        {
            case "minLength":
                if (node.MinLength is { } min && min > 0)
                {
                    spec = spec with { MinLength = Max(spec.MinLength, min) };
                }

                break;
            case "maxLength":
                if (node.MaxLength is { } max)
                {
                    spec = spec with { MaxLength = Min(spec.MaxLength, max) };
                }

                break;
            case "pattern":
                if (node.Pattern is { } pattern)
                {
                    scalars.Add(new ScalarCheck(ScalarCheckKind.Pattern, pattern, "__fs_pattern" + Index(_patterns++)));
                }

                break;
            case "format":
                // An assertion only where a schema's vocabulary makes it one (checked by the caller).
                if (node.Format is { } format)
                {
                    scalars.Add(new ScalarCheck(ScalarCheckKind.Format, format));
                }

                break;
        }

        return spec;
    }

    /// <summary>Whether a schema rejects null for certain: it, or a schema its <c>$ref</c>s lead to, has a <c>type</c> without "null".</summary>
    private bool RejectsNull(SchemaLocation start)
    {
        var current = start;
        for (var hop = 0; hop < MaxHops; hop++)
        {
            if (current.Node.Types is { } names && !names.Contains("null"))
            {
                return true;
            }

            if (current.Node.Ref is not { } reference || !_set.Resolver.TryResolve(current.Document, current.Node, reference, out var target, out _))
            {
                return false;
            }

            current = target;
        }

        return false;
    }

    /// <summary>Whether a schema is <c>{"type": "null"}</c> (or <c>["null"]</c>), annotations aside: it matches null and nothing else.</summary>
    private static bool IsNullOnly(SchemaNode schema)
        => schema.BooleanValue is null
        && schema.KeywordNames.Where(Keywords.Asserts).SequenceEqual(new[] { "type" })
        && schema.Types is { Count: 1 } names && names[0] == "null";

    private static void AddNumberCheck(string keyword, string? text, List<ScalarCheck> scalars)
    {
        if (text is null || ValidatorPlanner.NumberLiteral(text) is not { } literal)
        {
            // The validator skips a bound it cannot read; so does the reader.
            return;
        }

        switch (keyword)
        {
            case "minimum":
                scalars.Add(new ScalarCheck(ScalarCheckKind.Minimum, literal));
                break;
            case "maximum":
                scalars.Add(new ScalarCheck(ScalarCheckKind.Maximum, literal));
                break;
            case "exclusiveMinimum":
                scalars.Add(new ScalarCheck(ScalarCheckKind.ExclusiveMinimum, literal));
                break;
            case "exclusiveMaximum":
                scalars.Add(new ScalarCheck(ScalarCheckKind.ExclusiveMaximum, literal));
                break;
            case "multipleOf":
                if (!text.StartsWith("-", StringComparison.Ordinal))
                {
                    scalars.Add(new ScalarCheck(ScalarCheckKind.MultipleOf, literal));
                }

                break;
        }
    }

    private static ValueCheckSpec Merge(ValueCheckSpec? first, ValueCheckSpec second)
    {
        if (first is null)
        {
            return second;
        }

        // Two "items" on one chain (a $ref and its target): both apply, so every check of both is kept.
        return new ValueCheckSpec
        {
            Scalars = first.Scalars.Concat(second.Scalars).ToImmutableEquatableArray(),
            MinLength = Max(first.MinLength, second.MinLength),
            MaxLength = Min(first.MaxLength, second.MaxLength),
            MinItems = Max(first.MinItems, second.MinItems),
            MaxItems = Min(first.MaxItems, second.MaxItems),
            UniqueItems = first.UniqueItems || second.UniqueItems,
            Items = second.Items is null ? first.Items : Merge(first.Items, second.Items),
        };
    }

    private static int? Max(int? a, int? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);

    private static int? Min(int? a, int? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);

    /// <summary>Whether every JSON type the reader of <paramref name="type"/> accepts is one the <c>type</c> keyword allows.</summary>
    private static bool TypeAllows(ImmutableEquatableArray<string> names, ValueTypeSpec type)
    {
        if (type.Nullable && !names.Contains("null"))
        {
            return false;
        }

        return type.Kind switch
        {
            ValueKind.Enum => names.Contains("string"),
            ValueKind.Array => names.Contains("array"),
            ValueKind.Object => names.Contains("object"),
            _ when Scalars.Of(type.Kind) is { } scalar => names.Contains(scalar.JsonType) || (scalar.JsonType == "integer" && names.Contains("number")),
            _ => false,
        };
    }

    /// <summary>Kinds read from a JSON string token.</summary>
    private static bool IsStringToken(ValueKind kind) => kind == ValueKind.Enum || Scalars.Of(kind)?.IsStringToken == true;

    /// <summary>Kinds read from a JSON number token.</summary>
    private static bool IsNumberToken(ValueKind kind) => Scalars.Of(kind)?.IsNumberToken == true;

    private static bool IsScalar(ValueKind kind) => kind == ValueKind.Enum || Scalars.Of(kind) is not null;

    /// <summary>Whether a string (or number) keyword does not apply to what this kind's reader accepts: booleans, numbers (strings), arrays.</summary>
    private static bool IsOtherScalar(ValueKind kind, string keywordType) => keywordType == "number"
        ? IsStringToken(kind) || kind is ValueKind.Boolean or ValueKind.Array
        : IsNumberToken(kind) || kind is ValueKind.Boolean or ValueKind.Array;

    /// <summary>Kinds whose reader never accepts an array, so array keywords do not apply.</summary>
    private static bool IsNonArray(ValueKind kind) => IsScalar(kind);

    /// <summary>Item kinds whose C# equality is "equal" for any two equal JSON values (so no duplicates in C# means none in JSON).</summary>
    private static bool HasJsonEquality(ValueTypeSpec element) => IsScalar(element.Kind);

    private static string Index(int value) => value.ToString(CultureInfo.InvariantCulture);
}
