using System.Collections.Generic;
using System.Linq;
using System.Threading;
using FactSchema.Generators.Common;
using FactSchema.Generators.Model;
using Microsoft.CodeAnalysis;

namespace FactSchema.Generators.Configuration;

/// <summary>
/// Reads the <c>[assembly: FactSchemaType(uri, typeof(T))]</c> records of referenced libraries built with
/// FactSchema (the runtime's news-fact vocabulary among them), so that a <c>$ref</c> to their schemas by
/// <c>$id</c> maps to their existing types. The only other place, with <c>ReadFeatures</c>, that touches symbols;
/// it returns plain equatable values.
/// </summary>
internal static class ExternalSchemaTypeReader
{
    private const string AttributeName = "FactSchema.Serialization.FactSchemaTypeAttribute";
    private const string RuntimeAssemblyName = "FactSchema";

    public static ImmutableEquatableArray<ExternalSchemaType> Read(Compilation compilation, CancellationToken cancellationToken)
    {
        var attributeType = compilation.GetTypeByMetadataName(AttributeName);
        if (attributeType is null)
        {
            return ImmutableEquatableArray<ExternalSchemaType>.Empty;
        }

        var result = new Dictionary<string, ExternalSchemaType>(System.StringComparer.Ordinal);
        foreach (var reference in compilation.References)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (compilation.GetAssemblyOrModuleSymbol(reference) is not IAssemblySymbol assembly
                || SymbolEqualityComparer.Default.Equals(assembly, compilation.Assembly)
                || !(assembly.Name == RuntimeAssemblyName || assembly.Modules.Any(m => m.ReferencedAssemblies.Any(r => r.Name == RuntimeAssemblyName))))
            {
                continue;
            }

            foreach (var attribute in assembly.GetAttributes())
            {
                if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType)
                    || attribute.ConstructorArguments.Length != 2
                    || attribute.ConstructorArguments[0].Value is not string uri
                    || attribute.ConstructorArguments[1].Value is not ITypeSymbol symbol
                    || ToValueType(symbol) is not { } type)
                {
                    continue;
                }

                var allowsNull = attribute.NamedArguments.Any(a => a.Key == "AllowsNull" && a.Value.Value is true);
                var validator = attribute.NamedArguments.FirstOrDefault(a => a.Key == "Validator").Value.Value as string;
                if (!result.ContainsKey(uri))
                {
                    result.Add(uri, new ExternalSchemaType(uri, allowsNull && !type.Nullable && type.Kind != ValueKind.Any ? type with { Nullable = true } : type, IsQualifiedName(validator) ? validator : null));
                }
            }
        }

        return result.Values.OrderBy(t => t.SchemaUri, System.StringComparer.Ordinal).ToImmutableEquatableArray();
    }

    /// <summary>Only a dotted path of identifiers reaches generated code from another assembly's metadata.</summary>
    private static bool IsQualifiedName(string? name)
        => name is { Length: > 0 } && name.Split('.').All(part => Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(part) && Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(part) == Microsoft.CodeAnalysis.CSharp.SyntaxKind.None);

    private static ValueTypeSpec? ToValueType(ITypeSymbol symbol)
    {
        if (symbol is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            return ToValueType(nullable.TypeArguments[0]) is { } inner ? (inner.Kind == ValueKind.Any ? inner : inner with { Nullable = true }) : null;
        }

        switch (symbol.SpecialType)
        {
            case SpecialType.System_String: return new ValueTypeSpec(ValueKind.String);
            case SpecialType.System_Boolean: return new ValueTypeSpec(ValueKind.Boolean);
            case SpecialType.System_Int32: return new ValueTypeSpec(ValueKind.Int32);
            case SpecialType.System_Int64: return new ValueTypeSpec(ValueKind.Int64);
            case SpecialType.System_Double: return new ValueTypeSpec(ValueKind.Double);
            case SpecialType.System_Decimal: return new ValueTypeSpec(ValueKind.Decimal);
            case SpecialType.System_DateTime: return new ValueTypeSpec(ValueKind.DateAsDateTime);
        }

        var name = symbol.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        switch (name)
        {
            // A DateTimeOffset member holds a date-time as well (without its exact text).
            case "global::System.DateTimeOffset": return new ValueTypeSpec(ValueKind.DateTimeOffset);
            case "global::System.Text.Json.JsonElement": return ValueTypeSpec.AnyValue;
        }

        if (Scalars.ByClrType(name) is { } scalar)
        {
            return new ValueTypeSpec(scalar);
        }

        if (symbol is INamedTypeSymbol { IsGenericType: true } generic)
        {
            var definition = generic.OriginalDefinition.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            if (definition == "global::System.Collections.Generic.IReadOnlyList<T>" && ToValueType(generic.TypeArguments[0]) is { } item)
            {
                return new ValueTypeSpec(ValueKind.Array, Element: item);
            }

            if (definition == "global::System.Collections.Generic.IReadOnlyDictionary<TKey, TValue>"
                && generic.TypeArguments[0].SpecialType == SpecialType.System_String
                && ToValueType(generic.TypeArguments[1]) is { } value)
            {
                return new ValueTypeSpec(ValueKind.Map, Element: value);
            }

            if (generic.IsTupleType && generic.TupleElements.Length <= 16)
            {
                var elements = generic.TupleElements.Select(e => ToValueType(e.Type)).ToList();
                return elements.All(e => e is not null) ? new ValueTypeSpec(ValueKind.Tuple, Elements: elements.Select(e => e!).ToImmutableEquatableArray()) : null;
            }

            return null;
        }

        return symbol.TypeKind switch
        {
            TypeKind.Enum => new ValueTypeSpec(ValueKind.Enum, name),
            TypeKind.Class => new ValueTypeSpec(ValueKind.Object, name),

            // A generated type union (a readonly struct with the generated writer).
            TypeKind.Struct when symbol.AllInterfaces.Any(i => i.ToDisplayString() == "FactSchema.Serialization.IFactSchemaValue") => new ValueTypeSpec(ValueKind.ValueUnion, name),
            _ => null,
        };
    }
}
