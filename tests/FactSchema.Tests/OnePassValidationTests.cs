using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FactSchema.News;
using FactSchema.Serialization;
using FactSchema.Validation;

namespace FactSchema.Tests;

/// <summary>
/// <c>Deserialize</c> validates in one pass: the typed reader checks the schema's keywords on the values as it reads
/// them and only runs the validator when it could not prove the document valid. These tests hold it to the one rule
/// that makes that safe: what the checked read proves valid, the validator finds valid. Documents are the sample's
/// facts with schema-aware damage (well-formed JSON that breaks patterns, lengths, bounds, uniqueness, enums,
/// required members, closed objects, union discriminators), so that most of them reach the checks rather than
/// failing to parse.
/// </summary>
public sealed class OnePassValidationTests
{
    private static readonly string[] s_strings =
    {
        string.Empty, " ", "UPPER", "with space", "x", "ok-id", "🙂", string.Concat(Enumerable.Repeat("🙂", 150)), new string('a', 201), new string('b', 2001),
        "é", "de", "en-GB", "EN", "2025-01-01", "2025-13-01", "http://example.com/a", "relative/uri", "quote", "position", "rumour",
        "document", "person", "organisation", "country", "pledged", "in-progress", "nonsense", "eur", "EUR",
    };

    private static readonly JsonNode?[] s_numbers =
    {
        JsonValue.Create(0), JsonValue.Create(-1), JsonValue.Create(-0.01m), JsonValue.Create(1.5), JsonValue.Create(1e300),
        JsonValue.Create(100000000000000000000m), JsonValue.Create(0.30000000000000004), null,
    };

    [Fact]
    public void TheSampleIsProvenValidInOnePass()
    {
        var bytes = TestData.SampleFacts;
        var reader = FactSchemaReader.CreateReader(bytes, null);
        var proven = true;
        var value = FactSet.ReadChecked(ref reader, ref proven);

        Assert.True(proven, "the sample's facts should not need the validator: every keyword of the vocabulary's records is checked on read");
        Assert.Equal(FactSet.Deserialize(bytes, new FactSchemaReaderOptions { ValidateSchema = false }), value);
    }

    [Fact]
    public void WhatTheCheckedReadProvesTheValidatorAccepts()
    {
        var original = JsonNode.Parse(TestData.SampleFacts)!;
        var random = new Random(20261128);
        int proven = 0, unproven = 0, shapeErrors = 0, invalid = 0;
        var failures = new List<string>();
        for (var i = 0; i < Iterations(4_000) && failures.Count < 5; i++)
        {
            var document = original.DeepClone();
            var rounds = random.Next(1, 3);
            for (var r = 0; r < rounds; r++)
            {
                Damage(document, random);
            }

            var bytes = Encoding.UTF8.GetBytes(document.ToJsonString());
            var valid = FactSet.ValidateJson(bytes).IsValid;
            invalid += valid ? 0 : 1;

            bool wasProven;
            try
            {
                var reader = FactSchemaReader.CreateReader(bytes, null);
                wasProven = true;
                FactSet.ReadChecked(ref reader, ref wasProven);
            }
            catch (FactSchemaJsonException)
            {
                shapeErrors++;
                continue;
            }

            if (wasProven)
            {
                proven++;
                if (!valid)
                {
                    failures.Add($"#{i}: proven valid on read, but the validator says: {FactSet.ValidateJson(bytes).Errors[0]}\n{Encoding.UTF8.GetString(bytes)}");
                }
            }
            else
            {
                unproven++;
            }

            // Deserialize agrees with the validator either way, and a valid document reads as it did unvalidated.
            try
            {
                var value = FactSet.Deserialize(bytes);
                if (!valid)
                {
                    failures.Add($"#{i}: Deserialize accepted a document the validator rejects");
                }
                else if (!value.Equals(FactSet.Deserialize(bytes, new FactSchemaReaderOptions { ValidateSchema = false })))
                {
                    failures.Add($"#{i}: the checked read gave another value than the unchecked one");
                }
            }
            catch (FactSchemaValidationException ex)
            {
                if (valid)
                {
                    failures.Add($"#{i}: Deserialize rejected a valid document: {ex.Message}");
                }
                else
                {
                    Assert.Equal(Describe(FactSet.ValidateJson(bytes).Errors), Describe(ex.Errors));
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));

        // The damage must exercise both outcomes, or the test proves nothing.
        Assert.True(proven > 100, $"only {proven} documents were proven valid on read");
        Assert.True(unproven > 100, $"only {unproven} documents were left to the validator");
        Assert.True(invalid > 100, $"only {invalid} damaged documents were invalid");
    }

    [Fact]
    public void InvalidValuesAreReportedAsBeforeWithEveryError()
    {
        var document = JsonNode.Parse(TestData.SampleFacts)!;
        document["actors"]![0]!["id"] = "Not An Id";
        document["actors"]![1]!["name"] = string.Empty;
        var bytes = Encoding.UTF8.GetBytes(document.ToJsonString());

        var error = Assert.Throws<FactSchemaValidationException>(() => FactSet.Deserialize(bytes));

        Assert.Equal(Describe(FactSet.ValidateJson(bytes).Errors), Describe(error.Errors));
        Assert.Contains(error.Errors, e => e.InstanceLocation == "/actors/0/id");
        Assert.Contains(error.Errors, e => e.InstanceLocation == "/actors/1/name");
        Assert.False(FactSet.TryDeserialize(bytes, out var value, out var errors));
        Assert.Null(value);
        Assert.Equal(Describe(error.Errors), Describe(errors));
    }

    [Fact]
    public void TryDeserializeReadsAValidDocumentWithoutErrors()
    {
        Assert.True(FactSet.TryDeserialize(TestData.SampleFacts, out var value, out var errors));
        Assert.NotNull(value);
        Assert.Empty(errors);
    }

    private static IEnumerable<string> Describe(IEnumerable<ValidationError> errors) => errors.Select(e => e.ToString()).ToList();

    private static int Iterations(int @default)
        => int.TryParse(Environment.GetEnvironmentVariable("FACTSCHEMA_MUTATIONS"), out var n) ? n : @default;

    /// <summary>One change somewhere in the document: a value replaced, an array item removed or repeated, a member removed or added.</summary>
    private static void Damage(JsonNode document, Random random)
    {
        var slots = new List<(JsonNode Parent, object Key, JsonNode? Value)>();
        Collect(document, slots);
        var (parent, key, value) = slots[random.Next(slots.Count)];
        switch (random.Next(6))
        {
            case 0 or 1: // replace a scalar by another of the same kind, or of another kind
                Set(parent, key, value switch
                {
                    JsonValue v when v.GetValueKind() == JsonValueKind.String && random.Next(4) > 0 => JsonValue.Create(s_strings[random.Next(s_strings.Length)]),
                    JsonValue v when v.GetValueKind() == JsonValueKind.Number && random.Next(4) > 0 => s_numbers[random.Next(s_numbers.Length)]?.DeepClone(),
                    _ => random.Next(3) switch
                    {
                        0 => JsonValue.Create(s_strings[random.Next(s_strings.Length)]),
                        1 => s_numbers[random.Next(s_numbers.Length)]?.DeepClone(),
                        _ => JsonValue.Create(true),
                    },
                });
                break;
            case 2 when parent is JsonArray array: // repeat an item (uniqueItems)
                array.Insert(random.Next(array.Count + 1), value?.DeepClone());
                break;
            case 3 when parent is JsonArray array: // remove an item (minItems)
                array.RemoveAt((int)key);
                break;
            case 4 when parent is JsonObject obj: // remove a member (required)
                obj.Remove((string)key);
                break;
            case 5 when parent is JsonObject obj: // add a member (closed objects)
                obj["unexpected" + random.Next(3)] = random.Next(2) == 0 ? JsonValue.Create("x") : new JsonObject();
                break;
            default:
                Set(parent, key, JsonValue.Create(s_strings[random.Next(s_strings.Length)]));
                break;
        }
    }

    private static void Set(JsonNode parent, object key, JsonNode? value)
    {
        if (parent is JsonArray array)
        {
            array[(int)key] = value;
        }
        else
        {
            parent[(string)key] = value;
        }
    }

    private static void Collect(JsonNode? node, List<(JsonNode, object, JsonNode?)> slots)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    slots.Add((obj, name, value));
                    Collect(value, slots);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    slots.Add((array, i, array[i]));
                    Collect(array[i], slots);
                }

                break;
        }
    }
}
