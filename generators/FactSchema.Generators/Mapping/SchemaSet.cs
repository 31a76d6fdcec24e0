using FactSchema.Generators.Common;
using FactSchema.Generators.Json;
using FactSchema.Generators.Schema;

namespace FactSchema.Generators.Mapping;

/// <summary>
/// All schema files of the compilation, plus the type names assigned to them. Cross-file <c>$ref</c>s
/// need every file; naming needs every file so that names are unique per namespace.
/// </summary>
internal sealed record SchemaSet(
    ImmutableEquatableArray<SchemaDocument> Documents,
    ImmutableEquatableArray<NamedTypeEntry> Names,
    ImmutableEquatableArray<NameCollision> Collisions);

internal enum NamedTypeKind
{
    Object,
    Enum,
}

/// <summary>The C# type assigned to the schema at <paramref name="Pointer"/> in <paramref name="FilePath"/>.</summary>
internal sealed record NamedTypeEntry(string FilePath, string Pointer, string Namespace, string Name, NamedTypeKind Kind)
{
    public string FullName => "global::" + (Namespace.Length == 0 ? string.Empty : Namespace + ".") + Identifiers.Bare(Name);
}

/// <summary>A root type name that another file already took.</summary>
internal sealed record NameCollision(string FilePath, SourceSpan Span, string Name, string Namespace, string OtherFile);
