using System.Text.Json;
using System.Text.Json.Nodes;
using FactSchema.Benchmarks.Data;
using FactSchema.News;
using Json.Schema;

namespace FactSchema.Tests;

/// <summary>
/// The generated validators against an independent implementation: the sample fact set, changed at random in
/// its structure (values replaced, members removed or added), must be valid for FactSchema exactly when it is
/// valid for JsonSchema.Net, evaluating the same five standard schemas (format as an annotation on both sides).
/// </summary>
public sealed class ValidationDifferentialTests
{
    private static readonly Func<JsonNode?>[] s_values =
    {
        () => "", () => "x", () => "EUR", () => "eur", () => "two words", () => "mark-rutte", () => "Not-Kebab",
        () => "2025-02-27", () => "pledge", () => "verbatim", () => "military-aid", () => "UA", () => "ukr",
        () => 0, () => -1, () => 1.5, () => 20000000000.50m, () => 3, () => null, () => true, () => false,
        () => new JsonArray(), () => new JsonArray("a", "a"), () => new JsonArray("a", "b"), () => new JsonObject(),
        () => new JsonObject { ["id"] = "x" },
    };

    [Fact]
    public void AgreesWithJsonSchemaNetOnMutatedFactSets()
    {
        var iterations = int.TryParse(Environment.GetEnvironmentVariable("FACTSCHEMA_DIFFERENTIAL"), out var n) ? n : 1500;
        var random = new Random(20261128);
        var disagreements = new List<string>();
        int valid = 0, invalid = 0;
        for (var i = 0; i < iterations && disagreements.Count < 5; i++)
        {
            var root = JsonNode.Parse(TestData.SampleFacts)!;
            var rounds = random.Next(1, 3);
            for (var r = 0; r < rounds; r++)
            {
                Mutate(root, random);
            }

            var bytes = JsonSerializer.SerializeToUtf8Bytes(root);
            bool theirs;
            using (var document = JsonDocument.Parse(bytes))
            {
                theirs = StandardSchemaValidator.FactSetSchema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Flag, RequireFormatValidation = true }).IsValid; // the vocabulary asserts its formats
            }

            var ours = FactSetSchema.IsValidJson(bytes);
            var result = FactSetSchema.ValidateJson(bytes);
            Assert.Equal(ours, result.IsValid);
            if (ours != theirs)
            {
                disagreements.Add($"#{i}: FactSchema says {(ours ? "valid" : "invalid: " + result)}, JsonSchema.Net says {(theirs ? "valid" : "invalid")}");
            }

            if (ours)
            {
                valid++;
            }
            else
            {
                invalid++;
            }
        }

        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));
        Assert.True(valid > iterations / 20 && invalid > iterations / 4, $"{valid} valid, {invalid} invalid: the mutations should produce both");
    }

    private static void Mutate(JsonNode root, Random random)
    {
        // Pick a random container and a random member or item of it.
        var containers = new List<JsonNode>();
        Collect(root, containers);
        var container = containers[random.Next(containers.Count)];
        switch (container)
        {
            case JsonObject obj when obj.Count > 0:
                var names = obj.Select(p => p.Key).ToList();
                var name = names[random.Next(names.Count)];
                switch (random.Next(4))
                {
                    case 0:
                        obj.Remove(name);
                        break;
                    case 1:
                        obj["extra" + random.Next(3)] = s_values[random.Next(s_values.Length)]();
                        break;
                    default:
                        obj[name] = s_values[random.Next(s_values.Length)]();
                        break;
                }

                break;
            case JsonArray array when array.Count > 0:
                var index = random.Next(array.Count);
                switch (random.Next(3))
                {
                    case 0:
                        array.RemoveAt(index);
                        break;
                    case 1:
                        array.Add(array[index]?.DeepClone());
                        break;
                    default:
                        array[index] = s_values[random.Next(s_values.Length)]();
                        break;
                }

                break;
        }
    }

    private static void Collect(JsonNode? node, List<JsonNode> containers)
    {
        switch (node)
        {
            case JsonObject obj:
                containers.Add(obj);
                foreach (var property in obj)
                {
                    Collect(property.Value, containers);
                }

                break;
            case JsonArray array:
                containers.Add(array);
                foreach (var item in array)
                {
                    Collect(item, containers);
                }

                break;
        }
    }
}
