using System;
using FactSchema.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FactSchema.AspNetCore;

/// <summary>Sets FactSchema up in an ASP.NET Core application.</summary>
public static class FactSchemaApplicationExtensions
{
    /// <summary>
    /// Registers the generated types of the given projects: request bodies of those types are read by the generated readers
    /// (<see cref="FactSchemaBody{T}"/> in minimal APIs; <c>[FromBody]</c> in MVC), and responses of those types are written by
    /// the generated writers (their contracts go in front of the JSON options' resolver chain, so this works with reflection off).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="resolvers">Each project's <c>FactSchemaTypes.Resolver</c> (the standard vocabulary's is <c>FactSchema.News.FactSchemaTypes.Resolver</c>).</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddFactSchema(this IServiceCollection services, params FactSchemaJsonTypeInfoResolver[] resolvers)
        => services.AddFactSchema(resolvers, configure: null);

    /// <summary>Registers the generated types of the given projects, with options (body size limit, reader options).</summary>
    /// <param name="services">The services.</param>
    /// <param name="resolvers">Each project's <c>FactSchemaTypes.Resolver</c>.</param>
    /// <param name="configure">Sets the options, or null.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddFactSchema(this IServiceCollection services, FactSchemaJsonTypeInfoResolver[] resolvers, Action<FactSchemaAspNetCoreOptions>? configure)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        if (resolvers is null || resolvers.Length == 0)
        {
            throw new ArgumentException("Pass at least one FactSchemaTypes.Resolver.", nameof(resolvers));
        }

        services.Configure<FactSchemaAspNetCoreOptions>(options =>
        {
            foreach (var resolver in resolvers)
            {
                options.Resolvers.Add(resolver ?? throw new ArgumentException("The resolvers must not contain null.", nameof(resolvers)));
            }

            configure?.Invoke(options);
        });
        services.Configure<Microsoft.AspNetCore.Http.Json.JsonOptions>(options =>
        {
            for (var i = resolvers.Length - 1; i >= 0; i--)
            {
                options.SerializerOptions.TypeInfoResolverChain.Insert(0, resolvers[i]);
            }
        });
        services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(options =>
        {
            for (var i = resolvers.Length - 1; i >= 0; i--)
            {
                options.JsonSerializerOptions.TypeInfoResolverChain.Insert(0, resolvers[i]);
            }
        });
        services.AddSingleton<IConfigureOptions<MvcOptions>, FactSchemaMvcSetup>();
        return services;
    }

    /// <summary>Answers a refused request body (<see cref="FactSchemaBadRequestException"/>) with its problem, as <c>application/problem+json</c>.</summary>
    /// <param name="app">The application.</param>
    /// <returns>The application.</returns>
    public static IApplicationBuilder UseFactSchema(this IApplicationBuilder app)
    {
        if (app is null)
        {
            throw new ArgumentNullException(nameof(app));
        }

        return app.Use(static async (context, next) =>
        {
            try
            {
                await next(context).ConfigureAwait(false);
            }
            catch (FactSchemaBadRequestException problem) when (!context.Response.HasStarted)
            {
                await problem.WriteAsync(context).ConfigureAwait(false);
            }
            catch (BadHttpRequestException ex) when (!context.Response.HasStarted && ex.InnerException is FactSchemaBadRequestException problem)
            {
                await problem.WriteAsync(context).ConfigureAwait(false);
            }
        });
    }

    private sealed class FactSchemaMvcSetup(IOptions<FactSchemaAspNetCoreOptions> options) : IConfigureOptions<MvcOptions>
    {
        public void Configure(MvcOptions mvc) => mvc.InputFormatters.Insert(0, new FactSchemaInputFormatter(options.Value));
    }
}
