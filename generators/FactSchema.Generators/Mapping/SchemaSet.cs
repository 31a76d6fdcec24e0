using System;
using System.Collections.Generic;
using System.Linq;
using FactSchema.Generators.Common;
using FactSchema.Generators.Json;
using FactSchema.Generators.Schema;

namespace FactSchema.Generators.Mapping;

/// <summary>
/// All schema files of the compilation, plus the type names assigned to them. Cross-file <c>$ref</c>s
/// need every file; naming needs every file so that names are unique per namespace.
/// </summary>
/// <remarks>
/// Equality is structural over the three arrays only. The indexes every per-file mapping needs (the
/// <c>$ref</c> resolver, names by location, hint names) are built once per set and shared, so that mapping
/// n files costs O(n), not O(n²); they are derived data and take no part in equality.
/// </remarks>
internal sealed class SchemaSet : IEquatable<SchemaSet>
{
    private readonly object _gate = new();
    private SchemaResolver? _resolver;
    private SchemaIndex? _index;
    private SetLookups? _lookups;

    public SchemaSet(ImmutableEquatableArray<SchemaDocument> documents, ImmutableEquatableArray<NamedTypeEntry> names, ImmutableEquatableArray<NameCollision> collisions, ImmutableEquatableArray<NamedTypeEntry>? schemaClasses = null, ImmutableEquatableArray<UnionEntry>? unions = null, ImmutableEquatableArray<InheritanceEntry>? inheritance = null)
    {
        Inheritance = inheritance ?? ImmutableEquatableArray<InheritanceEntry>.Empty;
        Documents = documents;
        Names = names;
        Collisions = collisions;
        SchemaClasses = schemaClasses ?? ImmutableEquatableArray<NamedTypeEntry>.Empty;
        Unions = unions ?? ImmutableEquatableArray<UnionEntry>.Empty;
    }

    /// <summary>The set's copy of the file at this path (the one later stages read), or null when the set does not hold it.</summary>
    public SchemaDocument? DocumentFor(string filePath)
        => Lookups.DocumentsByPath.TryGetValue(filePath, out var found) ? found : null;

    /// <summary>Records that derive from another record (allOf with a $ref to it).</summary>
    public ImmutableEquatableArray<InheritanceEntry> Inheritance { get; }

    /// <summary>The record the record at this location derives from (allOf), or null.</summary>
    public InheritanceEntry? RecordBaseOf(string filePath, string pointer)
        => Lookups.RecordBases.TryGetValue((filePath, pointer), out var entry) ? entry : null;

    /// <summary>Whether other records derive from the record at this location (it is then not sealed).</summary>
    public bool IsRecordBase(string filePath, string pointer) => Lookups.RecordBaseLocations.Contains((filePath, pointer));

    /// <summary>Every union type with its variants (which generated types derive from it, which are wrapped).</summary>
    public ImmutableEquatableArray<UnionEntry> Unions { get; }

    /// <summary>The union type declared at this location, or null.</summary>
    public UnionEntry? UnionAt(string filePath, string pointer)
        => Lookups.UnionsByLocation.TryGetValue((filePath, pointer), out var union) ? union : null;

    /// <summary>The unions declared in this file, in the set's order.</summary>
    public IReadOnlyList<UnionEntry> UnionsIn(string filePath)
        => Lookups.UnionsByFile.TryGetValue(filePath, out var unions) ? unions : Array.Empty<UnionEntry>();

    /// <summary>The unions that have the generated type at this location as a variant, in the set's order.</summary>
    public IReadOnlyList<UnionEntry> UnionsWithVariant(string filePath, string pointer)
        => Lookups.UnionsByVariant.TryGetValue((filePath, pointer), out var unions) ? unions : Array.Empty<UnionEntry>();

    /// <summary>Every discriminated union of the set, by location (<c>SchemaRef.Key</c>), for the validators; built once per set.</summary>
    public IReadOnlyDictionary<string, Validation.ValidationDiscriminator> Discriminators => Lookups.Discriminators;

    /// <summary>The union the generated type at this location derives from, or null.</summary>
    public string? BaseTypeOf(string filePath, string pointer)
        => Lookups.BaseTypes.TryGetValue((filePath, pointer), out var name) ? name : null;

    /// <summary>The static <c>…Schema</c> class of each file (its validation entry points).</summary>
    public ImmutableEquatableArray<NamedTypeEntry> SchemaClasses { get; }

    /// <summary>The bare name of the file's static schema class, or null when the file has none.</summary>
    public string? SchemaClassNameFor(SchemaDocument document)
        => Lookups.SchemaClassNames.TryGetValue(document.FilePath, out var name) ? name : null;

    public ImmutableEquatableArray<SchemaDocument> Documents { get; }

    public ImmutableEquatableArray<NamedTypeEntry> Names { get; }

    /// <summary>The named types of this file, in the set's order.</summary>
    public IReadOnlyList<NamedTypeEntry> NamesIn(string filePath)
        => Lookups.NamesByFile.TryGetValue(filePath, out var names) ? names : Array.Empty<NamedTypeEntry>();

    /// <summary>The first named type with this full name (<c>global::</c>-qualified), or null.</summary>
    public NamedTypeEntry? NamedTypeByFullName(string? fullName)
        => fullName is not null && Lookups.NamesByFullName.TryGetValue(fullName, out var entry) ? entry : null;

    public ImmutableEquatableArray<NameCollision> Collisions { get; }

    public SchemaResolver Resolver
    {
        get
        {
            lock (_gate)
            {
                return _resolver ??= new SchemaResolver(Documents);
            }
        }
    }

    /// <summary>Every schema location of the set and how <c>$ref</c>s resolve, for the validator compiler (with the bundled meta-schemas the documents refer to).</summary>
    public SchemaIndex Index
    {
        get
        {
            lock (_gate)
            {
                return _index ??= new SchemaIndex(Documents.Concat(MetaSchemas.NeededBy(Documents)));
            }
        }
    }

    /// <summary>The named type at each location (the last entry of a location wins).</summary>
    public IReadOnlyDictionary<(string File, string Pointer), NamedTypeEntry> NamesByLocation => Lookups.NamesByLocation;

    /// <summary>Stable, readable hint names from each schema's relative path, de-duplicated in path order.</summary>
    public string HintNameFor(SchemaDocument document)
        => Lookups.HintNames.TryGetValue(document.FilePath, out var name) ? name : TypeModelMapper.SanitizeHintName(document.RelativePath) + ".g.cs";

    private SetLookups Lookups
    {
        get
        {
            lock (_gate)
            {
                return _lookups ??= new SetLookups(this);
            }
        }
    }

    public bool Equals(SchemaSet? other)
        => other is not null && (ReferenceEquals(this, other) || (Documents.Equals(other.Documents) && Names.Equals(other.Names) && Collisions.Equals(other.Collisions) && SchemaClasses.Equals(other.SchemaClasses) && Unions.Equals(other.Unions) && Inheritance.Equals(other.Inheritance)));

    public override bool Equals(object? obj) => obj is SchemaSet other && Equals(other);

    public override int GetHashCode() => (Documents, Names, Collisions).GetHashCode();
}

internal enum NamedTypeKind
{
    Object,
    Enum,

    /// <summary>An abstract record over the branches of a <c>oneOf</c>/<c>anyOf</c>.</summary>
    Union,

    /// <summary>A struct over scalar types (a type union).</summary>
    ValueUnion,
}

/// <summary>The C# type assigned to the schema at <paramref name="Pointer"/> in <paramref name="FilePath"/>.</summary>
internal sealed record NamedTypeEntry(string FilePath, string Pointer, string Namespace, string Name, NamedTypeKind Kind)
{
    public string FullName => "global::" + (Namespace.Length == 0 ? string.Empty : Namespace + ".") + Identifiers.Bare(Name);
}

/// <summary>A root type name that another file already took.</summary>
internal sealed record NameCollision(string FilePath, SourceSpan Span, string Name, string Namespace, string OtherFile);

/// <summary>A union type and how each of its branches is represented; <c>Discriminator</c> is the JSON name of the property whose constant names the branch, or null.</summary>
internal sealed record UnionEntry(string FilePath, string Pointer, string FullName, string? Discriminator, ImmutableEquatableArray<UnionVariantEntry> Variants);

/// <summary>
/// One branch of a union (<c>BranchPointer</c> in the union's file), resolving to the schema at <c>TargetPointer</c> in
/// <c>TargetFile</c>. <c>Owned</c>: that schema is a generated record or union of this compilation that derives from
/// the union (<c>TypeName</c> is its full name); otherwise a wrapper record named <c>TypeName</c> (bare) in the
/// union's namespace holds the value.
/// </summary>
internal sealed record UnionVariantEntry(string BranchPointer, string TargetFile, string TargetPointer, bool Owned, string TypeName, string? DiscriminatorValue);

/// <summary>The record at <c>Pointer</c> in <c>FilePath</c> derives from the record at <c>BasePointer</c> in <c>BaseFilePath</c> (allOf with a $ref).</summary>
internal sealed record InheritanceEntry(string FilePath, string Pointer, string BaseFilePath, string BasePointer, string BaseFullName);

/// <summary>
/// The set's entries by file, location and name, built once per set: every per-file mapping asks these questions,
/// and answering them by scanning the whole set made mapping n files cost O(n²).
/// </summary>
internal sealed class SetLookups
{
    public SetLookups(SchemaSet set)
    {
        foreach (var document in set.Documents)
        {
            // The first document of a path, as the scans this replaced found it.
            if (!DocumentsByPath.ContainsKey(document.FilePath))
            {
                DocumentsByPath.Add(document.FilePath, document);
            }
        }

        foreach (var entry in set.Names)
        {
            NamesByLocation[(entry.FilePath, entry.Pointer)] = entry;
            Add(NamesByFile, entry.FilePath, entry);
            if (!NamesByFullName.ContainsKey(entry.FullName))
            {
                NamesByFullName.Add(entry.FullName, entry);
            }
        }

        foreach (var entry in set.Inheritance)
        {
            if (!RecordBases.ContainsKey((entry.FilePath, entry.Pointer)))
            {
                RecordBases.Add((entry.FilePath, entry.Pointer), entry);
            }

            RecordBaseLocations.Add((entry.BaseFilePath, entry.BasePointer));
        }

        foreach (var union in set.Unions)
        {
            if (!UnionsByLocation.ContainsKey((union.FilePath, union.Pointer)))
            {
                UnionsByLocation.Add((union.FilePath, union.Pointer), union);
            }

            Add(UnionsByFile, union.FilePath, union);
            var seen = new HashSet<(string, string)>();
            foreach (var variant in union.Variants)
            {
                if (seen.Add((variant.TargetFile, variant.TargetPointer)))
                {
                    Add(UnionsByVariant, (variant.TargetFile, variant.TargetPointer), union);
                }
            }
        }

        foreach (var entry in set.SchemaClasses)
        {
            if (!SchemaClassNames.ContainsKey(entry.FilePath))
            {
                SchemaClassNames.Add(entry.FilePath, Identifiers.Bare(entry.Name));
            }
        }

        AddBaseTypes(set);
        AddDiscriminators(set);
        AddHintNames(set);
    }

    public Dictionary<string, SchemaDocument> DocumentsByPath { get; } = new(StringComparer.Ordinal);

    public Dictionary<(string File, string Pointer), NamedTypeEntry> NamesByLocation { get; } = new();

    /// <summary>The type each generated type derives from: its union when it is an owned variant, else its record base.</summary>
    public Dictionary<(string File, string Pointer), string> BaseTypes { get; } = new();

    public Dictionary<string, Validation.ValidationDiscriminator> Discriminators { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> HintNames { get; } = new(StringComparer.Ordinal);

    private void AddBaseTypes(SchemaSet set)
    {
        foreach (var union in set.Unions)
        {
            foreach (var variant in union.Variants)
            {
                if (variant.Owned)
                {
                    BaseTypes[(variant.TargetFile, variant.TargetPointer)] = union.FullName;
                }
            }
        }

        // A record base wins over a union (as it always has: it was written last).
        foreach (var entry in set.Inheritance)
        {
            BaseTypes[(entry.FilePath, entry.Pointer)] = entry.BaseFullName;
        }
    }

    private void AddDiscriminators(SchemaSet set)
    {
        foreach (var union in set.Unions)
        {
            if (union.Discriminator is not { } name)
            {
                continue;
            }

            var branches = new List<(int, string)>();
            foreach (var variant in union.Variants)
            {
                var segment = variant.BranchPointer.Substring(variant.BranchPointer.LastIndexOf('/') + 1);
                if (variant.DiscriminatorValue is { } value && int.TryParse(segment, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index))
                {
                    branches.Add((index, value));
                }
            }

            Discriminators[union.FilePath + "#" + union.Pointer] = new Validation.ValidationDiscriminator(name, branches.ToImmutableEquatableArray());
        }
    }

    /// <summary>Stable, readable hint names from each schema's relative path, de-duplicated in path order.</summary>
    private void AddHintNames(SchemaSet set)
    {
        var used = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var other in set.Documents)
        {
            var baseName = TypeModelMapper.SanitizeHintName(other.RelativePath);
            var hint = baseName;
            if (used.TryGetValue(baseName, out var count))
            {
                count++;
                hint = baseName + "_" + count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            used[baseName] = count;
            if (!HintNames.ContainsKey(other.FilePath))
            {
                HintNames.Add(other.FilePath, hint + ".g.cs");
            }
        }
    }

    public Dictionary<string, List<NamedTypeEntry>> NamesByFile { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, NamedTypeEntry> NamesByFullName { get; } = new(StringComparer.Ordinal);

    public Dictionary<(string File, string Pointer), InheritanceEntry> RecordBases { get; } = new();

    public HashSet<(string File, string Pointer)> RecordBaseLocations { get; } = new();

    public Dictionary<(string File, string Pointer), UnionEntry> UnionsByLocation { get; } = new();

    public Dictionary<string, List<UnionEntry>> UnionsByFile { get; } = new(StringComparer.Ordinal);

    public Dictionary<(string File, string Pointer), List<UnionEntry>> UnionsByVariant { get; } = new();

    public Dictionary<string, string> SchemaClassNames { get; } = new(StringComparer.Ordinal);

    private static void Add<TKey, TValue>(Dictionary<TKey, List<TValue>> map, TKey key, TValue value)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
        {
            list = new List<TValue>();
            map.Add(key, list);
        }

        list.Add(value);
    }
}
