// dotnet run -- --extract [--schema]: what a language model would be asked to pull the article's facts out of its text
// (instructions, the article, the strict schema as the response format), then the same exchange offline: a canned
// reply with a mistake, the errors the model would be sent, and a corrected reply read back through the generated types.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using FactSchema.Extensions.AI;
using FactSchema.News;
using Microsoft.Extensions.AI;

namespace NewsFacts;

internal static class Extraction
{
    private const string Instructions =
        "You extract the facts a news article states, for a fact-checking desk. Reply with one JSON document that follows the "
        + "response schema. Record only what the article says: quotes verbatim, amounts and dates as written, nothing inferred. "
        + "Give every actor, pledge, quote, statement and source an id and refer to it by that id. Use null where the article "
        + "does not say.";

    public static async Task<int> Run(string[] args)
    {
        var article = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "article.txt"));
        var facts = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "facts.json"));
        var options = new FactSchemaChatOptions(FactSchemaTypes.Resolver) { Profile = StructuredOutputProfile.OpenAIStrict };
        var output = options.GetStructuredOutput(typeof(FactSet), StructuredOutputProfile.OpenAIStrict);
        List<ChatMessage> messages = [new(ChatRole.System, Instructions), new(ChatRole.User, "The article:\n\n" + article)];

        var schemaText = output.Schema.GetRawText();
        Console.WriteLine("== The request a model would get");
        Console.WriteLine($"system: {Instructions}");
        Console.WriteLine($"user: The article: ({article.Length:N0} characters) {article.Split('\n')[0]} …");
        Console.WriteLine($"response format: JSON schema \"{output.Source.Name}\", OpenAI strict mode, {Encoding.UTF8.GetByteCount(schemaText):N0} bytes, "
            + $"{(output.Schema.TryGetProperty("$defs", out var defs) ? defs.EnumerateObject().Count() : 0)} definitions"
            + (args.Contains("--schema") ? ":" : " (--schema prints it)"));
        if (args.Contains("--schema"))
        {
            Console.WriteLine(JsonSerializer.Serialize(output.Schema, SampleJsonContext.Default.JsonElement));
        }

        // Offline, the model's replies are canned: the article's facts in the strict form, first with a mistake in it.
        var reply = output.ToReply(facts);
        var mistaken = JsonNode.Parse(reply)!;
        mistaken["pledges"]![0]!["amount"]!["currency"] = "euros";
        var client = new CannedChatClient(mistaken.ToJsonString(), Encoding.UTF8.GetString(reply));

        Console.WriteLine();
        Console.WriteLine("== Offline: canned replies, read back through the generated types");
        var response = await client.GetFactAsync<FactSet>(messages, options);
        for (var i = 0; i < client.Corrections.Count; i++)
        {
            Console.WriteLine($"attempt {i + 1}: invalid; the model is sent:");
            Console.WriteLine("  " + client.Corrections[i].Replace("\n", "\n  ", StringComparison.Ordinal));
        }

        var value = response.Value;
        var same = value.Equals(FactSet.Deserialize(facts));
        Console.WriteLine($"attempt {response.Attempts}: valid: {value.Actors.Count} actors, {value.Pledges?.Count ?? 0} pledges, {value.Quotes?.Count ?? 0} quotes, "
            + $"{value.Statements?.Count ?? 0} statements, {value.Sources.Count} sources; {(same ? "equal to" : "DIFFERENT from")} facts.json read directly.");
        return same ? 0 : 3;
    }

    /// <summary>A chat client with no model behind it: answers with the given replies in turn, and keeps what it was told.</summary>
    private sealed class CannedChatClient(params string[] replies) : IChatClient
    {
        private int _next;

        public List<string> Corrections { get; } = [];

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            var last = messages.Last();
            if (_next > 0)
            {
                Corrections.Add(last.Text);
            }

            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, replies[_next++])) { FinishReason = ChatFinishReason.Stop });
        }

        public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            foreach (var update in (await GetResponseAsync(messages, options, cancellationToken)).ToChatResponseUpdates())
            {
                yield return update;
            }
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}

[System.Text.Json.Serialization.JsonSourceGenerationOptions(WriteIndented = true)]
[System.Text.Json.Serialization.JsonSerializable(typeof(JsonElement))]
internal sealed partial class SampleJsonContext : System.Text.Json.Serialization.JsonSerializerContext
{
}
