using System.Diagnostics;
using System.IO;

namespace FactSchema.Package.Tests;

/// <summary>
/// The sample, published with Native AOT and warnings as errors, builds without a trim or AOT warning
/// and runs: generated code needs no reflection.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class AotPublishTests
{
    private readonly PackageFixture _fixture;

    public AotPublishTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public void TheSamplePublishesWithNativeAotAndRuns()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsWindows() && !OperatingSystem.IsMacOS())
        {
            return;
        }

        var output = Path.Combine(_fixture.Root, "aot");
        var rid = System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier;
        var project = Path.Combine(PackageFixture.RepoRoot, "samples", "NewsFacts", "NewsFacts.csproj");
        var publish = _fixture.DotnetShared(PackageFixture.RepoRoot, $"publish \"{project}\" -c Release -r {rid} -p:NewsFactsAot=true -warnaserror -o \"{output}\"");
        Assert.True(publish.ExitCode == 0, publish.Output);
        Assert.DoesNotContain("warning IL", publish.Output);

        var executable = Path.Combine(output, OperatingSystem.IsWindows() ? "NewsFacts.exe" : "NewsFacts");
        Assert.True(File.Exists(executable), "no native executable:\n" + publish.Output);
        using var process = Process.Start(new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        Assert.Contains("Round trip: lossless", stdout);
        Assert.Contains("Rutte", stdout);

        // Structured output (FactSchema.Extensions.AI over Microsoft.Extensions.AI) natively compiled too: the strict schema
        // derived, a canned reply mapped back and read, a mistaken one answered with its pointer.
        using var extract = Process.Start(new ProcessStartInfo(executable, "--extract") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
        var extracted = extract.StandardOutput.ReadToEnd();
        var extractErrors = extract.StandardError.ReadToEnd();
        extract.WaitForExit();
        Assert.True(extract.ExitCode == 0, extracted + extractErrors);
        Assert.Contains("- at /pledges/0/amount/currency (pattern)", extracted);
        Assert.Contains("attempt 2: valid: 20 actors, 8 pledges", extracted);
        Assert.Contains("equal to facts.json read directly", extracted);
    }
}
