using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FactSchema.News;
using FactSchema.Serialization;
using FactSchema.Validation;
using Json.Schema;
using Xunit;

namespace FactSchema.Extensions.AI.Tests;

/// <summary>The strict profile: the derived schemas follow the provider's rules, and strict replies come back as the original documents.</summary>
public sealed class StrictProfileTests
{
    public static TheoryData<string> VocabularyTypes()
    {
        var data = new TheoryData<string>();
        foreach (var type in FactSchemaTypes.Resolver.Types)
        {
            data.Add(type.Name);
        }

        return data;
    }

    private static FactSchemaStructuredOutput StrictOf(string typeName)
    {
        var type = FactSchemaTypes.Resolver.Types.Single(t => t.Name == typeName);
        return new FactSchemaChatOptions(FactSchemaTypes.Resolver).GetStructuredOutput(type, StructuredOutputProfile.OpenAIStrict);
    }

    [Theory]
    [MemberData(nameof(VocabularyTypes))]
    public void EveryVocabularyTypeHasAStrictSchemaThatFollowsTheProvidersRules(string typeName)
    {
        var output = StrictOf(typeName);

        Assert.Empty(FactSchemaStructuredOutput.FindViolations(output.Schema, StructuredOutputProfile.OpenAIStrict));
        // The checker is not the only judge: the derived schema is a valid 2020-12 schema for an independent validator too.
        JsonSchema.FromText(output.Schema.GetRawText());
    }

    public static TheoryData<string, string> SampleDocuments()
    {
        var facts = JsonNode.Parse(GetFactTests.SampleFacts)!;
        var data = new TheoryData<string, string> { { nameof(FactSet), facts.ToJsonString() } };
        foreach (var (member, type) in new[] { ("actors", nameof(Actor)), ("pledges", nameof(Pledge)), ("quotes", nameof(Quote)), ("statements", nameof(Statement)), ("sources", nameof(Source)) })
        {
            foreach (var item in facts[member]!.AsArray())
            {
                data.Add(type, item!.ToJsonString());
            }
        }

        data.Add(nameof(PledgeStatus), "\"announced\"");
        return data;
    }

    [Theory]
    [MemberData(nameof(SampleDocuments))]
    public void ASampleDocumentInStrictFormIsValidForTheDerivedSchemaAndComesBackUnchanged(string typeName, string json)
    {
        var output = StrictOf(typeName);
        var original = JsonNode.Parse(json);
        var strictSchema = (JsonObject)JsonNode.Parse(output.Schema.GetRawText())!;

        var reply = StrictReplies.Fill(original, strictSchema, output.IsWrapped);

        using var replyDocument = JsonDocument.Parse(reply!.ToJsonString());
        var evaluation = JsonSchema.FromText(output.Schema.GetRawText()).Evaluate(replyDocument.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(evaluation.IsValid, string.Join("\n", (evaluation.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => d.InstanceLocation + ": " + e.Value))));
        // The library's own way there writes the same reply as the independent one.
        var ours = JsonNode.Parse(output.ToReply(Encoding.UTF8.GetBytes(json)));
        Assert.True(JsonNode.DeepEquals(reply, ours), ours!.ToJsonString());
        var restored = output.RestoreReply(Encoding.UTF8.GetBytes(reply.ToJsonString()));
        Assert.True(JsonNode.DeepEquals(original, JsonNode.Parse(restored)), Encoding.UTF8.GetString(restored));
        FactSchemaTypes.Resolver.TryGetConverter(FactSchemaTypes.Resolver.Types.Single(t => t.Name == typeName), out var converter);
        converter.ReadDocumentAsObject(restored);
    }

    private static FactSchemaStructuredOutput Derive(string schema, StructuredOutputProfile profile = StructuredOutputProfile.OpenAIStrict)
    {
        var utf8 = Encoding.UTF8.GetBytes(schema);
        return FactSchemaStructuredOutput.Create(FactSchemaJsonSchema.Create("urn:test", "Test", utf8, utf8), profile);
    }

    private static JsonNode Sent(FactSchemaStructuredOutput output) => JsonNode.Parse(output.Schema.GetRawText())!;

    private static string Restore(FactSchemaStructuredOutput output, string reply) => Encoding.UTF8.GetString(output.RestoreReply(Encoding.UTF8.GetBytes(reply)));

    [Fact]
    public void OptionalMembersBecomeRequiredAndNullableAndNullsAreDroppedOnTheWayBack()
    {
        var output = Derive("""
            {"type": "object", "required": ["a"], "properties": {
              "a": {"type": "string", "minLength": 1, "description": "A."},
              "b": {"type": "integer", "minimum": 0},
              "c": {"$ref": "#/$defs/colour"},
              "d": {"type": ["string", "null"]},
              "e": {"enum": ["x", "y"]}
            }, "$defs": {"colour": {"enum": ["red", "green"]}}}
            """);
        var sent = Sent(output);

        Assert.False(output.IsWrapped);
        Assert.Equal("""["a","b","c","d","e"]""", sent["required"]!.ToJsonString());
        Assert.False(sent["additionalProperties"]!.GetValue<bool>());
        Assert.Equal("A.\nminLength: 1", sent["properties"]!["a"]!["description"]!.GetValue<string>());
        Assert.Equal("""["integer","null"]""", sent["properties"]!["b"]!["type"]!.ToJsonString());
        Assert.Equal(0, sent["properties"]!["b"]!["minimum"]!.GetValue<int>());
        Assert.Equal("""{"anyOf":[{"$ref":"#/$defs/colour"},{"type":"null"}]}""", sent["properties"]!["c"]!.ToJsonString());
        Assert.Equal("""["x","y",null]""", sent["properties"]!["e"]!["enum"]!.ToJsonString());
        Assert.Equal("""{"a":"z","d":null}""", Restore(output, """{"a": "z", "b": null, "c": null, "d": null, "e": null}"""));
    }

    [Fact]
    public void MapsBecomeKeyValueArraysAndComeBackAsObjects()
    {
        var output = Derive("""
            {"type": "object", "properties": {"tags": {"type": "object", "propertyNames": {"pattern": "^[a-z]+$"}, "maxProperties": 5,
              "additionalProperties": {"type": "integer"}}}}
            """);
        var tags = Sent(output)["properties"]!["tags"]!;

        Assert.Equal("""["array","null"]""", tags["type"]!.ToJsonString());
        Assert.Equal(5, tags["maxItems"]!.GetValue<int>());
        Assert.Equal("^[a-z]+$", tags["items"]!["properties"]!["key"]!["pattern"]!.GetValue<string>());
        Assert.Equal("""{"tags":{"a":1,"b":2}}""", Restore(output, """{"tags": [{"key": "a", "value": 1}, {"key": "b", "value": 2}]}"""));
        Assert.Equal("/tags/1/value", output.ToReplyPointer("/tags/b", Encoding.UTF8.GetBytes("""{"tags": [{"key": "a", "value": 1}, {"key": "b", "value": 2}]}""")));

        Assert.Equal("""{"tags":[{"key":"a","value":1}]}""", Encoding.UTF8.GetString(output.ToReply(Encoding.UTF8.GetBytes("""{"tags": {"a": 1}}"""))));
        Assert.Equal("""{"tags":null}""", Encoding.UTF8.GetString(output.ToReply(Encoding.UTF8.GetBytes("{}"))));

        var error = Assert.Throws<FactSchemaValidationException>(() => Restore(output, """{"tags": [{"key": "a", "value": 1}, {"key": "a", "value": 2}]}"""));
        Assert.Equal("/tags/1/key", Assert.Single(error.Errors).InstanceLocation);
    }

    [Fact]
    public void ARootThatIsNotAnObjectIsWrappedAndUnwrapped()
    {
        var output = Derive("""{"type": "array", "items": {"type": "string", "format": "uri"}, "minItems": 1}""");
        var sent = Sent(output);

        Assert.True(output.IsWrapped);
        Assert.Equal("""["value"]""", sent["required"]!.ToJsonString());
        Assert.Equal("format: uri", sent["properties"]!["value"]!["items"]!["description"]!.GetValue<string>());
        Assert.Equal("""["x"]""", Restore(output, """{"value": ["x"]}"""));
        Assert.Equal("/value/0", output.ToReplyPointer("/0", Encoding.UTF8.GetBytes("""{"value": ["x"]}""")));
        Assert.Throws<FactSchemaValidationException>(() => Restore(output, """["x"]"""));
        Assert.Equal("""{"value":["x"]}""", Encoding.UTF8.GetString(output.ToReply(Encoding.UTF8.GetBytes("""["x"]"""))));
    }

    [Fact]
    public void ConstBecomesEnumAndOneOfBecomesAnyOfWithBranchesPickedOnTheWayBack()
    {
        var output = Derive("""
            {"type": "object", "required": ["shape"], "properties": {"shape": {"oneOf": [
              {"type": "object", "required": ["kind", "radius"], "properties": {"kind": {"const": "circle"}, "radius": {"type": "number"}, "label": {"type": "string"}}},
              {"type": "object", "required": ["kind", "side"], "properties": {"kind": {"const": "square"}, "side": {"type": "number"}, "note": {"type": "string"}}}
            ]}}}
            """);
        var shape = Sent(output)["properties"]!["shape"]!;

        Assert.Equal(2, shape["anyOf"]!.AsArray().Count);
        Assert.Equal("""["circle"]""", shape["anyOf"]![0]!["properties"]!["kind"]!["enum"]!.ToJsonString());
        Assert.Equal("""{"shape":{"kind":"square","side":2}}""", Restore(output, """{"shape": {"kind": "square", "side": 2, "note": null}}"""));
        Assert.Equal("""{"shape":{"kind":"circle","radius":1}}""", Restore(output, """{"shape": {"kind": "circle", "radius": 1, "label": null}}"""));
    }

    [Fact]
    public void AMemberThatAcceptsNullKeepsItsNull()
    {
        var output = Derive("""{"type": "object", "properties": {"when": {"type": ["string", "null"], "format": "date"}, "who": {"type": "string"}}}""");

        Assert.Equal("""{"when":null}""", Restore(output, """{"when": null, "who": null}"""));
    }

    [Fact]
    public void RecursiveSchemasUseOneFlatDefinition()
    {
        var output = Derive("""
            {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}, "children": {"type": "array", "items": {"$ref": "#"}}}}
            """);
        var sent = Sent(output);

        Assert.Equal("#/$defs/test", sent["properties"]!["children"]!["type"] is null ? null : sent["properties"]!["children"]!["items"]!["$ref"]!.GetValue<string>());
        Assert.Empty(FactSchemaStructuredOutput.FindViolations(output.Schema, StructuredOutputProfile.OpenAIStrict));
        Assert.Equal("""{"name":"a","children":[{"name":"b"}]}""", Restore(output, """{"name": "a", "children": [{"name": "b", "children": null}]}"""));
    }

    [Theory]
    [InlineData("""{"type": "object", "properties": {"any": true}}""", "#/properties/any: accepts any value")]
    [InlineData("""{"type": "object", "properties": {"any": {}}}""", "#/properties/any: accepts any value (no type)")]
    [InlineData("""{"type": "object", "properties": {"both": {"allOf": [{"type": "string"}, {"minLength": 2}]}}}""", "#/properties/both/allOf: an allOf of several")]
    [InlineData("""{"type": "object", "properties": {"pair": {"type": "array", "prefixItems": [{"type": "string"}]}}}""", "#/properties/pair/prefixItems: a tuple")]
    [InlineData("""{"type": "object", "properties": {"bag": {"type": "object"}}}""", "#/properties/bag: an open object")]
    [InlineData("""{"type": "object", "properties": {"list": {"type": "array"}}}""", "#/properties/list: an array of any items")]
    [InlineData("""{"type": "object", "properties": {"x": {"$ref": "#/$defs/missing"}}}""", "#/properties/x/$ref: '#/$defs/missing' does not resolve")]
    [InlineData("""{"type": "object", "properties": {"x": {"$ref": "https://example.com/other.json"}}}""", "does not resolve (a schema of another assembly")]
    [InlineData("""{"type": "object", "properties": {"x": {"$dynamicRef": "#node"}}}""", "#/properties/x: $dynamicRef cannot be made strict")]
    [InlineData("""{"type": "object", "properties": {"x": {"$ref": "#/$defs/a", "type": "string"}}, "$defs": {"a": {"type": "string"}}}""", "a $ref beside 'type'")]
    [InlineData("""{"type": "object", "required": ["y"], "properties": {"x": {"type": "string"}}}""", "#/required: requires 'y'")]
    public void ASchemaThatCannotBeMadeStrictNamesThePlaceAndTheReason(string schema, string expected)
    {
        var error = Assert.Throws<StructuredOutputNotSupportedException>(() => Derive(schema));

        Assert.Contains(error.Violations, violation => violation.Contains(expected, StringComparison.Ordinal));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void TheProvidersLimitsAreChecked()
    {
        var values = string.Join(",", Enumerable.Range(0, 1001).Select(i => "\"v" + i + "\""));
        var manyValues = Assert.Throws<StructuredOutputNotSupportedException>(() => Derive("""{"type": "object", "required": ["e"], "properties": {"e": {"enum": [""" + values + "]}}}"));
        Assert.Contains(manyValues.Violations, v => v.Contains("1001 enum values", StringComparison.Ordinal));

        var deep = "{\"type\": \"string\"}";
        for (var i = 0; i < 11; i++)
        {
            deep = "{\"type\": \"object\", \"required\": [\"x\"], \"properties\": {\"x\": " + deep + "}}";
        }

        var tooDeep = Assert.Throws<StructuredOutputNotSupportedException>(() => Derive(deep));
        Assert.Contains(tooDeep.Violations, v => v.Contains("nested 11 deep", StringComparison.Ordinal));
    }

    [Fact]
    public void TheExactProfileSendsTheSchemaAsIsAndReadsTheReplyAsIs()
    {
        var output = Derive("""{"type": "array", "items": {"type": "string"}}""", StructuredOutputProfile.Exact);
        var reply = Encoding.UTF8.GetBytes("[\"x\"]");

        Assert.False(output.IsWrapped);
        Assert.Equal("array", Sent(output)["type"]!.GetValue<string>());
        Assert.Same(reply, output.RestoreReply(reply));
        Assert.Equal("/0", output.ToReplyPointer("/0", reply));
    }

    [Fact]
    public void TheCheckerFindsWhatAProviderWouldRefuse()
    {
        using var document = JsonDocument.Parse("""{"type": "object", "properties": {"a": {"type": "string", "minLength": 1, "format": "uri"}, "b": {"$ref": "#/$defs/x", "description": "d"}}}""");

        var violations = FactSchemaStructuredOutput.FindViolations(document.RootElement, StructuredOutputProfile.OpenAIStrict);

        Assert.Contains("#: an object needs additionalProperties: false", violations);
        Assert.Contains("#/required: must list 'a' (every property is required)", violations);
        Assert.Contains("#/properties/a: 'minLength' is not supported here", violations);
        Assert.Contains("#/properties/a/format: '\"uri\"' is not a supported format", violations);
        Assert.Contains("#/properties/b: a $ref must stand alone", violations);
        Assert.Contains("#/properties/b: the $ref '#/$defs/x' is not a definition of the root's $defs", violations);
    }
}
