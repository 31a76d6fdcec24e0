using FactSchema.Generators.Tests.TestSupport;

namespace FactSchema.Generators.Tests;

/// <summary>
/// Conditions that look only at named properties (<c>allOf</c> of <c>if</c>/<c>then</c>/<c>else</c> switching on a
/// kind, SchemaStore's favourite) are decided from one recorded read of the object instead of one read per condition;
/// the verdicts and the errors stay those of the ordinary path, for objects, non-objects, escaped names and duplicates.
/// </summary>
public sealed class RecordedConditionTests
{
    private const string Shapes = """
        {
          "title": "Shapes",
          "properties": { "kind": { "type": "string" }, "size": { "type": "integer" } },
          "allOf": [
            { "if": { "properties": { "kind": { "const": "circle" } }, "required": ["kind"] }, "then": { "required": ["radius"] } },
            {
              "if": { "properties": { "kind": { "const": "square" } }, "required": ["kind"] },
              "then": { "required": ["side"] },
              "else": { "not": { "required": ["side"] } }
            },
            { "if": { "$ref": "#/$defs/big" }, "then": { "properties": { "size": { "maximum": 100 } } } },
            {
              "if": { "anyOf": [ { "required": ["a"] }, { "not": { "properties": { "b": { "type": "string" } } } } ] },
              "then": { "required": ["c"] }
            }
          ],
          "if": { "oneOf": [ { "required": ["x"] }, { "required": ["y"] } ] },
          "then": { "properties": { "z": { "const": 1 } } },
          "$defs": { "big": { "type": "object", "properties": { "size": { "minimum": 10 } }, "required": ["size"] } }
        }
        """;

    /// <summary>The same schema with evaluated-property tracking on (a no-op keyword): every condition takes the ordinary path.</summary>
    private static readonly string ShapesOrdinary = Shapes.Replace("\"title\": \"Shapes\",", "\"title\": \"Shapes\", \"unevaluatedProperties\": true,", StringComparison.Ordinal);

    [Fact]
    public void TheConditionsAreDecidedFromOneRecordedRead()
    {
        var source = GeneratorHarness.Run(new SchemaInput("s.schema.json", Shapes)).Sources["s.schema.json.g.cs"];
        Assert.Contains("recorded in one read of the object", source, StringComparison.Ordinal);
        var ordinary = GeneratorHarness.Run(new SchemaInput("s.schema.json", ShapesOrdinary)).Sources["s.schema.json.g.cs"];
        Assert.DoesNotContain("recorded in one read of the object", ordinary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"kind":"circle","radius":1}""", true)]
    [InlineData("""{"kind":"circle"}""", false)]
    [InlineData("""{"kind":"square","side":2}""", true)]
    [InlineData("""{"kind":"square"}""", false)]
    [InlineData("""{"kind":"circle","radius":1,"side":3}""", false)] // else: no side unless a square
    [InlineData("""{"\u006bind":"circle"}""", false)] // an escaped name is the same name
    [InlineData("""{"size":50}""", true)]
    [InlineData("""{"size":500}""", false)]
    [InlineData("""{"size":5}""", true)]
    [InlineData("""{"a":1}""", false)]
    [InlineData("""{"a":1,"c":0}""", true)]
    [InlineData("""{"b":7}""", false)]
    [InlineData("""{"b":"s"}""", true)]
    [InlineData("""{"x":1}""", true)]
    [InlineData("""{"x":1,"z":2}""", false)]
    [InlineData("""{"x":1,"y":1,"z":2}""", true)] // oneOf: both hold, so the condition does not
    [InlineData("""{"kind":"circle","kind":"square"}""", true)] // each occurrence is checked: neither condition holds
    [InlineData("""{"kind":"square","kind":"square"}""", false)]
    [InlineData("""{"kind":5,"radius":1}""", false)]
    [InlineData("""{"kind":{"nested":{"kind":"circle"}},"size":"x"}""", false)]
    [InlineData("""42""", true)] // not an object: required and properties are vacuous, "big" wants an object
    [InlineData("""[{"kind":"circle"}]""", true)]
    public void VerdictsAreThoseOfTheOrdinaryPath(string json, bool valid)
    {
        using var recorded = SchemaValidator.Compile(Shapes);
        using var ordinary = SchemaValidator.Compile(ShapesOrdinary);
        Assert.Equal(valid, ordinary.IsValid(json));
        Assert.Equal(valid, recorded.IsValid(json));
    }

    [Theory]
    [InlineData("""{"kind":"circle","side":1}""")]
    [InlineData("""{"kind":"square","size":500,"a":true}""")]
    [InlineData("""{"x":1,"z":"one","kind":"circle","kind":"circle"}""")]
    public void ErrorsAreThoseOfTheOrdinaryPath(string json)
    {
        using var recorded = SchemaValidator.Compile(Shapes);
        using var ordinary = SchemaValidator.Compile(ShapesOrdinary);
        static string Errors(FactSchema.Validation.ValidationResult result)
            => string.Join("\n", result.Errors.Select(e => $"{e.InstanceLocation} {e.KeywordLocation} {e.Message}"));

        var expected = Errors(ordinary.Validate(json));
        Assert.NotEmpty(expected);
        Assert.Equal(expected, Errors(recorded.Validate(json)));
    }

    private const string Choices = """
        {
          "title": "Choices",
          "properties": { "a": { "type": "string" } },
          "oneOf": [ { "required": ["a"] }, { "required": ["b"] }, { "properties": { "c": { "const": 1 } }, "required": ["c"] } ],
          "anyOf": [ { "required": ["a"] }, { "not": { "required": ["d"] } } ]
        }
        """;

    [Theory]
    [InlineData("""{"a":"x"}""", true)]
    [InlineData("""{"a":"x","b":1}""", false)] // two oneOf branches hold
    [InlineData("""{"c":1}""", true)]
    [InlineData("""{"c":2}""", false)]
    [InlineData("""{"c":1,"d":0}""", false)] // neither anyOf branch holds
    [InlineData("""{}""", false)]
    [InlineData("""5""", false)] // not an object: every oneOf branch holds vacuously
    [InlineData("""{"a":"x","a":"y"}""", true)]
    [InlineData("""{"a":1}""", false)]
    public void UnionBranchesAreDecidedFromTheRecordedReadToo(string json, bool valid)
    {
        var source = GeneratorHarness.Run(new SchemaInput("c.schema.json", Choices)).Sources["c.schema.json.g.cs"];
        Assert.Contains("recorded in one read of the object", source, StringComparison.Ordinal);
        using var recorded = SchemaValidator.Compile(Choices);
        using var ordinary = SchemaValidator.Compile(Choices.Replace("\"title\": \"Choices\",", "\"title\": \"Choices\", \"unevaluatedProperties\": true,", StringComparison.Ordinal));
        Assert.Equal(valid, ordinary.IsValid(json));
        Assert.Equal(valid, recorded.IsValid(json));
        Assert.Equal(
            string.Join("\n", ordinary.Validate(json).Errors.Select(e => $"{e.InstanceLocation} {e.KeywordLocation} {e.Message}")),
            string.Join("\n", recorded.Validate(json).Errors.Select(e => $"{e.InstanceLocation} {e.KeywordLocation} {e.Message}")));
    }
}
