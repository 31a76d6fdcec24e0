using System;
using System.IO;

namespace FactSchema.Benchmarks;

/// <summary>The sample news-fact document (samples/NewsFacts/facts.json), copied next to the executable at build time.</summary>
public static class SampleDocument
{
    /// <summary>The file name the project copies the sample to.</summary>
    public const string FileName = "facts.json";

    /// <summary>Reads the sample's UTF-8 bytes.</summary>
    /// <returns>The bytes of the file.</returns>
    /// <exception cref="FileNotFoundException">The sample was not copied to the output.</exception>
    public static byte[] ReadAllBytes()
    {
        // BenchmarkDotNet runs the benchmarks from a project it generates; the sample is copied to that project's
        // output too, but look beside this assembly as well in case the host was started from elsewhere.
        var candidates = new[]
        {
            Path.Combine(AppContext.BaseDirectory, FileName),
            Path.Combine(Path.GetDirectoryName(typeof(SampleDocument).Assembly.Location) ?? AppContext.BaseDirectory, FileName),
        };
        foreach (var path in candidates)
        {
            if (File.Exists(path))
            {
                return File.ReadAllBytes(path);
            }
        }

        throw new FileNotFoundException($"The sample document was not found; looked for: {string.Join(", ", candidates)}.", FileName);
    }
}
