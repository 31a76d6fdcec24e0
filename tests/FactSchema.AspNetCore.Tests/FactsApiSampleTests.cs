using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using FactSchema.News;
using FactsApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace FactSchema.AspNetCore.Tests;

/// <summary>The sample web API (samples/FactsApi) on a real server, its SQLite file in a folder of the test's own.</summary>
public sealed class FactsApiSampleTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "factsapi-test-" + Guid.NewGuid().ToString("N"));
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync() => (_app, _client) = await StartAsync(_directory);

    public async Task DisposeAsync()
    {
        await StopAsync(_app, _client);
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static async Task<(WebApplication, HttpClient)> StartAsync(string directory)
    {
        var app = FactsApiApp.Create(["--urls", "http://127.0.0.1:0", $"--{FactsApiApp.DataDirectoryKey}={directory}", "--Logging:LogLevel:Default=Warning"]);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new HttpClient { BaseAddress = new Uri(address) });
    }

    private static async Task StopAsync(WebApplication app, HttpClient client)
    {
        client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private static HttpContent Json(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private async Task<Uri> PostSampleAsync()
    {
        using var response = await _client.PostAsync("/factsets", Json(TestServer.SampleFacts));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<long>();
        Assert.Equal($"/factsets/{id}", response.Headers.Location!.OriginalString);
        return response.Headers.Location;
    }

    [Fact]
    public async Task AStoredFactSetComesBackEqualAndIsStoredAsTheGeneratedWriterWroteIt()
    {
        var location = await PostSampleAsync();

        using var response = await _client.GetAsync(location);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var expected = FactSet.Deserialize(TestServer.SampleFacts);
        Assert.Equal(expected, FactSet.Deserialize(await response.Content.ReadAsByteArrayAsync()));

        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_directory, "facts.db")};Mode=ReadOnly");
        connection.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT json FROM fact_sets";
        Assert.Equal(expected.SerializeToUtf8Bytes(), (byte[])(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task TheListShowsEveryStoredFactSetNewestFirst()
    {
        await PostSampleAsync();
        var second = await PostSampleAsync();

        var list = JsonNode.Parse(await _client.GetStringAsync("/factsets"))!.AsArray();

        var expected = FactSet.Deserialize(TestServer.SampleFacts);
        Assert.Equal(2, list.Count);
        Assert.Equal(second.OriginalString, $"/factsets/{list[0]!["id"]!.GetValue<long>()}");
        Assert.All(list, entry =>
        {
            Assert.Equal(expected.Article.Headline, entry!["headline"]!.GetValue<string>());
            Assert.Equal(expected.Actors.Count, entry["actors"]!.GetValue<int>());
            Assert.Equal(expected.Pledges.Count, entry["pledges"]!.GetValue<int>());
            Assert.Equal(expected.Quotes.Count, entry["quotes"]!.GetValue<int>());
            Assert.True(DateTimeOffset.UtcNow - entry["receivedAt"]!.GetValue<DateTimeOffset>() < TimeSpan.FromHours(1));
        });
    }

    [Fact]
    public async Task ABodyThatBreaksTheSchemaIsRefusedWithEveryErrorAndNothingIsStored()
    {
        var facts = JsonNode.Parse(TestServer.SampleFacts)!;
        facts["pledges"]![0]!["status"] = "maybe";
        facts["quotes"]![0]!.AsObject().Remove("text");

        using var response = await _client.PostAsync("/factsets", Json(Encoding.UTF8.GetBytes(facts.ToJsonString())));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var pointers = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsArray().Select(e => e!["pointer"]!.GetValue<string>()).ToArray();
        Assert.Contains("/pledges/0/status", pointers);
        Assert.Contains("/quotes/0", pointers);
        Assert.Empty(JsonNode.Parse(await _client.GetStringAsync("/factsets"))!.AsArray());
    }

    [Fact]
    public async Task AnUnknownIdIsNotFound()
    {
        using var response = await _client.GetAsync("/factsets/42");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task FactSetsOutliveTheProcessInTheConfiguredFolder()
    {
        var location = await PostSampleAsync();
        await StopAsync(_app, _client);

        (_app, _client) = await StartAsync(_directory);

        Assert.Equal(FactSet.Deserialize(TestServer.SampleFacts), FactSet.Deserialize(await _client.GetByteArrayAsync(location)));
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesTheEndpointsWithTheExactSchemas()
    {
        var document = JsonNode.Parse(await _client.GetStringAsync("/openapi/v1.json"))!;

        var schemas = document["components"]!["schemas"]!.AsObject();
        Assert.Equal(FactSet.JsonSchema.ToJsonNode()["required"]!.ToJsonString(), schemas["FactSet"]!["required"]!.ToJsonString());
        var post = document["paths"]!["/factsets"]!["post"]!;
        Assert.Equal("#/components/schemas/FactSet", post["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());
        var get = document["paths"]!["/factsets/{id}"]!["get"]!;
        Assert.Equal("#/components/schemas/FactSet", get["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());
        Assert.Contains("Pledge", schemas.Select(s => s.Key));
    }
}
