using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using FactSchema.Generators.Common;
using FactSchema.Generators.Diagnostics;
using FactSchema.Generators.Emit;
using FactSchema.Generators.Json;
using FactSchema.Generators.Schema;

namespace FactSchema.Generators.Validation;

/// <summary>
/// Plans the validators of one schema file from its <see cref="SchemaNode"/>s: one method per schema location that
/// something validates against, calls for <c>$ref</c>s, and per method the checks of its keywords
/// (<see cref="ValidatorSpec"/>). Every decision is made here (what resolves where, which check a keyword needs, what
/// the recorded properties decide); <see cref="ValidatorEmitter"/> writes the plan as C#.
/// </summary>
internal sealed partial class ValidatorPlanner
{
    public const string ClassName = "__FactSchemaValidators";

    private readonly SchemaIndex _index;
    private readonly SchemaDocument _document;
    private readonly IReadOnlyDictionary<string, string> _external;
    private readonly DiagnosticBag _diagnostics;
    private readonly IReadOnlyDictionary<string, ValidationDiscriminator> _discriminators;
    private readonly Func<SchemaRef, string?>? _crossFileEntry;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<string, string> _methods = new(StringComparer.Ordinal);
    private readonly Queue<SchemaRef> _pending = new();
    private readonly List<ValidatorMethod> _planned = new();
    private readonly List<NameMatcherSpec> _matchers = new();
    private readonly Dictionary<string, string> _matcherByNames = new(StringComparer.Ordinal);
    private readonly bool _track;
    private readonly bool _dynamic;

    private ValidatorPlanner(SchemaIndex index, SchemaDocument document, IReadOnlyDictionary<string, string> external, DiagnosticBag diagnostics, IReadOnlyDictionary<string, ValidationDiscriminator> discriminators, Func<SchemaRef, string?>? crossFileEntry, CancellationToken cancellationToken)
    {
        _index = index;
        _document = document;
        _external = external;
        _diagnostics = diagnostics;
        _discriminators = discriminators;
        _crossFileEntry = crossFileEntry;
        _cancellationToken = cancellationToken;
        _track = index.UsesUnevaluated;
        _dynamic = index.UsesDynamicRef;
    }

    /// <summary>
    /// Plans the validators for the root of <paramref name="document"/> and for each of <paramref name="entryPointers"/>,
    /// reporting what the schema's assertions have wrong (invalid patterns) to <paramref name="diagnostics"/>.
    /// <paramref name="discriminators"/> (by <see cref="SchemaRef.Key"/> of a oneOf/anyOf) name the property whose value
    /// picks a branch, so that a value matching no branch gets that branch's own errors rather than only "matches none";
    /// <paramref name="crossFileEntry"/> names the entry point of a location in another file (see <see cref="SchemaIndex.CrossFileTargetsOf"/>).
    /// </summary>
    public static ValidatorSpec Plan(SchemaIndex index, SchemaDocument document, IEnumerable<string> entryPointers, IReadOnlyDictionary<string, string> external, DiagnosticBag diagnostics, IReadOnlyDictionary<string, ValidationDiscriminator> discriminators, Func<SchemaRef, string?>? crossFileEntry, CancellationToken cancellationToken)
    {
        var planner = new ValidatorPlanner(index, document, external, diagnostics, discriminators, crossFileEntry, cancellationToken);
        var entries = new List<ValidatorEntry>();
        var scopeEntries = new List<ValidatorScopeEntry>();
        foreach (var pointer in new[] { string.Empty }.Concat(entryPointers).Distinct(StringComparer.Ordinal))
        {
            var location = new SchemaRef(document, pointer);
            var method = planner.MethodFor(location);
            if (!planner._dynamic)
            {
                // The location's own method is the entry point: generated types call it directly.
                entries.Add(new ValidatorEntry(pointer, method));
                continue;
            }

            var entry = "Entry" + entries.Count.ToString(CultureInfo.InvariantCulture);
            entries.Add(new ValidatorEntry(pointer, entry));
            scopeEntries.Add(new ValidatorScopeEntry(entry, Describe(location), index.BaseOf(location), method));
        }

        while (planner._pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var location = planner._pending.Dequeue();
            planner._planned.Add(planner.PlanMethod(location, planner._methods[location.Key]));
        }

        return new ValidatorSpec(
            ClassName,
            planner._track,
            planner._planned.ToImmutableEquatableArray(),
            entries.ToImmutableEquatableArray(),
            scopeEntries.ToImmutableEquatableArray(),
            planner._matchers.ToImmutableEquatableArray());
    }

    private static string Describe(SchemaRef location) => Location(location, string.Empty);

    private static string Location(SchemaRef location, string keyword)
    {
        var document = location.Document;
        var prefix = document.BaseUri.StartsWith("file:", StringComparison.OrdinalIgnoreCase) ? document.RelativePath : document.BaseUri;
        return prefix + "#" + location.Pointer + (keyword.Length > 0 ? "/" + JsonPointer.Escape(keyword) : string.Empty);
    }

    private string MethodFor(SchemaRef location)
    {
        if (!_methods.TryGetValue(location.Key, out var name))
        {
            name = "V" + _methods.Count.ToString(CultureInfo.InvariantCulture);
            _methods.Add(location.Key, name);
            _pending.Enqueue(location);
        }

        return name;
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static SchemaRef Sub(SchemaRef location, params string[] segments)
    {
        var pointer = location.Pointer;
        foreach (var segment in segments)
        {
            pointer += "/" + JsonPointer.Escape(segment);
        }

        return new SchemaRef(location.Document, pointer);
    }

    private static bool IsTrue(SchemaNode? node) => node is null || node.AcceptsAll;

    private ValidatorMethod PlanMethod(SchemaRef location, string name)
    {
        var node = _index.NodeAt(location);
        var description = Describe(location);
        if (node is null || IsTrue(node))
        {
            return new AcceptAllMethod(name, description);
        }

        if (node.IsFalse)
        {
            return new RejectAllMethod(name, description);
        }

        if (TypeOnly(node) is { } types)
        {
            // The most common subschema ({"type": "string"} and its annotations): one runtime call.
            return new TypeOnlyMethod(name, description, new TypeTest(description, types));
        }

        var start = NeedsStart(node) ? StartCopy.Always : HasErrorsAfterReading(node) ? StartCopy.WhileCollecting : StartCopy.None;
        var ownSet = _track && (node.UnevaluatedProperties is not null || node.UnevaluatedItems is not null);
        _recorded = start == StartCopy.Always ? PlanRecordedConditions(location, node) : null;
        var checks = new List<ValidatorCheck>();
        PlanReference(checks, location, node);
        PlanDynamicReference(checks, location, node);
        if (node.Types is { } declared)
        {
            checks.Add(new TypeCheck(new TypeTest(description, declared)));
        }

        if (node.Enum is { } values)
        {
            checks.Add(new EqualsCheck(description, IsConst: false, values.Select(Constant).ToImmutableEquatableArray()));
        }

        if (node.Const is { } value)
        {
            checks.Add(new EqualsCheck(description, IsConst: true, new[] { Constant(value) }.ToImmutableEquatableArray()));
        }

        PlanString(checks, location, node);
        PlanNumber(checks, description, node);
        PlanArray(checks, location, node);
        PlanObject(checks, location, node);
        PlanAllOf(checks, location, node);
        PlanUnion(checks, location, node, oneOf: false);
        PlanUnion(checks, location, node, oneOf: true);
        if (node.Not is not null)
        {
            checks.Add(new NotCheck(description, Call(location, Sub(location, "not"))));
        }

        if (PlanConditional(location, node) is { } conditional)
        {
            checks.Add(conditional);
        }

        var unevaluated = ownSet ? PlanUnevaluated(location, node.UnevaluatedProperties, node.UnevaluatedItems) : null;
        var recorded = _recorded?.Plan;
        _recorded = null;
        return new CheckedMethod(name, description, start, ownSet, recorded, checks.ToImmutableEquatableArray(), unevaluated);
    }

    private static readonly string[] s_jsonTypes = { "string", "number", "integer", "boolean", "null", "object", "array" };

    /// <summary>
    /// The types of a schema that asserts nothing but <c>type</c> (every other keyword only annotates; <c>format</c> too
    /// unless formats are asserted), or null.
    /// </summary>
    private ImmutableEquatableArray<string>? TypeOnly(SchemaNode node)
    {
        if (node.Types is not { Count: > 0 } types || !types.All(t => Array.IndexOf(s_jsonTypes, t) >= 0))
        {
            return null;
        }

        foreach (var keyword in node.KeywordNames)
        {
            if (keyword != "type" && !Keywords.OnlyAnnotates(keyword) && !(keyword == "format" && !_document.FormatAssertion))
            {
                return null;
            }
        }

        return types;
    }

    /// <summary>Whether some error of the method is reported after an object or array has been read through.</summary>
    private static bool HasErrorsAfterReading(SchemaNode node)
    {
        foreach (var keyword in new[] { "required", "dependentRequired", "minProperties", "maxProperties", "minItems", "maxItems" })
        {
            if (node.Has(keyword))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the method reads the value more than once (in-place subschemas, unevaluated*, uniqueItems) and so
    /// keeps a copy of the reader at its start; otherwise the copy is made only while collecting errors.
    /// </summary>
    private static bool NeedsStart(SchemaNode node)
    {
        foreach (var keyword in new[] { "$ref", "$dynamicRef", "allOf", "anyOf", "oneOf", "not", "if", "dependentSchemas", "dependencies", "unevaluatedProperties", "unevaluatedItems" })
        {
            if (node.Has(keyword))
            {
                return true;
            }
        }

        return node.UniqueItems || node.Has("contains");
    }

    /// <summary>The validator of <paramref name="target"/>, entered in its resource when the dynamic scope is tracked; a schema that is only a <c>$ref</c> validates exactly as its target, so calls skip it.</summary>
    private ValidatorCall Call(SchemaRef from, SchemaRef target)
    {
        target = _index.FollowAliases(target);
        if (!_dynamic && target.Document.FilePath != _document.FilePath && _crossFileEntry?.Invoke(target) is { } entry)
        {
            // Another file of the compilation: call its entry point rather than compile a copy here.
            return new ValidatorCall(entry);
        }

        var method = MethodFor(target);
        if (_dynamic)
        {
            var targetResource = _index.BaseOf(target);
            if (!string.Equals(_index.BaseOf(from), targetResource, StringComparison.Ordinal))
            {
                return new ValidatorCall(method, targetResource);
            }
        }

        return new ValidatorCall(method);
    }

    /// <summary>A declared property's, or any member's or item's, subschema: in place when it asserts only a type (<paramref name="inPlace"/>), nothing when it accepts all.</summary>
    private SubschemaCall Subschema(SchemaRef from, SchemaRef target, SchemaNode node, bool inPlace)
    {
        if (IsTrue(node))
        {
            return new SubschemaCall(null, null);
        }

        return inPlace && TypeOnly(node) is { } types
            ? new SubschemaCall(null, new TypeTest(Describe(target), types))
            : new SubschemaCall(Call(from, target), null);
    }

    private void PlanReference(List<ValidatorCheck> checks, SchemaRef location, SchemaNode node)
    {
        if (node.Ref is not { } reference)
        {
            return;
        }

        ValidatorCall? call = null;
        if (_index.TryResolve(location, reference, out var target, out var absolute))
        {
            call = Call(location, target);
        }
        else if (_external.TryGetValue(absolute, out var external) || _external.TryGetValue(absolute + "#", out external))
        {
            call = new ValidatorCall(external);
        }

        checks.Add(new RefCheck(Describe(location), reference, call));
    }

    private void PlanDynamicReference(List<ValidatorCheck> checks, SchemaRef location, SchemaNode node)
    {
        if (node.DynamicRef is not { } reference)
        {
            return;
        }

        if (!_index.TryResolve(location, reference, out var initial, out _))
        {
            checks.Add(new DynamicRefCheck(Describe(location), reference, null, ImmutableEquatableArray<DynamicCandidate>.Empty));
            return;
        }

        var hash = reference.IndexOf('#');
        var anchor = hash >= 0 ? JsonPointer.DecodeFragment(reference.Substring(hash + 1)) : string.Empty;
        var candidates = anchor.Length > 0 && !anchor.StartsWith("/", StringComparison.Ordinal) && _index.IsDynamicAnchor(initial, anchor)
            ? _index.DynamicAnchorTargets(anchor).Select(c => new DynamicCandidate(c.Resource, Call(location, c.Target))).ToList()
            : new List<DynamicCandidate>();
        checks.Add(new DynamicRefCheck(Describe(location), reference, Call(location, initial), candidates.ToImmutableEquatableArray()));
    }

    /// <summary>How the validator compares a constant of <c>enum</c>/<c>const</c> with the value.</summary>
    private static ConstantSpec Constant(JsonNode value)
    {
        var display = value.ToJsonText();
        switch (value.Kind)
        {
            case JsonKind.Null:
                return new ConstantSpec(ConstantKind.Null, "null", display);
            case JsonKind.True:
                return new ConstantSpec(ConstantKind.True, "true", display);
            case JsonKind.False:
                return new ConstantSpec(ConstantKind.False, "false", display);
            case JsonKind.String when CodeText.Utf8Literal(value.Text!) is not null:
                return new ConstantSpec(ConstantKind.String, value.Text!, display);
            case JsonKind.Number when NumberLiteral(value.Text!) is { } number:
                return new ConstantSpec(ConstantKind.Number, number, display);
            default:
                return new ConstantSpec(ConstantKind.Json, ConstantJson(value), display);
        }
    }

    /// <summary>JSON text with every non-ASCII character escaped, so that it has a UTF-8 form whatever it holds.</summary>
    private static string ConstantJson(JsonNode value)
    {
        var builder = new StringBuilder();
        void Write(JsonNode node)
        {
            switch (node.Kind)
            {
                case JsonKind.String:
                    builder.Append(AsciiQuoted(node.Text!));
                    break;
                case JsonKind.Array:
                    builder.Append('[');
                    for (var i = 0; i < node.Items.Count; i++)
                    {
                        builder.Append(i > 0 ? "," : string.Empty);
                        Write(node.Items[i]);
                    }

                    builder.Append(']');
                    break;
                case JsonKind.Object:
                    builder.Append('{');
                    for (var i = 0; i < node.Members.Count; i++)
                    {
                        builder.Append(i > 0 ? "," : string.Empty).Append(AsciiQuoted(node.Members[i].Name)).Append(':');
                        Write(node.Members[i].Value);
                    }

                    builder.Append('}');
                    break;
                default:
                    builder.Append(node.ToJsonText());
                    break;
            }
        }

        Write(value);
        return builder.ToString();
    }

    private static string AsciiQuoted(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            if (c is '"' or '\\')
            {
                builder.Append('\\').Append(c);
            }
            else if (c < 0x20 || c > 0x7E)
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>A decimal literal when the number fits one exactly, a double literal when finite, else null.</summary>
    internal static string? NumberLiteral(string text)
    {
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var check)
            && (value != 0m || check == 0d))
        {
            return value.ToString(CultureInfo.InvariantCulture) + "m";
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && !double.IsInfinity(d) && !double.IsNaN(d))
        {
            return d.ToString("R", CultureInfo.InvariantCulture) + "d";
        }

        return null;
    }

    private void PlanString(List<ValidatorCheck> checks, SchemaRef location, SchemaNode node)
    {
        // Unknown formats pass at run time (FormatChecks knows the list), so every format is passed through.
        var format = _document.FormatAssertion ? node.Format : null;
        if (node.MinLength is null && node.MaxLength is null && node.Pattern is null && format is null)
        {
            return;
        }

        if (node.Pattern is { } pattern)
        {
            CheckPattern(location, pattern, node.PatternSpan);
        }

        checks.Add(new StringCheck(Describe(location), node.MinLength, node.MaxLength, node.Pattern, format));
    }

    /// <summary>Reports FS0014 for a pattern of this file that .NET cannot compile (the validator then matches nothing).</summary>
    private void CheckPattern(SchemaRef location, string pattern, SourceSpan span)
    {
        if (location.Document.FilePath != _document.FilePath)
        {
            return;
        }

        try
        {
            _ = new System.Text.RegularExpressions.Regex(FactSchema.Validation.PatternTranslator.Translate(pattern), System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException ex)
        {
            _diagnostics.Report(DiagnosticDescriptors.InvalidPattern, span, CodeText.JsonQuoted(pattern), ex.Message);
        }
    }

    private static void PlanNumber(List<ValidatorCheck> checks, string at, SchemaNode node)
    {
        var bounds = new List<NumberBound>();
        void Bound(string keyword, string? text)
        {
            if (text is not null && NumberLiteral(text) is { } literal)
            {
                bounds.Add(new NumberBound(keyword, literal, text));
            }
        }

        Bound("minimum", node.Minimum);
        Bound("maximum", node.Maximum);
        Bound("exclusiveMinimum", node.ExclusiveMinimum);
        Bound("exclusiveMaximum", node.ExclusiveMaximum);

        // A negative multipleOf is not a valid schema: it is ignored, as every other malformed assertion is.
        var multipleOf = node.MultipleOf is { } m && NumberLiteral(m) is { } ml && !m.StartsWith("-", StringComparison.Ordinal)
            ? new NumberBound("multipleOf", ml, m)
            : null;
        if (bounds.Count > 0 || multipleOf is not null)
        {
            checks.Add(new NumberCheck(at, bounds.ToImmutableEquatableArray(), multipleOf));
        }
    }

    private void PlanArray(List<ValidatorCheck> checks, SchemaRef location, SchemaNode node)
    {
        // A tuple is prefixItems, or (draft-07) items as an array; what follows it is items, or then additionalItems.
        var prefixKeyword = node.PrefixItems is null ? null : node.Has("prefixItems") ? "prefixItems" : "items";
        var prefix = node.PrefixItems is { Count: > 0 } p ? p : null;
        var itemsKeyword = prefixKeyword == "items" ? "additionalItems" : "items";
        var items = prefixKeyword == "items" ? node.AdditionalItems : node.Items;
        var contains = node.Contains;
        if (prefix is null && items is null && contains is null && node.MinItems is null && node.MaxItems is null && !node.UniqueItems)
        {
            return;
        }

        // In the order the validator reads them: contains looks at an item first, then the item's own schema.
        var containsCall = contains is null ? null : Call(location, Sub(location, "contains"));
        var prefixCalls = prefix?.Select((_, index) => Call(location, Sub(location, prefixKeyword!, Int(index)))).ToImmutableEquatableArray();
        var itemsCall = items is null ? null : IsTrue(items) ? new SubschemaCall(null, null) : new SubschemaCall(Call(location, Sub(location, itemsKeyword)), null);
        checks.Add(new ArrayCheck(
            Describe(location),
            prefixCalls,
            itemsCall,
            containsCall,
            node.Has("minContains"),
            node.MinContains ?? 1,
            node.MaxContains,
            node.MinItems,
            node.MaxItems,
            node.UniqueItems));
    }

    private void PlanObject(List<ValidatorCheck> checks, SchemaRef location, SchemaNode node)
    {
        var properties = node.Properties ?? ImmutableEquatableArray<SchemaProperty>.Empty;
        var patterns = node.PatternProperties ?? ImmutableEquatableArray<SchemaProperty>.Empty;
        var additional = node.AdditionalProperties;
        var propertyNames = node.PropertyNames;
        var required = node.Required;

        // Draft-07 "dependencies" is in both: an array is dependentRequired, a schema is dependentSchemas.
        var dependentRequired = node.DependentRequired;
        var dependentSchemas = node.DependentSchemas;
        if (properties.Count == 0 && patterns.Count == 0 && additional is null && propertyNames is null && required.Count == 0
            && dependentRequired.Count == 0 && dependentSchemas.Count == 0 && node.MinProperties is null && node.MaxProperties is null)
        {
            return;
        }

        // Every name the object's keywords mention gets an index; presence is tracked per index.
        var names = ObjectNames(node);
        var trackSeen = required.Count > 0 || dependentRequired.Count > 0 || dependentSchemas.Count > 0;
        var matcher = names.Count > 0 && (trackSeen || properties.Count > 0) ? Matcher(names) : null;

        // Calls are planned in the order the validator makes them: propertyNames, the member's own schema, then what is left.
        var perProperty = properties.Count > 0 || patterns.Count > 0 || additional is not null || propertyNames is not null;
        var propertyNamesCall = perProperty && !IsTrue(propertyNames) ? Call(location, Sub(location, "propertyNames")) : null;
        var propertyChecks = new List<PropertyCheck>();
        var patternChecks = new List<PatternCheck>();
        AdditionalCheck? additionalCheck = null;
        if (perProperty)
        {
            // Without patternProperties a declared property is checked in place by its matcher index (a type-only
            // subschema by one runtime call); with them, from a copy of the reader, since a pattern may match it too.
            var needHit = additional is not null || _track;
            foreach (var property in properties)
            {
                var target = Sub(location, "properties", property.Name);
                propertyChecks.Add(new PropertyCheck(property.Name, patterns.Count == 0 || needHit || !IsTrue(property.Schema)
                    ? Subschema(location, target, property.Schema, inPlace: patterns.Count == 0)
                    : new SubschemaCall(null, null)));
            }

            foreach (var pattern in patterns)
            {
                CheckPattern(location, pattern.Name, pattern.NameSpan);
                patternChecks.Add(new PatternCheck(pattern.Name, IsTrue(pattern.Schema) ? null : Call(location, Sub(location, "patternProperties", pattern.Name))));
            }

            if (additional is not null)
            {
                additionalCheck = new AdditionalCheck(additional.IsFalse, additional.IsFalse || IsTrue(additional) ? null : Call(location, Sub(location, "additionalProperties")));
            }
        }

        var dependentRequiredChecks = dependentRequired
            .SelectMany(d => d.Required.Distinct(StringComparer.Ordinal).Select(item => new DependentRequiredCheck(d.Name, item)))
            .ToImmutableEquatableArray();
        var dependentSchemaChecks = dependentSchemas
            .Where(d => !IsTrue(d.Schema))
            .Select(d => new DependentSchemaCheck(d.Keyword, d.Name, Call(location, Sub(location, d.Keyword, d.Name))))
            .ToImmutableEquatableArray();
        checks.Add(new ObjectCheck(
            Describe(location),
            names.ToImmutableEquatableArray(),
            matcher,
            trackSeen,
            propertyNamesCall,
            propertyChecks.ToImmutableEquatableArray(),
            patternChecks.ToImmutableEquatableArray(),
            additionalCheck,
            required,
            dependentRequiredChecks,
            node.MinProperties,
            node.MaxProperties,
            dependentSchemaChecks));
    }

    /// <summary>Every property name the object keywords of <paramref name="node"/> mention, declared properties first.</summary>
    private static List<string> ObjectNames(SchemaNode node)
    {
        var names = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Name(string name)
        {
            if (seen.Add(name))
            {
                names.Add(name);
            }
        }

        foreach (var property in node.Properties ?? ImmutableEquatableArray<SchemaProperty>.Empty)
        {
            Name(property.Name);
        }

        foreach (var name in node.Required)
        {
            Name(name);
        }

        foreach (var dependency in node.DependentRequired)
        {
            Name(dependency.Name);
            foreach (var item in dependency.Required)
            {
                Name(item);
            }
        }

        foreach (var dependency in node.DependentSchemas)
        {
            Name(dependency.Name);
        }

        return names;
    }

    /// <summary>The method that maps a property name at the reader to its index in <paramref name="names"/>, or -1; one per distinct list.</summary>
    private string Matcher(List<string> names)
    {
        var key = NameMatcherSpec.KeyOf(names);
        if (!_matcherByNames.TryGetValue(key, out var name))
        {
            name = "M" + _matchers.Count.ToString(CultureInfo.InvariantCulture);
            _matcherByNames.Add(key, name);
            _matchers.Add(new NameMatcherSpec(name, names.ToImmutableEquatableArray()));
        }

        return name;
    }

    private void PlanAllOf(List<ValidatorCheck> checks, SchemaRef location, SchemaNode node)
    {
        var branches = node.AllOf;
        for (var i = 0; i < branches.Count; i++)
        {
            var branch = branches[i];
            var branchLocation = Sub(location, "allOf", Int(i));
            if (_recorded is not null && IsOnlyConditional(branch) && IsRecordableConditional(branch)
                && CanDecideFromRecorded(Sub(branchLocation, "if"), branch.If!))
            {
                // A branch that is only a conditional, in place: its condition is decided from the recorded properties.
                checks.Add(PlanConditional(branchLocation, branch)!);
            }
            else if (_recorded is not null && !IsTrue(branch) && CanDecideFromRecorded(branchLocation, branch))
            {
                checks.Add(PlanRecordedOrFull(location, branchLocation, branch));
            }
            else if (!IsTrue(branch))
            {
                checks.Add(new InPlaceCheck(Call(location, branchLocation)));
            }
        }
    }

    private void PlanUnion(List<ValidatorCheck> checks, SchemaRef location, SchemaNode node, bool oneOf)
    {
        var keyword = oneOf ? "oneOf" : "anyOf";
        var branches = oneOf ? node.OneOf : node.AnyOf;
        if (branches.Count == 0)
        {
            return;
        }

        _discriminators.TryGetValue(location.Key, out var discriminator);

        // Without a mapped discriminator, a property whose value rules branches out before they read the value again.
        var filter = discriminator is null ? BranchFilter.Infer(_index, location, node, keyword) : null;
        if (discriminator is not null && CodeText.Utf8Literal(discriminator.Name) is null)
        {
            // Generated code compares UTF-8 bytes: a name without a UTF-8 form (a lone surrogate) cannot pick a branch.
            discriminator = null;
        }

        // Planned in the order the validator first evaluates them (the discriminator's branches first), so that the
        // methods they call are numbered as they are met.
        var planned = new UnionBranch?[branches.Count];
        void PlanBranch(int i)
        {
            if (planned[i] is null)
            {
                var target = Sub(location, keyword, Int(i));
                var call = Call(location, target);
                var decide = !_track && CanDecideFromRecorded(target, branches[i]) ? PlanRecordedCondition(target, branches[i]) : null;
                planned[i] = new UnionBranch(call, decide);
            }
        }

        foreach (var (branch, _) in discriminator?.Branches ?? ImmutableEquatableArray<(int, string)>.Empty)
        {
            PlanBranch(branch);
        }

        for (var i = 0; i < branches.Count; i++)
        {
            PlanBranch(i);
        }

        checks.Add(new UnionCheck(
            Describe(location),
            oneOf,
            planned.Select(b => b!).ToImmutableEquatableArray(),
            filter is null ? null : new UnionFilter(filter.Name, filter.Values.ToImmutableEquatableArray(), filter.Branches.Select(b => new FilteredBranch(b?.ToImmutableEquatableArray())).ToImmutableEquatableArray()),
            discriminator is null ? null : new UnionDiscriminator(discriminator.Name, discriminator.Branches.Select(b => b.Value).ToImmutableEquatableArray(), discriminator.Branches.Select(b => b.Branch).ToImmutableEquatableArray())));
    }

    private ConditionalCheck? PlanConditional(SchemaRef location, SchemaNode node)
    {
        if (node.If is null || (node.Then is null && node.Else is null && !_track))
        {
            return null;
        }

        var ifLocation = Sub(location, "if");
        var ifDecide = !_track && CanDecideFromRecorded(ifLocation, node.If) ? PlanRecordedCondition(ifLocation, node.If) : null;
        var ifCall = Call(location, ifLocation);
        ConditionalBranch? Branch(string keyword, SchemaNode? branch)
        {
            if (branch is null || IsTrue(branch))
            {
                return null;
            }

            var target = Sub(location, keyword);
            if (_recorded is null)
            {
                return new ConditionalBranch(Call(location, target), ViaRecorded: false, null);
            }

            var decide = CanDecideFromRecorded(target, branch) ? PlanRecordedCondition(target, branch) : null;
            return new ConditionalBranch(Call(location, target), ViaRecorded: true, decide);
        }

        var then = Branch("then", node.Then);
        var otherwise = Branch("else", node.Else);
        return new ConditionalCheck(ifCall, ifDecide, then, otherwise);
    }

    private UnevaluatedCheck PlanUnevaluated(SchemaRef location, SchemaNode? properties, SchemaNode? items)
    {
        // A false unevaluatedProperties gets an error of its own, at the property; a false unevaluatedItems calls the
        // false schema's method, which reports at the item.
        var propertiesSchema = properties is null ? null
            : new UnevaluatedSchema(properties.IsFalse, properties.IsFalse || IsTrue(properties) ? null : Call(location, Sub(location, "unevaluatedProperties")));
        var itemsSchema = items is null ? null
            : new UnevaluatedSchema(Forbidden: false, IsTrue(items) ? null : Call(location, Sub(location, "unevaluatedItems")));
        return new UnevaluatedCheck(Describe(location), propertiesSchema, itemsSchema);
    }
}

/// <summary>The property whose string value picks a branch of a oneOf/anyOf, and the value of each branch (by index in the keyword's array).</summary>
internal sealed record ValidationDiscriminator(string Name, ImmutableEquatableArray<(int Branch, string Value)> Branches);
