using System.Collections.Generic;
using FactSchema.Serialization;

namespace FactSchema.AspNetCore;

/// <summary>How FactSchema reads request bodies in ASP.NET Core. Set through <c>services.AddFactSchema(...)</c>.</summary>
public sealed class FactSchemaAspNetCoreOptions
{
    /// <summary>The default <see cref="MaxBodyBytes"/>: 4 MiB.</summary>
    public const long DefaultMaxBodyBytes = 4L * 1024 * 1024;

    /// <summary>The generated types the application reads and writes: each project's <c>FactSchemaTypes.Resolver</c>.</summary>
    public IList<FactSchemaJsonTypeInfoResolver> Resolvers { get; } = new List<FactSchemaJsonTypeInfoResolver>();

    /// <summary>The largest request body read, in bytes; a larger one is refused with 413 before it is parsed.</summary>
    public long MaxBodyBytes { get; set; } = DefaultMaxBodyBytes;

    /// <summary>Depth limit and validation settings of the generated readers, or null for their safe defaults.</summary>
    public FactSchemaReaderOptions? ReaderOptions { get; set; }

    internal bool TryGetConverter(System.Type type, out IFactSchemaJsonConverter converter)
    {
        foreach (var resolver in Resolvers)
        {
            if (resolver.TryGetConverter(type, out converter))
            {
                return true;
            }
        }

        converter = null!;
        return false;
    }
}
