using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;

namespace FactSchema.Generators.Evolution;

/// <summary>What a schema change can break, judged separately (a change may break several).</summary>
[Flags]
internal enum CompatibilityCategory
{
    None = 0,

    /// <summary>The new schema rejects a document the old one accepted (Confluent BACKWARD).</summary>
    WireRead = 1,

    /// <summary>The old schema rejects a document the new one accepts: old readers fail on new documents (FORWARD).</summary>
    WireWrite = 2,

    /// <summary>C# that compiled against the old generated types no longer compiles.</summary>
    Source = 4,

    /// <summary>A <c>$ref</c> from another file or assembly into this schema no longer resolves.</summary>
    Reference = 8,

    All = WireRead | WireWrite | Source | Reference,
}

/// <summary>The kinds of schema change the compatibility check tells apart, each with its own stable id (FS1001…).</summary>
internal enum ChangeKind
{
    FileRemoved,
    PropertyAdded,
    PropertyRemoved,
    PropertyBecameRequired,
    PropertyBecameOptional,
    TypeNarrowed,
    TypeWidened,
    TypeChanged,
    NullableAdded,
    NullableRemoved,
    EnumValueAdded,
    EnumValueRemoved,
    EnumValueRenamed,
    ConstChanged,
    FormatChanged,
    BoundTightened,
    BoundRelaxed,
    PatternChanged,
    AdditionalPropertiesClosed,
    AdditionalPropertiesOpened,
    PatternPropertyAdded,
    PatternPropertyRemoved,
    TupleItemAdded,
    TupleItemRemoved,
    TupleReordered,
    BranchAdded,
    BranchRemoved,
    DiscriminatorValueChanged,
    DiscriminatorLost,
    ConstraintChanged,
    SchemaIdChanged,
    DefinitionRemoved,
    Deprecated,
    TypeRemoved,
    MemberRemoved,
    MemberTypeChanged,
    MemberBecameRequired,
    EnumMemberRemoved,
    UnionVariantRemoved,
    ComparisonIncomplete,
}

/// <summary>One rule: its id, its kebab-case name (as <c>factschema diff</c> prints it) and its title.</summary>
internal sealed class CompatibilityRule
{
    private CompatibilityRule(ChangeKind kind, string id, string name, string title)
    {
        Kind = kind;
        Id = id;
        Name = name;
        Title = title;
    }

    public ChangeKind Kind { get; }

    public string Id { get; }

    public string Name { get; }

    public string Title { get; }

    public const string Category = "FactSchema.Compatibility";
    public const string HelpLinkBase = "https://github.com/factschema/factschema/blob/main/docs/evolution.md#";

    /// <summary>The documentation of this rule (docs/evolution.md).</summary>
    public string HelpLink => HelpLinkBase + Id.ToLowerInvariant();

    /// <summary>Every rule, in id order. Ids are stable: a rule that goes away leaves its id unused.</summary>
    public static IReadOnlyList<CompatibilityRule> All { get; } = new[]
    {
        new CompatibilityRule(ChangeKind.FileRemoved, "FS1001", "file-removed", "A schema file of the baseline is gone"),
        new CompatibilityRule(ChangeKind.PropertyAdded, "FS1002", "property-added", "A property was added"),
        new CompatibilityRule(ChangeKind.PropertyRemoved, "FS1003", "property-removed", "A property was removed"),
        new CompatibilityRule(ChangeKind.PropertyBecameRequired, "FS1004", "property-became-required", "A property became required"),
        new CompatibilityRule(ChangeKind.PropertyBecameOptional, "FS1005", "property-became-optional", "A property became optional"),
        new CompatibilityRule(ChangeKind.TypeNarrowed, "FS1006", "type-narrowed", "The type allows fewer kinds of value"),
        new CompatibilityRule(ChangeKind.TypeWidened, "FS1007", "type-widened", "The type allows more kinds of value"),
        new CompatibilityRule(ChangeKind.TypeChanged, "FS1008", "type-changed", "The type changed"),
        new CompatibilityRule(ChangeKind.NullableAdded, "FS1009", "nullable-added", "null became allowed"),
        new CompatibilityRule(ChangeKind.NullableRemoved, "FS1010", "nullable-removed", "null is no longer allowed"),
        new CompatibilityRule(ChangeKind.EnumValueAdded, "FS1011", "enum-value-added", "An enum value was added"),
        new CompatibilityRule(ChangeKind.EnumValueRemoved, "FS1012", "enum-value-removed", "An enum value was removed"),
        new CompatibilityRule(ChangeKind.EnumValueRenamed, "FS1013", "enum-value-renamed", "An enum value was renamed"),
        new CompatibilityRule(ChangeKind.ConstChanged, "FS1014", "const-changed", "A const was added, removed or changed"),
        new CompatibilityRule(ChangeKind.FormatChanged, "FS1015", "format-changed", "A format was added, removed or changed"),
        new CompatibilityRule(ChangeKind.BoundTightened, "FS1016", "bound-tightened", "A bound was tightened"),
        new CompatibilityRule(ChangeKind.BoundRelaxed, "FS1017", "bound-relaxed", "A bound was relaxed"),
        new CompatibilityRule(ChangeKind.PatternChanged, "FS1018", "pattern-changed", "A pattern was added, removed or changed"),
        new CompatibilityRule(ChangeKind.AdditionalPropertiesClosed, "FS1019", "additional-properties-closed", "The object no longer accepts other properties"),
        new CompatibilityRule(ChangeKind.AdditionalPropertiesOpened, "FS1020", "additional-properties-opened", "The object now accepts other properties"),
        new CompatibilityRule(ChangeKind.PatternPropertyAdded, "FS1021", "pattern-property-added", "A patternProperties entry was added"),
        new CompatibilityRule(ChangeKind.PatternPropertyRemoved, "FS1022", "pattern-property-removed", "A patternProperties entry was removed"),
        new CompatibilityRule(ChangeKind.TupleItemAdded, "FS1023", "tuple-item-added", "A tuple position was added"),
        new CompatibilityRule(ChangeKind.TupleItemRemoved, "FS1024", "tuple-item-removed", "A tuple position was removed"),
        new CompatibilityRule(ChangeKind.TupleReordered, "FS1025", "tuple-reordered", "Tuple positions were reordered"),
        new CompatibilityRule(ChangeKind.BranchAdded, "FS1026", "branch-added", "An allOf/anyOf/oneOf branch was added"),
        new CompatibilityRule(ChangeKind.BranchRemoved, "FS1027", "branch-removed", "An allOf/anyOf/oneOf branch was removed"),
        new CompatibilityRule(ChangeKind.DiscriminatorValueChanged, "FS1028", "discriminator-value-changed", "A discriminator value changed"),
        new CompatibilityRule(ChangeKind.DiscriminatorLost, "FS1029", "discriminator-lost", "A union lost the property that told its branches apart"),
        new CompatibilityRule(ChangeKind.ConstraintChanged, "FS1030", "constraint-changed", "Another constraint was added, removed or changed"),
        new CompatibilityRule(ChangeKind.SchemaIdChanged, "FS1031", "schema-id-changed", "A schema's $id or $anchor changed"),
        new CompatibilityRule(ChangeKind.DefinitionRemoved, "FS1032", "definition-removed", "A $defs entry was removed or renamed"),
        new CompatibilityRule(ChangeKind.Deprecated, "FS1033", "deprecated", "A schema became deprecated"),
        new CompatibilityRule(ChangeKind.TypeRemoved, "FS1034", "type-removed", "A generated C# type is gone or renamed"),
        new CompatibilityRule(ChangeKind.MemberRemoved, "FS1035", "member-removed", "A generated C# member is gone or renamed"),
        new CompatibilityRule(ChangeKind.MemberTypeChanged, "FS1036", "member-type-changed", "A generated C# member changed type"),
        new CompatibilityRule(ChangeKind.MemberBecameRequired, "FS1037", "member-became-required", "A generated C# member became required"),
        new CompatibilityRule(ChangeKind.EnumMemberRemoved, "FS1038", "enum-member-removed", "A generated C# enum member is gone or renamed"),
        new CompatibilityRule(ChangeKind.UnionVariantRemoved, "FS1039", "union-variant-removed", "A generated C# union variant is gone or renamed"),
        new CompatibilityRule(ChangeKind.ComparisonIncomplete, "FS1040", "comparison-incomplete", "The schemas are too large to compare completely"),
    };

    private static readonly Dictionary<ChangeKind, CompatibilityRule> s_byKind = Index();

    public static CompatibilityRule For(ChangeKind kind) => s_byKind[kind];

    /// <summary>The rule with this id or name (case-insensitive), or null.</summary>
    public static CompatibilityRule? Find(string idOrName)
    {
        foreach (var rule in All)
        {
            if (string.Equals(rule.Id, idOrName, StringComparison.OrdinalIgnoreCase) || string.Equals(rule.Name, idOrName, StringComparison.OrdinalIgnoreCase))
            {
                return rule;
            }
        }

        return null;
    }

    /// <summary>The descriptor the build reports this rule with, at the policy's severity.</summary>
    public DiagnosticDescriptor Descriptor(bool asError)
        => asError ? _error ??= Create(DiagnosticSeverity.Error) : _warning ??= Create(DiagnosticSeverity.Warning);

    private DiagnosticDescriptor? _warning;
    private DiagnosticDescriptor? _error;

    private DiagnosticDescriptor Create(DiagnosticSeverity severity)
        => new(Id, Title, "{0} ({1}; breaks {2}; baseline: {3})", Category, severity, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + Id.ToLowerInvariant());

    /// <summary>"WIRE_READ, SOURCE": the policy names of the categories in <paramref name="categories"/>.</summary>
    public static string Describe(CompatibilityCategory categories)
    {
        if (categories == CompatibilityCategory.None)
        {
            return "nothing";
        }

        var builder = new StringBuilder();
        void Add(CompatibilityCategory flag, string name)
        {
            if ((categories & flag) != 0)
            {
                builder.Append(builder.Length == 0 ? string.Empty : ", ").Append(name);
            }
        }

        Add(CompatibilityCategory.WireRead, "WIRE_READ");
        Add(CompatibilityCategory.WireWrite, "WIRE_WRITE");
        Add(CompatibilityCategory.Source, "SOURCE");
        Add(CompatibilityCategory.Reference, "REFERENCE");
        return builder.ToString();
    }

    private static Dictionary<ChangeKind, CompatibilityRule> Index()
    {
        var map = new Dictionary<ChangeKind, CompatibilityRule>();
        foreach (var rule in All)
        {
            map.Add(rule.Kind, rule);
        }

        foreach (ChangeKind kind in Enum.GetValues(typeof(ChangeKind)))
        {
            if (!map.ContainsKey(kind))
            {
                throw new InvalidOperationException("No compatibility rule for " + kind);
            }
        }

        return map;
    }
}
