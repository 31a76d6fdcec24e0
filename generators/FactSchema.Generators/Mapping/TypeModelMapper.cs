using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using FactSchema.Generators.Common;
using FactSchema.Generators.Diagnostics;
using FactSchema.Generators.Json;
using FactSchema.Generators.Model;
using FactSchema.Generators.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FactSchema.Generators.Mapping;

/// <summary>The C# model for one schema file, and what was found wrong on the way.</summary>
internal sealed record MappingResult(SchemaFileSpec? File, ImmutableEquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>
/// Maps one schema file (with every other file available for <c>$ref</c>s) to the C# type model:
/// what the schema says becomes what we will emit. Never throws on bad input; anything it cannot
/// map becomes a <c>JsonElement</c> member and a located warning, so no data is lost.
/// </summary>
internal sealed class TypeModelMapper
{
    /// <summary>Members every generated record has; a schema property with one of these names is renamed.</summary>
    internal static readonly HashSet<string> ReservedMemberNames = new(StringComparer.Ordinal)
    {
        "AdditionalProperties", "Deserialize", "WriteTo", "SerializeToUtf8Bytes", "JsonConverter", "Equals", "GetHashCode",
        "ToString", "EqualityContract", "PrintMembers", "Clone", "Deconstruct", "GetType", "MemberwiseClone", "Finalize",
        "ReferenceEquals", "JsonSchema", "Validate", "TryDeserialize", "ValidateJson", "ValidateCore", "ReadUnvalidated", "ReadChecked",
        NonObjectValueMemberName,
    };

    /// <summary>The member of a record whose schema does not declare <c>"type": "object"</c> that holds a value of another JSON type.</summary>
    internal const string NonObjectValueMemberName = "NonObjectValue";

    private readonly SchemaDocument _document;
    private readonly DiagnosticBag _diagnostics;
    private readonly SchemaSet _set;
    private readonly TargetFeatures _features;
    private readonly CancellationToken _cancellationToken;
    private readonly SchemaResolver _resolver;
    private readonly Dictionary<string, ValueTypeSpec> _external = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _externalValidators = new(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<(string File, string Pointer), NamedTypeEntry> _names;
    private readonly Dictionary<string, Dictionary<string, SchemaNode>> _nodeIndexes = new(StringComparer.Ordinal);

    private TypeModelMapper(SchemaDocument document, SchemaSet set, TargetFeatures features, ImmutableEquatableArray<ExternalSchemaType> external, CancellationToken cancellationToken)
    {
        foreach (var type in external)
        {
            _external[type.SchemaUri] = type.Type;
            if (type.Validator is { } validator)
            {
                _externalValidators[type.SchemaUri] = "global::" + validator;
            }
        }

        _document = document;
        _diagnostics = new DiagnosticBag(document.FilePath);
        _set = set;
        _features = features;
        _cancellationToken = cancellationToken;
        _resolver = set.Resolver;
        _names = set.NamesByLocation;
        _checks = new ReadCheckPlanner(document, set);
    }

    private readonly ReadCheckPlanner _checks;

    public static MappingResult Map(SchemaDocument document, SchemaSet set, TargetFeatures features, CancellationToken cancellationToken)
        => Map(document, set, features, ImmutableEquatableArray<ExternalSchemaType>.Empty, cancellationToken);

    public static MappingResult Map(SchemaDocument document, SchemaSet set, TargetFeatures features, ImmutableEquatableArray<ExternalSchemaType> external, CancellationToken cancellationToken)
    {
        // The set's copy of the file is the one to map: it has the vocabularies of its meta-schema applied.
        document = set.DocumentFor(document.FilePath) ?? document;
        var mapper = new TypeModelMapper(document, set, features, external, cancellationToken);
        return mapper.Map();
    }

    /// <summary>Replaces each item of <paramref name="items"/> by <paramref name="update"/> of it and its index.</summary>
    private static void Update<T>(List<T> items, Func<T, int, T> update)
    {
        for (var i = 0; i < items.Count; i++)
        {
            items[i] = update(items[i], i);
        }
    }

    /// <summary>Reports FS0005 at the root for every name this file wanted and another file took first.</summary>
    private void ReportCollisions(SchemaNode root)
    {
        foreach (var collision in _set.Collisions.Where(c => c.FilePath == _document.FilePath))
        {
            Report(DiagnosticDescriptors.TypeNameCollision, root.TitleSpan, collision.Name, collision.Namespace.Length == 0 ? "<global>" : collision.Namespace, collision.OtherFile);
        }
    }

    /// <summary>Reports the <c>$ref</c>s that resolve nowhere, including those no named type visits (a <c>$ref</c> inside an unmapped <c>$defs</c> entry).</summary>
    private void ReportUnresolvedReferences(IEnumerable<SchemaNode> nodes)
    {
        foreach (var node in nodes)
        {
            if (node.Ref is { } reference && !_resolver.TryResolve(_document, node, reference, out _, out var error) && ExternalType(_document, reference) is null && !IsMetaSchema(_document, reference))
            {
                Report(DiagnosticDescriptors.UnresolvedReference, node.RefSpan, reference, error);
            }
        }
    }

    /// <summary>The referenceable locations (the root and every definition) recorded by <c>$id</c> for other assemblies; none for a file without an <c>$id</c>.</summary>
    private List<SchemaTypeRecord> SchemaTypeRecords(SchemaNode root, IEnumerable<SchemaNode> nodes)
    {
        var records = new List<SchemaTypeRecord>();
        if (!_document.BaseUri.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            var locations = new List<SchemaNode> { root };
            locations.AddRange(nodes.SelectMany(n => n.Definitions).Select(d => d.Schema).OrderBy(n => n.Pointer, StringComparer.Ordinal));
            foreach (var node in locations)
            {
                records.Add(new SchemaTypeRecord(_document.BaseUri + "#" + node.Pointer, MapValue(_document, node, new HashSet<(string, string)>()), node.Pointer));
            }
        }

        return records;
    }

    private MappingResult Map()
    {
        _diagnostics.AddRange(_document.Diagnostics);
        if (_document.Root is not { } root)
        {
            return new MappingResult(null, _diagnostics.ToImmutable());
        }

        ReportCollisions(root);
        var nodes = new Dictionary<string, SchemaNode>(StringComparer.Ordinal);
        Index(root, nodes);

        var objects = new List<ObjectTypeSpec>();
        var enums = new List<EnumTypeSpec>();
        var unions = new List<UnionTypeSpec>();
        var valueUnions = new List<ValueUnionTypeSpec>();
        var objectPointers = new List<string>();
        var enumPointers = new List<string>();
        var unionPointers = new List<string>();
        var valueUnionPointers = new List<string>();
        var branchPointers = new List<string>();
        foreach (var entry in _set.NamesIn(_document.FilePath))
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (!nodes.TryGetValue(entry.Pointer, out var node))
            {
                continue;
            }

            switch (entry.Kind)
            {
                case NamedTypeKind.Object:
                    objects.Add(MapObject(entry, node));
                    objectPointers.Add(entry.Pointer);
                    break;
                case NamedTypeKind.Enum:
                    enums.Add(MapEnum(entry, node));
                    enumPointers.Add(entry.Pointer);
                    break;
                case NamedTypeKind.Union:
                    var union = MapUnion(entry, node, out var branches);
                    unions.Add(union);
                    unionPointers.Add(entry.Pointer);
                    branchPointers.AddRange(branches);
                    break;
                case NamedTypeKind.ValueUnion:
                    valueUnions.Add(MapValueUnion(entry, node));
                    valueUnionPointers.Add(entry.Pointer);
                    break;
                default:
                    throw new InvalidOperationException("No mapping for the named type kind " + entry.Kind);
            }
        }

        ReportUnresolvedReferences(nodes.Values);
        var records = SchemaTypeRecords(root, nodes.Values);

        // Validators: one entry per generated type of this file, plus the root.
        var index = _set.Index;
        var referenced = index.CrossFileTargetsOf(_document);
        var validators = Validation.ValidatorPlanner.Plan(
            index,
            _document,
            objectPointers.Concat(enumPointers).Concat(unionPointers).Concat(valueUnionPointers).Concat(branchPointers).Concat(records.Select(r => r.Pointer!)).Concat(referenced)
                .Concat(objects.SelectMany(o => o.Properties).Select(p => p.Check?.FallbackPointer).OfType<string>()),
            _externalValidators,
            _diagnostics,
            _set.Discriminators,
            CrossFileEntry,
            _cancellationToken);
        for (var i = 0; i < objects.Count; i++)
        {
            var properties = objects[i].Properties
                .Select(p => p.Check?.FallbackPointer is { } pointer ? p with { Check = p.Check with { FallbackValidator = validators.MethodFor(pointer) } } : p)
                .ToImmutableEquatableArray();
            objects[i] = objects[i] with { ValidatorMethod = validators.MethodFor(objectPointers[i]), Properties = properties };
        }

        for (var i = 0; i < enums.Count; i++)
        {
            enums[i] = enums[i] with { ValidatorMethod = validators.MethodFor(enumPointers[i]) };
        }

        var branchIndex = 0;
        for (var i = 0; i < unions.Count; i++)
        {
            var variants = unions[i].Variants.Select(v => v with { ValidatorMethod = validators.MethodFor(branchPointers[branchIndex++]) }).ToImmutableEquatableArray();
            unions[i] = unions[i] with { ValidatorMethod = validators.MethodFor(unionPointers[i]), Variants = variants };
        }

        for (var i = 0; i < valueUnions.Count; i++)
        {
            valueUnions[i] = valueUnions[i] with { ValidatorMethod = validators.MethodFor(valueUnionPointers[i]) };
        }

        // Every recorded location gets a public validator on the schema class, for validators in other assemblies.
        for (var i = 0; i < records.Count; i++)
        {
            records[i] = records[i] with { ValidatorMethod = validators.MethodFor(records[i].Pointer!) };
        }

        // The schema as a value: each type points into the file's bundle (whose keyword names may differ from the source's).
        var jsonSchema = SchemaValue(root);
        if (jsonSchema is not null && _document.Json is { } sourceJson && _set.SchemaClassNameFor(_document) is not null)
        {
            string Pointer(string pointer) => Bundling.SchemaBundler.MapPointer(sourceJson, pointer);
            Update(objects, (type, i) => type with { JsonSchemaPointer = Pointer(objectPointers[i]) });
            Update(enums, (type, i) => type with { JsonSchemaPointer = Pointer(enumPointers[i]) });
            Update(unions, (type, i) => type with { JsonSchemaPointer = Pointer(unionPointers[i]) });
            Update(valueUnions, (type, i) => type with { JsonSchemaPointer = Pointer(valueUnionPointers[i]) });
        }

        var file = new SchemaFileSpec
        {
            JsonSchema = jsonSchema,
            Validators = validators,
            SchemaClassName = _set.SchemaClassNameFor(_document),
            SchemaSummary = root.Title ?? _document.RelativePath,
            HintName = _set.HintNameFor(_document),
            SourcePath = _document.RelativePath,
            Namespace = _document.Namespace,
            Objects = objects.ToImmutableEquatableArray(),
            Enums = enums.ToImmutableEquatableArray(),
            Unions = unions.ToImmutableEquatableArray(),
            ValueUnions = valueUnions.ToImmutableEquatableArray(),
            Records = records.ToImmutableEquatableArray(),
            ReferenceEntries = referenced.Select(pointer => validators.MethodFor(pointer)!).ToImmutableEquatableArray(),
        };

        return new MappingResult(file, _diagnostics.ToSorted());
    }

    /// <summary>The file as a value: its text and its compact bundle (what the bundle could not resolve stays as written).</summary>
    private JsonSchemaSpec? SchemaValue(SchemaNode root)
    {
        if (_document.Json is null || _document.Text is not { } text)
        {
            return null;
        }

        var bundle = Bundling.SchemaBundler.Bundle(_set, _document, indented: false, local: true, _cancellationToken);
        var name = _set.NamesIn(_document.FilePath).FirstOrDefault(e => e.Pointer.Length == 0)?.Name ?? _set.SchemaClassNameFor(_document) ?? "Schema";
        var dependencies = bundle.References
            .Select(d => _set.DocumentFor(d.FilePath) ?? d)
            .Where(d => _set.SchemaClassNameFor(d) is not null && d.Root is not null)
            .Select(d => "global::" + (d.Namespace.Length == 0 ? string.Empty : d.Namespace + ".") + _set.SchemaClassNameFor(d))
            .Distinct(StringComparer.Ordinal)
            .ToImmutableEquatableArray();
        return new JsonSchemaSpec(Bundling.SchemaBundler.IdOf(_document), text, bundle.Json, Identifiers.Bare(name), dependencies);
    }

    /// <summary>Whether an unresolved reference names a bundled meta-schema (draft-07's <c>http://json-schema.org/draft-07/schema#</c> and the like).</summary>
    private static bool IsMetaSchema(SchemaDocument document, string reference)
        => SchemaResolver.TryCombine(document.BaseUri, reference, out var absolute) && MetaSchemas.IsBundled(absolute);

    /// <summary>The entry point through which validators of other files call the validator of <paramref name="target"/>.</summary>
    private string? CrossFileEntry(SchemaRef target)
    {
        var index = _set.Index.CrossFileIndexOf(target);
        if (index < 0 || _set.SchemaClassNameFor(target.Document) is not { } schemaClass)
        {
            return null;
        }

        var ns = target.Document.Namespace.Length == 0 ? string.Empty : target.Document.Namespace + ".";
        return "global::" + ns + schemaClass + "." + Emit.SchemaFileEmitter.ReferenceEntryName(index);
    }

    private static void Index(SchemaNode node, Dictionary<string, SchemaNode> nodes)
    {
        var stack = new Stack<SchemaNode>();
        stack.Push(node);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            nodes[current.Pointer] = current;
            foreach (var definition in current.Definitions)
            {
                stack.Push(definition.Schema);
            }

            foreach (var child in current.Subschemas())
            {
                stack.Push(child);
            }
        }
    }

    private ObjectTypeSpec MapObject(NamedTypeEntry entry, SchemaNode node)
    {
        var recordBase = _set.RecordBaseOf(_document.FilePath, node.Pointer);
        var (properties, baseHasAdditional, merged) = MapMembers(new SchemaLocation(_document, node), entry, depth: 0);

        var additional = node.AdditionalProperties;
        if (additional is not null && !additional.IsFalse && !additional.IsTrue && !IsEmptySchema(additional))
        {
            ReportUnsupported(additional, "'additionalProperties' with a schema beside 'properties'");
        }

        if (node.HasPatternProperties)
        {
            ReportUnsupported(node, "'patternProperties' beside 'properties'");
        }

        var (readCheck, checkedProperties) = _checks.PlanRecord(node, merged, properties);
        properties = checkedProperties;
        var acceptsNonObject = AcceptsNonObjectValues(_document, node);
        var inheritsNonObject = recordBase is not null && DeclaresNonObjectMember(recordBase.BaseFilePath, recordBase.BasePointer, depth: 0);
        return new ObjectTypeSpec
        {
            Name = entry.Name,
            FullName = entry.FullName,
            SchemaLocation = _document.RelativePath + "#" + node.Pointer,
            Summary = node.Title ?? Identifiers.Bare(entry.Name),
            Remarks = node.Description,
            Deprecated = node.Deprecated,
            Properties = properties.ToImmutableEquatableArray(),
            // Members that match patternProperties are allowed beside a closed object: the record keeps them (and the
            // validator checks them), so that the typed read is never stricter than the schema.
            AdditionalProperties = additional?.IsFalse == true && !node.HasPatternProperties ? AdditionalPropertiesMode.Reject : AdditionalPropertiesMode.Keep,
            AdditionalPropertiesMemberName = "AdditionalProperties",
            BaseType = _set.BaseTypeOf(_document.FilePath, node.Pointer),
            InheritsRecord = recordBase is not null,
            IsBase = _set.IsRecordBase(_document.FilePath, node.Pointer),
            InheritsAdditionalProperties = baseHasAdditional,
            ReadCheck = readCheck,
            // Without "type": "object" the schema lets every other JSON value through (its keywords only constrain
            // objects), so the record must hold those too: the typed read is never stricter than the validator.
            AcceptsNonObject = acceptsNonObject,
            NonObjectMemberName = acceptsNonObject || inheritsNonObject ? NonObjectValueMemberName : null,
            InheritsNonObjectMember = inheritsNonObject,
        };
    }

    /// <summary>Whether a value of another type than object is valid for the record's schema: it does not declare "type": "object", nor does its union.</summary>
    private bool AcceptsNonObjectValues(SchemaDocument document, SchemaNode node)
        => !DeclaresObjectType(new SchemaLocation(document, node), new HashSet<(string, string)>(), depth: 0)
        && !(UnionOf(document, node) is { } union && DeclaresObjectType(new SchemaLocation(document, union), new HashSet<(string, string)>(), depth: 0));

    /// <summary>Whether the record at this location, or a record it derives from, declares the NonObjectValue member.</summary>
    private bool DeclaresNonObjectMember(string filePath, string pointer, int depth)
    {
        if (depth > MaxAllOfDepth
            || !_names.TryGetValue((filePath, pointer), out var entry)
            || FindNode(entry) is not { } node
            || _set.DocumentFor(filePath) is not { } document)
        {
            return false;
        }

        return AcceptsNonObjectValues(document, node)
            || (_set.RecordBaseOf(filePath, pointer) is { } recordBase && DeclaresNonObjectMember(recordBase.BaseFilePath, recordBase.BasePointer, depth + 1));
    }

    /// <summary>The union schema of this file that the record is a branch of, or null.</summary>
    private SchemaNode? UnionOf(SchemaDocument document, SchemaNode node)
    {
        foreach (var union in _set.UnionsWithVariant(document.FilePath, node.Pointer))
        {
            if (_names.TryGetValue((union.FilePath, union.Pointer), out var unionEntry)
                && FindNode(unionEntry) is { } unionNode)
            {
                return unionNode;
            }
        }

        return null;
    }

    /// <summary>Whether the schema (through its <c>$ref</c> and every <c>allOf</c> branch) allows only objects (and perhaps null).</summary>
    private bool DeclaresObjectType(SchemaLocation location, HashSet<(string, string)> visiting, int depth)
    {
        if (depth > MaxAllOfDepth || !visiting.Add((location.Document.FilePath, location.Node.Pointer)))
        {
            return false;
        }

        var node = location.Node;
        if (node.Types is { } types && types.Contains("object") && types.All(t => t is "object" or "null"))
        {
            return true;
        }

        if (node.Ref is { } reference && _resolver.TryResolve(location.Document, node, reference, out var target, out _) && DeclaresObjectType(target, visiting, depth + 1))
        {
            return true;
        }

        foreach (var branch in node.AllOf)
        {
            if (DeclaresObjectType(new SchemaLocation(location.Document, branch), visiting, depth + 1))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The members of a record: first those of the record it derives from (allOf with a $ref, marked inherited, with
    /// the base's types and names), then its own schema's and every allOf branch's, merged.
    /// Also whether the base chain already declares the AdditionalProperties member, and whether any member comes from
    /// another schema than the record's own.
    /// </summary>
    private (List<PropertySpec> Properties, bool BaseHasAdditional, bool Merged) MapMembers(SchemaLocation location, NamedTypeEntry entry, int depth)
    {
        var (document, node) = (location.Document, location.Node);
        var members = new HashSet<string>(ReservedMemberNames, StringComparer.Ordinal) { Identifiers.Bare(entry.Name) };
        var properties = new List<PropertySpec>();
        var declared = new Dictionary<string, int>(StringComparer.Ordinal);
        var baseHasAdditional = false;
        if (depth < MaxAllOfDepth
            && _set.RecordBaseOf(document.FilePath, node.Pointer) is { } recordBase
            && _names.TryGetValue((recordBase.BaseFilePath, recordBase.BasePointer), out var baseEntry)
            && FindNode(baseEntry) is { } baseNode)
        {
            var baseDocument = _set.DocumentFor(baseEntry.FilePath) ?? throw new InvalidOperationException("The base record's file is not in the set: " + baseEntry.FilePath);
            var (inherited, deeper, _) = MapMembers(new SchemaLocation(baseDocument, baseNode), baseEntry, depth + 1);
            foreach (var property in inherited)
            {
                declared[property.JsonName] = properties.Count;
                members.Add(Identifiers.Bare(property.Name));
                properties.Add(property with { Inherited = true });
            }

            baseHasAdditional = deeper || baseNode.AdditionalProperties?.IsFalse != true;
        }

        // The record's own schema, then (for allOf) every branch, through $refs: properties and required merge.
        // A variant of a union with shared properties starts with the union's.
        var sources = new List<SchemaLocation>();
        var visited = new HashSet<(string, string)>();
        if (SharedPropertiesOf(document, node) is { } shared)
        {
            CollectObjectSchemas(shared, sources, visited, depth: 0);
        }

        CollectObjectSchemas(location, sources, visited, depth: 0);
        var required = sources.SelectMany(s => s.Node.Required).Distinct(StringComparer.Ordinal).ToList();
        var requiredSet = new HashSet<string>(required, StringComparer.Ordinal);
        foreach (var source in sources)
        {
            foreach (var property in source.Node.Properties ?? ImmutableEquatableArray<SchemaProperty>.Empty)
            {
                if (Emit.CodeText.HasUnpairedSurrogate(property.Name))
                {
                    ReportIn(source.Document, DiagnosticDescriptors.NotRepresentableInUtf8, property.Schema, property.NameSpan, "property name", Emit.CodeText.JsonQuoted(property.Name));
                    continue;
                }

                if (declared.TryGetValue(property.Name, out var index))
                {
                    if (!properties[index].Inherited)
                    {
                        // An inherited member keeps its base's type; validation still checks every branch.
                        MergeProperty(properties, index, source.Document, property);
                    }

                    continue;
                }

                declared.Add(property.Name, properties.Count);
                properties.Add(MapProperty(source.Document, property.Name, property.Schema, requiredSet.Contains(property.Name), members));
            }
        }

        foreach (var name in required)
        {
            if (!declared.ContainsKey(name) && !Emit.CodeText.HasUnpairedSurrogate(name))
            {
                // Required but not described: any JSON value, kept exactly. The stand-in schema's pointer is the
                // "required" keyword's, where no type lives (the record's own pointer would map it to the record).
                declared.Add(name, properties.Count);
                properties.Add(MapProperty(document, name, new SchemaNode { Pointer = node.Pointer + "/required", Span = node.Span, BooleanValue = true }, isRequired: true, members));
            }
        }

        if (_set.IsRecordBase(document.FilePath, node.Pointer))
        {
            // Records deriving from this one read and write its presence-tracked members: the fields are shared, named after the type.
            for (var i = 0; i < properties.Count; i++)
            {
                if (properties[i].TrackPresence && !properties[i].Inherited)
                {
                    properties[i] = properties[i] with { FieldStem = "__fs_" + Identifiers.Bare(entry.Name) + "_" + i.ToString(CultureInfo.InvariantCulture) };
                }
            }
        }

        // Merged: members come from more than the record's own schema (allOf, which a base record also implies, or shared union properties).
        return (properties, baseHasAdditional, node.AllOf.Count > 0 || sources.Count > 1);
    }

    private UnionTypeSpec MapUnion(NamedTypeEntry entry, SchemaNode node, out List<string> branchPointers)
    {
        var union = _set.UnionAt(_document.FilePath, node.Pointer);
        var branches = Composition.UnionBranches(node);
        var variants = new List<UnionVariantSpec>();
        var converted = new HashSet<string>(StringComparer.Ordinal);
        branchPointers = new List<string>();
        for (var i = 0; union is not null && i < union.Variants.Count && i < branches.Count; i++)
        {
            var variant = union.Variants[i];
            var branch = branches[i];
            var target = Composition.Resolve(_resolver, _document, branch)?.Node ?? branch;
            var summary = branch.Title ?? branch.Description ?? target.Title ?? target.Description;
            branchPointers.Add(branch.Pointer);
            if (variant.Owned)
            {
                variants.Add(new UnionVariantSpec
                {
                    Name = variant.TypeName.Substring(variant.TypeName.LastIndexOf('.') + 1),
                    FullName = variant.TypeName,
                    DiscriminatorValue = variant.DiscriminatorValue,
                    Summary = summary,
                });
                continue;
            }

            var wrapped = MapValue(_document, branch, new HashSet<(string, string)>());
            var fullName = "global::" + (entry.Namespace.Length == 0 ? string.Empty : entry.Namespace + ".") + variant.TypeName;
            variants.Add(new UnionVariantSpec
            {
                Name = variant.TypeName,
                FullName = fullName,
                Wrapped = wrapped,
                // string and string? are one type to C# conversions; int and int? are two.
                HasConversion = CanConvertFrom(wrapped, entry.FullName) && converted.Add(wrapped.IsValueType ? Emit.TypeSyntax.Full(wrapped) : Emit.TypeSyntax.Base(wrapped)),
                DiscriminatorValue = variant.DiscriminatorValue,
                Summary = summary,
            });
        }

        if (union?.Discriminator is null)
        {
            ReportOverlaps(node, branches);
        }

        return new UnionTypeSpec
        {
            Name = entry.Name,
            FullName = entry.FullName,
            SchemaLocation = _document.RelativePath + "#" + node.Pointer,
            Summary = node.Title ?? Identifiers.Bare(entry.Name),
            Remarks = node.Description,
            Deprecated = node.Deprecated,
            IsOneOf = node.OneOf.Count > 0,
            Discriminator = union?.Discriminator,
            Variants = variants.ToImmutableEquatableArray(),
            BaseType = _set.BaseTypeOf(_document.FilePath, node.Pointer),
            ReadCheck = _checks.PlanUnion(node, union),
        };
    }

    /// <summary>
    /// Whether a union may declare an implicit conversion from a wrapped type: C# forbids conversions from
    /// interfaces (lists, maps), from the union itself, and between types related by inheritance.
    /// </summary>
    private bool CanConvertFrom(ValueTypeSpec wrapped, string unionFullName)
    {
        switch (wrapped.Kind)
        {
            case ValueKind.Array or ValueKind.Map:
                return false;
            case ValueKind.Object:
                var named = _set.NamedTypeByFullName(wrapped.TypeName);
                return wrapped.TypeName != unionFullName && named is { Kind: NamedTypeKind.Object } && _set.BaseTypeOf(named.FilePath, named.Pointer) is null;
            default:
                return true;
        }
    }

    /// <summary>
    /// Reports the first pair of union branches that nothing in their schemas keeps apart: a warning (FS0015) for
    /// <c>oneOf</c>, where such a value is invalid, and information (FS0018) for <c>anyOf</c>, where overlapping
    /// branches are ordinary and reading takes the first that matches.
    /// </summary>
    private void ReportOverlaps(SchemaNode node, IReadOnlyList<SchemaNode> branches)
    {
        var oneOf = node.OneOf.Count > 0;
        var resolved = branches.Select(b => Composition.Resolve(_resolver, _document, b)).ToList();
        for (var i = 0; i < branches.Count; i++)
        {
            for (var j = i + 1; j < branches.Count; j++)
            {
                if (resolved[i] is { } a && resolved[j] is { } b && MayOverlap(a, b, depth: 0))
                {
                    var first = (i + 1).ToString(CultureInfo.InvariantCulture);
                    var second = (j + 1).ToString(CultureInfo.InvariantCulture);
                    if (oneOf)
                    {
                        Report(DiagnosticDescriptors.AmbiguousUnion, KeywordSpan(node), first, second, "oneOf", "reading chooses the branch that alone matches and rejects a value that matches both, as oneOf requires");
                    }
                    else
                    {
                        Report(DiagnosticDescriptors.OverlappingAnyOf, KeywordSpan(node), first, second);
                    }

                    return;
                }
            }
        }
    }

    private static SourceSpan KeywordSpan(SchemaNode node)
        => new(node.Span.Start, 1, node.Span.StartLine, node.Span.StartColumn, node.Span.StartLine, node.Span.StartColumn + 1);

    /// <summary>Whether some JSON value might satisfy both schemas, judged conservatively from types, required members, closed objects and constants.</summary>
    private bool MayOverlap(SchemaLocation a, SchemaLocation b, int depth)
    {
        if (depth > 4)
        {
            return true;
        }

        var typesA = JsonTypesOf(a, 0);
        var typesB = JsonTypesOf(b, 0);
        if (!typesA.Overlaps(typesB))
        {
            return false;
        }

        if (ConstantsOf(a.Node) is { } constantsA && ConstantsOf(b.Node) is { } constantsB && !constantsA.Overlaps(constantsB))
        {
            return false;
        }

        if (typesA.SetEquals(new[] { "object" }) || typesB.SetEquals(new[] { "object" }))
        {
            if (Excludes(a.Node, b.Node) || Excludes(b.Node, a.Node))
            {
                return false;
            }

            foreach (var name in a.Node.Required.Intersect(b.Node.Required))
            {
                var propertyA = a.Node.Properties?.FirstOrDefault(p => p.Name == name);
                var propertyB = b.Node.Properties?.FirstOrDefault(p => p.Name == name);
                if (propertyA is not null && propertyB is not null
                    && Composition.Resolve(_resolver, a.Document, propertyA.Schema) is { } targetA
                    && Composition.Resolve(_resolver, b.Document, propertyB.Schema) is { } targetB
                    && !MayOverlap(targetA, targetB, depth + 1))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="closed"/> forbids a member that <paramref name="other"/> requires.</summary>
    private static bool Excludes(SchemaNode closed, SchemaNode other)
        => closed.AdditionalProperties?.IsFalse == true && !closed.HasPatternProperties
        && other.Required.Any(name => closed.Properties?.Any(p => p.Name == name) != true);

    private static HashSet<string>? ConstantsOf(SchemaNode node)
    {
        var values = node.Const is { } constant ? new[] { constant } : node.Enum?.ToArray();
        return values is null ? null : new HashSet<string>(values.Select(v => v.ToJsonText()), StringComparer.Ordinal);
    }

    private static readonly string[] s_allJsonTypes = { "null", "boolean", "object", "array", "number", "string" };

    /// <summary>The JSON types a schema admits (integer counted as number), as far as its own keywords and branches tell.</summary>
    private HashSet<string> JsonTypesOf(SchemaLocation location, int depth)
    {
        var node = location.Node;
        var result = new HashSet<string>(StringComparer.Ordinal);
        if (node.IsFalse)
        {
            return result;
        }

        if (node.Types is { } types)
        {
            result.UnionWith(types.Select(t => t == "integer" ? "number" : t));
        }
        else if (node.Properties is not null && node.Ref is null)
        {
            result.Add("object");
        }
        else if (node.Items is not null || node.HasTupleItems)
        {
            result.Add("array");
        }
        else if ((node.Const is { } ? new[] { node.Const } : node.Enum?.ToArray()) is { } values)
        {
            result.UnionWith(values.Select(v => v.Kind switch
            {
                JsonKind.String => "string",
                JsonKind.Number => "number",
                JsonKind.True or JsonKind.False => "boolean",
                JsonKind.Object => "object",
                JsonKind.Array => "array",
                _ => "null",
            }));
        }
        else if (Composition.IsUnion(node) && depth < 4)
        {
            foreach (var branch in Composition.UnionBranches(node))
            {
                if (Composition.Resolve(_resolver, location.Document, branch) is { } target)
                {
                    result.UnionWith(JsonTypesOf(target, depth + 1));
                }
                else
                {
                    result.UnionWith(s_allJsonTypes);
                }
            }

            if (Composition.UnionAllowsNull(node))
            {
                result.Add("null");
            }
        }
        else
        {
            result.UnionWith(s_allJsonTypes);
        }

        return result;
    }

    private ValueUnionTypeSpec MapValueUnion(NamedTypeEntry entry, SchemaNode node)
    {
        var cases = new List<ValueUnionCaseSpec>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        if (Composition.TypeUnionMembers(node) is { } members)
        {
            foreach (var member in members)
            {
                var type = member switch
                {
                    "string" => new ValueTypeSpec(ValueKind.String),
                    "boolean" => new ValueTypeSpec(ValueKind.Boolean),
                    "integer" => new ValueTypeSpec(ValueKind.Int64),
                    _ => new ValueTypeSpec(ValueKind.Double),
                };
                cases.Add(new ValueUnionCaseSpec(Identifiers.MakeUnique(CaseName(member), taken), type));
            }
        }
        else
        {
            foreach (var branch in Composition.UnionBranches(node))
            {
                var type = MapValue(_document, branch, new HashSet<(string, string)>()) with { Nullable = false };
                var stem = branch.Title is { } title && Identifiers.ToPascalCase(title, string.Empty) is { Length: > 0 } fromTitle
                    ? Identifiers.Bare(fromTitle)
                    : Scalars.Of(type.Kind)?.UnionCase ?? CaseName(Composition.ScalarType(branch) ?? "value");
                cases.Add(new ValueUnionCaseSpec(Identifiers.MakeUnique(stem, taken), type));
            }
        }

        return new ValueUnionTypeSpec
        {
            Name = entry.Name,
            FullName = entry.FullName,
            SchemaLocation = _document.RelativePath + "#" + node.Pointer,
            Summary = node.Title ?? Identifiers.Bare(entry.Name),
            Remarks = node.Description,
            Deprecated = node.Deprecated,
            Cases = cases.ToImmutableEquatableArray(),
            ReadCheck = _checks.ValidatorMode,
        };
    }

    private static string CaseName(string jsonType) => jsonType switch
    {
        "string" => "String",
        "integer" => "Integer",
        "number" => "Number",
        "boolean" => "Boolean",
        _ => "Value",
    };

    /// <summary>The union whose shared <c>properties</c> this inline branch inherits, or null.</summary>
    private SchemaLocation? SharedPropertiesOf(SchemaDocument document, SchemaNode node)
    {
        foreach (var union in _set.UnionsIn(document.FilePath))
        {
            foreach (var variant in union.Variants)
            {
                if (variant.Owned && variant.BranchPointer == node.Pointer && variant.TargetFile == document.FilePath && variant.TargetPointer == node.Pointer
                    && _names.TryGetValue((union.FilePath, union.Pointer), out var unionEntry)
                    && FindNode(unionEntry) is { } unionNode
                    && Composition.HasSharedProperties(unionNode))
                {
                    return new SchemaLocation(document, unionNode);
                }
            }
        }

        return null;
    }

    /// <summary>How deep allOf branches (and the $refs between them) are followed when merging.</summary>
    private const int MaxAllOfDepth = 32;

    /// <summary>Collects the schema and, depth first, its allOf branches (following $refs): the schemas a merged record is made of.</summary>
    private void CollectObjectSchemas(SchemaLocation location, List<SchemaLocation> result, HashSet<(string, string)> visiting, int depth)
    {
        if (depth > MaxAllOfDepth || !visiting.Add((location.Document.FilePath, location.Node.Pointer)))
        {
            return;
        }

        var node = location.Node;
        if (node.Ref is { } reference && _resolver.TryResolve(location.Document, node, reference, out var target, out _))
        {
            CollectObjectSchemas(target, result, visiting, depth + 1);
        }

        if (depth > 0 && node.Types is { } types && !types.Contains("object"))
        {
            ReportIn(_document, DiagnosticDescriptors.AllOfConflict, node, _document == location.Document ? node.Span : RootSpan,
                $"a branch allows only {string.Join(", ", types)}, so no object can match", "the record keeps the other branches' members and validation rejects every value");
        }

        result.Add(location);
        foreach (var branch in node.AllOf)
        {
            CollectObjectSchemas(new SchemaLocation(location.Document, branch), result, visiting, depth + 1);
        }
    }

    private SourceSpan RootSpan => _document.Root?.Span ?? default;

    /// <summary>
    /// A property declared by two allOf branches: both schemas apply (validation checks both), so the C# type is
    /// the one they agree on; a branch that says nothing about the type defers to the other; a real disagreement
    /// keeps the value as raw JSON and says so.
    /// </summary>
    private void MergeProperty(List<PropertySpec> properties, int index, SchemaDocument document, SchemaProperty property)
    {
        var existing = properties[index];
        var other = MapValue(document, property.Schema, new HashSet<(string, string)>());
        if (existing.Const is null && existing.Type.Kind is ValueKind.String or ValueKind.Enum && Composition.ConstantString(property.Schema) is not null)
        {
            // A branch fixes a string the other allows ("kind": one of a, b / "kind": "a"): the constant is the intersection.
            var narrowed = MapProperty(document, property.Name, property.Schema, existing.IsRequired, new HashSet<string>(StringComparer.Ordinal));
            if (narrowed.Const is not null)
            {
                properties[index] = narrowed with { Name = existing.Name, Summary = existing.Summary ?? narrowed.Summary };
            }

            // Otherwise (a one-value enum) the wider type holds it; validation checks the value.
            return;
        }

        if (existing.Const is not null && other.Kind is ValueKind.String or ValueKind.Enum)
        {
            return;
        }

        if (other.Kind == ValueKind.Any || (existing.Type with { Nullable = false }).Equals(other with { Nullable = false }))
        {
            if (existing.Type.Nullable && !other.Nullable && other.Kind != ValueKind.Any)
            {
                // allOf is an intersection: null is allowed only where both allow it.
                properties[index] = existing with { Type = existing.Type with { Nullable = false }, TrackPresence = !existing.IsRequired && (existing.DefaultExpression is not null || existing.Const is not null) };
            }

            return;
        }

        if (existing.Type.Kind == ValueKind.Any && existing.Const is null)
        {
            var replacement = MapProperty(document, property.Name, property.Schema, existing.IsRequired, new HashSet<string>(StringComparer.Ordinal));
            properties[index] = replacement with { Name = existing.Name };
            return;
        }

        ReportIn(_document, DiagnosticDescriptors.AllOfConflict, property.Schema, document == _document ? property.NameSpan : RootSpan,
            $"the property '{property.Name}' is {Describe(existing.Type)} in one branch and {Describe(other)} in another", "it is kept as raw JSON (JsonElement)");
        properties[index] = existing with { Type = ValueTypeSpec.AnyValue, Const = null, DefaultExpression = null, TrackPresence = false };
    }

    private static string Describe(ValueTypeSpec type) => type.Kind switch
    {
        ValueKind.Object or ValueKind.Enum or ValueKind.ValueUnion => Identifiers.Bare(type.TypeName!.Substring(type.TypeName!.LastIndexOf('.') + 1)),
        ValueKind.Array => "an array",
        ValueKind.Map => "a map",
        ValueKind.Tuple => "a tuple",
        ValueKind.Any => "any JSON",
        _ => Scalars.Of(type.Kind)?.Description ?? throw new ArgumentOutOfRangeException(nameof(type), type.Kind, "no description for the value kind"),
    };

    private PropertySpec MapProperty(SchemaDocument document, string jsonName, SchemaNode schema, bool isRequired, HashSet<string> members)
    {
        var candidate = Identifiers.ToPascalCase(jsonName, "Property");
        if (members.Contains(Identifiers.Bare(candidate)))
        {
            candidate = Identifiers.Bare(candidate) + "Value";
        }

        var name = Identifiers.MakeUnique(candidate, members);
        var type = MapValue(document, schema, new HashSet<(string, string)>());
        var constSpec = ConstOf(schema, type);
        if (constSpec is not null)
        {
            type = ValueTypeFor(constSpec.Kind) is { } constType ? constType : type;
        }

        string? defaultExpression = null;
        if (!isRequired && constSpec is null && schema.Default is { } defaultValue)
        {
            defaultExpression = DefaultExpression(defaultValue, type, report: document == _document);
        }

        var description = schema.Description ?? schema.Title ?? DescriptionOfTarget(document, schema);
        return new PropertySpec
        {
            Name = name,
            JsonName = jsonName,
            Type = type,
            IsRequired = isRequired,
            Const = constSpec,
            DefaultExpression = defaultExpression,
            TrackPresence = !isRequired && (type.Nullable || defaultExpression is not null || constSpec is not null),
            Summary = description,
            Deprecated = schema.Deprecated,
        };
    }

    /// <summary>The type a referenced assembly records for this reference's absolute URI, if any.</summary>
    private ValueTypeSpec? ExternalType(SchemaDocument document, string reference)
    {
        if (_external.Count == 0 || !SchemaResolver.TryCombine(document.BaseUri, reference, out var absolute))
        {
            return null;
        }

        var documentUri = SchemaResolver.WithoutFragment(absolute);
        var fragment = absolute.Length > documentUri.Length ? JsonPointer.DecodeFragment(absolute.Substring(documentUri.Length + 1)) : string.Empty;
        var key = documentUri + "#" + JsonPointer.Normalize(fragment);
        return _external.TryGetValue(key, out var type) ? type : null;
    }

    private string? DescriptionOfTarget(SchemaDocument document, SchemaNode schema)
    {
        if (schema.Ref is { } reference && _resolver.TryResolve(document, schema, reference, out var target, out _))
        {
            return target.Node.Description ?? target.Node.Title;
        }

        return null;
    }

    private static ValueTypeSpec? ValueTypeFor(ValueKind kind) => kind switch
    {
        ValueKind.String => new ValueTypeSpec(ValueKind.String),
        ValueKind.Boolean => new ValueTypeSpec(ValueKind.Boolean),
        ValueKind.Int64 => new ValueTypeSpec(ValueKind.Int64),
        ValueKind.Double => new ValueTypeSpec(ValueKind.Double),
        _ => null,
    };

    private static ConstSpec? ConstOf(SchemaNode schema, ValueTypeSpec type)
    {
        if (schema.Const is not { } value)
        {
            return null;
        }

        switch (value.Kind)
        {
            case JsonKind.String when type.Kind is ValueKind.String or ValueKind.Any:
                return new ConstSpec(ValueKind.String, value.ToJsonText());
            case JsonKind.True or JsonKind.False when type.Kind is ValueKind.Boolean or ValueKind.Any:
                return new ConstSpec(ValueKind.Boolean, value.ToJsonText());
            case JsonKind.Number when type.Kind is ValueKind.Int64 or ValueKind.Int32 or ValueKind.Any
                && long.TryParse(value.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _):
                return new ConstSpec(ValueKind.Int64, value.Text!);
            default:
                return null;
        }
    }

    private EnumTypeSpec MapEnum(NamedTypeEntry entry, SchemaNode node)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal) { "value__" };
        var members = new List<EnumMemberSpec>();
        var seenValues = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in node.Enum!)
        {
            if (value.Kind != JsonKind.String || !seenValues.Add(value.Text!))
            {
                continue;
            }

            if (Emit.CodeText.HasUnpairedSurrogate(value.Text!))
            {
                ReportIn(_document, DiagnosticDescriptors.NotRepresentableInUtf8, value.Span.Start.ToString(CultureInfo.InvariantCulture), value.Span, "enum value", Emit.CodeText.JsonQuoted(value.Text!));
                continue;
            }

            var name = Identifiers.MakeUnique(Identifiers.ToPascalCase(value.Text, value.Text!.Length == 0 ? "Empty" : "Value"), taken);
            members.Add(new EnumMemberSpec(name, value.Text!));
        }

        return new EnumTypeSpec
        {
            Name = entry.Name,
            FullName = entry.FullName,
            ConverterName = Identifiers.Bare(entry.Name) + "JsonConverter",
            SchemaLocation = _document.RelativePath + "#" + node.Pointer,
            Summary = node.Title ?? Identifiers.Bare(entry.Name),
            Remarks = node.Description,
            Deprecated = node.Deprecated,
            Members = members.ToImmutableEquatableArray(),
        };
    }

    /// <summary>The C# type for a value described by <paramref name="node"/>, following <c>$ref</c>s.</summary>
    private ValueTypeSpec MapValue(SchemaDocument document, SchemaNode node, HashSet<(string, string)> visiting, int collectionDepth = 0)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        var allowsNull = node.Types?.Contains("null") == true || node.Enum?.Any(v => v.Kind == JsonKind.Null) == true;

        if (_names.TryGetValue((document.FilePath, node.Pointer), out var named))
        {
            var namedKind = named.Kind switch
            {
                NamedTypeKind.Enum => ValueKind.Enum,
                NamedTypeKind.ValueUnion => ValueKind.ValueUnion,
                _ => ValueKind.Object,
            };
            allowsNull |= named.Kind is NamedTypeKind.Union or NamedTypeKind.ValueUnion && Composition.UnionAllowsNull(node);
            return new ValueTypeSpec(namedKind, named.FullName, Nullable: allowsNull);
        }

        if (node.Ref is { } reference)
        {
            if (!_resolver.TryResolve(document, node, reference, out var target, out var error))
            {
                if (ExternalType(document, reference) is { } external)
                {
                    return allowsNull && !external.Nullable ? WithNull(external) : external;
                }

                if (!IsMetaSchema(document, reference))
                {
                    ReportIn(document, DiagnosticDescriptors.UnresolvedReference, node, node.RefSpan, reference, error);
                }

                // A schema (a bundled meta-schema describes one) is any JSON; the validator checks it.
                return ValueTypeSpec.AnyValue;
            }

            var key = (target.Document.FilePath, target.Node.Pointer);
            if (!visiting.Add(key))
            {
                ReportIn(document, DiagnosticDescriptors.ReferenceCycle, node, node.RefSpan, reference, "each schema on the way is only another $ref");
                return ValueTypeSpec.AnyValue;
            }

            var resolved = MapValue(target.Document, target.Node, visiting, collectionDepth);
            visiting.Remove(key);
            return allowsNull && !resolved.Nullable ? WithNull(resolved) : resolved;
        }

        if (node.BooleanValue is not null)
        {
            return ValueTypeSpec.AnyValue;
        }

        if (node.DynamicRef is not null)
        {
            ReportUnsupportedIn(document, node, "'$dynamicRef'");
            return ValueTypeSpec.AnyValue;
        }

        var composition = node.AllOf.Concat(node.AnyOf).Concat(node.OneOf).ToList();
        if (composition.Count > 0)
        {
            var passThrough = composition.FirstOrDefault(branch => TypeNamer.IsPassThrough(node, branch));
            if (passThrough is not null && composition.Count <= 2)
            {
                var inner = MapValue(document, passThrough, visiting, collectionDepth);
                var nullable = allowsNull || composition.Any(TypeNamer.IsNullSchema);
                return nullable && !inner.Nullable ? WithNull(inner) : inner;
            }

            ReportUnsupportedIn(document, node, node.OneOf.Count > 0 ? "'oneOf'" : node.AnyOf.Count > 0 ? "'anyOf'" : "'allOf' with several schemas");
            return ValueTypeSpec.AnyValue;
        }

        // Without "type", a schema's keywords only constrain the values they apply to and let every other JSON type
        // through ("properties" allows a string), so only enum and const, which list every value, imply a type.
        var types = node.Types?.Where(t => t != "null").ToList() ?? InferScalarTypes(node);
        if (types.Contains("number"))
        {
            // A number type already holds integers.
            types.Remove("integer");
        }

        if (types.Count == 0)
        {
            return allowsNull ? ValueTypeSpec.AnyValue : ValueTypeSpec.AnyValue;
        }

        if (types.Count > 1)
        {
            ReportUnsupportedIn(document, node, $"A value of several types ({string.Join(", ", types)})");
            return ValueTypeSpec.AnyValue;
        }

        ValueTypeSpec result;
        switch (types[0])
        {
            case "string":
                // A value the validator accepts must be read, and written back exactly. So "date" is a DateOnly only
                // where formats are asserted (as annotations, "2025-02" is a valid "date"; a full-date's text is fixed,
                // so a DateOnly writes it back as it came); "date-time" is a JsonDateTime, which keeps its text in
                // either case. "uri" and "uuid" stay strings: System.Uri refuses or rewrites absolute RFC 3986 URIs
                // (file://../x), and a Guid writes an upper-case UUID in lower case.
                result = new ValueTypeSpec(node.Format switch
                {
                    "date" when document.FormatAssertion => _features.HasDateOnly ? ValueKind.Date : ValueKind.DateAsDateTime,
                    "date-time" => ValueKind.DateTimeOffset,
                    _ => ValueKind.String,
                });
                break;
            case "integer":
                result = new ValueTypeSpec(node.Format switch
                {
                    "decimal" => ValueKind.Decimal,
                    "int32" => ValueKind.Int32,
                    "int64" => ValueKind.Int64,
                    _ => FitsInt32(node) ? ValueKind.Int32 : ValueKind.Int64,
                });
                break;
            case "number":
                result = new ValueTypeSpec(node.Format == "decimal" ? ValueKind.Decimal : ValueKind.Double);
                break;
            case "boolean":
                result = new ValueTypeSpec(ValueKind.Boolean);
                break;
            case "object":
                result = new ValueTypeSpec(ValueKind.Map, Element: MapElementOfMap(document, node, visiting, collectionDepth));
                break;
            case "array":
                result = node.PrefixItems is { } prefixItems
                    ? MapTuple(document, node, prefixItems, visiting, collectionDepth)
                    : new ValueTypeSpec(ValueKind.Array, Element: node.Items is { } items ? MapCollectionElement(document, node, items, visiting, collectionDepth) : ValueTypeSpec.AnyValue);
                break;
            default:
                result = ValueTypeSpec.AnyValue;
                break;
        }

        return allowsNull && result.Kind != ValueKind.Any ? WithNull(result) : result;
    }

    /// <summary>
    /// The value type of a map: <c>additionalProperties</c>' schema, and every <c>patternProperties</c> schema, must agree;
    /// a key that matches no pattern may hold anything unless <c>additionalProperties</c> is false or a schema.
    /// </summary>
    private ValueTypeSpec MapElementOfMap(SchemaDocument document, SchemaNode node, HashSet<(string, string)> visiting, int collectionDepth)
    {
        var additional = node.AdditionalProperties;
        var schemas = new List<SchemaNode>();
        if (additional is not null && !additional.IsFalse)
        {
            schemas.Add(additional);
        }

        var patterns = node.PatternProperties ?? ImmutableEquatableArray<SchemaProperty>.Empty;
        schemas.AddRange(patterns.Select(p => p.Schema));
        if (schemas.Count == 0 || (patterns.Count > 0 && additional is null))
        {
            if (patterns.Count > 0)
            {
                ReportUnsupportedIn(document, node, "A map with 'patternProperties' but no 'additionalProperties' (a key that matches no pattern may hold any value)");
            }

            return ValueTypeSpec.AnyValue;
        }

        var types = schemas.Select(schema => MapCollectionElement(document, node, schema, visiting, collectionDepth)).Distinct().ToList();
        if (types.Count == 1)
        {
            return types[0];
        }

        ReportUnsupportedIn(document, node, "A map whose 'patternProperties' schemas have different types");
        return ValueTypeSpec.AnyValue;
    }

    /// <summary>The longest tuple mapped to a C# value tuple.</summary>
    private const int MaxTupleLength = 16;

    /// <summary>
    /// <c>prefixItems</c> with nothing after them and every position required: a C# value tuple. Anything looser
    /// (optional positions, more items allowed, collections inside, whose tuple equality would not be by content)
    /// is a list of raw JSON values.
    /// </summary>
    private ValueTypeSpec MapTuple(SchemaDocument document, SchemaNode node, ImmutableEquatableArray<SchemaNode> prefixItems, HashSet<(string, string)> visiting, int collectionDepth)
    {
        if (!node.ClosedAfterPrefix || (node.MinItems ?? 0) < prefixItems.Count || prefixItems.Count < 2 || prefixItems.Count > MaxTupleLength)
        {
            // C# has no one-element tuple syntax: (T) is a parenthesised type, not a tuple.
            ReportUnsupportedIn(document, node, $"A tuple ('prefixItems') that is not closed ('items': false) with every position required (minItems) and 2 to {MaxTupleLength} positions");
            return new ValueTypeSpec(ValueKind.Array, Element: ValueTypeSpec.AnyValue);
        }

        var elements = prefixItems.Select(item => MapCollectionElement(document, node, item, visiting, collectionDepth)).ToList();
        if (elements.Any(e => e.Kind is ValueKind.Any or ValueKind.Array or ValueKind.Map or ValueKind.Tuple))
        {
            ReportUnsupportedIn(document, node, "A tuple ('prefixItems') with a raw JSON, array or map position");
            return new ValueTypeSpec(ValueKind.Array, Element: ValueTypeSpec.AnyValue);
        }

        return new ValueTypeSpec(ValueKind.Tuple, Elements: elements.ToImmutableEquatableArray());
    }

    /// <summary>JSON null is allowed here too; a JsonElement holds null itself, so raw JSON is never made nullable.</summary>
    private static ValueTypeSpec WithNull(ValueTypeSpec type) => type.Kind == ValueKind.Any ? type : type with { Nullable = true };

    /// <summary>Collections nested deeper than this become raw JSON: generated code stays small and the compiler's stack safe.</summary>
    internal const int MaxCollectionDepth = 16;

    private ValueTypeSpec MapCollectionElement(SchemaDocument document, SchemaNode collection, SchemaNode element, HashSet<(string, string)> visiting, int collectionDepth)
    {
        if (collectionDepth + 1 >= MaxCollectionDepth)
        {
            ReportUnsupportedIn(document, collection, $"Arrays or maps nested more than {MaxCollectionDepth} levels deep");
            return ValueTypeSpec.AnyValue;
        }

        return MapValue(document, element, visiting, collectionDepth + 1);
    }

    private static List<string> InferScalarTypes(SchemaNode node)
    {
        var values = node.Enum?.Where(v => v.Kind != JsonKind.Null).ToList()
            ?? (node.Const is { } constant && constant.Kind != JsonKind.Null ? new List<JsonNode> { constant } : null);
        if (values is { Count: > 0 })
        {
            var kinds = values.Select(KindOf).Distinct().ToList();
            if (kinds.Count == 2 && kinds.Contains("integer") && kinds.Contains("number"))
            {
                return new List<string> { "number" };
            }

            return kinds.Count == 1 && kinds[0] is not ("object" or "array") ? kinds : new List<string>();
        }

        return new List<string>();
    }

    private static string KindOf(JsonNode value) => value.Kind switch
    {
        JsonKind.String => "string",
        JsonKind.True or JsonKind.False => "boolean",
        JsonKind.Number => IsInteger(value.Text!) ? "integer" : "number",
        JsonKind.Array => "array",
        JsonKind.Object => "object",
        _ => "null",
    };

    private static bool IsInteger(string number)
        => decimal.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value == decimal.Truncate(value);

    private static bool FitsInt32(SchemaNode node)
    {
        var low = Bound(node.Minimum) ?? Bound(node.ExclusiveMinimum);
        var high = Bound(node.Maximum) ?? Bound(node.ExclusiveMaximum);
        return low is { } l && high is { } h && l >= int.MinValue && h <= int.MaxValue;
    }

    private static decimal? Bound(string? number)
        => number is not null && decimal.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static bool IsEmptySchema(SchemaNode node)
        => node.Ref is null && node.Types is null && node.Properties is null && node.Items is null && node.Enum is null
        && node.Const is null && node.AllOf.Count == 0 && node.AnyOf.Count == 0 && node.OneOf.Count == 0 && node.AdditionalProperties is null;

    /// <summary>A C# expression for a <c>default</c> value, or null (with a warning) when it does not fit.</summary>
    private string? DefaultExpression(JsonNode value, ValueTypeSpec type, bool report)
    {
        string? expression = null;
        switch (type.Kind)
        {
            case ValueKind.Enum when value.Kind == JsonKind.String:
                var entry = _set.NamedTypeByFullName(type.TypeName);
                var enumNode = entry is null ? null : FindNode(entry);
                if (enumNode is not null && entry is not null)
                {
                    var spec = MapEnum(entry, enumNode);
                    var member = spec.Members.FirstOrDefault(m => m.JsonValue == value.Text);
                    expression = member is null ? null : type.TypeName + "." + member.Name;
                }

                break;
            case ValueKind.Any or ValueKind.Array or ValueKind.Map or ValueKind.Object:
                // Documented: these defaults are annotations only; the member starts empty.
                return null;
            default:
                if (Scalars.Of(type.Kind) is { } scalar)
                {
                    // A scalar row without a default literal (dates, URIs, UUIDs) keeps the default as an annotation too.
                    if (scalar.DefaultLiteral is null)
                    {
                        return null;
                    }

                    expression = scalar.DefaultLiteral(value);
                }

                break;
        }

        if (report && expression is null && !(value.Kind == JsonKind.Null && type.Nullable))
        {
            Report(DiagnosticDescriptors.InvalidValueForType, value.Span, "default", Truncate(value.ToJsonText()));
        }

        return expression;
    }

    private SchemaNode? FindNode(NamedTypeEntry entry)
    {
        if (!_nodeIndexes.TryGetValue(entry.FilePath, out var nodes))
        {
            nodes = new Dictionary<string, SchemaNode>(StringComparer.Ordinal);
            if (_set.DocumentFor(entry.FilePath)?.Root is { } root)
            {
                Index(root, nodes);
            }

            _nodeIndexes.Add(entry.FilePath, nodes);
        }

        return nodes.TryGetValue(entry.Pointer, out var node) ? node : null;
    }

    private static string Truncate(string text) => text.Length <= 60 ? text : text.Substring(0, 57) + "...";

    private void ReportUnsupported(SchemaNode node, string what) => ReportUnsupportedIn(_document, node, what);

    private void ReportUnsupportedIn(SchemaDocument document, SchemaNode node, string what)
        => ReportIn(document, DiagnosticDescriptors.UnsupportedConstruct, node, new SourceSpan(node.Span.Start, 1, node.Span.StartLine, node.Span.StartColumn, node.Span.StartLine, node.Span.StartColumn + 1), what);

    /// <summary>Reports only problems located in the file being mapped; other files report their own.</summary>
    private void ReportIn(SchemaDocument document, DiagnosticDescriptor descriptor, SchemaNode node, SourceSpan span, params string[] arguments)
        => ReportIn(document, descriptor, node.Pointer, span, arguments);

    private void ReportIn(SchemaDocument document, DiagnosticDescriptor descriptor, string key, SourceSpan span, params string[] arguments)
    {
        if (document.FilePath == _document.FilePath)
        {
            _diagnostics.ReportOnce(key, descriptor, span, arguments);
        }
    }

    private void Report(DiagnosticDescriptor descriptor, SourceSpan span, params string[] arguments)
        => _diagnostics.Report(descriptor, span, arguments);

    internal static string SanitizeHintName(string relativePath)
    {
        var builder = new System.Text.StringBuilder(relativePath.Length);
        foreach (var c in relativePath)
        {
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c is '-' or '_' or '.')
            {
                builder.Append(c);
            }
            else if (c is '/' or '\\')
            {
                builder.Append('.');
            }
            else
            {
                builder.Append('_');
            }
        }

        var result = builder.ToString().Trim('.');
        return result.Length == 0 ? "schema" : result;
    }
}
