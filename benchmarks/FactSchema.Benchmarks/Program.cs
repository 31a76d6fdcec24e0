using BenchmarkDotNet.Running;

namespace FactSchema.Benchmarks;

/// <summary>Entry point: BenchmarkDotNet's switcher, so any of its command-line options work.</summary>
/// <remarks>
/// From the repository root, always in Release:
/// <code>
/// dotnet run -c Release --project benchmarks/FactSchema.Benchmarks -- --filter '*'               # full: accurate, slow
/// dotnet run -c Release --project benchmarks/FactSchema.Benchmarks -- --filter '*' --job short   # quick mode: a few minutes
/// </code>
/// See benchmarks/README.md for the latest results.
/// </remarks>
public static class Program
{
    /// <summary>Runs the benchmarks the arguments select.</summary>
    /// <param name="args">BenchmarkDotNet arguments, e.g. <c>--filter '*' --job short</c>.</param>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
