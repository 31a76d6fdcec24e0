using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using FactSchema.Benchmarks.Comparison;
using FactSchema.News;
using FactSchema.Serialization;

namespace FactSchema.Benchmarks;

/// <summary>
/// Shows that every benchmark column does the same work: each library reads the document into its own model and
/// writes it back through the same code path the benchmarks measure, and the JSON texts must all mean the same.
/// </summary>
public static class BenchmarkParity
{
    /// <summary>Name of the FactSchema path in <see cref="RoundTripEach"/>'s result.</summary>
    public const string FactSchemaPath = "FactSchema";

    /// <summary>Name of the System.Text.Json source-generated path.</summary>
    public const string StjSourceGenPath = "System.Text.Json (source-generated)";

    /// <summary>Name of the System.Text.Json reflection path.</summary>
    public const string StjReflectionPath = "System.Text.Json (reflection)";

    /// <summary>Name of the Newtonsoft.Json path.</summary>
    public const string NewtonsoftPath = "Newtonsoft.Json";

    /// <summary>
    /// Deserializes <paramref name="utf8Json"/> with each library and serializes the result with the same library.
    /// </summary>
    /// <param name="utf8Json">A fact-set document, UTF-8 encoded (for example <see cref="SampleDocument.ReadAllBytes"/>).</param>
    /// <returns>The JSON each path wrote, keyed by path name, in the order FactSchema, STJ source-generated, STJ reflection, Newtonsoft.</returns>
    public static IReadOnlyList<KeyValuePair<string, string>> RoundTripEach(byte[] utf8Json)
    {
        if (utf8Json is null)
        {
            throw new ArgumentNullException(nameof(utf8Json));
        }

        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using var writer = new Utf8JsonWriter(buffer);

        string WithWriter(Action<Utf8JsonWriter> write)
        {
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            write(writer);
            writer.Flush();
            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }

        var factSchema = FactSet.Deserialize(utf8Json);
        var sourceGen = JsonSerializer.Deserialize(utf8Json, ComparisonSerializers.SourceGenerated)
            ?? throw new InvalidDataException("The document is JSON null.");
        var reflection = JsonSerializer.Deserialize<FactSetPoco>(utf8Json, ComparisonSerializers.ReflectionOptions)
            ?? throw new InvalidDataException("The document is JSON null.");
        var newtonsoft = ComparisonSerializers.NewtonsoftDeserialize(utf8Json);

        string newtonsoftJson;
        using (var stream = new MemoryStream())
        {
            using (var text = ComparisonSerializers.CreateUtf8Writer(stream))
            {
                ComparisonSerializers.NewtonsoftSerialize(text, newtonsoft);
            }

            newtonsoftJson = Encoding.UTF8.GetString(stream.GetBuffer(), 0, checked((int)stream.Length));
        }

        return new[]
        {
            new KeyValuePair<string, string>(FactSchemaPath, WithWriter(factSchema.WriteTo)),
            new KeyValuePair<string, string>(StjSourceGenPath, WithWriter(w => JsonSerializer.Serialize(w, sourceGen, ComparisonSerializers.SourceGenerated))),
            new KeyValuePair<string, string>(StjReflectionPath, WithWriter(w => JsonSerializer.Serialize(w, reflection, ComparisonSerializers.ReflectionOptions))),
            new KeyValuePair<string, string>(NewtonsoftPath, newtonsoftJson),
        };
    }

    /// <summary>
    /// Checks that every path of <see cref="RoundTripEach"/> wrote JSON that means the same as the input
    /// (member order ignored, numbers compared by value).
    /// </summary>
    /// <param name="utf8Json">A fact-set document, UTF-8 encoded.</param>
    /// <returns>The names of the paths whose JSON differs from the input; empty when all agree.</returns>
    public static IReadOnlyList<string> FindMismatches(byte[] utf8Json)
    {
        var mismatches = new List<string>();
        using var expected = JsonDocument.Parse(utf8Json);
        foreach (var pair in RoundTripEach(utf8Json))
        {
            using var actual = JsonDocument.Parse(pair.Value);
            if (!JsonElementEqualityComparer.Instance.Equals(expected.RootElement, actual.RootElement))
            {
                mismatches.Add(pair.Key);
            }
        }

        return mismatches;
    }
}
