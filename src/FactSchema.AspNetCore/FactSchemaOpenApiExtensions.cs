using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using FactSchema.Serialization;
using Microsoft.AspNetCore.OpenApi;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace FactSchema.AspNetCore;

/// <summary>Puts the exact JSON Schemas of generated types into the OpenAPI document (<c>Microsoft.AspNetCore.OpenApi</c>).</summary>
public static class FactSchemaOpenApiExtensions
{
    /// <summary>The extension that marks, while the document is made, a schema that is a generated type's (its schema URI).</summary>
    public const string SchemaExtension = "x-factschema-schema";

    /// <summary>
    /// Describes every generated type (registered with <c>AddFactSchema</c>) by its exact schema: <c>services.AddOpenApi(o =&gt; o.AddFactSchema())</c>.
    /// Each type is a component named after it; the types and definitions it refers to are components too, with
    /// <c>$ref</c>s between them. Without this, ASP.NET Core describes a type with a custom converter as anything.
    /// </summary>
    /// <param name="options">The OpenAPI document options.</param>
    /// <returns>The options.</returns>
    public static OpenApiOptions AddFactSchema(this OpenApiOptions options)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        // While schemas are made, a generated type's is marked with its schema's URI; once the document is complete, the
        // marked components are replaced by the exact schemas and marked inline schemas by references to them.
        options.AddSchemaTransformer(static (schema, context, _) =>
        {
            var factSchema = context.ApplicationServices.GetService<IOptions<FactSchemaAspNetCoreOptions>>()?.Value;
            if (factSchema is null)
            {
                return Task.CompletedTask;
            }

            var typeInfo = context.JsonTypeInfo;
            if (factSchema.TryGetConverter(typeInfo.Type, out var converter))
            {
                Mark(schema, converter.Schema);
            }
            else if (typeInfo.Kind is JsonTypeInfoKind.Enumerable or JsonTypeInfoKind.Dictionary
                && typeInfo.ElementType is { } elementType
                && factSchema.TryGetConverter(elementType, out var element))
            {
                // ASP.NET Core leaves out an element schema that is "anything", as the one of a generated type is until the
                // document is complete: the collection gets a marked one.
                var marked = Mark(new OpenApiSchema(), element.Schema);
                if (typeInfo.Kind == JsonTypeInfoKind.Enumerable)
                {
                    schema.Items = marked;
                }
                else
                {
                    schema.AdditionalProperties = marked;
                }
            }

            return Task.CompletedTask;
        });
        options.AddDocumentTransformer(static (document, context, cancellationToken) =>
        {
            var factSchema = context.ApplicationServices.GetService<IOptions<FactSchemaAspNetCoreOptions>>()?.Value;
            if (factSchema is not null)
            {
                new DocumentCompleter(document, factSchema).Complete(cancellationToken);
            }

            return Task.CompletedTask;
        });
        return options;
    }

    private static OpenApiSchema Mark(OpenApiSchema schema, FactSchemaJsonSchema value)
    {
        schema.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        schema.Extensions[SchemaExtension] = new JsonNodeExtension(JsonValue.Create(value.Uri));
        return schema;
    }

    private sealed class DocumentCompleter
    {
        private readonly OpenApiDocument _document;
        private readonly Dictionary<string, FactSchemaJsonSchema> _known = new(StringComparer.Ordinal);
        private readonly IDictionary<string, IOpenApiSchema> _components;
        private readonly OpenApiComponentBuilder _builder;

        public DocumentCompleter(OpenApiDocument document, FactSchemaAspNetCoreOptions options)
        {
            _document = document;
            foreach (var resolver in options.Resolvers)
            {
                foreach (var type in resolver.Types)
                {
                    if (resolver.TryGetConverter(type, out var converter))
                    {
                        _known[converter.Schema.Uri] = converter.Schema;
                    }
                }
            }

            document.Components ??= new OpenApiComponents();
            _components = document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
            var marked = _components.Where(entry => Marked(entry.Value) is not null).Select(entry => entry.Key).ToList();
            _builder = new OpenApiComponentBuilder(_known.Values, _components.Keys.Except(marked, StringComparer.Ordinal));
            foreach (var name in marked)
            {
                _builder.Add(name, Marked(_components[name])!);
            }
        }

        public void Complete(CancellationToken cancellationToken)
        {
            foreach (var schema in _components.Values.ToList())
            {
                if (Marked(schema) is null && schema is OpenApiSchema own)
                {
                    Walk(own);
                }
            }

            foreach (var path in _document.Paths?.Values ?? Enumerable.Empty<IOpenApiPathItem>())
            {
                foreach (var operation in path.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
                {
                    foreach (var parameter in operation.Parameters ?? Enumerable.Empty<IOpenApiParameter>())
                    {
                        if (parameter is OpenApiParameter { Schema: { } schema } concrete)
                        {
                            concrete.Schema = Replace(schema);
                        }
                    }

                    Content(operation.RequestBody?.Content);
                    foreach (var response in operation.Responses?.Values ?? Enumerable.Empty<IOpenApiResponse>())
                    {
                        Content(response.Content);
                    }
                }
            }

            _builder.Build();
            var reader = new OpenApiJsonReader();
            foreach (var (name, node) in _builder.Components.OrderBy(c => c.Key, StringComparer.Ordinal))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (reader.ReadFragment<OpenApiSchema>(node, OpenApiSpecVersion.OpenApi3_1, _document, out _) is { } schema)
                {
                    _components[name] = schema;
                }
            }
        }

        private FactSchemaJsonSchema? Marked(IOpenApiSchema schema)
            => schema is OpenApiSchema { Extensions: { } extensions } && extensions.TryGetValue(SchemaExtension, out var mark)
                && mark is JsonNodeExtension { Node: JsonValue value } && value.TryGetValue<string>(out var uri) && _known.TryGetValue(uri, out var known)
                ? known
                : null;

        private void Content(IDictionary<string, OpenApiMediaType>? content)
        {
            foreach (var media in content?.Values ?? Enumerable.Empty<OpenApiMediaType>())
            {
                if (media.Schema is { } schema)
                {
                    media.Schema = Replace(schema);
                }
            }
        }

        /// <summary>A marked inline schema becomes a reference to its component; any other is walked.</summary>
        private IOpenApiSchema Replace(IOpenApiSchema schema)
        {
            if (Marked(schema) is { } type)
            {
                return new OpenApiSchemaReference(_builder.Add(OpenApiComponentBuilder.Sanitize(type.Name), type), _document);
            }

            if (schema is OpenApiSchema own)
            {
                Walk(own);
            }

            return schema;
        }

        private void Walk(OpenApiSchema schema)
        {
            if (schema.Items is { } items)
            {
                schema.Items = Replace(items);
            }

            if (schema.AdditionalProperties is { } additional)
            {
                schema.AdditionalProperties = Replace(additional);
            }

            if (schema.Not is { } not)
            {
                schema.Not = Replace(not);
            }

            foreach (var map in new[] { schema.Properties, schema.PatternProperties })
            {
                if (map is not null)
                {
                    foreach (var key in map.Keys.ToList())
                    {
                        map[key] = Replace(map[key]);
                    }
                }
            }

            foreach (var list in new[] { schema.AllOf, schema.AnyOf, schema.OneOf })
            {
                if (list is not null)
                {
                    for (var i = 0; i < list.Count; i++)
                    {
                        list[i] = Replace(list[i]);
                    }
                }
            }
        }
    }
}
