using System.IO;

namespace FactSchema.Generators.Tests.TestSupport;

/// <summary>Finds folders of this repository from the test's output directory (no machine paths in the repo).</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string TestProject => Path.Combine(Root, "tests", "FactSchema.Generators.Tests");

    public static string Constructs => Path.Combine(TestProject, "Schemas", "Constructs");

    /// <summary>The shared data folder: FACTSCHEMA_SHARED_DIR, default ../shared/ beside the repository (it may be absent).</summary>
    public static string Shared
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("FACTSCHEMA_SHARED_DIR");
            return string.IsNullOrEmpty(configured) ? Path.Combine(Root, "..", "shared") : configured;
        }
    }

    private static string FindRoot()
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
