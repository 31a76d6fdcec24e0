// FactSchema fuzzing harness. See docs/fuzzing.md.
//   dotnet run -c Release --project tests/FactSchema.Fuzz -- reader --random 1000000 [--seed 1]   mutation fuzzing, no tools needed
//   dotnet run -c Release --project tests/FactSchema.Fuzz -- reader --replay crash-file ...        reproduce findings
//   (instrumented) ./libfuzzer-dotnet --target_path=... --target_arg=reader corpus/                  coverage-guided, libFuzzer
//   (instrumented) afl-fuzz -i corpus -o findings dotnet FactSchema.Fuzz.dll reader --afl             coverage-guided, AFL++
using System;
using System.IO;
using System.Linq;
using SharpFuzz;

namespace FactSchema.Fuzz;

internal static class Program
{
    private static int Main(string[] args)
    {
        var target = args.Length > 0 ? args[0] : "reader";
        ReadOnlySpanAction run = target switch
        {
            "reader" => Targets.Reader,
            "generator" => Targets.Generator,
            _ => throw new ArgumentException($"unknown target '{target}' (reader or generator)"),
        };

        var options = args.Skip(1).ToArray();
        if (options.Length >= 2 && options[0] == "--replay")
        {
            foreach (var file in options.Skip(1))
            {
                Console.WriteLine($"replaying {file}");
                run(File.ReadAllBytes(file));
            }

            Console.WriteLine("no finding");
            return 0;
        }

        if (options.Length >= 2 && options[0] == "--random")
        {
            var iterations = long.Parse(options[1], System.Globalization.CultureInfo.InvariantCulture);
            var seed = options.Length >= 4 && options[2] == "--seed" ? int.Parse(options[3], System.Globalization.CultureInfo.InvariantCulture) : Environment.TickCount;
            return RandomFuzzer.Run(run, target, iterations, seed);
        }

        if (options.Length >= 1 && options[0] == "--afl")
        {
            Fuzzer.OutOfProcess.Run(stream =>
            {
                using var memory = new MemoryStream();
                stream.CopyTo(memory);
                run(memory.ToArray());
            });
            return 0;
        }

        // Default: libFuzzer protocol (driven by libfuzzer-dotnet).
        Fuzzer.LibFuzzer.Run(run);
        return 0;
    }
}
