using System;
using System.ComponentModel;

namespace FactSchema.Validation;

/// <summary>
/// The positions of an object's properties, or an array's items, that some keyword has evaluated: what
/// <c>unevaluatedProperties</c> and <c>unevaluatedItems</c> need. Used by generated validators; pooled by
/// <see cref="ValidationContext"/>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class EvaluatedSet
{
    private ulong[] _bits = new ulong[2];

    /// <summary>Marks one position as evaluated.</summary>
    /// <param name="position">The property's position in its object, or the item's index.</param>
    public void Mark(int position)
    {
        var word = position >> 6;
        if (word >= _bits.Length)
        {
            Array.Resize(ref _bits, Math.Max(word + 1, _bits.Length * 2));
        }

        _bits[word] |= 1UL << (position & 63);
    }

    /// <summary>Whether a position has been evaluated.</summary>
    /// <param name="position">The position.</param>
    /// <returns>True when marked.</returns>
    public bool IsMarked(int position)
    {
        var word = position >> 6;
        return word < _bits.Length && (_bits[word] & (1UL << (position & 63))) != 0;
    }

    /// <summary>Adds every position the other set has.</summary>
    /// <param name="other">The other set, or null.</param>
    public void UnionWith(EvaluatedSet? other)
    {
        if (other is null)
        {
            return;
        }

        if (other._bits.Length > _bits.Length)
        {
            Array.Resize(ref _bits, other._bits.Length);
        }

        for (var i = 0; i < other._bits.Length; i++)
        {
            _bits[i] |= other._bits[i];
        }
    }

    internal void Clear() => Array.Clear(_bits, 0, _bits.Length);
}
