using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;
using FactSchema.News;
using FactSchema.Serialization;
using Xunit;

namespace FactSchema.Tests;

/// <summary>The generated types with System.Text.Json's own machinery: the reflection-free resolver and the schema exporter.</summary>
public sealed class SystemTextJsonIntegrationTests
{
    /// <summary>A type of the user's own that holds FactSchema types.</summary>
    public sealed class Review
    {
        public string Reviewer { get; set; } = "";

        public Quote Quote { get; set; } = null!;

        public Pledge? Related { get; set; }

        public List<Pledge> Pledges { get; set; } = new();
    }

    private static FactSet SampleFacts => FactSet.Deserialize(TestData.SampleFacts);

    [Fact]
    public void TheResolverKnowsEveryGeneratedTypeWithoutReflection()
    {
        var options = new JsonSerializerOptions { TypeInfoResolver = FactSchemaTypes.Resolver };
        Assert.False(options.TryGetTypeInfo(typeof(Review), out _));
        var facts = SampleFacts;

        var json = JsonSerializer.Serialize(facts, options);
        Assert.Equal(Encoding.UTF8.GetString(facts.SerializeToUtf8Bytes()), json);
        Assert.Equal(facts, JsonSerializer.Deserialize<FactSet>(json, options));

        var quote = facts.Quotes![0];
        var typeInfo = (JsonTypeInfo<Quote>)options.GetTypeInfo(typeof(Quote));
        Assert.Equal(quote, JsonSerializer.Deserialize(JsonSerializer.Serialize(quote, typeInfo), typeInfo));
        Assert.Equal(PledgeStatus.Expected, JsonSerializer.Deserialize<PledgeStatus>("\"expected\"", options));

        Assert.Contains(typeof(Actor), FactSchemaTypes.Resolver.Types);
        Assert.True(FactSchemaTypes.Resolver.TryGetConverter(typeof(Pledge), out var converter));
        Assert.Same(Pledge.JsonSchema, converter.Schema);
        Assert.Equal(7, FactSchemaTypes.Schemas.Count);
    }

    [Fact]
    public void TheResolverReadsThroughTheValidatingReader()
    {
        var options = new JsonSerializerOptions { TypeInfoResolver = FactSchemaTypes.Resolver };
        var broken = JsonNode.Parse(TestData.SampleFacts)!;
        broken["pledges"]![0]!["status"] = "promised";
        var error = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<FactSet>(broken.ToJsonString(), options));
        Assert.Contains("/pledges/0/status", error.Message + error.Path);
    }

    [Fact]
    public void TheResolverCombinesWithOtherResolvers()
    {
        var options = new JsonSerializerOptions { TypeInfoResolver = JsonTypeInfoResolver.Combine(FactSchemaTypes.Resolver, new DefaultJsonTypeInfoResolver()) };
        var facts = SampleFacts;
        var review = new Review { Reviewer = "desk", Quote = facts.Quotes![0], Pledges = facts.Pledges!.ToList() };
        var back = JsonSerializer.Deserialize<Review>(JsonSerializer.Serialize(review, options), options)!;
        Assert.Equal(review.Quote, back.Quote);
        Assert.Equal(review.Pledges, back.Pledges);
    }

    [Fact]
    public void TheExporterDescribesAGeneratedTypeByItsExactSchema()
    {
        var plain = JsonSerializerOptions.Default.GetJsonSchemaAsNode(typeof(Quote));
        Assert.Equal("true", plain.ToJsonString()); // what System.Text.Json knows on its own: anything

        var exported = FactSchemaJsonSchemaExporter.GetJsonSchemaAsNode(JsonSerializerOptions.Default, typeof(Quote));
        Assert.True(JsonNode.DeepEquals(Quote.JsonSchema.ToJsonNode(), exported));
        var enumSchema = FactSchemaJsonSchemaExporter.GetJsonSchemaAsNode(JsonSerializerOptions.Default, typeof(PledgeStatus));
        Assert.True(JsonNode.DeepEquals(PledgeStatusJsonConverter.JsonSchema.ToJsonNode(), enumSchema));
    }

    [Fact]
    public void GeneratedTypesInsideYourOwnTypesExportAsOneResolvableDocument()
    {
        var options = new JsonSerializerOptions(JsonSerializerOptions.Default);
        var exported = FactSchemaJsonSchemaExporter.GetJsonSchemaAsNode(options, typeof(Review));
        JsonSchemaValueTests.AssertSelfContained(exported);
        var quote = exported["properties"]!["Quote"]!;
        Assert.Null(quote["$schema"]);
        Assert.Equal(Quote.JsonSchema.ToJsonNode()["title"]?.ToString(), quote["title"]?.ToString());
        Assert.Equal("null", exported["properties"]!["Related"]!["anyOf"]![1]!["type"]!.ToString());
        Assert.True(exported["properties"]?["Pledges"]?["items"]?["properties"] is not null, exported["properties"]?["Pledges"]?.ToJsonString());

        var facts = SampleFacts;
        var review = new Review { Reviewer = "desk", Quote = facts.Quotes![0], Pledges = facts.Pledges!.ToList() };
        var json = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(review, options));
        Assert.True(JsonSchemaValueTests.Evaluate(exported.ToJsonString(), json));

        var broken = JsonNode.Parse(json)!;
        broken["Pledges"]![0]!["status"] = "promised";
        Assert.False(JsonSchemaValueTests.Evaluate(exported.ToJsonString(), Encoding.UTF8.GetBytes(broken.ToJsonString())));
        broken = JsonNode.Parse(json)!;
        broken["Related"] = JsonNode.Parse(JsonSerializer.Serialize(facts.Pledges![0], options));
        Assert.True(JsonSchemaValueTests.Evaluate(exported.ToJsonString(), Encoding.UTF8.GetBytes(broken.ToJsonString())));
    }

    [Fact]
    public void TheTransformChainsWithYourOwn()
    {
        var seen = new List<string>();
        var chained = FactSchemaJsonSchemaExporter.With(new System.Text.Json.Schema.JsonSchemaExporterOptions
        {
            TransformSchemaNode = (context, schema) =>
            {
                seen.Add(context.TypeInfo.Type.Name);
                return schema;
            },
        });
        var exported = JsonSerializerOptions.Default.GetJsonSchemaAsNode(typeof(Amount), chained);
        Assert.True(JsonNode.DeepEquals(Amount.JsonSchema.ToJsonNode(), exported));
        Assert.Contains(nameof(Amount), seen);
    }
}
