using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using FactSchema.News;
using Json.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace FactSchema.AspNetCore.Tests;

/// <summary>The OpenAPI document of an application with FactSchema types, served by a real server.</summary>
public sealed class OpenApiTests : IAsyncLifetime
{
    /// <summary>A type of the application's own that holds generated types.</summary>
    public sealed class Review
    {
        public string Reviewer { get; set; } = "";

        public Quote Quote { get; set; } = null!;

        public List<Pledge> Pledges { get; set; } = new();
    }

    private TestServer _server = null!;
    private JsonNode _document = null!;

    public async Task InitializeAsync()
    {
        _server = await TestServer.StartAsync(
            builder =>
            {
                builder.Services.AddFactSchema(FactSchemaTypes.Resolver);
                builder.Services.AddOpenApi(options => options.AddFactSchema());
            },
            app =>
            {
                app.MapOpenApi();
                app.MapPost("/facts", (FactSchemaBody<FactSet> body) => body.Value.Pledges![0]);
                app.MapGet("/quote", () => FactSet.Deserialize(TestServer.SampleFacts).Quotes![0]);
                app.MapPost("/reviews", (Review review) => review.Reviewer);
            });
        _document = JsonNode.Parse(await _server.Client.GetStringAsync("/openapi/v1.json"))!;
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private JsonObject Components => _document["components"]!["schemas"]!.AsObject();

    [Fact]
    public void TheDocumentValidatesAgainstTheOpenApi31Schema()
    {
        // JsonSchema.Net 8.0.5 fails on a patternProperties key that contains "/" (it escapes the key as a pointer token and
        // looks it up escaped): the paths object's "^/" is written as the same pattern without the slash.
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "openapi-3.1.schema.json"));
        Assert.Contains("\"^/\"", text);
        var schema = JsonSchema.FromText(text.Replace("\"^/\"", "\"^\\\\x2F\"", StringComparison.Ordinal));
        using var document = JsonDocument.Parse(_document.ToJsonString());
        var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, string.Join("\n", (result.Details ?? new List<EvaluationResults>()).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => d.InstanceLocation + ": " + e.Value)).Take(20)));
    }

    [Fact]
    public void GeneratedTypesAreComponentsWithTheirExactSchemas()
    {
        var factSet = Components["FactSet"]!;
        Assert.Equal(FactSet.JsonSchema.ToJsonNode()["title"]!.ToString(), factSet["title"]!.ToString());
        Assert.Equal("#/components/schemas/Pledge", factSet["properties"]!["pledges"]!["items"]!["$ref"]!.ToString());
        var pledge = Components["Pledge"]!;
        Assert.Equal("#/components/schemas/PledgeStatus", pledge["properties"]!["status"]!["$ref"]!.ToString());
        Assert.True(Components["PledgeStatus"]!["enum"] is JsonArray, Components["PledgeStatus"]!.ToJsonString());
        Assert.Contains("expected", Components["PledgeStatus"]!["enum"]!.AsArray().Select(v => v!.ToString()));
        Assert.Equal("#/components/schemas/Quote", _document["paths"]!["/quote"]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]!.ToString());

        // The application's own type refers to the generated ones.
        var review = Components["Review"]!;
        Assert.True(review["properties"]?["pledges"]?["items"] is not null, review.ToJsonString());
        Assert.Equal("#/components/schemas/Quote", review["properties"]!["quote"]!["$ref"]!.ToString());
        Assert.Equal("#/components/schemas/Pledge", review["properties"]!["pledges"]!["items"]!["$ref"]!.ToString());
        Assert.DoesNotContain(nameof(FactSchemaOpenApiExtensions.SchemaExtension), Components.ToJsonString());
    }

    [Fact]
    public void EveryReferenceResolvesInTheDocument()
    {
        var references = References(_document).ToList();
        Assert.Contains("#/components/schemas/Amount", references);
        foreach (var reference in references)
        {
            Assert.StartsWith("#/components/schemas/", reference);
            Assert.True(Components.ContainsKey(reference.Substring("#/components/schemas/".Length)), reference);
        }
    }

    [Fact]
    public void TheComponentsValidateAsTheGeneratedValidatorDoes()
    {
        // The components as one JSON Schema: each is a definition, references between them as they are.
        var defs = JsonNode.Parse(Components.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal))!;
        var schemaText = new JsonObject { ["$schema"] = "https://json-schema.org/draft/2020-12/schema", ["$ref"] = "#/$defs/FactSet", ["$defs"] = defs }.ToJsonString();
        var schema = JsonSchema.FromText(schemaText, new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        bool Valid(string json)
        {
            using var document = JsonDocument.Parse(json);
            return schema.Evaluate(document.RootElement, new EvaluationOptions { RequireFormatValidation = true }).IsValid;
        }

        var facts = JsonNode.Parse(TestServer.SampleFacts)!;
        Assert.True(Valid(facts.ToJsonString()));
        facts["pledges"]![0]!["status"] = "promised";
        Assert.False(Valid(facts.ToJsonString()));
        Assert.False(FactSetSchema.ValidateJson(facts.ToJsonString()).IsValid);
        facts = JsonNode.Parse(TestServer.SampleFacts)!;
        facts["actors"]![0]!["id"] = "Mark Rutte";
        Assert.False(Valid(facts.ToJsonString()));
    }

    private static IEnumerable<string> References(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var member in obj)
                {
                    if (member.Key == "$ref" && member.Value is JsonValue value)
                    {
                        yield return value.GetValue<string>();
                    }
                    else if (member.Key is not ("enum" or "const" or "default" or "examples" or "example"))
                    {
                        foreach (var inner in References(member.Value))
                        {
                            yield return inner;
                        }
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    foreach (var inner in References(item))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }
}
