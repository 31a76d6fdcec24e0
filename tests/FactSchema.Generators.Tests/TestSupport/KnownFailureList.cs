using System.IO;

namespace FactSchema.Generators.Tests.TestSupport;

/// <summary>
/// A known-failures file (conformance, corpus): one failure per line, <c>key | key | ... | reason</c>, with '#'
/// comments. The runs that read one fail on an unlisted failure and on a listed one that passes.
/// </summary>
public static class KnownFailureList
{
    /// <summary>The entries by key (the first <paramref name="keyParts"/> fields joined by " | "), with their reasons.</summary>
    public static Dictionary<string, string> Read(string path, int keyParts)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return result;
        }

        foreach (var line in File.ReadAllLines(path))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split(" | ");
            if (parts.Length > keyParts)
            {
                result[string.Join(" | ", parts.Take(keyParts))] = string.Join(" | ", parts.Skip(keyParts));
            }
        }

        return result;
    }
}
