using System.IO;
using System.Text;

namespace FactSchema.Tests;

/// <summary>Where test data lives. The shared folder is optional: tests that need it skip where it is absent.</summary>
internal static class TestData
{
    /// <summary>The sample's fact document (copied next to the tests at build time).</summary>
    public static byte[] SampleFacts => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Data", "facts.json"));

    /// <summary>
    /// The read-only shared folder: FACTSCHEMA_SHARED_DIR if set, else <c>../shared/</c> beside the repository root.
    /// Null when it does not exist.
    /// </summary>
    public static string? SharedDirectory
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("FACTSCHEMA_SHARED_DIR");
            var path = string.IsNullOrEmpty(configured) ? Path.Combine(RepoRoot, "..", "shared") : configured;
            return Directory.Exists(path) ? Path.GetFullPath(path) : null;
        }
    }

    public static string RepoRoot
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "FactSchema.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException("Cannot find FactSchema.sln above " + AppContext.BaseDirectory);
        }
    }

    public static byte[] Utf8(string json) => Encoding.UTF8.GetBytes(json);
}
