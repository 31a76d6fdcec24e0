using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using FactSchema.Generators.Common;
using FactSchema.Generators.Emit;
using FactSchema.Generators.Json;
using FactSchema.Generators.Mapping;
using FactSchema.Generators.Model;
using FactSchema.Generators.Schema;
using FactSchema.Generators.Validation;

namespace FactSchema.Generators.Evolution;

/// <summary>
/// The SOURCE category: maps both versions with the generator's own mapping and compares the C# it gives, by name, as
/// code compiled against the old types sees it: types, members, member types (with nullability), <c>required</c>,
/// enum members and union variants. Renames show up here even where the wire does not change (a new <c>title</c>).
/// </summary>
internal static class SourceComparer
{
    private sealed record TypeShape(string FullName, string Kind, string SchemaLocation, Dictionary<string, MemberShape> Members);

    private sealed record MemberShape(string Name, string Type, bool Required, string? JsonName);

    public static void Compare(
        SchemaSet oldSet,
        SchemaSet newSet,
        IReadOnlyDictionary<string, string> pairs,
        TargetFeatures features,
        ImmutableEquatableArray<ExternalSchemaType> external,
        ICollection<SchemaChange> changes,
        CancellationToken cancellationToken)
    {
        var oldTypes = Shapes(oldSet, features, external, cancellationToken);
        var newTypes = Shapes(newSet, features, external, cancellationToken);
        var oldDocuments = oldSet.Documents.ToDictionary(d => d.RelativePath, StringComparer.Ordinal);
        var newDocuments = newSet.Documents.ToDictionary(d => d.RelativePath, StringComparer.Ordinal);
        var newByLocation = new Dictionary<string, TypeShape>(StringComparer.Ordinal);
        foreach (var shape in newTypes.Values)
        {
            if (Locate(newDocuments, shape.SchemaLocation) is { } at)
            {
                newByLocation[at.Key] = shape;
            }
        }

        foreach (var old in oldTypes.Values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Locate(oldDocuments, old.SchemaLocation) is not { } oldAt)
            {
                continue;
            }

            // Where the old type's schema is now: the location the wire comparison paired with it, else the same file.
            SchemaRef? newAt = null;
            if (pairs.TryGetValue(oldAt.Key, out var pairedKey))
            {
                newAt = FindByKey(newSet, pairedKey);
            }

            if (!newTypes.TryGetValue(old.FullName, out var current))
            {
                var renamed = newAt is { } n && newByLocation.TryGetValue(n.Key, out var there) && !oldTypes.ContainsKey(there.FullName) ? there : null;
                var anchor = newAt ?? FileOf(newSet, pairs, oldAt);
                if (anchor is null)
                {
                    continue;
                }

                Report(changes, ChangeKind.TypeRemoved, Display(old.FullName) + (renamed is null ? " is no longer generated" : " is " + Display(renamed.FullName) + " now"), oldAt, anchor.Value);
                continue;
            }

            var currentAt = Locate(newDocuments, current.SchemaLocation) ?? newAt;
            if (currentAt is null)
            {
                continue;
            }

            if (current.Kind != old.Kind)
            {
                Report(changes, ChangeKind.TypeRemoved, Display(old.FullName) + " was " + old.Kind + " and is " + current.Kind + " now", oldAt, currentAt.Value);
                continue;
            }

            foreach (var member in old.Members.Values)
            {
                var memberAt = MemberLocation(currentAt.Value, member.JsonName);
                var oldMemberAt = MemberLocation(oldAt, member.JsonName);
                if (!current.Members.TryGetValue(member.Name, out var now))
                {
                    var kind = old.Kind switch
                    {
                        "an enum" => ChangeKind.EnumMemberRemoved,
                        "a union" or "a value union" => ChangeKind.UnionVariantRemoved,
                        _ => ChangeKind.MemberRemoved,
                    };
                    var renamedTo = member.JsonName is null ? null : current.Members.Values.FirstOrDefault(m => m.JsonName == member.JsonName && !old.Members.ContainsKey(m.Name));
                    Report(changes, kind, Display(old.FullName) + "." + member.Name + (renamedTo is null ? " is gone" : " is " + renamedTo.Name + " now"), oldMemberAt, memberAt);
                    continue;
                }

                if (now.Type != member.Type)
                {
                    Report(changes, ChangeKind.MemberTypeChanged, Display(old.FullName) + "." + member.Name + ": " + Display(member.Type) + " → " + Display(now.Type), oldMemberAt, memberAt);
                }

                if (now.Required && !member.Required)
                {
                    Report(changes, ChangeKind.MemberBecameRequired, Display(old.FullName) + "." + member.Name + " is a required member now: object initializers without it no longer compile", oldMemberAt, memberAt);
                }
            }
        }
    }

    private static SchemaRef MemberLocation(SchemaRef type, string? jsonName)
    {
        if (jsonName is null)
        {
            return type;
        }

        var pointer = type.Pointer + "/properties/" + JsonPointer.Escape(jsonName);
        return SchemaIndex.JsonAt(type.Document, pointer) is null ? type : new SchemaRef(type.Document, pointer);
    }

    private static SchemaRef? FileOf(SchemaSet newSet, IReadOnlyDictionary<string, string> pairs, SchemaRef oldAt)
        => pairs.TryGetValue(oldAt.Document.FilePath + "#", out var root) ? FindByKey(newSet, root) : null;

    private static SchemaRef? FindByKey(SchemaSet set, string key)
    {
        var hash = key.IndexOf('#');
        if (hash < 0 || set.DocumentFor(key.Substring(0, hash)) is not { } document)
        {
            return null;
        }

        return new SchemaRef(document, key.Substring(hash + 1));
    }

    private static SchemaRef? Locate(Dictionary<string, SchemaDocument> documents, string schemaLocation)
    {
        var hash = schemaLocation.IndexOf('#');
        return hash >= 0 && documents.TryGetValue(schemaLocation.Substring(0, hash), out var document)
            ? new SchemaRef(document, schemaLocation.Substring(hash + 1))
            : null;
    }

    private static Dictionary<string, TypeShape> Shapes(SchemaSet set, TargetFeatures features, ImmutableEquatableArray<ExternalSchemaType> external, CancellationToken cancellationToken)
    {
        var shapes = new Dictionary<string, TypeShape>(StringComparer.Ordinal);
        foreach (var document in set.Documents)
        {
            if (document.Root is null || TypeModelMapper.Map(document, set, features, external, cancellationToken).File is not { } file)
            {
                continue;
            }

            foreach (var record in file.Objects)
            {
                var members = new Dictionary<string, MemberShape>(StringComparer.Ordinal);
                foreach (var property in record.Properties)
                {
                    var type = TypeSyntax.IsNullableProperty(property) && !property.Type.Nullable ? TypeSyntax.Full(property.Type) + "?" : TypeSyntax.Full(property.Type);
                    members[property.Name] = new MemberShape(property.Name, type, property.IsRequired, property.JsonName);
                }

                if (record.AdditionalProperties == AdditionalPropertiesMode.Keep && !record.InheritsAdditionalProperties)
                {
                    members[record.AdditionalPropertiesMemberName] = new MemberShape(record.AdditionalPropertiesMemberName, "additional properties", false, null);
                }

                if (record.NonObjectMemberName is { } nonObject && !record.InheritsNonObjectMember)
                {
                    members[nonObject] = new MemberShape(nonObject, "JsonElement?", false, null);
                }

                shapes[record.FullName] = new TypeShape(record.FullName, "a record", record.SchemaLocation, members);
            }

            foreach (var enumType in file.Enums)
            {
                shapes[enumType.FullName] = new TypeShape(enumType.FullName, "an enum", enumType.SchemaLocation, enumType.Members.ToDictionary(m => m.Name, m => new MemberShape(m.Name, "enum member", false, null), StringComparer.Ordinal));
            }

            foreach (var union in file.Unions)
            {
                shapes[union.FullName] = new TypeShape(union.FullName, "a union", union.SchemaLocation, union.Variants.GroupBy(v => v.Name).ToDictionary(g => g.Key, g => new MemberShape(g.Key, g.First().Wrapped is { } w ? TypeSyntax.Full(w) : "variant", false, null), StringComparer.Ordinal));
            }

            foreach (var union in file.ValueUnions)
            {
                shapes[union.FullName] = new TypeShape(union.FullName, "a value union", union.SchemaLocation, union.Cases.GroupBy(c => c.Name).ToDictionary(g => g.Key, g => new MemberShape(g.Key, TypeSyntax.Full(g.First().Type), false, null), StringComparer.Ordinal));
            }
        }

        return shapes;
    }

    private static string Display(string csharp) => csharp.Replace("global::", string.Empty);

    private static void Report(ICollection<SchemaChange> changes, ChangeKind kind, string detail, SchemaRef oldAt, SchemaRef newAt)
    {
        var newSpan = SchemaIndex.JsonAt(newAt.Document, newAt.Pointer)?.Span ?? default;
        var oldSpan = SchemaIndex.JsonAt(oldAt.Document, oldAt.Pointer)?.Span ?? default;
        changes.Add(new SchemaChange(kind, CompatibilityCategory.Source, detail, newAt.Document.FilePath, newAt.Pointer, newSpan, oldAt.Document.RelativePath, oldAt.Pointer, oldSpan));
    }
}
