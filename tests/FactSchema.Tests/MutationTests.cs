using System.Text;
using FactSchema.News;
using FactSchema.Serialization;
using FactSchema.Tests.Generated;

namespace FactSchema.Tests;

/// <summary>
/// Mutation testing of the generated readers: random damage to valid documents (byte flips, truncation,
/// insertions, duplicated keys, deep nesting, huge numbers, invalid UTF-8, lone surrogates) either reads
/// into a value that survives a round trip, or fails with the documented <see cref="FactSchemaJsonException"/>.
/// Nothing else may escape. A fixed seed keeps CI repeatable; FACTSCHEMA_MUTATIONS runs more by hand.
/// </summary>
public sealed class MutationTests
{
    private static readonly byte[][] s_fragments =
    {
        "{"u8.ToArray(), "}"u8.ToArray(), "["u8.ToArray(), "]"u8.ToArray(), "\""u8.ToArray(), ","u8.ToArray(), ":"u8.ToArray(),
        "null"u8.ToArray(), "true"u8.ToArray(), "-"u8.ToArray(), "0"u8.ToArray(), "1e999999"u8.ToArray(), "-1e-999999"u8.ToArray(),
        "123456789012345678901234567890"u8.ToArray(), "\\u"u8.ToArray(), "\\ud800"u8.ToArray(), "\\udc00\\ud800"u8.ToArray(),
        "\\"u8.ToArray(), new byte[] { 0xFF }, new byte[] { 0xC3 }, new byte[] { 0xC0, 0x80 }, new byte[] { 0xED, 0xA0, 0x80 },
        new byte[] { 0xF4, 0x90, 0x80, 0x80 }, new byte[] { 0 }, "\"x\":1,"u8.ToArray(), "\"id\":\"dup\","u8.ToArray(), "/*c*/"u8.ToArray(),
    };

    [Fact]
    public void MutatedFactSetsFailOnlyWithTheDocumentedError()
        => Run(TestData.SampleFacts, bytes => FactSet.Deserialize(bytes), v => v.SerializeToUtf8Bytes(), b => FactSet.Deserialize(b), Iterations(50_000), seed: 20250227);

    [Fact]
    public void MutatedEdgeCasesFailOnlyWithTheDocumentedError()
    {
        var documents = new[]
        {
            """{"text":"Zelenskyy \u2014 Зеленський \ud83d\ude00","count":9223372036854775807,"version":"1.0","money":20000000000.50,"ratio":1e300,"day":"2025-02-27","at":"2025-02-27T14:30:00.5+01:00","link":"https://example.org/a?b#c","key":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","kind":"military-aid","tags":["a","\n"],"nested":{"name":"n","parent":{"name":"p"}},"children":[{"name":"c"}],"labels":{"en":"x"},"raw":[1,{"a":null}],"strict":{"a":1},"extra":{"kept":true},"nullableText":null}""",
            """{"text":"","count":0,"version":"1.0"}""",
        };
        var perDocument = Iterations(50_000) / documents.Length;
        for (var i = 0; i < documents.Length; i++)
        {
            Run(Encoding.UTF8.GetBytes(documents[i]), bytes => EdgeCase.Deserialize(bytes), v => v.SerializeToUtf8Bytes(), b => EdgeCase.Deserialize(b), perDocument, seed: 1000 + i);
        }
    }

    [Fact]
    public void ExtremeNestingIsRefusedWithoutExhaustingTheStack()
    {
        foreach (var depth in new[] { 65, 1_000, 100_000 })
        {
            var json = "{\"text\":\"t\",\"count\":1,\"version\":\"1.0\",\"nested\":" + Repeat("{\"name\":\"n\",\"parent\":", depth) + "{\"name\":\"leaf\"}" + new string('}', depth) + "}";
            Assert.ThrowsAny<FactSchemaJsonException>(() => EdgeCase.Deserialize(Encoding.UTF8.GetBytes(json)));
        }

        var options = new FactSchemaReaderOptions { MaxDepth = 200 };
        var deep = "{\"text\":\"t\",\"count\":1,\"version\":\"1.0\",\"nested\":" + Repeat("{\"name\":\"n\",\"parent\":", 150) + "{\"name\":\"leaf\"}" + new string('}', 150) + "}";
        Assert.Equal("n", EdgeCase.Deserialize(Encoding.UTF8.GetBytes(deep), options).Nested!.Name);
    }

    [Fact]
    public void DocumentsOverTheSizeLimitAreRefusedBeforeParsing()
    {
        var options = new FactSchemaReaderOptions { MaxDocumentBytes = 1_000 };
        var error = Assert.ThrowsAny<FactSchemaJsonException>(() => FactSet.Deserialize(TestData.SampleFacts, options));
        Assert.Contains("over the limit", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new FactSchemaReaderOptions { MaxDepth = 0 });
    }

    private static int Iterations(int @default)
        => int.TryParse(Environment.GetEnvironmentVariable("FACTSCHEMA_MUTATIONS"), out var n) ? n / 2 : @default;

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();

    private static void Run<T>(byte[] original, Func<byte[], T> read, Func<T, byte[]> write, Func<byte[], T> readAgain, int iterations, int seed)
        where T : notnull
    {
        var random = new Random(seed);
        var failures = new List<string>();
        int accepted = 0, rejected = 0;
        for (var i = 0; i < iterations && failures.Count < 5; i++)
        {
            var mutated = Mutate(original, random);
            T value;
            try
            {
                value = read(mutated);
            }
            catch (FactSchemaJsonException ex)
            {
                rejected++;
                if (ex.Message.Length == 0 || ex.InstanceLocation is null)
                {
                    failures.Add($"#{i}: empty error");
                }

                continue;
            }
            catch (Exception ex)
            {
                failures.Add($"#{i}: {ex.GetType().Name}: {ex.Message}\n{Convert.ToBase64String(mutated)}");
                continue;
            }

            accepted++;
            try
            {
                var back = readAgain(write(value));
                if (!back.Equals(value))
                {
                    failures.Add($"#{i}: round trip changed the value\n{Convert.ToBase64String(mutated)}");
                }
            }
            catch (Exception ex)
            {
                failures.Add($"#{i}: accepted, then {ex.GetType().Name} on round trip: {ex.Message}\n{Convert.ToBase64String(mutated)}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
        Assert.True(rejected > 0, "no mutation was rejected: the mutator is broken");
        Assert.True(accepted + rejected > 0);
    }

    private static byte[] Mutate(byte[] source, Random random)
    {
        var bytes = new List<byte>(source);
        var rounds = random.Next(1, 4);
        for (var r = 0; r < rounds; r++)
        {
            var position = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
            switch (random.Next(9))
            {
                case 0: // flip a byte
                    if (bytes.Count > 0)
                    {
                        bytes[position] = (byte)random.Next(256);
                    }

                    break;
                case 1: // truncate
                    bytes.RemoveRange(position, bytes.Count - position);
                    break;
                case 2: // insert a fragment
                    bytes.InsertRange(position, s_fragments[random.Next(s_fragments.Length)]);
                    break;
                case 3: // delete a run
                    bytes.RemoveRange(position, Math.Min(random.Next(1, 16), bytes.Count - position));
                    break;
                case 4: // duplicate a run (often a key and its value)
                    var length = Math.Min(random.Next(1, 64), bytes.Count - position);
                    bytes.InsertRange(position, bytes.GetRange(position, length));
                    break;
                case 5: // deep nesting
                    var depth = random.Next(10, 400);
                    bytes.InsertRange(position, Enumerable.Repeat((byte)'[', depth).Concat(Enumerable.Repeat((byte)']', random.Next(depth + 1))));
                    break;
                case 6: // a huge number in place of a digit
                    var digit = bytes.FindIndex(position, b => b is >= (byte)'0' and <= (byte)'9');
                    if (digit >= 0)
                    {
                        bytes.InsertRange(digit, Encoding.ASCII.GetBytes(random.Next(2) == 0 ? new string('9', random.Next(20, 400)) : "1e" + random.Next(300, 100000)));
                    }

                    break;
                case 7: // a lone surrogate or bad escape inside a string
                    var quote = bytes.IndexOf((byte)'"', position);
                    if (quote >= 0)
                    {
                        bytes.InsertRange(quote + 1, Encoding.ASCII.GetBytes(random.Next(3) switch { 0 => "\\ud800", 1 => "\\udfff\\ud800", _ => "\\u12" }));
                    }

                    break;
                default: // invalid UTF-8 inside a string
                    var inString = bytes.IndexOf((byte)'"', position);
                    if (inString >= 0)
                    {
                        bytes.InsertRange(inString + 1, random.Next(2) == 0 ? new byte[] { 0xFF } : new byte[] { 0xED, 0xA0, 0x80 });
                    }

                    break;
            }
        }

        return bytes.ToArray();
    }
}
