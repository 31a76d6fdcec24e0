using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FactSchema.Generators.Common;

namespace FactSchema.Generators.Validation;

// The validators of one schema file as an equatable model: ValidatorPlanner builds it from SchemaNodes (every decision:
// which method validates which location, which keyword is checked how, which condition is decided from recorded
// properties), Emit/ValidatorEmitter writes it (every piece of text: locals, fields, messages). Each check records the
// data its keyword asserts, not code.

/// <summary>The validators generated for one schema file: its methods, which method validates each entry location, and its name matchers.</summary>
/// <param name="ClassName">The file-local class that holds the methods.</param>
/// <param name="Tracked">Whether the set uses <c>unevaluated*</c>: every method then passes an evaluated set along.</param>
/// <param name="Methods">The methods, in the order they are written.</param>
/// <param name="Entries">The entry point of each location that generated types and other files call.</param>
/// <param name="ScopeEntries">With <c>$dynamicRef</c> in the set: the wrappers that push an entry location's dynamic scope.</param>
/// <param name="Matchers">The property-name matchers, shared with the typed readers of the file.</param>
internal sealed record ValidatorSpec(
    string ClassName,
    bool Tracked,
    ImmutableEquatableArray<ValidatorMethod> Methods,
    ImmutableEquatableArray<ValidatorEntry> Entries,
    ImmutableEquatableArray<ValidatorScopeEntry> ScopeEntries,
    ImmutableEquatableArray<NameMatcherSpec> Matchers)
{
    /// <summary>Each matcher (qualified with the class) by <see cref="NameMatcherSpec.KeyOf"/> of its names, for typed readers to share.</summary>
    public Dictionary<string, string> MatchersByNames()
    {
        var index = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var matcher in Matchers)
        {
            index[NameMatcherSpec.KeyOf(matcher.Names)] = ClassName + "." + matcher.Method;
        }

        return index;
    }

    public string? MethodFor(string pointer)
    {
        foreach (var entry in Entries)
        {
            if (entry.Pointer == pointer)
            {
                return ClassName + "." + entry.Method;
            }
        }

        return null;
    }
}

/// <summary>A property-name matcher of the validators class: <paramref name="Method"/> maps a name to its index in <paramref name="Names"/>.</summary>
internal sealed record NameMatcherSpec(string Method, ImmutableEquatableArray<string> Names)
{
    /// <summary>One string per ordered list of names (length-prefixed, so no two lists share it).</summary>
    public static string KeyOf(IEnumerable<string> names)
        => string.Concat(names.Select(n => n.Length.ToString(CultureInfo.InvariantCulture) + ":" + n));
}

/// <summary>An entry point: the schema at <paramref name="Pointer"/> in this file is validated by <paramref name="Method"/>.</summary>
internal sealed record ValidatorEntry(string Pointer, string Method);

/// <summary>An entry point that enters the dynamic scope of <paramref name="Scope"/> (a resource's base URI) and calls <paramref name="Target"/>.</summary>
internal sealed record ValidatorScopeEntry(string Method, string Description, string Scope, string Target);

/// <summary>A call to another validator: a method of this class or of another file's, entered in <paramref name="Scope"/> when that is not null.</summary>
internal sealed record ValidatorCall(string Method, string? Scope = null);

/// <summary>The test of a <c>type</c> keyword at <paramref name="At"/> (the schema's location).</summary>
internal sealed record TypeTest(string At, ImmutableEquatableArray<string> Types);

/// <summary>One validator method: what it validates (<paramref name="Description"/>, a location) and how.</summary>
internal abstract record ValidatorMethod(string Name, string Description);

/// <summary>A schema that accepts every value (<c>true</c>, <c>{}</c>, annotations only).</summary>
internal sealed record AcceptAllMethod(string Name, string Description) : ValidatorMethod(Name, Description);

/// <summary>The <c>false</c> schema (its error is located at <see cref="ValidatorMethod.Description"/>, the schema's location).</summary>
internal sealed record RejectAllMethod(string Name, string Description) : ValidatorMethod(Name, Description);

/// <summary>A schema that asserts nothing but its <c>type</c>: one runtime call.</summary>
internal sealed record TypeOnlyMethod(string Name, string Description, TypeTest Test) : ValidatorMethod(Name, Description);

/// <summary>How a method keeps the value's start for what reads the value again or describes it in a message.</summary>
internal enum StartCopy
{
    /// <summary>Every error is reported before the value is read further: messages describe it from the reader itself.</summary>
    None,

    /// <summary>Only messages need it (errors after reading an object or array through): copied while collecting errors.</summary>
    WhileCollecting,

    /// <summary>In-place subschemas read the value again from its start.</summary>
    Always,
}

/// <summary>A schema whose keywords are checked in order, reading the value once where they allow it.</summary>
/// <param name="Name">The method's name in the validators class.</param>
/// <param name="Description">The schema's location, for the comment above the method.</param>
/// <param name="Start">How the method keeps the value's start.</param>
/// <param name="OwnSet">Whether the method tracks evaluated properties or items of its own (it has <c>unevaluated*</c>).</param>
/// <param name="Recorded">The properties recorded in one read of the object for conditions to be decided from, or null.</param>
/// <param name="Checks">The keywords' checks, in the order they run.</param>
/// <param name="Unevaluated">With <paramref name="OwnSet"/>: the <c>unevaluatedProperties</c>/<c>unevaluatedItems</c> check, after every other.</param>
internal sealed record CheckedMethod(
    string Name,
    string Description,
    StartCopy Start,
    bool OwnSet,
    RecordedPlan? Recorded,
    ImmutableEquatableArray<ValidatorCheck> Checks,
    UnevaluatedCheck? Unevaluated) : ValidatorMethod(Name, Description);

/// <summary>The properties a method's conditions look at, recorded in one read of the object (<paramref name="Matcher"/> maps a name to its index in <paramref name="Names"/>).</summary>
internal sealed record RecordedPlan(string Matcher, ImmutableEquatableArray<string> Names);

/// <summary>A check of one keyword (or family of keywords) of a schema. <c>At</c> is always the schema's location; keyword locations extend it.</summary>
internal abstract record ValidatorCheck;

/// <summary><c>$ref</c>: <paramref name="Target"/> validates the same value; null when the reference does not resolve (every value fails).</summary>
internal sealed record RefCheck(string At, string Reference, ValidatorCall? Target) : ValidatorCheck;

/// <summary>
/// <c>$dynamicRef</c>: the outermost resource of the dynamic scope among <paramref name="Candidates"/> picks the target,
/// <paramref name="Initial"/> otherwise; <paramref name="Initial"/> is null when the reference does not resolve.
/// </summary>
internal sealed record DynamicRefCheck(string At, string Reference, ValidatorCall? Initial, ImmutableEquatableArray<DynamicCandidate> Candidates) : ValidatorCheck;

/// <summary>A resource whose <c>$dynamicAnchor</c> a <c>$dynamicRef</c> may resolve to.</summary>
internal sealed record DynamicCandidate(string Resource, ValidatorCall Target);

/// <summary><c>type</c>, in a method that checks more.</summary>
internal sealed record TypeCheck(TypeTest Test) : ValidatorCheck;

/// <summary><c>enum</c> (or, with <paramref name="IsConst"/>, <c>const</c>): the value equals one of <paramref name="Values"/>.</summary>
internal sealed record EqualsCheck(string At, bool IsConst, ImmutableEquatableArray<ConstantSpec> Values) : ValidatorCheck;

/// <summary>How a constant is compared with the value at the reader.</summary>
internal enum ConstantKind
{
    Null,
    True,
    False,

    /// <summary>A string with a UTF-8 form: <see cref="ConstantSpec.Value"/> is its text.</summary>
    String,

    /// <summary>A number a C# literal holds exactly: <see cref="ConstantSpec.Value"/> is the literal.</summary>
    Number,

    /// <summary>Anything else, compared as JSON: <see cref="ConstantSpec.Value"/> is its JSON text with non-ASCII escaped.</summary>
    Json,
}

/// <summary>A constant of <c>enum</c>/<c>const</c>; <paramref name="Display"/> is its JSON text, for messages.</summary>
internal sealed record ConstantSpec(ConstantKind Kind, string Value, string Display);

/// <summary>The string keywords (<c>minLength</c>, <c>maxLength</c>, <c>pattern</c>, an asserted <c>format</c>), on strings.</summary>
internal sealed record StringCheck(string At, int? MinLength, int? MaxLength, string? Pattern, string? Format) : ValidatorCheck;

/// <summary>The numeric keywords, on numbers: each bound (keyword, C# literal, schema text) and <c>multipleOf</c>.</summary>
internal sealed record NumberCheck(string At, ImmutableEquatableArray<NumberBound> Bounds, NumberBound? MultipleOf) : ValidatorCheck;

/// <summary>A numeric keyword's value: <paramref name="Literal"/> in C#, <paramref name="Text"/> as the schema wrote it.</summary>
internal sealed record NumberBound(string Keyword, string Literal, string Text);

/// <summary>A subschema that applies to the value, or to one of its members or items: checked in place by one runtime call when it asserts only a type, else by its method.</summary>
internal sealed record SubschemaCall(ValidatorCall? Call, TypeTest? TypeOnly)
{
    /// <summary>A subschema that accepts everything: nothing to call.</summary>
    public bool AcceptsAll => Call is null && TypeOnly is null;
}

/// <summary>The array keywords, on arrays: items by position, the rest, <c>contains</c> and its counts, the item count, <c>uniqueItems</c>.</summary>
/// <param name="At">The schema's location.</param>
/// <param name="Prefix">The validators of the tuple's items (<c>prefixItems</c>, or a draft-07 <c>items</c> array), by position; null without a tuple.</param>
/// <param name="Items">The validator of every other item (<c>items</c>, or a draft-07 <c>additionalItems</c>): a call, or accepts-all to only mark items evaluated; null without the keyword.</param>
/// <param name="Contains">The validator of <c>contains</c>, or null.</param>
/// <param name="MinContainsWritten">Whether <c>minContains</c> is written (its failure is located there rather than at <c>contains</c>).</param>
/// <param name="MinContains">How many items must match <c>contains</c> (1 unless <c>minContains</c> says otherwise).</param>
/// <param name="MaxContains">How many items may match <c>contains</c> at most, or null.</param>
/// <param name="MinItems"><c>minItems</c>, or null.</param>
/// <param name="MaxItems"><c>maxItems</c>, or null.</param>
/// <param name="Unique">Whether <c>uniqueItems</c> is true.</param>
internal sealed record ArrayCheck(
    string At,
    ImmutableEquatableArray<ValidatorCall>? Prefix,
    SubschemaCall? Items,
    ValidatorCall? Contains,
    bool MinContainsWritten,
    int MinContains,
    int? MaxContains,
    int? MinItems,
    int? MaxItems,
    bool Unique) : ValidatorCheck;

/// <summary>
/// The object keywords, on objects, in one read of its members. <paramref name="Names"/> holds every name the keywords
/// mention (declared properties first); <paramref name="Matcher"/> maps a member's name to its index there.
/// </summary>
internal sealed record ObjectCheck(
    string At,
    ImmutableEquatableArray<string> Names,
    string? Matcher,
    bool TrackSeen,
    ValidatorCall? PropertyNames,
    ImmutableEquatableArray<PropertyCheck> Properties,
    ImmutableEquatableArray<PatternCheck> Patterns,
    AdditionalCheck? Additional,
    ImmutableEquatableArray<string> Required,
    ImmutableEquatableArray<DependentRequiredCheck> DependentRequired,
    int? MinProperties,
    int? MaxProperties,
    ImmutableEquatableArray<DependentSchemaCheck> DependentSchemas) : ValidatorCheck;

/// <summary>A declared property (<c>properties</c>) and its subschema.</summary>
internal sealed record PropertyCheck(string Name, SubschemaCall Schema);

/// <summary>A <c>patternProperties</c> entry: <paramref name="Pattern"/> and, unless it accepts all, its validator.</summary>
internal sealed record PatternCheck(string Pattern, ValidatorCall? Call);

/// <summary><c>additionalProperties</c>: false (<paramref name="Forbidden"/>), true (neither), or a validator.</summary>
internal sealed record AdditionalCheck(bool Forbidden, ValidatorCall? Call);

/// <summary>A pair of <c>dependentRequired</c>: an object with <paramref name="Name"/> must have <paramref name="Requires"/>.</summary>
internal sealed record DependentRequiredCheck(string Name, string Requires);

/// <summary>A <c>dependentSchemas</c> (or draft-07 <c>dependencies</c>) entry: with <paramref name="Name"/> present, the whole object is validated by <paramref name="Call"/>.</summary>
internal sealed record DependentSchemaCheck(string Keyword, string Name, ValidatorCall Call);

/// <summary>A subschema that applies to the whole value and reports its own errors (an <c>allOf</c> branch).</summary>
internal sealed record InPlaceCheck(ValidatorCall Call) : ValidatorCheck;

/// <summary>A subschema over the whole value decided quietly from the recorded properties first (<paramref name="Decide"/>, when they can), read in full only when that says no.</summary>
internal sealed record RecordedOrFullCheck(RecordedCondition? Decide, ValidatorCall Call) : ValidatorCheck;

/// <summary>
/// <c>anyOf</c> or <c>oneOf</c> at <paramref name="At"/>: its branches, the property filter that rules branches out
/// before they are read, or the mapped discriminator that picks one.
/// </summary>
internal sealed record UnionCheck(string At, bool OneOf, ImmutableEquatableArray<UnionBranch> Branches, UnionFilter? Filter, UnionDiscriminator? Discriminator) : ValidatorCheck;

/// <summary>A branch of a union: its validator, and how the recorded properties decide it (null: they do not).</summary>
internal sealed record UnionBranch(ValidatorCall Call, RecordedCondition? Decide);

/// <summary>The property <paramref name="Name"/> whose string value rules branches out; per branch, the positions in <paramref name="Values"/> it admits (null: every value).</summary>
internal sealed record UnionFilter(string Name, ImmutableEquatableArray<string> Values, ImmutableEquatableArray<FilteredBranch> Branches);

/// <summary>The positions of a filter's values that a branch admits; null when the filter does not restrict it.</summary>
internal sealed record FilteredBranch(ImmutableEquatableArray<int>? Admitted);

/// <summary>The property whose value names the branch (<paramref name="Branches"/>: branch index by position of <paramref name="Values"/>).</summary>
internal sealed record UnionDiscriminator(string Name, ImmutableEquatableArray<string> Values, ImmutableEquatableArray<int> Branches);

/// <summary><c>not</c>: the value must fail <paramref name="Call"/>.</summary>
internal sealed record NotCheck(string At, ValidatorCall Call) : ValidatorCheck;

/// <summary>
/// <c>if</c>/<c>then</c>/<c>else</c>: <paramref name="If"/> decides (quietly; from the recorded properties first when
/// <paramref name="IfDecide"/> is set), then the branch it picks applies.
/// </summary>
internal sealed record ConditionalCheck(ValidatorCall If, RecordedCondition? IfDecide, ConditionalBranch? Then, ConditionalBranch? Else) : ValidatorCheck;

/// <summary>A <c>then</c> or <c>else</c>: with <paramref name="ViaRecorded"/>, decided from the recorded properties first (<paramref name="Decide"/>, when they can).</summary>
internal sealed record ConditionalBranch(ValidatorCall Call, bool ViaRecorded, RecordedCondition? Decide);

/// <summary><c>unevaluatedProperties</c> and <c>unevaluatedItems</c>: what no other keyword of the method evaluated.</summary>
internal sealed record UnevaluatedCheck(string At, UnevaluatedSchema? Properties, UnevaluatedSchema? Items);

/// <summary>An <c>unevaluated*</c> subschema: false with an error of its own (only <c>unevaluatedProperties</c>; a false <c>unevaluatedItems</c> calls the false schema), true (neither set) or a validator.</summary>
internal sealed record UnevaluatedSchema(bool Forbidden, ValidatorCall? Call);

/// <summary>
/// How a property-local schema is decided from the recorded properties alone: a constant, or steps over a result that
/// starts true.
/// </summary>
internal sealed record RecordedCondition(bool? Constant, ImmutableEquatableArray<RecordedStep> Steps);

/// <summary>A step of a <see cref="RecordedCondition"/>.</summary>
internal abstract record RecordedStep;

/// <summary><c>type</c> without "object": an object fails.</summary>
internal sealed record RecordedNotObject : RecordedStep;

/// <summary><c>required</c>: the recorded property <paramref name="Name"/> is present.</summary>
internal sealed record RecordedPresent(string Name) : RecordedStep;

/// <summary>A declared property: when present, its recorded value holds against <paramref name="Call"/>.</summary>
internal sealed record RecordedProperty(string Name, ValidatorCall Call) : RecordedStep;

/// <summary><c>not</c> (<paramref name="Negate"/>), <c>$ref</c> or an <c>allOf</c> branch: a nested condition.</summary>
internal sealed record RecordedNested(bool Negate, RecordedCondition Inner) : RecordedStep;

/// <summary><c>anyOf</c> (at least one) or <c>oneOf</c> (exactly one) of nested conditions.</summary>
internal sealed record RecordedCount(bool OneOf, ImmutableEquatableArray<RecordedCondition> Branches) : RecordedStep;
