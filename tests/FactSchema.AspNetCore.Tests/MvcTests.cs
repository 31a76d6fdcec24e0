using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using FactSchema.News;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace FactSchema.AspNetCore.Tests;

/// <summary>A controller whose action takes a fact set.</summary>
[ApiController]
[Route("mvc/facts")]
public sealed class FactsController : ControllerBase
{
    /// <summary>Counts the pledges of a valid fact set.</summary>
    [HttpPost]
    public ActionResult<int> Post([FromBody] FactSet facts) => facts.Pledges?.Count ?? 0;
}

/// <summary>Request bodies of generated types in MVC, over a real server.</summary>
public sealed class MvcTests : IAsyncLifetime
{
    private TestServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await TestServer.StartAsync(
            builder =>
            {
                builder.Services.AddFactSchema(FactSchemaTypes.Resolver);
                builder.Services.AddControllers().AddApplicationPart(typeof(FactsController).Assembly);
            },
            app => app.MapControllers());
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static HttpContent Json(string json)
    {
        var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        return content;
    }

    [Fact]
    public async Task AValidBodyReachesTheAction()
    {
        using var response = await _server.Client.PostAsync("/mvc/facts", Json(Encoding.UTF8.GetString(TestServer.SampleFacts)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(FactSet.Deserialize(TestServer.SampleFacts).Pledges!.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task EverySchemaErrorIsAModelStateErrorAtItsPointer()
    {
        var facts = JsonNode.Parse(TestServer.SampleFacts)!;
        facts["pledges"]![0]!["status"] = "promised";
        facts["actors"]![0]!["id"] = "Mark Rutte";
        using var response = await _server.Client.PostAsync("/mvc/facts", Json(facts.ToJsonString()));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var keys = problem["errors"]!.AsObject().Select(e => e.Key).ToArray();
        Assert.Contains("/pledges/0/status", keys);
        Assert.Contains("/actors/0/id", keys);
        Assert.Contains("(enum)", problem["errors"]!["/pledges/0/status"]![0]!.GetValue<string>());
    }
}
