using System;
using System.Linq;
using FactSchema.Generators.Model;

namespace FactSchema.Generators.Emit;

/// <summary>C# spellings of the type model: type names, comparers, nullability.</summary>
internal static class TypeSyntax
{
    /// <summary>The C# type of a value, without a trailing '?'.</summary>
    public static string Base(ValueTypeSpec type) => type.Kind switch
    {
        ValueKind.Any => KnownNames.JsonElement,
        ValueKind.Enum or ValueKind.Object or ValueKind.ValueUnion => type.TypeName!,
        ValueKind.Array => $"{KnownNames.IReadOnlyList}<{Full(type.Element!)}>",
        ValueKind.Map => $"{KnownNames.IReadOnlyDictionary}<string, {Full(type.Element!)}>",
        ValueKind.Tuple => "(" + string.Join(", ", type.Elements!.Select(Full)) + ")",
        _ => Scalars.Of(type.Kind)?.ClrType ?? throw new ArgumentOutOfRangeException(nameof(type), type.Kind, "no C# type for the value kind"),
    };

    /// <summary>A type usable inside <c>typeof(...)</c>: nullable reference annotations are not allowed there.</summary>
    public static string TypeOf(ValueTypeSpec type)
    {
        var name = type.Kind switch
        {
            ValueKind.Array => $"{KnownNames.IReadOnlyList}<{TypeOf(type.Element!)}>",
            ValueKind.Map => $"{KnownNames.IReadOnlyDictionary}<string, {TypeOf(type.Element!)}>",
            ValueKind.Tuple => "(" + string.Join(", ", type.Elements!.Select(TypeOf)) + ")",
            _ => Base(type),
        };
        return type.Nullable && type.IsValueType ? name + "?" : name;
    }

    /// <summary>The C# type of a value, with '?' where JSON null is allowed.</summary>
    public static string Full(ValueTypeSpec type) => type.Nullable ? Base(type) + "?" : Base(type);

    /// <summary>Whether the property's C# type is nullable: null allowed, or optional with nothing to start from.</summary>
    public static bool IsNullableProperty(PropertySpec property)
        => property.Type.Nullable || (!property.IsRequired && property.DefaultExpression is null && property.Const is null);

    public static string Property(PropertySpec property) => IsNullableProperty(property) ? Base(property.Type) + "?" : Base(property.Type);

    /// <summary>A local that can hold the value before it is known (reference types start as null).</summary>
    public static string Local(PropertySpec property)
        => IsNullableProperty(property) || !property.Type.IsValueType ? Base(property.Type) + "?" : Base(property.Type);

    /// <summary>An expression for an <c>IEqualityComparer&lt;T&gt;</c> of the value's type with structural equality.</summary>
    public static string Comparer(ValueTypeSpec type, bool nullableValue)
    {
        switch (type.Kind)
        {
            case ValueKind.Array:
                return $"new {KnownNames.ListComparer}<{Full(type.Element!)}>({Comparer(type.Element!, type.Element!.Nullable)})";
            case ValueKind.Map:
                return $"new {KnownNames.MapComparer}<{Full(type.Element!)}>({Comparer(type.Element!, type.Element!.Nullable)})";
            case ValueKind.Any:
                return nullableValue ? KnownNames.ElementComparer + ".Nullable" : KnownNames.ElementComparer + ".Instance";
            default:
                var name = Base(type) + (nullableValue || !type.IsValueType ? "?" : string.Empty);
                return $"{KnownNames.EqualityComparer}<{name}>.Default";
        }
    }

    /// <summary>Whether comparing this type needs a cached comparer instance rather than <c>EqualityComparer.Default</c>.</summary>
    public static bool NeedsComparerField(ValueTypeSpec type) => type.Kind is ValueKind.Array or ValueKind.Map or ValueKind.Any;
}
