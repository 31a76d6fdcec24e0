using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace FactSchema.Serialization;

/// <summary>
/// The contracts of generated types for <c>JsonSerializer</c>, with no reflection: AOT- and trim-safe, and usable where
/// reflection-based serialization is turned off. Every project that generates types gets one, as
/// <c>FactSchemaTypes.Resolver</c> in its schema namespace (the standard vocabulary's is <c>FactSchema.News.FactSchemaTypes.Resolver</c>).
/// Types it does not know (collections of generated types, your own types) come from the next resolver in the chain:
/// <c>JsonTypeInfoResolver.Combine(FactSchemaTypes.Resolver, MyJsonContext.Default)</c>.
/// </summary>
public sealed class FactSchemaJsonTypeInfoResolver : IJsonTypeInfoResolver
{
    private readonly Dictionary<Type, IFactSchemaJsonConverter> _converters;

    /// <summary>Creates a resolver for the types of the given converters.</summary>
    /// <param name="converters">One converter per generated type.</param>
    public FactSchemaJsonTypeInfoResolver(IEnumerable<IFactSchemaJsonConverter> converters)
    {
        if (converters is null)
        {
            throw new ArgumentNullException(nameof(converters));
        }

        _converters = new Dictionary<Type, IFactSchemaJsonConverter>();
        foreach (var converter in converters)
        {
            if (converter is null)
            {
                throw new ArgumentException("The converters must not contain null.", nameof(converters));
            }

            _converters[converter.ValueType] = converter;
        }
    }

    /// <summary>The types this resolver knows.</summary>
    public IEnumerable<Type> Types => _converters.Keys;

    /// <summary>The generated converter of a type, if this resolver knows the type.</summary>
    /// <param name="type">The type.</param>
    /// <param name="converter">The converter.</param>
    /// <returns>True when the type is known.</returns>
    public bool TryGetConverter(Type type, out IFactSchemaJsonConverter converter) => _converters.TryGetValue(type, out converter!);

    /// <summary>Combines several resolvers (the generated types of several projects) into one.</summary>
    /// <param name="resolvers">The resolvers.</param>
    /// <returns>A resolver that knows every type the given ones know.</returns>
    public static FactSchemaJsonTypeInfoResolver Combine(params FactSchemaJsonTypeInfoResolver[] resolvers)
    {
        if (resolvers is null)
        {
            throw new ArgumentNullException(nameof(resolvers));
        }

        var all = new List<IFactSchemaJsonConverter>();
        foreach (var resolver in resolvers)
        {
            all.AddRange((resolver ?? throw new ArgumentException("The resolvers must not contain null.", nameof(resolvers)))._converters.Values);
        }

        return new FactSchemaJsonTypeInfoResolver(all);
    }

    /// <inheritdoc/>
    public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options)
        => _converters.TryGetValue(type, out var converter) ? converter.CreateTypeInfo(options) : null;
}
