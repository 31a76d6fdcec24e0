using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using FactSchema.Generators.Common;
using FactSchema.Generators.Schema;

namespace FactSchema.Generators.Mapping;

/// <summary>
/// Assigns every schema that becomes a C# type (objects with <c>properties</c>, string <c>enum</c>s)
/// a name that is unique in its namespace. Deterministic: files are visited in path order, roots
/// first (a root's name is its contract), then <c>$defs</c>, then inline schemas named after their parent.
/// </summary>
internal static class TypeNamer
{
    /// <summary>Member names every generated record has; a type may not share its name with one (CS0542).</summary>
    private static readonly IEnumerable<string> s_reservedTypeNames = TypeModelMapper.ReservedMemberNames;

    public static SchemaSet Build(IEnumerable<SchemaDocument> documents, CancellationToken cancellationToken)
    {
        // $vocabulary first: which keywords a file uses can depend on another file (its meta-schema).
        var ordered = Vocabularies.Apply(
            documents
                .OrderBy(d => d.RelativePath, StringComparer.Ordinal)
                .ThenBy(d => d.FilePath, StringComparer.Ordinal)
                .ToList(),
            cancellationToken);
        return new Naming(ordered, cancellationToken).Run();
    }

    /// <summary>One naming of a set of files: the names taken so far and the passes that take them, in order.</summary>
    private sealed class Naming
    {
        private readonly IReadOnlyList<SchemaDocument> _ordered;
        private readonly CancellationToken _cancellationToken;
        private readonly Dictionary<string, HashSet<string>> _takenByNamespace = new(StringComparer.Ordinal);
        private readonly Dictionary<(string Namespace, string Name), string> _ownerOfRootName = new();
        private readonly List<NamedTypeEntry> _entries = new();
        private readonly Dictionary<(string File, string Pointer), NamedTypeEntry> _byLocation = new();
        private readonly List<NameCollision> _collisions = new();
        private readonly SchemaResolver _resolver;
        private readonly List<(SchemaDocument Document, SchemaNode Node, NamedTypeEntry Entry)> _unionNodes = new();
        private readonly List<(SchemaDocument Document, SchemaNode Node, NamedTypeEntry Entry)> _objectsWithAllOf = new();
        private readonly Dictionary<string, string> _rootNames = new(StringComparer.Ordinal);
        private readonly List<NamedTypeEntry> _schemaClasses = new();
        private readonly Dictionary<(string File, string Pointer), (string File, string Pointer)> _baseOf = new();

        public Naming(IReadOnlyList<SchemaDocument> ordered, CancellationToken cancellationToken)
        {
            _ordered = ordered;
            _cancellationToken = cancellationToken;
            _resolver = new SchemaResolver(ordered);
        }

        public SchemaSet Run()
        {
            NameRoots();
            NameSchemaClasses();
            foreach (var document in _ordered)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                if (document.Root is { } root)
                {
                    NameFile(document, root);
                }
            }

            var unions = LinkUnions();
            var inheritance = LinkBases();
            return new SchemaSet(_ordered.ToImmutableEquatableArray(), _entries.ToImmutableEquatableArray(), _collisions.ToImmutableEquatableArray(), _schemaClasses.ToImmutableEquatableArray(), unions.ToImmutableEquatableArray(), inheritance.ToImmutableEquatableArray());
        }

        private HashSet<string> Taken(string ns)
        {
            if (!_takenByNamespace.TryGetValue(ns, out var set))
            {
                set = new HashSet<string>(s_reservedTypeNames, StringComparer.Ordinal);
                _takenByNamespace.Add(ns, set);
            }

            return set;
        }

        private string Claim(string ns, string candidate, NamedTypeKind kind)
        {
            candidate = Shorten(candidate);
            var taken = Taken(ns);
            var name = candidate;
            for (var i = 2; taken.Contains(Identifiers.Bare(name)) || (kind == NamedTypeKind.Enum && taken.Contains(Identifiers.Bare(name) + "JsonConverter")); i++)
            {
                name = Identifiers.Bare(candidate) + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            taken.Add(Identifiers.Bare(name));
            if (kind == NamedTypeKind.Enum)
            {
                taken.Add(Identifiers.Bare(name) + "JsonConverter");
            }

            return name;
        }

        /// <summary>Pass 1: roots (a root's name is its contract).</summary>
        private void NameRoots()
        {
            foreach (var document in _ordered)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                if (document.Root is not { } root)
                {
                    continue;
                }

                var candidate = RootCandidate(document);
                _rootNames[document.FilePath] = Identifiers.Bare(candidate);
                if (Classify(root, AllOfBranchIsObject(_resolver, document)) is not { } kind)
                {
                    continue;
                }

                var taken = Taken(document.Namespace);
                if (taken.Contains(Identifiers.Bare(candidate)) && _ownerOfRootName.TryGetValue((document.Namespace, Identifiers.Bare(candidate)), out var owner))
                {
                    _collisions.Add(new NameCollision(document.FilePath, root.Span, Identifiers.Bare(candidate), document.Namespace, owner));
                }

                var name = Claim(document.Namespace, candidate, kind);
                _ownerOfRootName[(document.Namespace, Identifiers.Bare(name))] = document.RelativePath;
                var rootEntry = new NamedTypeEntry(document.FilePath, root.Pointer, document.Namespace, name, kind);
                _entries.Add(rootEntry);
                _byLocation[(document.FilePath, root.Pointer)] = rootEntry;
                if (kind == NamedTypeKind.Union)
                {
                    _unionNodes.Add((document, root, rootEntry));
                }
                else if (kind == NamedTypeKind.Object && root.AllOf.Count > 0)
                {
                    _objectsWithAllOf.Add((document, root, rootEntry));
                }
            }
        }

        /// <summary>Pass 1b: every file's static schema class (validation entry points), after the root types.</summary>
        private void NameSchemaClasses()
        {
            foreach (var document in _ordered)
            {
                if (document.Root is { } root)
                {
                    var name = Claim(document.Namespace, Identifiers.Bare(RootCandidate(document)) + "Schema", NamedTypeKind.Object);
                    _schemaClasses.Add(new NamedTypeEntry(document.FilePath, root.Pointer, document.Namespace, name, NamedTypeKind.Object));
                }
            }
        }

        /// <summary>Pass 2, per file: definitions, then inline schemas, named after their parents.</summary>
        private void NameFile(SchemaDocument document, SchemaNode root)
        {
            var rootName = _rootNames[document.FilePath];
            var named = new HashSet<string>(StringComparer.Ordinal);
            if (_byLocation.ContainsKey((document.FilePath, root.Pointer)))
            {
                named.Add(root.Pointer);
            }

            var file = new FileNaming(document, rootName, named);
            // Definitions anywhere in the file, named after their key.
            var definitions = new List<SchemaDefinition>();
            CollectDefinitions(root, definitions);
            foreach (var definition in definitions)
            {
                NameTree(file, definition.Schema, Identifiers.Bare(Identifiers.ToPascalCase(definition.Name, "Definition")), preferBaseName: true);
            }

            NameTree(file, root, rootName, preferBaseName: true);
        }

        /// <summary>Names <paramref name="node"/> when it becomes a type (after <paramref name="baseName"/>), then its subschemas.</summary>
        private void NameTree(FileNaming file, SchemaNode node, string baseName, bool preferBaseName, NamedTypeKind? force = null)
        {
            if (!file.Named.Contains(node.Pointer) && (force ?? Classify(node, AllOfBranchIsObject(_resolver, file.Document))) is { } kind)
            {
                var candidate = baseName;
                if (!preferBaseName || Taken(file.Document.Namespace).Contains(candidate))
                {
                    candidate = preferBaseName ? file.RootName + baseName : baseName;
                }

                var name = Claim(file.Document.Namespace, candidate, kind);
                var entry = new NamedTypeEntry(file.Document.FilePath, node.Pointer, file.Document.Namespace, name, kind);
                _entries.Add(entry);
                _byLocation[(file.Document.FilePath, node.Pointer)] = entry;
                file.Named.Add(node.Pointer);
                baseName = Identifiers.Bare(name);
                if (kind == NamedTypeKind.Union)
                {
                    _unionNodes.Add((file.Document, node, entry));
                }
                else if (kind == NamedTypeKind.Object && node.AllOf.Count > 0)
                {
                    _objectsWithAllOf.Add((file.Document, node, entry));
                }
            }
            else if (_byLocation.TryGetValue((file.Document.FilePath, node.Pointer), out var existing))
            {
                baseName = Identifiers.Bare(existing.Name);
            }

            NameChildren(file, node, baseName);
        }

        /// <summary>Names the subschemas of <paramref name="node"/>, each after <paramref name="baseName"/> and its place.</summary>
        private void NameChildren(FileNaming file, SchemaNode node, string baseName)
        {
            if (node.Properties is { } properties)
            {
                foreach (var property in properties)
                {
                    NameTree(file, property.Schema, baseName + Identifiers.Bare(Identifiers.ToPascalCase(property.Name, "Property")), preferBaseName: false);
                }
            }

            if (node.Items is { } items)
            {
                NameTree(file, items, baseName + "Item", preferBaseName: false);
            }

            if (node.AdditionalProperties is { } additional)
            {
                NameTree(file, additional, baseName + "Value", preferBaseName: false);
            }

            foreach (var pattern in node.PatternProperties ?? ImmutableEquatableArray<SchemaProperty>.Empty)
            {
                NameTree(file, pattern.Schema, baseName + "Value", preferBaseName: false);
            }

            var prefixItems = node.PrefixItems ?? ImmutableEquatableArray<SchemaNode>.Empty;
            for (var i = 0; i < prefixItems.Count; i++)
            {
                NameTree(file, prefixItems[i], baseName + "Item" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), preferBaseName: false);
            }

            if (Composition.IsUnion(node))
            {
                // Branches are named after their title, their discriminator value, or their position.
                var branches = Composition.UnionBranches(node);
                var discriminator = Composition.FindDiscriminator(_resolver, file.Document, branches, node);
                for (var i = 0; i < branches.Count; i++)
                {
                    if (branches[i].Ref is null)
                    {
                        // With shared properties every branch is a record (it gets them), even one that only adds "required".
                        var force = Composition.HasSharedProperties(node) ? NamedTypeKind.Object : (NamedTypeKind?)null;
                        NameTree(file, branches[i], BranchCandidate(branches[i], discriminator?.Values[i], baseName, i), preferBaseName: false, force);
                    }
                }

                return;
            }

            foreach (var branch in node.AnyOf.Concat(node.OneOf).Concat(node.AllOf))
            {
                if (IsPassThrough(node, branch))
                {
                    NameTree(file, branch, baseName, preferBaseName: false);
                }
                else if (branch.Ref is null && node.AllOf.Contains(branch) && _byLocation.TryGetValue((file.Document.FilePath, node.Pointer), out var merged) && merged.Kind == NamedTypeKind.Object)
                {
                    // An allOf merged into this record: the branch's members belong to it.
                    NameChildren(file, branch, baseName);
                }
            }
        }

        /// <summary>
        /// Pass 3: union variants, once every type has its name. A generated record or union becomes a variant by deriving
        /// from the first union (in naming order) that lists it; anything else is wrapped.
        /// </summary>
        private List<UnionEntry> LinkUnions()
        {
            var unions = new List<UnionEntry>();
            foreach (var (document, node, entry) in _unionNodes)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                var branches = Composition.UnionBranches(node);
                var discriminator = Composition.FindDiscriminator(_resolver, document, branches, node);
                var variants = new List<UnionVariantEntry>();
                var inThisUnion = new HashSet<(string, string)>();
                for (var i = 0; i < branches.Count; i++)
                {
                    var branch = branches[i];
                    var target = Composition.Resolve(_resolver, document, branch);
                    var key = target is { } t ? (t.Document.FilePath, t.Node.Pointer) : (document.FilePath, branch.Pointer);
                    var value = discriminator?.Values[i];
                    if (target is not null
                        && _byLocation.TryGetValue(key, out var variantType)
                        && variantType.Kind is NamedTypeKind.Object or NamedTypeKind.Union
                        && !_baseOf.ContainsKey(key)
                        && inThisUnion.Add(key)
                        && !IsAncestor(_baseOf, key, (entry.FilePath, entry.Pointer)))
                    {
                        _baseOf[key] = (entry.FilePath, entry.Pointer);
                        variants.Add(new UnionVariantEntry(branch.Pointer, key.Item1, key.Item2, Owned: true, variantType.FullName, value));
                    }
                    else
                    {
                        var suffix = target is { } resolved && _byLocation.TryGetValue(key, out var wrappedType)
                            ? Identifiers.Bare(wrappedType.Name)
                            : Identifiers.Bare(BranchCandidate(target?.Node ?? branch, value, string.Empty, i));
                        var name = Claim(entry.Namespace, Identifiers.Bare(entry.Name) + suffix, NamedTypeKind.Object);
                        variants.Add(new UnionVariantEntry(branch.Pointer, key.Item1, key.Item2, Owned: false, Identifiers.Bare(name), value));
                    }
                }

                unions.Add(new UnionEntry(entry.FilePath, entry.Pointer, entry.FullName, discriminator?.Name, variants.ToImmutableEquatableArray()));
            }

            return unions;
        }

        /// <summary>
        /// Pass 4: an object whose allOf has a $ref to another generated record derives from it (the first such branch), so
        /// it can be used where the base is expected; union variants keep their union as base.
        /// </summary>
        private List<InheritanceEntry> LinkBases()
        {
            var inheritance = new List<InheritanceEntry>();
            foreach (var (document, node, entry) in _objectsWithAllOf)
            {
                var key = (entry.FilePath, entry.Pointer);
                if (_baseOf.ContainsKey(key))
                {
                    continue;
                }

                foreach (var branch in node.AllOf)
                {
                    if (branch.Ref is not null
                        && Composition.Resolve(_resolver, document, branch) is { } target
                        && _byLocation.TryGetValue((target.Document.FilePath, target.Node.Pointer), out var baseType)
                        && baseType.Kind == NamedTypeKind.Object
                        && !IsAncestor(_baseOf, key, (baseType.FilePath, baseType.Pointer)))
                    {
                        _baseOf[key] = (baseType.FilePath, baseType.Pointer);
                        inheritance.Add(new InheritanceEntry(entry.FilePath, entry.Pointer, baseType.FilePath, baseType.Pointer, baseType.FullName));
                        break;
                    }
                }
            }

            return inheritance;
        }

        /// <summary>What naming one file's inline schemas needs: the file, its root's name, the pointers named so far.</summary>
        private sealed record FileNaming(SchemaDocument Document, string RootName, HashSet<string> Named);
    }

    /// <summary>
    /// Judges an allOf branch: true when it (through its <c>$ref</c>s) describes an object, false when it describes
    /// another type (a string, an array), null when it says nothing about the type (for example only <c>required</c>).
    /// </summary>
    private static Func<SchemaNode, bool?> AllOfBranchIsObject(SchemaResolver resolver, SchemaDocument document) => branch =>
    {
        var target = Composition.Resolve(resolver, document, branch)?.Node;
        if (target is null)
        {
            return branch.Ref is not null ? true : null;
        }

        var types = target.Types?.Where(t => t != "null").ToList();
        if (types is { Count: > 0 })
        {
            return types.Count == 1 && types[0] == "object";
        }

        if (target.Properties is not null || target.AllOf.Count > 0)
        {
            return true;
        }

        return target.Items is not null || target.Enum is not null || target.Const is not null || Composition.IsUnion(target) ? false : null;
    };

    /// <summary>The last meaningful segment of a reference: <c>evidence</c> for <c>…/evidence.schema.json</c>, <c>amount</c> for <c>#/$defs/amount</c>.</summary>
    private static string ReferenceStem(string reference)
    {
        var hash = reference.IndexOf('#');
        var fragment = hash >= 0 ? reference.Substring(hash + 1) : string.Empty;
        var path = hash >= 0 ? reference.Substring(0, hash) : reference;
        var text = fragment.Trim('/').Length > 0 ? fragment : path;
        var stem = text.TrimEnd('/');
        stem = stem.Substring(stem.LastIndexOf('/') + 1);
        foreach (var suffix in new[] { ".schema.json", ".json" })
        {
            if (stem.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return stem.Substring(0, stem.Length - suffix.Length);
            }
        }

        return stem;
    }

    /// <summary>Whether <paramref name="candidate"/> is <paramref name="union"/> or one of the unions it derives from (no inheritance cycles).</summary>
    private static bool IsAncestor(Dictionary<(string, string), (string, string)> baseOf, (string, string) candidate, (string, string) union)
    {
        var current = union;
        for (var guard = 0; guard < 1000; guard++)
        {
            if (current.Equals(candidate))
            {
                return true;
            }

            if (!baseOf.TryGetValue(current, out current))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The name stem of a union branch: its title; else its discriminator value before the union's name
    /// (<c>quote</c> in <c>Statement</c> gives <c>QuoteStatement</c>); else the union's name and the first required
    /// member, the format of a string, the JSON type, or the position.
    /// </summary>
    private static string BranchCandidate(SchemaNode branch, string? discriminatorValue, string unionName, int index)
    {
        if (branch.Title is { } title && Identifiers.ToPascalCase(title, string.Empty) is { Length: > 0 } fromTitle)
        {
            return fromTitle;
        }

        if (discriminatorValue is not null && Identifiers.ToPascalCase(discriminatorValue, string.Empty) is { Length: > 0 } fromValue)
        {
            return Identifiers.Bare(fromValue) + unionName;
        }

        if (branch.Ref is { } reference && Identifiers.ToPascalCase(ReferenceStem(reference), string.Empty) is { Length: > 0 } fromReference)
        {
            // A reference this compilation cannot see into (another assembly's schema): named after its target.
            return unionName + Identifiers.Bare(fromReference);
        }

        if (branch.Properties is not null && branch.Required.FirstOrDefault() is { } first && Identifiers.ToPascalCase(first, string.Empty) is { Length: > 0 } fromMember)
        {
            // An object branch without a title: named after the member it requires first ("AmountMin").
            return unionName + Identifiers.Bare(fromMember);
        }

        var type = Composition.ScalarType(branch) ?? (branch.Types is { } types ? types.FirstOrDefault(t => t != "null") : null)
            ?? (branch.Properties is not null ? "object" : branch.Items is not null ? "array" : null);
        if (type == "string" && branch.Format is { } format && Identifiers.ToPascalCase(format, string.Empty) is { Length: > 0 } fromFormat)
        {
            // Branches of one JSON type told apart by format (Pydantic's Union[date, datetime]): "WhenDate", "WhenDateTime".
            return unionName + Identifiers.Bare(fromFormat);
        }

        return type is not null
            ? unionName + Identifiers.Bare(Identifiers.ToPascalCase(type, "Value"))
            : unionName + "Option" + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The longest type name we emit; metadata names are limited to 512 characters (CS0645).</summary>
    internal const int MaxNameLength = 120;

    /// <summary>Long names (deeply nested inline schemas) keep their start and get a stable hash of the rest.</summary>
    internal static string Shorten(string name)
    {
        var bare = Identifiers.Bare(name);
        if (bare.Length <= MaxNameLength)
        {
            return name;
        }

        unchecked
        {
            var hash = 2166136261u;
            foreach (var c in bare)
            {
                hash = (hash ^ c) * 16777619u;
            }

            return bare.Substring(0, MaxNameLength - 9) + "_" + hash.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Whether a schema becomes a generated type of its own, judged from the schema alone.</summary>
    /// <param name="node">The schema.</param>
    /// <param name="allOfBranchIsObject">Whether an <c>allOf</c> branch (followed through <c>$ref</c>s) describes an object, or null to judge from the schema alone.</param>
    public static NamedTypeKind? Classify(SchemaNode node, Func<SchemaNode, bool?>? allOfBranchIsObject = null)
    {
        if (node.Ref is not null || node.BooleanValue is not null)
        {
            return null;
        }

        var types = node.Types;
        bool Allows(string type) => types is null || types.Contains(type);
        var nonNullTypes = types?.Where(t => t != "null").ToList();

        if (node.AnyOf.Count > 0 || node.OneOf.Count > 0)
        {
            return !Composition.IsUnion(node) ? null : Composition.IsValueUnion(node) ? NamedTypeKind.ValueUnion : NamedTypeKind.Union;
        }

        if (node.AllOf.Count > 0)
        {
            // allOf of objects merges into one record; a lone allOf branch with nothing beside it passes through.
            var isObject = nonNullTypes is null || (nonNullTypes.Count == 1 && nonNullTypes[0] == "object");
            var judged = node.AllOf.Select(b => allOfBranchIsObject?.Invoke(b) ?? (b.Ref is not null || b.Properties is not null || b.AllOf.Count > 0 ? true : null)).ToList();
            var declaresMembers = node.Properties is not null || judged.Any(j => j == true);
            return isObject && declaresMembers && !judged.Any(j => j == false) && (node.AllOf.Count > 1 || node.Properties is not null) ? NamedTypeKind.Object : null;
        }

        if (Composition.TypeUnionMembers(node) is not null)
        {
            return NamedTypeKind.ValueUnion;
        }

        if (node.Properties is not null && (nonNullTypes is null || (nonNullTypes.Count == 1 && nonNullTypes[0] == "object")))
        {
            return NamedTypeKind.Object;
        }

        if (node.Enum is { Count: > 0 } values
            && values.Any(v => v.Kind == Json.JsonKind.String)
            && values.All(v => v.Kind is Json.JsonKind.String || (v.Kind == Json.JsonKind.Null && Allows("null")))
            && (nonNullTypes is null || (nonNullTypes.Count == 1 && nonNullTypes[0] == "string")))
        {
            return NamedTypeKind.Enum;
        }

        return null;
    }

    /// <summary>
    /// Composition that does not change the type: <c>allOf</c> with one branch, or
    /// <c>anyOf</c>/<c>oneOf</c> of a schema and <c>{"type": "null"}</c>.
    /// </summary>
    public static bool IsPassThrough(SchemaNode parent, SchemaNode branch)
    {
        if (parent.AllOf.Count == 1 && parent.AnyOf.Count == 0 && parent.OneOf.Count == 0 && parent.Properties is null && ReferenceEquals(parent.AllOf[0], branch))
        {
            return true;
        }

        var union = parent.AnyOf.Count > 0 ? parent.AnyOf : parent.OneOf;
        return parent.AllOf.Count == 0
            && (parent.AnyOf.Count == 0 || parent.OneOf.Count == 0)
            && union.Count == 2
            && union.Any(IsNullSchema)
            && !IsNullSchema(branch)
            && union.Contains(branch);
    }

    public static bool IsNullSchema(SchemaNode node)
        => node.Types is { Count: 1 } types && types[0] == "null" && node.Properties is null && node.Ref is null;

    private static void CollectDefinitions(SchemaNode node, List<SchemaDefinition> result)
    {
        foreach (var definition in node.Definitions)
        {
            result.Add(definition);
            CollectDefinitions(definition.Schema, result);
        }

        foreach (var child in node.Subschemas())
        {
            CollectDefinitions(child, result);
        }
    }

    private static string RootCandidate(SchemaDocument document)
    {
        if (!string.IsNullOrWhiteSpace(document.TypeName))
        {
            return Identifiers.ToPascalCase(document.TypeName, "Schema");
        }

        if (document.Root?.Title is { } title && Identifiers.ToPascalCase(title, string.Empty) is { Length: > 0 } fromTitle)
        {
            return fromTitle;
        }

        var fileName = Path.GetFileName(document.RelativePath);
        foreach (var suffix in new[] { ".schema.json", ".json" })
        {
            if (fileName.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                fileName = fileName.Substring(0, fileName.Length - suffix.Length);
                break;
            }
        }

        return Identifiers.ToPascalCase(fileName, "Schema");
    }
}
