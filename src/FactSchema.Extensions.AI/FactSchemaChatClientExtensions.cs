using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using FactSchema.Serialization;
using FactSchema.Validation;
using Microsoft.Extensions.AI;

namespace FactSchema.Extensions.AI;

/// <summary>Structured output of generated types over any <see cref="IChatClient"/>.</summary>
public static class FactSchemaChatClientExtensions
{
    /// <summary>The <see cref="ChatOptions.AdditionalProperties"/> key that switches a provider's strict mode on (the OpenAI adapter's).</summary>
    public const string StrictKey = "strict";

    /// <summary>
    /// Asks the model for a <typeparamref name="T"/>: sends its schema as the response format, reads the reply through the
    /// generated validating reader, and while the reply is invalid, asks again with every error (JSON Pointer, keyword, message).
    /// </summary>
    /// <typeparam name="T">A generated type that <see cref="FactSchemaChatOptions.Types"/> knows.</typeparam>
    /// <param name="client">The chat client.</param>
    /// <param name="prompt">The user's request.</param>
    /// <param name="options">The types, the profile, the attempts.</param>
    /// <param name="cancellationToken">Cancels the exchange.</param>
    /// <returns>The fact, and the responses it took.</returns>
    /// <exception cref="FactSchemaChatRefusedException">The model refused.</exception>
    /// <exception cref="FactSchemaChatTruncatedException">The reply was cut off.</exception>
    /// <exception cref="FactSchemaChatInvalidReplyException">No reply was valid within <see cref="FactSchemaChatOptions.MaxAttempts"/>.</exception>
    /// <exception cref="StructuredOutputNotSupportedException">The type's schema cannot be made to fit the profile.</exception>
    public static Task<FactSchemaChatResponse<T>> GetFactAsync<T>(this IChatClient client, string prompt, FactSchemaChatOptions options, CancellationToken cancellationToken = default)
        => client.GetFactAsync<T>([new ChatMessage(ChatRole.User, prompt ?? throw new ArgumentNullException(nameof(prompt)))], options, cancellationToken);

    /// <summary>Asks the model for a <typeparamref name="T"/> after the given messages (see <see cref="GetFactAsync{T}(IChatClient, string, FactSchemaChatOptions, CancellationToken)"/>).</summary>
    /// <typeparam name="T">A generated type that <see cref="FactSchemaChatOptions.Types"/> knows.</typeparam>
    /// <param name="client">The chat client.</param>
    /// <param name="messages">The conversation so far (system instructions, the article, the request); not changed.</param>
    /// <param name="options">The types, the profile, the attempts.</param>
    /// <param name="cancellationToken">Cancels the exchange.</param>
    /// <returns>The fact, and the responses it took.</returns>
    /// <exception cref="FactSchemaChatRefusedException">The model refused.</exception>
    /// <exception cref="FactSchemaChatTruncatedException">The reply was cut off.</exception>
    /// <exception cref="FactSchemaChatInvalidReplyException">No reply was valid within <see cref="FactSchemaChatOptions.MaxAttempts"/>.</exception>
    /// <exception cref="StructuredOutputNotSupportedException">The type's schema cannot be made to fit the profile.</exception>
    public static async Task<FactSchemaChatResponse<T>> GetFactAsync<T>(this IChatClient client, IEnumerable<ChatMessage> messages, FactSchemaChatOptions options, CancellationToken cancellationToken = default)
    {
        if (client is null)
        {
            throw new ArgumentNullException(nameof(client));
        }

        if (messages is null)
        {
            throw new ArgumentNullException(nameof(messages));
        }

        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        var converter = options.GetConverter(typeof(T));
        var output = options.GetStructuredOutput(typeof(T), options.GetProfile(client));
        var chatOptions = CreateChatOptions(options, output);
        var conversation = new List<ChatMessage>(messages);
        var responses = new List<ChatResponse>();
        IReadOnlyList<ValidationError> errors = [];
        for (var attempt = 1; attempt <= options.MaxAttempts; attempt++)
        {
            var response = await client.GetResponseAsync(conversation, chatOptions, cancellationToken).ConfigureAwait(false);
            responses.Add(response);
            EnsureAnswered(response, responses);
            var reply = Encoding.UTF8.GetBytes(StripCodeFence(response.Text));
            if (TryRead(converter, output, reply, options.ReaderOptions, out var value, out errors))
            {
                return new FactSchemaChatResponse<T>((T)value!, responses);
            }

            conversation.AddMessages(response);
            conversation.Add(new ChatMessage(ChatRole.User, DescribeErrors(errors)));
        }

        throw new FactSchemaChatInvalidReplyException(errors, responses);
    }

    private static ChatOptions CreateChatOptions(FactSchemaChatOptions options, FactSchemaStructuredOutput output)
    {
        var chatOptions = options.ChatOptions?.Clone() ?? new ChatOptions();
        chatOptions.ResponseFormat = ChatResponseFormat.ForJsonSchema(output.Schema, SchemaName(options.SchemaName ?? output.Source.Name), options.SchemaDescription);
        if (output.Profile == StructuredOutputProfile.OpenAIStrict)
        {
            chatOptions.AdditionalProperties = chatOptions.AdditionalProperties?.Clone() ?? [];
            chatOptions.AdditionalProperties[StrictKey] = true;
        }

        return chatOptions;
    }

    /// <summary>Providers take schema names of letters, digits, <c>_</c> and <c>-</c>, at most 64.</summary>
    private static string SchemaName(string name)
    {
        var result = new StringBuilder(Math.Min(name.Length, 64));
        foreach (var c in name)
        {
            if (result.Length == 64)
            {
                break;
            }

            result.Append(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' or '-' ? c : '_');
        }

        return result.Length == 0 ? "fact" : result.ToString();
    }

    private static void EnsureAnswered(ChatResponse response, List<ChatResponse> responses)
    {
        var refusal = response.Messages.SelectMany(message => message.Contents).OfType<ErrorContent>().FirstOrDefault(error => error.ErrorCode == "Refusal");
        if (refusal is not null)
        {
            throw new FactSchemaChatRefusedException(refusal.Message, responses);
        }

        if (response.FinishReason == ChatFinishReason.ContentFilter)
        {
            throw new FactSchemaChatRefusedException(null, responses);
        }

        if (response.FinishReason == ChatFinishReason.Length)
        {
            throw new FactSchemaChatTruncatedException(response.Text, responses);
        }
    }

    private static bool TryRead(IFactSchemaJsonConverter converter, FactSchemaStructuredOutput output, byte[] reply, FactSchemaReaderOptions? readerOptions,
        out object? value, out IReadOnlyList<ValidationError> errors)
    {
        value = null;
        byte[] document;
        try
        {
            document = output.RestoreReply(reply);
        }
        catch (FactSchemaValidationException ex)
        {
            errors = ex.Errors; // already the reply's pointers
            return false;
        }
        catch (FactSchemaJsonException ex)
        {
            errors = [new ValidationError(ex.InstanceLocation, string.Empty, ex.Detail)];
            return false;
        }

        try
        {
            value = converter.ReadDocumentAsObject(document, readerOptions);
            errors = [];
            return true;
        }
        catch (FactSchemaValidationException ex)
        {
            errors = ex.Errors.Select(error => new ValidationError(output.ToReplyPointer(error.InstanceLocation, reply), error.KeywordLocation, error.Message)).ToList();
            return false;
        }
        catch (FactSchemaJsonException ex)
        {
            errors = [new ValidationError(output.ToReplyPointer(ex.InstanceLocation, reply), string.Empty, ex.Detail)];
            return false;
        }
    }

    /// <summary>The message that asks the model again: every error, where it is in the reply, and what the schema wants.</summary>
    internal static string DescribeErrors(IReadOnlyList<ValidationError> errors)
    {
        var text = new StringBuilder("Your reply does not match the JSON Schema. Reply again with the whole corrected JSON document, and nothing else. The errors:");
        foreach (var error in errors)
        {
            text.Append('\n').Append("- at ").Append(error.InstanceLocation.Length == 0 ? "the root" : error.InstanceLocation);
            if (error.Keyword.Length > 0)
            {
                text.Append(" (").Append(error.Keyword).Append(')');
            }

            text.Append(": ").Append(error.Message);
        }

        return text.ToString();
    }

    /// <summary>Some models fence JSON in Markdown even when asked for JSON; the fence is not part of the document.</summary>
    internal static string StripCodeFence(string text)
    {
        var trimmed = text.Trim();
        if (!trimmed.StartsWith("```", StringComparison.Ordinal) || !trimmed.EndsWith("```", StringComparison.Ordinal) || trimmed.Length < 6)
        {
            return trimmed;
        }

        var firstLine = trimmed.IndexOf('\n');
        return firstLine < 0 ? trimmed : trimmed.Substring(firstLine + 1, trimmed.Length - 3 - firstLine - 1).Trim();
    }
}
