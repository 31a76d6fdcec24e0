using System;
using System.Threading.Tasks;
using FactSchema.Serialization;
using Microsoft.AspNetCore.Mvc.Formatters;
using Microsoft.Net.Http.Headers;

namespace FactSchema.AspNetCore;

/// <summary>
/// MVC's reader of request bodies of generated types (<c>[FromBody] FactSet facts</c>): the generated reader in one validating pass.
/// Every schema error becomes a model-state error keyed by its JSON Pointer, so <c>[ApiController]</c> answers 400 with a
/// validation problem listing them all; the action never sees a half-built object. Registered by <c>AddFactSchema</c>.
/// </summary>
public sealed class FactSchemaInputFormatter : InputFormatter
{
    private readonly FactSchemaAspNetCoreOptions _options;

    /// <summary>Creates the formatter.</summary>
    /// <param name="options">The generated types and limits.</param>
    public FactSchemaInputFormatter(FactSchemaAspNetCoreOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        SupportedMediaTypes.Add(MediaTypeHeaderValue.Parse("application/json"));
        SupportedMediaTypes.Add(MediaTypeHeaderValue.Parse("text/json"));
        SupportedMediaTypes.Add(MediaTypeHeaderValue.Parse("application/*+json"));
    }

    /// <inheritdoc/>
    protected override bool CanReadType(Type type) => _options.TryGetConverter(type, out _);

    /// <inheritdoc/>
    public override async Task<InputFormatterResult> ReadRequestBodyAsync(InputFormatterContext context)
    {
        if (context is null)
        {
            throw new ArgumentNullException(nameof(context));
        }

        if (!_options.TryGetConverter(context.ModelType, out var converter))
        {
            return await InputFormatterResult.FailureAsync().ConfigureAwait(false);
        }

        FactSchemaRequestReader.PooledBody body;
        try
        {
            body = await FactSchemaRequestReader.ReadBodyAsync(context.HttpContext.Request, _options.MaxBodyBytes, context.HttpContext.RequestAborted).ConfigureAwait(false);
        }
        catch (FactSchemaBadRequestException tooLarge)
        {
            context.ModelState.TryAddModelError(context.ModelName, tooLarge.Detail);
            return await InputFormatterResult.FailureAsync().ConfigureAwait(false);
        }

        using (body)
        {
            if (body.Length == 0 && context.TreatEmptyInputAsDefaultValue)
            {
                return await InputFormatterResult.NoValueAsync().ConfigureAwait(false);
            }

            try
            {
                return await InputFormatterResult.SuccessAsync(converter.ReadDocumentAsObject(body.Written, _options.ReaderOptions)).ConfigureAwait(false);
            }
            catch (FactSchemaJsonException ex)
            {
                foreach (var error in FactSchemaBadRequestException.From(ex, context.ModelType.Name).Errors)
                {
                    var key = error.Pointer.Length == 0 ? "/" : error.Pointer;
                    context.ModelState.TryAddModelError(key, error.Keyword is null ? error.Detail : error.Detail + " (" + error.Keyword + ")");
                }

                return await InputFormatterResult.FailureAsync().ConfigureAwait(false);
            }
        }
    }
}
