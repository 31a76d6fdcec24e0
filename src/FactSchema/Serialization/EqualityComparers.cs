using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace FactSchema.Serialization;

/// <summary>Compares lists by content, in order. Generated records use it so that two reads of one document are equal.</summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed class ListEqualityComparer<T> : IEqualityComparer<IReadOnlyList<T>?>
{
    private readonly IEqualityComparer<T> _elements;

    /// <summary>Creates a comparer that compares elements with <paramref name="elements"/>.</summary>
    /// <param name="elements">The element comparer.</param>
    public ListEqualityComparer(IEqualityComparer<T> elements) => _elements = elements;

    /// <inheritdoc/>
    public bool Equals(IReadOnlyList<T>? x, IReadOnlyList<T>? y)
    {
        if (ReferenceEquals(x, y))
        {
            return true;
        }

        if (x is null || y is null || x.Count != y.Count)
        {
            return false;
        }

        for (var i = 0; i < x.Count; i++)
        {
            if (!_elements.Equals(x[i], y[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public int GetHashCode(IReadOnlyList<T>? obj)
    {
        if (obj is null)
        {
            return 0;
        }

        var hash = obj.Count;
        for (var i = 0; i < obj.Count && i < 16; i++)
        {
            var item = obj[i];
            hash = unchecked((hash * 31) + (item is null ? 0 : _elements.GetHashCode(item)));
        }

        return hash;
    }
}

/// <summary>Compares string-keyed dictionaries by content, ignoring order.</summary>
/// <typeparam name="T">The value type.</typeparam>
public sealed class DictionaryEqualityComparer<T> : IEqualityComparer<IReadOnlyDictionary<string, T>?>
{
    private readonly IEqualityComparer<T> _values;

    /// <summary>Creates a comparer that compares values with <paramref name="values"/>.</summary>
    /// <param name="values">The value comparer.</param>
    public DictionaryEqualityComparer(IEqualityComparer<T> values) => _values = values;

    /// <inheritdoc/>
    public bool Equals(IReadOnlyDictionary<string, T>? x, IReadOnlyDictionary<string, T>? y)
    {
        if (ReferenceEquals(x, y))
        {
            return true;
        }

        // An empty bag and no bag hold the same JSON.
        if ((x is null || x.Count == 0) && (y is null || y.Count == 0))
        {
            return true;
        }

        if (x is null || y is null || x.Count != y.Count)
        {
            return false;
        }

        foreach (var pair in x)
        {
            if (!y.TryGetValue(pair.Key, out var other) || !_values.Equals(pair.Value, other))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public int GetHashCode(IReadOnlyDictionary<string, T>? obj)
    {
        if (obj is null)
        {
            return 0;
        }

        var hash = 0;
        foreach (var pair in obj)
        {
            // Order-independent.
            hash ^= StringComparer.Ordinal.GetHashCode(pair.Key) ^ (pair.Value is null ? 0 : _values.GetHashCode(pair.Value));
        }

        return hash;
    }
}

/// <summary>Compares JSON values by meaning: object member order is ignored and numbers compare by value.</summary>
public sealed class JsonElementEqualityComparer : IEqualityComparer<JsonElement>, IEqualityComparer<JsonElement?>
{
    private JsonElementEqualityComparer()
    {
    }

    /// <summary>The comparer.</summary>
    public static JsonElementEqualityComparer Instance { get; } = new();

    /// <summary>Compares bags of additional properties.</summary>
    public static DictionaryEqualityComparer<JsonElement> Properties { get; } = new(Instance);

    /// <inheritdoc/>
    public bool Equals(JsonElement? x, JsonElement? y)
        => x is null ? y is null : y is not null && Equals(x.Value, y.Value);

    /// <inheritdoc/>
    public int GetHashCode(JsonElement? obj) => obj is null ? 0 : GetHashCode(obj.Value);

    /// <inheritdoc/>
    public bool Equals(JsonElement x, JsonElement y)
    {
        if (x.ValueKind != y.ValueKind)
        {
            return false;
        }

        switch (x.ValueKind)
        {
            case JsonValueKind.String:
                return string.Equals(x.GetString(), y.GetString(), StringComparison.Ordinal);
            case JsonValueKind.Number:
                if (x.TryGetDecimal(out var dx) && y.TryGetDecimal(out var dy))
                {
                    return dx == dy;
                }

                return x.TryGetDouble(out var fx) && y.TryGetDouble(out var fy) ? fx.Equals(fy) : x.GetRawText() == y.GetRawText();
            case JsonValueKind.Array:
                if (x.GetArrayLength() != y.GetArrayLength())
                {
                    return false;
                }

                using (var ex = x.EnumerateArray())
                using (var ey = y.EnumerateArray())
                {
                    while (ex.MoveNext() && ey.MoveNext())
                    {
                        if (!Equals(ex.Current, ey.Current))
                        {
                            return false;
                        }
                    }
                }

                return true;
            case JsonValueKind.Object:
                var count = 0;
                foreach (var property in x.EnumerateObject())
                {
                    count++;
                    if (!y.TryGetProperty(property.Name, out var other) || !Equals(property.Value, other))
                    {
                        return false;
                    }
                }

                foreach (var unused in y.EnumerateObject())
                {
                    count--;
                }

                return count == 0;
            default:
                return true;
        }
    }

    /// <inheritdoc/>
    public int GetHashCode(JsonElement obj)
    {
        switch (obj.ValueKind)
        {
            case JsonValueKind.String:
                return StringComparer.Ordinal.GetHashCode(obj.GetString() ?? string.Empty);
            case JsonValueKind.Number:
                return obj.TryGetDecimal(out var d) ? d.GetHashCode() : obj.TryGetDouble(out var f) ? f.GetHashCode() : 0;
            case JsonValueKind.Array:
                return obj.GetArrayLength().GetHashCode() ^ 0x5bd1e995;
            case JsonValueKind.Object:
                var hash = 0;
                foreach (var property in obj.EnumerateObject())
                {
                    hash ^= StringComparer.Ordinal.GetHashCode(property.Name);
                }

                return hash;
            default:
                return ((int)obj.ValueKind).GetHashCode();
        }
    }
}
