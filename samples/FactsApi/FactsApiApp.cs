using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using FactSchema.AspNetCore;
using FactSchema.News;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FactsApi;

/// <summary>The answer to a stored fact set: where to find it.</summary>
/// <param name="Id">The fact set's id.</param>
public sealed record FactSetCreated(long Id);

/// <summary>
/// The facts API: <c>POST /factsets</c> stores a fact set of the standard vocabulary (read by the generated reader: a body
/// that breaks the schema is a 400 problem+json listing every error, and nothing is stored), <c>GET /factsets/{id}</c>
/// returns it, <c>GET /factsets</c> lists what is stored, <c>GET /openapi/v1.json</c> describes it all with the exact schemas.
/// </summary>
public static class FactsApiApp
{
    /// <summary>The setting that names the folder of the SQLite file (default: <c>FactsApi</c> in the temp folder).</summary>
    public const string DataDirectoryKey = "FactsApi:DataDirectory";

    /// <summary>Builds the app from command-line arguments (<c>--urls</c>, <c>--FactsApi:DataDirectory=…</c>) and the usual configuration.</summary>
    public static WebApplication Create(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        var directory = builder.Configuration[DataDirectoryKey] is { Length: > 0 } configured ? configured : Path.Combine(Path.GetTempPath(), "FactsApi");
        builder.Services.AddSingleton(new FactSetStore(directory));
        builder.Services.AddFactSchema(FactSchemaTypes.Resolver);
        builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, FactsApiJsonContext.Default));
        builder.Services.AddOpenApi(options => options.AddFactSchema());

        var app = builder.Build();
        app.UseFactSchema();
        app.MapOpenApi();

        var factSets = app.MapGroup("/factsets").WithTags("Fact sets");
        factSets.MapPost("/", AddAsync).WithSummary("Stores a fact set; a body that breaks the schema is refused with every error.");
        factSets.MapGet("/{id:long}", FindAsync).WithSummary("A stored fact set.");
        factSets.MapGet("/", ListAsync).WithSummary("Every stored fact set, newest first.");

        var store = app.Services.GetRequiredService<FactSetStore>();
        app.Logger.LogInformation("Fact sets are stored in {Database}", store.DatabasePath);
        return app;
    }

    private static async Task<Created<FactSetCreated>> AddAsync(FactSchemaBody<FactSet> body, FactSetStore store, CancellationToken cancellationToken)
    {
        var id = await store.AddAsync(body.Value, cancellationToken);
        return TypedResults.Created($"/factsets/{id}", new FactSetCreated(id));
    }

    private static async Task<Results<Ok<FactSet>, NotFound>> FindAsync(long id, FactSetStore store, CancellationToken cancellationToken)
        => await store.FindAsync(id, cancellationToken) is { } facts ? TypedResults.Ok(facts) : TypedResults.NotFound();

    private static async Task<Ok<List<FactSetSummary>>> ListAsync(FactSetStore store, CancellationToken cancellationToken)
        => TypedResults.Ok(await store.ListAsync(cancellationToken));
}

/// <summary>The API's own (non-schema) types, by System.Text.Json's source generator; the fact types come from FactSchema's resolver.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(FactSetCreated))]
[JsonSerializable(typeof(List<FactSetSummary>))]
internal sealed partial class FactsApiJsonContext : JsonSerializerContext;
