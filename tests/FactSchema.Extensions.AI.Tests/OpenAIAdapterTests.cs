using System;
using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using FactSchema.News;
using Microsoft.Extensions.AI;
using OpenAI;
using Xunit;

namespace FactSchema.Extensions.AI.Tests;

/// <summary>The real OpenAI adapter (Microsoft.Extensions.AI.OpenAI) over a fake HTTP handler: what goes over the wire, and replies as OpenAI sends them.</summary>
public sealed class OpenAIAdapterTests
{
    /// <summary>Records each request body and answers with canned chat completions.</summary>
    internal static FakeOpenAI MakeHandler() => new(Completion("{}"));

    internal static IChatClient MakeClient(FakeOpenAI handler) => Client(handler);

    internal sealed class FakeOpenAI : HttpMessageHandler
    {
        private readonly Queue<string> _completions;

        public FakeOpenAI(params string[] completions) => _completions = new Queue<string>(completions);

        public List<JsonNode> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(JsonNode.Parse(await request.Content!.ReadAsStringAsync(cancellationToken))!);
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(_completions.Dequeue(), Encoding.UTF8, "application/json") };
        }
    }

    private static string Completion(string? content, string finishReason = "stop", string? refusal = null) => new JsonObject
    {
        ["id"] = "chatcmpl-test",
        ["object"] = "chat.completion",
        ["created"] = 1_700_000_000,
        ["model"] = "gpt-4o",
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content, ["refusal"] = refusal },
            ["finish_reason"] = finishReason,
        }),
        ["usage"] = new JsonObject { ["prompt_tokens"] = 10, ["completion_tokens"] = 10, ["total_tokens"] = 20 },
    }.ToJsonString();

    private static IChatClient Client(FakeOpenAI handler)
    {
        var options = new OpenAIClientOptions { Transport = new HttpClientPipelineTransport(new HttpClient(handler)), Endpoint = new Uri("http://localhost.invalid/v1") };
        return new OpenAIClient(new ApiKeyCredential("test-key"), options).GetChatClient("gpt-4o").AsIChatClient();
    }

    private static JsonNode StrictQuoteReply()
        => StrictReplies.Fill(GetFactTests.FirstQuote, GetFactTests.Strict<Quote>().Schema, wrapped: false)!;

    [Fact]
    public async Task TheStrictSchemaGoesOverTheWireUnchangedWithStrictOnAndTheReplyIsRead()
    {
        var handler = new FakeOpenAI(Completion(StrictQuoteReply().ToJsonString()));
        var options = new FactSchemaChatOptions(FactSchemaTypes.Resolver) { Profile = StructuredOutputProfile.OpenAIStrict };

        var response = await Client(handler).GetFactAsync<Quote>("Extract the first quote.", options);

        Assert.Equal(Quote.Deserialize(GetFactTests.FirstQuote.ToJsonString()), response.Value);
        var format = Assert.Single(handler.Requests)["response_format"]!;
        Assert.Equal("json_schema", format["type"]!.GetValue<string>());
        Assert.Equal("Quote", format["json_schema"]!["name"]!.GetValue<string>());
        Assert.True(format["json_schema"]!["strict"]!.GetValue<bool>());
        var ours = JsonNode.Parse(options.GetStructuredOutput(typeof(Quote), StructuredOutputProfile.OpenAIStrict).Schema.GetRawText());
        Assert.True(JsonNode.DeepEquals(Structure(ours), Structure(format["json_schema"]!["schema"])), format["json_schema"]!["schema"]!.ToJsonString());
    }

    [Theory]
    [MemberData(nameof(StrictProfileTests.VocabularyTypes), MemberType = typeof(StrictProfileTests))]
    public async Task TheAdaptersOwnStrictTransformLeavesEveryDerivedSchemaAsItIs(string typeName)
    {
        var handler = new FakeOpenAI(Completion("{}"));
        var type = FactSchemaTypes.Resolver.Types.Single(t => t.Name == typeName);
        var output = new FactSchemaChatOptions(FactSchemaTypes.Resolver).GetStructuredOutput(type, StructuredOutputProfile.OpenAIStrict);
        var chatOptions = new ChatOptions
        {
            ResponseFormat = ChatResponseFormat.ForJsonSchema(output.Schema, typeName),
            AdditionalProperties = new() { [FactSchemaChatClientExtensions.StrictKey] = true },
        };

        await Client(handler).GetResponseAsync("x", chatOptions);

        // Microsoft.Extensions.AI.OpenAI 11 moves the assertions it does not trust the provider with (pattern, format, bounds, item
        // counts) into descriptions; it must change nothing else: no member, type, requirement, branch or reference.
        var sent = handler.Requests[0]["response_format"]!["json_schema"]!["schema"]!;
        var ours = JsonNode.Parse(output.Schema.GetRawText())!;
        Assert.True(JsonNode.DeepEquals(Structure(ours), Structure(sent)), sent.ToJsonString());
    }

    private static readonly string[] s_describedByTheAdapter =
        ["description", "pattern", "format", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minItems", "maxItems"];

    /// <summary>A schema without descriptions and the assertions the adapter moves into them.</summary>
    private static JsonNode? Structure(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var result = new JsonObject();
                foreach (var member in obj)
                {
                    if (!s_describedByTheAdapter.Contains(member.Key) || member.Value is JsonObject && obj.Parent is JsonObject { } parent && parent["properties"] == obj)
                    {
                        result[member.Key] = Structure(member.Value);
                    }
                }

                return result;
            case JsonArray array:
                return new JsonArray(array.Select(Structure).ToArray());
            default:
                return node?.DeepClone();
        }
    }

    [Fact]
    public async Task WithoutAProfileTheOpenAIAdapterGetsTheStrictSchema()
    {
        // The adapter rewrites every JSON-schema response format into a strict form of its own, strict or not: without our
        // derivation an optional member would become one the model must invent.
        var handler = new FakeOpenAI(Completion(StrictQuoteReply().ToJsonString()));

        var response = await Client(handler).GetFactAsync<Quote>("Extract the first quote.", new FactSchemaChatOptions(FactSchemaTypes.Resolver));

        Assert.Equal(Quote.Deserialize(GetFactTests.FirstQuote.ToJsonString()), response.Value);
        Assert.True(handler.Requests[0]["response_format"]!["json_schema"]!["strict"]!.GetValue<bool>());
    }

    [Fact]
    public async Task TheAdapterRewritesEvenAnExactSchemaSentWithoutStrict()
    {
        // The fact the default profile rests on, pinned: if a later adapter stops rewriting, this fails and the default can change.
        var handler = new FakeOpenAI(Completion(GetFactTests.FirstQuote.ToJsonString()));

        await Client(handler).GetFactAsync<Quote>("Extract the first quote.", new FactSchemaChatOptions(FactSchemaTypes.Resolver) { Profile = StructuredOutputProfile.Exact });

        var schema = handler.Requests[0]["response_format"]!["json_schema"]!;
        Assert.Null(schema["strict"]);
        Assert.Equal(Quote.JsonSchema.ToJsonNode()["properties"]!.AsObject().Count, schema["schema"]!["required"]!.AsArray().Count);
    }

    [Fact]
    public async Task AnInvalidReplyIsSentBackWithTheErrorsAndTheSecondIsRead()
    {
        var bad = StrictQuoteReply();
        bad["text"] = "";
        var handler = new FakeOpenAI(Completion(bad.ToJsonString()), Completion(StrictQuoteReply().ToJsonString()));

        var response = await Client(handler).GetFactAsync<Quote>("Extract the first quote.", new FactSchemaChatOptions(FactSchemaTypes.Resolver) { Profile = StructuredOutputProfile.OpenAIStrict });

        Assert.Equal(2, response.Attempts);
        var messages = handler.Requests[1]["messages"]!.AsArray();
        Assert.Equal(3, messages.Count);
        Assert.Equal("assistant", messages[1]!["role"]!.GetValue<string>());
        Assert.Contains("at /text (minLength)", messages[2]!["content"]!.ToJsonString());
    }

    [Fact]
    public async Task AnOpenAIRefusalIsARefusal()
    {
        var handler = new FakeOpenAI(Completion(null, refusal: "I'm sorry, I can't help with that."));

        var error = await Assert.ThrowsAsync<FactSchemaChatRefusedException>(
            () => Client(handler).GetFactAsync<Quote>("Extract the first quote.", new FactSchemaChatOptions(FactSchemaTypes.Resolver) { Profile = StructuredOutputProfile.OpenAIStrict }));

        Assert.Equal("I'm sorry, I can't help with that.", error.Refusal);
    }

    [Fact]
    public async Task AnOpenAIReplyCutOffAtTheTokenLimitIsTruncated()
    {
        var handler = new FakeOpenAI(Completion("{\"id\": \"q", finishReason: "length"));

        var error = await Assert.ThrowsAsync<FactSchemaChatTruncatedException>(
            () => Client(handler).GetFactAsync<Quote>("Extract the first quote.", new FactSchemaChatOptions(FactSchemaTypes.Resolver)));

        Assert.Equal("{\"id\": \"q", error.PartialText);
    }
}
