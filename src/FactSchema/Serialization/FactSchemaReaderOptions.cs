using System;
using System.Text.Json;

namespace FactSchema.Serialization;

/// <summary>
/// Limits for reading untrusted JSON with generated <c>Deserialize</c> methods. The defaults are safe for
/// data from the internet; raise them deliberately.
/// </summary>
public sealed class FactSchemaReaderOptions
{
    /// <summary>The default nesting limit: 64 levels, as in System.Text.Json.</summary>
    public const int DefaultMaxDepth = 64;

    /// <summary>The default size limit: 64 MiB.</summary>
    public const long DefaultMaxDocumentBytes = 64L * 1024 * 1024;

    /// <summary>The options used when none are given.</summary>
    public static FactSchemaReaderOptions Default { get; } = new();

    /// <summary>
    /// The deepest nesting of objects and arrays accepted (1 to 1,000). Generated readers recurse once per
    /// level, so this also bounds stack use.
    /// </summary>
    public int MaxDepth
    {
        get => _maxDepth;
        init => _maxDepth = value is >= 1 and <= 1000 ? value : throw new ArgumentOutOfRangeException(nameof(MaxDepth), value, "MaxDepth must be between 1 and 1000.");
    }

    /// <summary>The largest document accepted, in bytes; larger input is refused before any parsing.</summary>
    public long MaxDocumentBytes
    {
        get => _maxDocumentBytes;
        init => _maxDocumentBytes = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaxDocumentBytes), value, "MaxDocumentBytes must be positive.");
    }

    /// <summary>
    /// Whether <c>Deserialize</c> checks every keyword of the schema (patterns, lengths, ranges, composition, ...)
    /// before it materialises the value. True by default; turn it off only for input already validated.
    /// </summary>
    public bool ValidateSchema { get; init; } = true;

    /// <summary>The error cap and reporting options for schema validation.</summary>
    public FactSchema.Validation.ValidationOptions? Validation { get; init; }

    private readonly int _maxDepth = DefaultMaxDepth;
    private readonly long _maxDocumentBytes = DefaultMaxDocumentBytes;

    /// <summary>The <see cref="JsonReaderOptions"/> these limits give: strict JSON (no comments, no trailing commas).</summary>
    public JsonReaderOptions ToReaderOptions() => new() { MaxDepth = MaxDepth };
}
