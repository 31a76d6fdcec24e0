using System.Diagnostics;
using System.IO;
using System.Text;

namespace FactSchema.Package.Tests;

/// <summary>
/// Packs FactSchema once into a temporary feed and gives each test a fresh folder and an isolated NuGet
/// setup (its own config with only that feed, its own global packages folder), so nothing leaks from the
/// repository's build or from the machine's caches.
/// </summary>
public sealed class PackageFixture : IDisposable
{
    public const string PackageVersion = "0.1.0";

    public PackageFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "factschema-package-tests-" + Guid.NewGuid().ToString("N")[..8]);
        Feed = Path.Combine(Root, "feed");
        Packages = Path.Combine(Root, "packages");
        Directory.CreateDirectory(Feed);
        Directory.CreateDirectory(Packages);

        var project = Path.Combine(RepoRoot, "src", "FactSchema", "FactSchema.csproj");
        var pack = Run(RepoRoot, "dotnet", $"pack \"{project}\" -c Release -o \"{Feed}\" -p:VersionPrefix={PackageVersion} -p:VersionSuffix= -nologo");
        Assert.True(pack.ExitCode == 0, "dotnet pack failed:\n" + pack.Output);
        Assert.True(File.Exists(Path.Combine(Feed, $"FactSchema.{PackageVersion}.nupkg")), "no package in the feed:\n" + pack.Output);
    }

    public string Root { get; }

    public string Feed { get; }

    public string Packages { get; }

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

    /// <summary>A new, empty project folder with a NuGet config that knows only the test feed.</summary>
    public string NewProjectFolder(string name)
    {
        var folder = Path.Combine(Root, name);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="factschema-test-feed" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
        return folder;
    }

    public (int ExitCode, string Output) Dotnet(string folder, string arguments) => Run(folder, "dotnet", arguments, Packages);

    /// <summary>Runs dotnet with the machine's normal NuGet setup (for building the repository's own projects).</summary>
    public (int ExitCode, string Output) DotnetShared(string folder, string arguments) => Run(folder, "dotnet", arguments);

    /// <summary>
    /// Packs the factschema tool into the feed once and installs it from there into its own tool folder, as a user would
    /// (<c>dotnet tool install</c> from the package); returns the path of the installed command.
    /// </summary>
    public string InstalledTool()
    {
        lock (_toolLock)
        {
            if (_tool is not null)
            {
                return _tool;
            }

            var project = Path.Combine(RepoRoot, "src", "FactSchema.Tool", "FactSchema.Tool.csproj");
            var pack = Run(RepoRoot, "dotnet", $"pack \"{project}\" -c Release -o \"{Feed}\" -p:VersionPrefix={PackageVersion} -p:VersionSuffix= -nologo");
            Assert.True(pack.ExitCode == 0, "dotnet pack of the tool failed:\n" + pack.Output);
            Assert.True(File.Exists(Path.Combine(Feed, $"FactSchema.Tool.{PackageVersion}.nupkg")), "no tool package in the feed:\n" + pack.Output);

            var folder = NewProjectFolder("tool-install");
            var tools = Path.Combine(Root, "tools");
            var install = Dotnet(folder, $"tool install FactSchema.Tool --version {PackageVersion} --tool-path \"{tools}\" --configfile \"{Path.Combine(folder, "nuget.config")}\"");
            Assert.True(install.ExitCode == 0, "dotnet tool install failed:\n" + install.Output);
            var command = Path.Combine(tools, OperatingSystem.IsWindows() ? "factschema.exe" : "factschema");
            Assert.True(File.Exists(command), "no factschema command after the install:\n" + install.Output);
            _tool = command;
            return command;
        }
    }

    /// <summary>Packs an integration package (<c>src/&lt;name&gt;</c>) into the feed once.</summary>
    public void PackIntegration(string name)
    {
        lock (_toolLock)
        {
            if (_packed.Contains(name))
            {
                return;
            }

            var project = Path.Combine(RepoRoot, "src", name, name + ".csproj");
            var pack = Run(RepoRoot, "dotnet", $"pack \"{project}\" -c Release -o \"{Feed}\" -p:VersionPrefix={PackageVersion} -p:VersionSuffix= -nologo");
            Assert.True(pack.ExitCode == 0, $"dotnet pack of {name} failed:\n" + pack.Output);
            Assert.True(File.Exists(Path.Combine(Feed, $"{name}.{PackageVersion}.nupkg")), $"no {name} package in the feed:\n" + pack.Output);
            _packed.Add(name);
        }
    }

    /// <summary>
    /// A new project folder whose NuGet config adds the test feed to the machine's own sources: for projects that also need
    /// packages FactSchema does not make (ASP.NET Core's OpenAPI package), still restored into the isolated packages folder.
    /// </summary>
    public string NewProjectFolderWithMachineFeeds(string name)
    {
        var folder = Path.Combine(Root, name);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="factschema-test-feed" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
        return folder;
    }

    private readonly HashSet<string> _packed = new(StringComparer.Ordinal);
    private readonly object _toolLock = new();
    private string? _tool;

    /// <summary>Runs the installed tool in a folder, with text on its standard input if given; its own cache folder.</summary>
    public (int ExitCode, string Output) Tool(string folder, string arguments, string? standardInput = null)
        => Run(folder, InstalledTool(), arguments, Packages, standardInput, new Dictionary<string, string>
        {
            ["FACTSCHEMA_CACHE"] = Path.Combine(Root, "tool-cache"),
            // The installed command is an app host: it finds the runtime the tests run on through DOTNET_ROOT.
            ["DOTNET_ROOT"] = DotnetRoot,
        });

    private static string DotnetRoot
    {
        get
        {
            var candidates = new[]
            {
                Environment.GetEnvironmentVariable("DOTNET_ROOT"),
                Path.GetDirectoryName(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? string.Empty),
                Path.GetDirectoryName(Environment.ProcessPath ?? string.Empty),
                Path.GetDirectoryName(typeof(object).Assembly.Location) is { } framework ? Path.GetFullPath(Path.Combine(framework, "..", "..", "..")) : null,
            };
            return candidates.FirstOrDefault(c => !string.IsNullOrEmpty(c) && (File.Exists(Path.Combine(c, "dotnet")) || File.Exists(Path.Combine(c, "dotnet.exe")))) ?? string.Empty;
        }
    }

    private static (int ExitCode, string Output) Run(string folder, string file, string arguments, string? packages = null, string? standardInput = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = standardInput is not null,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            if (value.Length > 0)
            {
                start.Environment[key] = value;
            }
        }

        // A child build must not inherit the test host's MSBuild state.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase) || k == "DOTNET_HOST_PATH").ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        if (packages is not null)
        {
            start.Environment["NUGET_PACKAGES"] = packages;
        }

        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (standardInput is not null)
        {
            process.StandardInput.Write(standardInput);
            process.StandardInput.Close();
        }

        if (!process.WaitForExit((int)TimeSpan.FromMinutes(5).TotalMilliseconds))
        {
            process.Kill(entireProcessTree: true);
            return (-1, output + "\n(timed out)");
        }

        process.WaitForExit();
        return (process.ExitCode, output.ToString());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFixture>
{
    public const string Name = "Packed FactSchema";
}
