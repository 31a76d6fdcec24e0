using System;
using System.Collections.Generic;
using FactSchema.Validation;
using Microsoft.Extensions.AI;

namespace FactSchema.Extensions.AI;

/// <summary>A model gave no valid fact: it refused, its reply was cut off, or it stayed invalid. Carries every response.</summary>
public abstract class FactSchemaChatException : Exception
{
    private protected FactSchemaChatException(string message, IReadOnlyList<ChatResponse> responses)
        : base(message) => Responses = responses;

    /// <summary>Every response, in order; the last is the one that ended the exchange.</summary>
    public IReadOnlyList<ChatResponse> Responses { get; }
}

/// <summary>The model refused to answer (a refusal, or its content filter stopped it).</summary>
public sealed class FactSchemaChatRefusedException : FactSchemaChatException
{
    internal FactSchemaChatRefusedException(string? refusal, IReadOnlyList<ChatResponse> responses)
        : base(refusal is null ? "The model's content filter stopped the reply." : "The model refused: " + refusal, responses) => Refusal = refusal;

    /// <summary>The model's refusal, or null where its content filter stopped the reply.</summary>
    public string? Refusal { get; }
}

/// <summary>The reply was cut off (the output token limit): raise it, or ask for less.</summary>
public sealed class FactSchemaChatTruncatedException : FactSchemaChatException
{
    internal FactSchemaChatTruncatedException(string partialText, IReadOnlyList<ChatResponse> responses)
        : base($"The model's reply was cut off after {partialText.Length} characters (finish reason: length); raise the output token limit (ChatOptions.MaxOutputTokens) or ask for less.", responses)
        => PartialText = partialText;

    /// <summary>What arrived before the cut.</summary>
    public string PartialText { get; }
}

/// <summary>The last reply allowed was still not a valid fact; <see cref="Errors"/> says what was wrong with it.</summary>
public sealed class FactSchemaChatInvalidReplyException : FactSchemaChatException
{
    internal FactSchemaChatInvalidReplyException(IReadOnlyList<ValidationError> errors, IReadOnlyList<ChatResponse> responses)
        : base($"The model gave no valid reply in {responses.Count} attempt(s); the last had {errors.Count} error(s):{Environment.NewLine}  "
            + string.Join(Environment.NewLine + "  ", errors), responses) => Errors = errors;

    /// <summary>The errors of the last reply, their pointers into the reply as the model wrote it.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }
}
