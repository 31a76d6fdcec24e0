using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using SharpFuzz;

namespace FactSchema.Fuzz;

/// <summary>A tool-free mutation fuzzer over seed inputs; findings are written to ./findings for --replay.</summary>
internal static class RandomFuzzer
{
    public static int Run(ReadOnlySpanAction target, string name, long iterations, int seed)
    {
        var seeds = Seeds(name);
        var random = new Random(seed);
        Console.WriteLine($"fuzzing '{name}' for {iterations:N0} inputs from {seeds.Count} seeds, seed {seed}");
        for (long i = 0; i < iterations; i++)
        {
            var input = Mutate(seeds[random.Next(seeds.Count)], random);
            try
            {
                target(input);
            }
            catch (Exception ex)
            {
                Directory.CreateDirectory("findings");
                var file = Path.Combine("findings", $"{name}-{seed}-{i}.bin");
                File.WriteAllBytes(file, input);
                Console.Error.WriteLine($"finding after {i:N0} inputs: {ex.GetType().Name}: {ex.Message}\nsaved as {file}");
                return 1;
            }

            if (i > 0 && i % 100_000 == 0)
            {
                Console.WriteLine($"{i:N0} inputs, no finding");
            }
        }

        Console.WriteLine("no finding");
        return 0;
    }

    private static List<byte[]> Seeds(string target)
    {
        var seeds = new List<byte[]>();
        var folder = Path.Combine(AppContext.BaseDirectory, "corpus", target);
        if (Directory.Exists(folder))
        {
            foreach (var file in Directory.GetFiles(folder))
            {
                seeds.Add(File.ReadAllBytes(file));
            }
        }

        if (seeds.Count == 0)
        {
            seeds.Add(Encoding.UTF8.GetBytes(target == "reader"
                ? """{"schemaVersion":"1.0","article":{"source":"s","headline":"h"},"actors":[{"id":"a","kind":"person","name":"Ä"}],"pledges":[],"quotes":[],"sources":[{"id":"s","kind":"news-article"}]}"""
                : """{"title":"T","type":"object","properties":{"a":{"type":"string"},"b":{"$ref":"#/$defs/b"}},"$defs":{"b":{"enum":["x","y"]}}}"""));
        }

        return seeds;
    }

    private static byte[] Mutate(byte[] source, Random random)
    {
        var bytes = new List<byte>(source);
        for (var round = random.Next(1, 5); round > 0; round--)
        {
            var at = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
            switch (random.Next(5))
            {
                case 0 when bytes.Count > 0: bytes[at] = (byte)random.Next(256); break;
                case 1: bytes.RemoveRange(at, Math.Min(random.Next(1, 8), bytes.Count - at)); break;
                case 2: bytes.InsertRange(at, Encoding.UTF8.GetBytes(Tokens[random.Next(Tokens.Length)])); break;
                case 3: bytes.InsertRange(at, bytes.GetRange(at, Math.Min(random.Next(1, 32), bytes.Count - at))); break;
                default: bytes.RemoveRange(at, bytes.Count - at); break;
            }
        }

        return bytes.ToArray();
    }

    private static readonly string[] Tokens =
    {
        "{", "}", "[", "]", "\"", ",", ":", "null", "true", "1e999", "-0", "\\ud800", "\\u0000", "\"$ref\":\"#\"", "\"type\":\"object\"",
        "\"properties\":{", "\"items\":", "\"enum\":[", "\"required\":[", "\"oneOf\":[", "\"$defs\":{", "\"additionalProperties\":false",
    };
}
