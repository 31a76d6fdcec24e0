using System.Collections.Generic;
using Microsoft.Extensions.AI;

namespace FactSchema.Extensions.AI;

/// <summary>A fact read from a model's reply, with the exchange that produced it.</summary>
/// <typeparam name="T">The generated type asked for.</typeparam>
public sealed class FactSchemaChatResponse<T>
{
    internal FactSchemaChatResponse(T value, IReadOnlyList<ChatResponse> responses)
    {
        Value = value;
        Responses = responses;
    }

    /// <summary>The fact: read by the generated reader and valid against the type's schema.</summary>
    public T Value { get; }

    /// <summary>How many times the model was asked (1 when the first reply was valid).</summary>
    public int Attempts => Responses.Count;

    /// <summary>Every response, in order; the last is the one <see cref="Value"/> was read from (usage, model id, …).</summary>
    public IReadOnlyList<ChatResponse> Responses { get; }
}
