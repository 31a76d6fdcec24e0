using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace FactSchema.Generators.Common;

/// <summary>
/// Compares by identity. For indexes over the set's own objects (documents, nodes): their records compare and hash
/// structurally, over the whole schema tree, which as a dictionary key costs a walk of the tree per lookup.
/// </summary>
/// <typeparam name="T">The key type.</typeparam>
internal sealed class ReferenceComparer<T> : IEqualityComparer<T>
    where T : class
{
    public static readonly ReferenceComparer<T> Instance = new();

    private ReferenceComparer()
    {
    }

    public bool Equals(T? x, T? y) => ReferenceEquals(x, y);

    public int GetHashCode(T obj) => RuntimeHelpers.GetHashCode(obj);
}
