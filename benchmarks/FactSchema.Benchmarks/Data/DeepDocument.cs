using System;
using System.Globalization;

namespace FactSchema.Benchmarks.Data;

/// <summary>
/// The deep, narrow document: a chain of <see cref="DeepNode"/> objects (Schemas/deep.schema.json), each with a name
/// and one child. It stresses what the wide fact sets do not: recursion and per-level overhead.
/// </summary>
public static class DeepDocument
{
    /// <summary>
    /// Nesting depth of the benchmark document: 60 objects, under the default limit of 64 that FactSchema's readers,
    /// System.Text.Json and Newtonsoft.Json all apply.
    /// </summary>
    public const int DefaultDepth = 60;

    /// <summary>Makes a chain of <paramref name="depth"/> nodes.</summary>
    /// <param name="depth">Number of nested objects, at least 1.</param>
    /// <returns>The outermost node.</returns>
    public static DeepNode Create(int depth = DefaultDepth)
    {
        if (depth < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(depth), depth, "The document needs at least one node.");
        }

        DeepNode? node = null;
        for (var level = depth; level >= 1; level--)
        {
            node = new DeepNode { Name = string.Create(CultureInfo.InvariantCulture, $"level {level} of {depth}"), Child = node };
        }

        return node!;
    }

    /// <summary>Makes the chain and writes it with FactSchema's generated writer.</summary>
    /// <param name="depth">Number of nested objects.</param>
    /// <returns>The compact UTF-8 JSON document.</returns>
    public static byte[] CreateUtf8(int depth = DefaultDepth) => Create(depth).SerializeToUtf8Bytes();
}
