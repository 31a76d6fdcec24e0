using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace FactSchema.Extensions.AI.Tests;

/// <summary>An <see cref="IChatClient"/> that records each request (messages and options) and answers with canned responses, in order.</summary>
internal sealed class RecordingChatClient : IChatClient
{
    private readonly Queue<ChatResponse> _replies;

    public RecordingChatClient(params ChatResponse[] replies) => _replies = new Queue<ChatResponse>(replies);

    public List<(List<ChatMessage> Messages, ChatOptions? Options)> Requests { get; } = [];

    public static ChatResponse Text(string text, ChatFinishReason? finish = null)
        => new(new ChatMessage(ChatRole.Assistant, text)) { FinishReason = finish ?? ChatFinishReason.Stop };

    public static ChatResponse Refusal(string refusal)
        => new(new ChatMessage(ChatRole.Assistant, [new ErrorContent(refusal) { ErrorCode = "Refusal" }])) { FinishReason = ChatFinishReason.Stop };

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Requests.Add((messages.ToList(), options));
        if (_replies.Count == 0)
        {
            throw new InvalidOperationException("More requests than canned replies.");
        }

        return Task.FromResult(_replies.Dequeue());
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
