using System;
using System.Reflection;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace FactSchema.AspNetCore;

/// <summary>
/// A minimal-API parameter for a request body of a generated type, read by the generated reader in one validating pass:
/// <c>app.MapPost("/facts", (FactSchemaBody&lt;FactSet&gt; body) =&gt; ...)</c>. A body that does not match the schema never reaches
/// the handler: the client gets 400 <c>application/problem+json</c> with every error (with <c>app.UseFactSchema()</c>).
/// </summary>
/// <typeparam name="T">A generated type known to <c>AddFactSchema</c>.</typeparam>
public sealed class FactSchemaBody<T> : IBindableFromHttpContext<FactSchemaBody<T>>, IEndpointParameterMetadataProvider
{
    /// <summary>Wraps a value read from a body.</summary>
    /// <param name="value">The value.</param>
    public FactSchemaBody(T value) => Value = value;

    /// <summary>The body, read and valid.</summary>
    public T Value { get; }

    /// <summary>The body's value.</summary>
    /// <param name="body">The body.</param>
    public static implicit operator T(FactSchemaBody<T> body) => (body ?? throw new ArgumentNullException(nameof(body))).Value;

    /// <summary>Reads the body (see <see cref="FactSchemaRequestReader.ReadAsync{T}(HttpContext)"/>).</summary>
    /// <param name="context">The request.</param>
    /// <param name="parameter">The handler's parameter.</param>
    /// <returns>The body.</returns>
    /// <exception cref="FactSchemaBadRequestException">The body is not JSON, too large, malformed or does not match the schema.</exception>
    public static async ValueTask<FactSchemaBody<T>?> BindAsync(HttpContext context, ParameterInfo parameter)
        => new FactSchemaBody<T>(await FactSchemaRequestReader.ReadAsync<T>(context).ConfigureAwait(false));

    /// <summary>Tells the endpoint (and the OpenAPI document) that it takes a JSON body of <typeparamref name="T"/> and may answer 400 with a problem.</summary>
    /// <param name="parameter">The handler's parameter.</param>
    /// <param name="builder">The endpoint.</param>
    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder)
    {
        if (builder is null)
        {
            throw new ArgumentNullException(nameof(builder));
        }

        builder.Metadata.Add(new AcceptsMetadata(new[] { "application/json" }, typeof(T), isOptional: false));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status400BadRequest, typeof(ProblemDetails), new[] { "application/problem+json" }));
    }
}
