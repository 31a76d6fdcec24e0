using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Tasks;
using FactSchema.Serialization;
using FactSchema.Validation;
using Microsoft.AspNetCore.Http;

namespace FactSchema.AspNetCore;

/// <summary>One error of a refused request body: where (a JSON Pointer into the body), which keyword, what.</summary>
/// <param name="Pointer">The JSON Pointer (RFC 6901) of the offending value; empty for the body itself.</param>
/// <param name="Keyword">The schema keyword that failed, or null for JSON that is not well-formed.</param>
/// <param name="Detail">What is wrong, for a person.</param>
/// <param name="Line">The 1-based line of the offending value, when known.</param>
/// <param name="Column">The 1-based byte column of the offending value, when known.</param>
public sealed record FactSchemaBodyError(string Pointer, string? Keyword, string Detail, long? Line = null, long? Column = null);

/// <summary>
/// A request body refused by FactSchema: the problem (RFC 9457) the client gets as <c>application/problem+json</c>. Thrown while the
/// body is bound; <c>app.UseFactSchema()</c> writes it; without that middleware ASP.NET Core answers with the bare status code.
/// </summary>
public sealed class FactSchemaBadRequestException : BadHttpRequestException
{
    /// <summary>Creates the problem.</summary>
    /// <param name="statusCode">400, 413 or 415.</param>
    /// <param name="title">A short summary of the problem type.</param>
    /// <param name="detail">This occurrence, for a person.</param>
    /// <param name="errors">Every error found, in document order.</param>
    /// <param name="truncated">Whether more errors were found than listed.</param>
    /// <param name="innerException">The reader's error, if any.</param>
    public FactSchemaBadRequestException(int statusCode, string title, string detail, IReadOnlyList<FactSchemaBodyError> errors, bool truncated = false, Exception? innerException = null)
        : base(title + " " + detail, statusCode, innerException!)
    {
        Title = title;
        Detail = detail;
        Errors = errors ?? throw new ArgumentNullException(nameof(errors));
        IsTruncated = truncated;
    }

    /// <summary>A short summary of the problem type.</summary>
    public string Title { get; }

    /// <summary>This occurrence, for a person.</summary>
    public string Detail { get; }

    /// <summary>Every error found.</summary>
    public IReadOnlyList<FactSchemaBodyError> Errors { get; }

    /// <summary>Whether more errors were found than listed (the validator's error cap).</summary>
    public bool IsTruncated { get; }

    /// <summary>The problem for a reader's error: every schema error, or the one place the JSON breaks.</summary>
    /// <param name="exception">What the generated reader threw.</param>
    /// <param name="typeName">The name of the type read, for the detail.</param>
    /// <returns>The problem.</returns>
    public static FactSchemaBadRequestException From(FactSchemaJsonException exception, string typeName)
    {
        if (exception is null)
        {
            throw new ArgumentNullException(nameof(exception));
        }

        if (exception is FactSchemaValidationException invalid)
        {
            var errors = new List<FactSchemaBodyError>(invalid.Errors.Count);
            foreach (var error in invalid.Errors)
            {
                errors.Add(new FactSchemaBodyError(error.InstanceLocation, error.Keyword, error.Message, error.LineNumber + 1, error.BytePositionInLine + 1));
            }

            var count = errors.Count == 1 ? "1 error" : errors.Count + " errors";
            return new FactSchemaBadRequestException(StatusCodes.Status400BadRequest, "The request body does not match the schema.", $"{count} against the schema of {typeName}.", errors, invalid.IsTruncated, exception);
        }

        var single = new FactSchemaBodyError(exception.InstanceLocation, null, exception.Detail, exception.LineNumber + 1, exception.BytePositionInLine + 1);
        return new FactSchemaBadRequestException(StatusCodes.Status400BadRequest, "The request body could not be read as JSON.", $"The body is not a well-formed JSON value within the limits ({typeName}).", new[] { single }, false, exception);
    }

    /// <summary>Writes the problem as <c>application/problem+json</c> (RFC 9457), with an <c>errors</c> member listing every error.</summary>
    /// <param name="context">The request whose response to write.</param>
    /// <returns>The write.</returns>
    public async Task WriteAsync(HttpContext context)
    {
        if (context is null)
        {
            throw new ArgumentNullException(nameof(context));
        }

        context.Response.StatusCode = StatusCode;
        context.Response.ContentType = "application/problem+json";
        await using var writer = new Utf8JsonWriter(context.Response.BodyWriter);
        writer.WriteStartObject();
        writer.WriteString("type", StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => "https://tools.ietf.org/html/rfc9110#section-15.5.14",
            StatusCodes.Status415UnsupportedMediaType => "https://tools.ietf.org/html/rfc9110#section-15.5.16",
            _ => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        });
        writer.WriteString("title", Title);
        writer.WriteNumber("status", StatusCode);
        writer.WriteString("detail", Detail);
        writer.WriteString("instance", context.Request.Path.Value ?? string.Empty);
        writer.WriteStartArray("errors");
        foreach (var error in Errors)
        {
            writer.WriteStartObject();
            writer.WriteString("pointer", error.Pointer);
            if (error.Keyword is not null)
            {
                writer.WriteString("keyword", error.Keyword);
            }

            writer.WriteString("detail", error.Detail);
            if (error.Line is { } line && error.Column is { } column)
            {
                writer.WriteNumber("line", line);
                writer.WriteNumber("column", column);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (IsTruncated)
        {
            writer.WriteBoolean("errorsTruncated", true);
        }

        writer.WriteString("traceId", context.TraceIdentifier);
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }
}
