using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using FactSchema.News;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace FactSchema.AspNetCore.Tests;

/// <summary>Request bodies of generated types in minimal APIs, over a real server.</summary>
public sealed class MinimalApiTests : IAsyncLifetime
{
    private TestServer _server = null!;
    private int _handled;

    public async Task InitializeAsync()
    {
        _server = await TestServer.StartAsync(
            builder => builder.Services.AddFactSchema(new[] { FactSchemaTypes.Resolver }, options => options.MaxBodyBytes = 256 * 1024),
            app =>
            {
                app.UseFactSchema();
                app.MapPost("/facts", (FactSchemaBody<FactSet> body) =>
                {
                    _handled++;
                    return Results.Ok(new { pledges = body.Value.Pledges?.Count ?? 0, first = body.Value.Pledges?[0].Id });
                });
                app.MapPost("/facts/echo", (FactSchemaBody<FactSet> body) => body.Value);
                app.MapPost("/pledges", (FactSchemaBody<Pledge> body) => body.Value.Id);
            });
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static HttpContent Json(byte[] body, string contentType = "application/json")
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    private static HttpContent Json(JsonNode node) => Json(Encoding.UTF8.GetBytes(node.ToJsonString()));

    private static JsonNode Facts => JsonNode.Parse(TestServer.SampleFacts)!;

    private async Task<JsonNode> ProblemAsync(HttpContent content, HttpStatusCode status = HttpStatusCode.BadRequest, string path = "/facts")
    {
        var before = _handled;
        using var response = await _server.Client.PostAsync(path, content);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, _handled); // the handler never ran
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        Assert.Equal(path, problem["instance"]!.GetValue<string>());
        return problem;
    }

    private static string[] Pointers(JsonNode problem) => problem["errors"]!.AsArray().Select(e => e!["pointer"]!.GetValue<string>()).ToArray();

    [Fact]
    public async Task ValidFactsReachTheHandlerAsTypedValues()
    {
        using var response = await _server.Client.PostAsync("/facts", Json(TestServer.SampleFacts));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var expected = FactSet.Deserialize(TestServer.SampleFacts);
        Assert.Equal(expected.Pledges!.Count, reply["pledges"]!.GetValue<int>());
        Assert.Equal(expected.Pledges![0].Id, reply["first"]!.GetValue<string>());
    }

    [Fact]
    public async Task ResponsesOfGeneratedTypesAreWrittenByTheGeneratedWriter()
    {
        using var response = await _server.Client.PostAsync("/facts/echo", Json(TestServer.SampleFacts));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var expected = FactSet.Deserialize(TestServer.SampleFacts);
        var written = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(expected, FactSet.Deserialize(written));
        Assert.Equal(JsonNode.Parse(expected.SerializeToUtf8Bytes())!.ToJsonString(), JsonNode.Parse(written)!.ToJsonString()); // same members, same order
    }

    [Fact]
    public async Task MalformedJsonIsA400WithWhereItBreaks()
    {
        var problem = await ProblemAsync(Json("{\"schemaVersion\": \"1.0\", \"actors\": [}"u8.ToArray()));
        Assert.Equal("The request body could not be read as JSON.", problem["title"]!.GetValue<string>());
        var error = problem["errors"]![0]!;
        Assert.StartsWith("/actors", error["pointer"]!.GetValue<string>());
        Assert.Null(error["keyword"]);
        Assert.Equal(1, error["line"]!.GetValue<int>());
    }

    [Fact]
    public async Task AWrongTypeIsA400AtItsPointer()
    {
        var facts = Facts;
        facts["pledges"] = "none";
        var problem = await ProblemAsync(Json(facts));
        Assert.Contains("/pledges", Pointers(problem));
    }

    [Fact]
    public async Task AMissingRequiredMemberIsA400WithItsKeyword()
    {
        var facts = Facts;
        facts["pledges"]![0]!.AsObject().Remove("status");
        var problem = await ProblemAsync(Json(facts));
        var error = problem["errors"]!.AsArray().Single(e => e!["pointer"]!.GetValue<string>() == "/pledges/0");
        Assert.Equal("required", error!["keyword"]!.GetValue<string>());
        Assert.Contains("status", error["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task EverySchemaErrorIsListed()
    {
        var facts = Facts;
        facts["pledges"]![0]!["status"] = "promised";
        facts["actors"]![0]!["id"] = "Mark Rutte";
        var problem = await ProblemAsync(Json(facts));
        Assert.Equal("The request body does not match the schema.", problem["title"]!.GetValue<string>());
        var errors = problem["errors"]!.AsArray();
        Assert.Contains(errors, e => e!["pointer"]!.GetValue<string>() == "/pledges/0/status" && e["keyword"]!.GetValue<string>() == "enum");
        Assert.Contains(errors, e => e!["pointer"]!.GetValue<string>() == "/actors/0/id" && e["keyword"]!.GetValue<string>() == "pattern");
        Assert.StartsWith(errors.Count + " errors", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnOversizedBodyIsA413BeforeItIsParsed()
    {
        var big = new byte[300 * 1024];
        big.AsSpan().Fill((byte)' ');
        var problem = await ProblemAsync(Json(big), HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("262144 bytes", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnOversizedBodyWithoutContentLengthIsRefusedToo()
    {
        var content = new PushStreamContent(300 * 1024);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        var problem = await ProblemAsync(content, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("The request body is too large.", problem["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task ADeepBodyIsA400NotAStackOverflow()
    {
        var deep = new StringBuilder("{\"pledges\": ");
        deep.Append('[', 10_000).Append(']', 10_000).Append('}');
        var problem = await ProblemAsync(Json(Encoding.UTF8.GetBytes(deep.ToString())));
        Assert.Single(problem["errors"]!.AsArray());
    }

    [Fact]
    public async Task ABodyThatIsNotJsonIsA415()
    {
        // The endpoint declares that it accepts JSON, so routing itself answers 415 before anything is read.
        var before = _handled;
        using var response = await _server.Client.PostAsync("/facts", Json(TestServer.SampleFacts, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(before, _handled);
    }

    [Fact]
    public async Task ATypeBelowAFileRootIsABodyOfItsOwn()
    {
        var pledge = Facts["pledges"]![0]!;
        using var response = await _server.Client.PostAsync("/pledges", Json(pledge));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(pledge["id"]!.GetValue<string>(), await response.Content.ReadAsStringAsync());

        pledge["amount"]!["currency"] = "usd";
        var problem = await ProblemAsync(Json(pledge), path: "/pledges");
        Assert.Contains("/amount/currency", Pointers(problem));
    }

    /// <summary>A body sent in chunks, with no Content-Length.</summary>
    private sealed class PushStreamContent(int length) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(System.IO.Stream stream, TransportContext? context)
        {
            var chunk = new byte[8192];
            chunk.AsSpan().Fill((byte)' ');
            for (var sent = 0; sent < length; sent += chunk.Length)
            {
                await stream.WriteAsync(chunk);
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }

        protected override void Dispose(bool disposing) => base.Dispose(disposing);
    }
}
