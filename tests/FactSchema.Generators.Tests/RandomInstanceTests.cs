using System.IO;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using System.Text.Json;
using CsCheck;
using FactSchema.Generators.Tests.TestSupport;
using FactSchema.Serialization;

namespace FactSchema.Generators.Tests;

/// <summary>
/// Random schemas, compiled and loaded for real, read random valid instances of themselves: what is read
/// writes back as the same JSON, and reads back equal. Fixed seed; FACTSCHEMA_RANDOM_ITERATIONS runs longer.
/// </summary>
public sealed class RandomInstanceTests
{
    /// <summary>A schema and a generator of valid instances for it, built together so they always agree.</summary>
    private sealed record Shape(string Schema, Gen<string> Instance);

    private static readonly string[] s_names = { "id", "name", "Name", "kind", "class", "1st", "naïve", "a-b", "a_b", "x\"y", "🙂", "value", "count" };

    private static readonly Gen<string> s_string = Gen.OneOf<string>(
        Gen.String[Gen.Char.Where(c => !char.IsSurrogate(c)), 0, 12].Select(JsonText.Quote),
        Gen.OneOf("\"\"", "\"Зеленський\"", "\"\\ud83d\\ude00\"", "\"\\u0000\\\"\\\\\""));

    private static Gen<Shape> ShapeGen(int depth)
    {
        var leaves = Gen.OneOf(
            new Shape("{\"type\":\"string\"}", s_string),
            new Shape("{\"type\":\"integer\"}", Gen.Long.Select(l => l.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            new Shape("{\"type\":\"integer\",\"minimum\":0,\"maximum\":100}", Gen.Int[0, 100].Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            new Shape("{\"type\":\"number\"}", Gen.Double.Where(double.IsFinite).Select(d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture))),
            new Shape("{\"type\":\"number\",\"format\":\"decimal\"}", Gen.Decimal.Select(d => d.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            new Shape("{\"type\":\"boolean\"}", Gen.Bool.Select(b => b ? "true" : "false")),
            new Shape("{\"type\":[\"string\",\"null\"]}", Gen.OneOf<string>(s_string, Gen.Const("null"))),
            new Shape("{\"enum\":[\"military-aid\",\"a b\",\"\"]}", Gen.OneOf("\"military-aid\"", "\"a b\"", "\"\"")),
            new Shape("{\"type\":\"string\",\"format\":\"date\"}", Gen.Int[0, 3000].Select(d => JsonText.Quote(new DateOnly(2020, 1, 1).AddDays(d).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))),
            new Shape("{\"type\":\"string\",\"format\":\"uuid\"}", Gen.Guid.Select(g => JsonText.Quote(g.ToString()))),
            new Shape("{}", Gen.OneOf("1", "\"x\"", "[1,{\"a\":null}]", "{\"b\":[true]}")));
        if (depth == 0)
        {
            return leaves;
        }

        var inner = ShapeGen(depth - 1);
        var array = inner.Select(item => new Shape("{\"type\":\"array\",\"items\":" + item.Schema + "}", item.Instance.Array[0, 3].Select(items => "[" + string.Join(",", items) + "]")));
        var map = inner.Select(value => new Shape("{\"type\":\"object\",\"additionalProperties\":" + value.Schema + "}", Gen.Select(Gen.OneOf(s_names), value.Instance, (k, v) => (k, v)).Array[0, 3].Select(pairs => "{" + string.Join(",", pairs.DistinctBy(p => p.k).Select(p => JsonText.Quote(p.k) + ":" + p.v)) + "}")));
        var obj = Gen.Select(inner.Array[1, 4], Gen.Bool.Array[4], Gen.Bool, (members, required, closed) =>
        {
            var names = s_names.OrderBy(n => n.GetHashCode(StringComparison.Ordinal) ^ members.Length).Take(members.Length).ToArray();
            var schema = "{\"type\":\"object\",\"properties\":{" + string.Join(",", names.Select((n, i) => JsonText.Quote(n) + ":" + members[i].Schema)) + "}"
                + ",\"required\":[" + string.Join(",", names.Where((_, i) => required[i]).Select(JsonText.Quote)) + "]"
                + (closed ? ",\"additionalProperties\":false" : string.Empty) + "}";
            var instance = Sequence(members.Select((m, i) => Gen.Select(m.Instance, Gen.Bool, (value, present) => required[i] || present ? JsonText.Quote(names[i]) + ":" + value : null)))
                .Select(parts => "{" + string.Join(",", parts.Where(p => p is not null)) + (closed ? string.Empty : (parts.Any(p => p is not null) ? "," : string.Empty) + "\"zz-unknown\":{\"kept\":[1,2]}") + "}");
            return new Shape(schema, instance);
        });
        return Gen.Frequency<Shape>((2, (IGen<Shape>)leaves), (1, array), (1, map), (3, obj));
    }

    private static readonly string[] s_damage = { "\"\"", "\"x\"", "-1", "101", "1.5", "null", "true", "[]", "{}", "\"2020-02-30\"", "\"🙂🙂\"", "1e300" };

    /// <summary>One random change to a valid instance: a value replaced, an array item repeated, a member removed.</summary>
    private static string Damage(string json, Random random)
    {
        var root = System.Text.Json.Nodes.JsonNode.Parse(json);
        var slots = new List<(System.Text.Json.Nodes.JsonNode Parent, object Key)>();
        void Collect(System.Text.Json.Nodes.JsonNode? node)
        {
            if (node is System.Text.Json.Nodes.JsonObject obj)
            {
                foreach (var (name, value) in obj.ToList())
                {
                    slots.Add((obj, name));
                    Collect(value);
                }
            }
            else if (node is System.Text.Json.Nodes.JsonArray array)
            {
                for (var i = 0; i < array.Count; i++)
                {
                    slots.Add((array, i));
                    Collect(array[i]);
                }
            }
        }

        Collect(root);
        if (slots.Count == 0)
        {
            return json;
        }

        var (parent, key) = slots[random.Next(slots.Count)];
        var replacement = s_damage[random.Next(s_damage.Length)];
        switch (random.Next(3))
        {
            case 0 when parent is System.Text.Json.Nodes.JsonArray array:
                array.Add(array[(int)key]?.DeepClone());
                break;
            case 1 when parent is System.Text.Json.Nodes.JsonObject obj:
                obj.Remove((string)key);
                break;
            default:
                var node = System.Text.Json.Nodes.JsonNode.Parse(replacement);
                if (parent is System.Text.Json.Nodes.JsonArray list)
                {
                    list[(int)key] = node;
                }
                else
                {
                    parent[(string)key] = node;
                }

                break;
        }

        return root!.ToJsonString();
    }

    private static Gen<string?[]> Sequence(IEnumerable<Gen<string?>> parts)
        => parts.Aggregate(Gen.Const(Array.Empty<string?>()), (all, part) => all.SelectMany(done => part.Select(next => done.Append(next).ToArray())));

    [Fact]
    public void RandomSchemasReadAndWriteTheirOwnInstances()
    {
        var iterations = int.TryParse(Environment.GetEnvironmentVariable("FACTSCHEMA_RANDOM_ITERATIONS"), out var n) ? n : 12;
        var pcg = new PCG(11, 20261128);
        var damage = new Random(20261128);
        var rootGen = ShapeGen(3).Where(s => s.Schema.StartsWith("{\"type\":\"object\",\"properties\"", StringComparison.Ordinal));
        for (var i = 0; i < iterations; i++)
        {
            // Several root schemas per compilation; each gets its own title.
            var shapes = Enumerable.Range(0, 4).Select(unused => rootGen.Generate(pcg, null, out var size)).ToArray();
            var schemas = shapes.Select((s, k) => new SchemaInput($"s{k}.schema.json", "{\"title\":\"Root" + k + "\"," + s.Schema.Substring(1))).ToArray();
            var run = GeneratorHarness.Run(schemas);
            HostileSchemaTests.AssertSafe(run, null);

            using var stream = new MemoryStream();
            var emitted = run.OutputCompilation.Emit(stream);
            Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
            var context = new AssemblyLoadContext("random-" + i, isCollectible: true);
            try
            {
                stream.Position = 0;
                var assembly = context.LoadFromStream(stream);
                for (var k = 0; k < shapes.Length; k++)
                {
                    var type = assembly.GetType("Consumer.Schemas.Root" + k)!;
                    var deserialize = type.GetMethod("Deserialize", new[] { typeof(string) })!;
                    var validate = type.GetMethod("ValidateJson", new[] { typeof(string) })!;
                    for (var j = 0; j < 10; j++)
                    {
                        var json = shapes[k].Instance.Generate(pcg, null, out _);
                        object value;
                        try
                        {
                            value = deserialize.Invoke(null, new object[] { json })!;
                        }
                        catch (TargetInvocationException ex)
                        {
                            throw new Xunit.Sdk.XunitException($"valid instance rejected: {ex.InnerException?.Message}\nschema: {schemas[k].Text}\ninstance: {json}");
                        }

                        var written = ((IFactSchemaValue)value).WriteToString();
                        using (var a = JsonDocument.Parse(json))
                        using (var b = JsonDocument.Parse(written))
                        {
                            Assert.True(JsonElementEqualityComparer.Instance.Equals(a.RootElement, b.RootElement), $"changed on write\nschema: {schemas[k].Text}\nin:  {json}\nout: {written}");
                        }

                        var again = deserialize.Invoke(null, new object[] { written })!;
                        Assert.True(value.Equals(again), $"not equal after a round trip\nschema: {schemas[k].Text}\ninstance: {json}");
                        Assert.Equal(value.GetHashCode(), again.GetHashCode());

                        // Damaged copies: Deserialize (one pass) accepts one only if the validator does.
                        for (var m = 0; m < 5; m++)
                        {
                            var damaged = Damage(json, damage);
                            var valid = ((FactSchema.Validation.ValidationResult)validate.Invoke(null, new object[] { damaged })!).IsValid;
                            try
                            {
                                deserialize.Invoke(null, new object[] { damaged });
                                Assert.True(valid, $"Deserialize accepted what the validator rejects\nschema: {schemas[k].Text}\ninstance: {damaged}");
                            }
                            catch (TargetInvocationException ex) when (ex.InnerException is JsonException)
                            {
                            }
                        }
                    }
                }
            }
            finally
            {
                context.Unload();
            }
        }
    }
}

internal static class ValueExtensions
{
    public static string WriteToString(this IFactSchemaValue value) => FactSchemaSerializer.Serialize(value);
}
