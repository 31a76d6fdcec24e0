using System;
using System.Collections.Concurrent;
using FactSchema.Serialization;
using Microsoft.Extensions.AI;

namespace FactSchema.Extensions.AI;

/// <summary>How <see cref="FactSchemaChatClientExtensions.GetFactAsync{T}(IChatClient, string, FactSchemaChatOptions, System.Threading.CancellationToken)"/> asks for a fact and reads the reply.</summary>
public sealed class FactSchemaChatOptions
{
    private readonly ConcurrentDictionary<(Type, StructuredOutputProfile), FactSchemaStructuredOutput> _outputs = new();
    private int _maxAttempts = 3;

    /// <summary>Creates the options.</summary>
    /// <param name="types">The generated types that may be asked for: a project's <c>FactSchemaTypes.Resolver</c> (several combined with <see cref="FactSchemaJsonTypeInfoResolver.Combine"/>). Nothing is found by reflection.</param>
    public FactSchemaChatOptions(FactSchemaJsonTypeInfoResolver types) => Types = types ?? throw new ArgumentNullException(nameof(types));

    /// <summary>The generated types that may be asked for; also where schemas of other assemblies are found.</summary>
    public FactSchemaJsonTypeInfoResolver Types { get; }

    /// <summary>How many times the model is asked in all, the first included, before an invalid reply is an error (default 3, at least 1).</summary>
    public int MaxAttempts
    {
        get => _maxAttempts;
        set => _maxAttempts = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "At least one attempt.");
    }

    /// <summary>
    /// The form of the schema sent; null (the default) chooses by the client's provider (<see cref="ChatClientMetadata.ProviderName"/>):
    /// <see cref="StructuredOutputProfile.OpenAIStrict"/> for OpenAI, whose adapter (Microsoft.Extensions.AI.OpenAI) rewrites every
    /// JSON-schema response format into a strict form of its own (every member required, none made nullable), and
    /// <see cref="StructuredOutputProfile.Exact"/> for any other.
    /// </summary>
    public StructuredOutputProfile? Profile { get; set; }

    /// <summary>Options for each request (model, temperature, …); copied, never changed. Its <c>ResponseFormat</c> is replaced by the fact's schema.</summary>
    public ChatOptions? ChatOptions { get; set; }

    /// <summary>Depth and size limits for reading replies; null for the safe defaults.</summary>
    public FactSchemaReaderOptions? ReaderOptions { get; set; }

    /// <summary>The name the schema is sent under; null for the type's schema name.</summary>
    public string? SchemaName { get; set; }

    /// <summary>The description the schema is sent with; null for none (the schema's own description is in it).</summary>
    public string? SchemaDescription { get; set; }

    /// <summary>The structured output for a type under a profile, derived once and kept.</summary>
    /// <param name="type">A generated type that <see cref="Types"/> knows.</param>
    /// <param name="profile">The profile.</param>
    /// <returns>The structured output.</returns>
    /// <exception cref="InvalidOperationException"><paramref name="type"/> is not a generated type <see cref="Types"/> knows.</exception>
    /// <exception cref="StructuredOutputNotSupportedException">The type's schema cannot be made to fit <paramref name="profile"/>.</exception>
    public FactSchemaStructuredOutput GetStructuredOutput(Type type, StructuredOutputProfile profile)
    {
        var converter = GetConverter(type);
        return _outputs.GetOrAdd((type, profile), key => FactSchemaStructuredOutput.Create(converter.Schema, key.Item2, Types));
    }

    /// <summary>The profile for requests to <paramref name="client"/>: <see cref="Profile"/>, or the one its provider needs.</summary>
    /// <param name="client">The chat client.</param>
    /// <returns>The profile.</returns>
    public StructuredOutputProfile GetProfile(IChatClient client)
    {
        if (Profile is { } profile)
        {
            return profile;
        }

        var provider = client?.GetService<ChatClientMetadata>()?.ProviderName;
        return provider is not null && provider.IndexOf("openai", StringComparison.OrdinalIgnoreCase) >= 0 ? StructuredOutputProfile.OpenAIStrict : StructuredOutputProfile.Exact;
    }

    internal IFactSchemaJsonConverter GetConverter(Type type) => Types.TryGetConverter(type ?? throw new ArgumentNullException(nameof(type)), out var converter)
        ? converter
        : throw new InvalidOperationException($"{type} is not a generated type of the resolver given to FactSchemaChatOptions: pass the FactSchemaTypes.Resolver of the project that generates it.");
}
