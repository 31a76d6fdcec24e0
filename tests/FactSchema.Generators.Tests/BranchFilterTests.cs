using System.Linq;
using FactSchema.Generators.Tests.TestSupport;

namespace FactSchema.Generators.Tests;

/// <summary>
/// A oneOf/anyOf of object kinds told apart by a property's value (Azure Functions' bindings: <c>{"type": "blob", …}</c>,
/// the kinds nested in a second oneOf, the property not required) evaluates only the branches that admit the value an
/// object has; the verdicts stay those of JSON Schema whatever the value, its absence, its type or its escaping.
/// </summary>
public sealed class BranchFilterTests
{
    private const string Bindings = """
        {
          "title": "Bindings",
          "type": "array",
          "items": {
            "oneOf": [
              { "$ref": "#/$defs/dynamic" },
              { "oneOf": [ { "$ref": "#/$defs/blob" }, { "$ref": "#/$defs/queue" }, { "$ref": "#/$defs/timer" } ] }
            ],
            "allOf": [ { "$ref": "#/$defs/base" } ]
          },
          "$defs": {
            "base": { "type": "object", "properties": { "name": { "type": "string" }, "type": { "type": "string" } }, "required": ["name", "type"] },
            "dynamic": { "properties": { "type": { "not": { "enum": ["blob", "blobTrigger", "queue", "timerTrigger"] } } } },
            "blob": {
              "properties": { "path": { "type": "string" } },
              "oneOf": [
                { "properties": { "type": { "enum": ["blobTrigger"] }, "direction": { "const": "in" } } },
                { "properties": { "type": { "$ref": "#/$defs/blobName" } } }
              ]
            },
            "blobName": { "const": "blob" },
            "queue": { "properties": { "type": { "enum": ["queue"] }, "queueName": { "type": "string", "minLength": 3 } } },
            "timer": { "properties": { "type": { "const": "timerTrigger" }, "schedule": { "type": "string" } }, "required": ["schedule"] }
          }
        }
        """;

    [Fact]
    public void TheBranchesAreFilteredByTheValueOfTheirKindProperty()
    {
        var run = GeneratorHarness.Run(new[] { new SchemaInput("bindings.schema.json", Bindings) });
        var source = run.Sources["bindings.schema.json.g.cs"];

        // The outer oneOf (through the nested one, and the blob kinds' own oneOf) and the inner one are each filtered on "type".
        Assert.True(source.Split("SelectBranch(start, \"type\"u8").Length - 1 >= 3, source);
    }

    [Theory]
    [InlineData("""[{"name":"a","type":"blob","path":"x"}]""", true)]
    [InlineData("""[{"name":"a","type":"blobTrigger","direction":"in"}]""", true)]
    [InlineData("""[{"name":"a","type":"blobTrigger","direction":"out"}]""", false)]
    [InlineData("""[{"name":"a","type":"queue","queueName":"jobs"}]""", true)]
    [InlineData("""[{"name":"a","type":"queue","queueName":"j"}]""", false)]
    [InlineData("""[{"name":"a","type":"timerTrigger","schedule":"0 * * * *"}]""", true)]
    [InlineData("""[{"name":"a","type":"timerTrigger"}]""", false)]
    [InlineData("""[{"name":"a","type":"cosmosDB"}]""", true)] // only the dynamic kind admits it
    [InlineData("""[{"name":"a","type":"\u0071ueue","queueName":"jobs"}]""", true)] // escaped: the same value
    [InlineData("""[{"name":"a","type":"\u0071ueue","queueName":"j"}]""", false)]
    [InlineData("""[{"name":"a","type":7}]""", false)] // base wants a string
    [InlineData("""[{"name":"a"}]""", false)] // base requires type
    [InlineData("""[{"name":"a","type":"queue","queueName":"jobs"},{"name":"b","type":"blob"}]""", true)]
    public void VerdictsAreThoseOfJsonSchema(string json, bool valid)
        => Assert.Equal(valid, Validate(Bindings, json));

    [Theory]
    // Without "type", the restricted branches still decide: in an anyOf with no base, an object that has no kind matches them all.
    [InlineData("""{"path":"x"}""", true)]
    [InlineData("""{"kind":"a","size":1}""", true)]
    [InlineData("""{"kind":"a","size":"big"}""", false)]
    [InlineData("""{"kind":"b","label":"x"}""", true)]
    [InlineData("""{"kind":"c"}""", false)]
    [InlineData("""{"kind":null}""", false)]
    [InlineData("""42""", true)] // not an object: properties restrict nothing
    public void AnObjectWithoutTheValueOrANonObjectTriesEveryBranch(string json, bool valid)
        => Assert.Equal(valid, Validate("""
            {
              "title": "Kinds",
              "anyOf": [
                { "properties": { "kind": { "const": "a" }, "size": { "type": "integer" } } },
                { "properties": { "kind": { "enum": ["b"] }, "label": { "type": "string" } } }
              ]
            }
            """, json));

    private static bool Validate(string schema, string json)
    {
        using var validator = SchemaValidator.Compile(schema);
        return validator.IsValid(json);
    }
}
