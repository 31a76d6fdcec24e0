using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using FactSchema.News;
using Microsoft.Extensions.AI;
using Xunit;

namespace FactSchema.Extensions.AI.Tests;

/// <summary><c>GetFactAsync</c> over a recording client: what is sent, and how each kind of reply ends.</summary>
public sealed class GetFactTests
{
    internal static readonly string SampleFacts = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "facts.json"));

    internal static JsonObject FirstQuote => (JsonObject)JsonNode.Parse(SampleFacts)!["quotes"]![0]!.DeepClone();

    private static FactSchemaChatOptions Options(StructuredOutputProfile profile = StructuredOutputProfile.Exact) => new(FactSchemaTypes.Resolver) { Profile = profile };

    [Fact]
    public async Task AValidReplyIsReadAtTheFirstAttemptWithTheExactSchemaSent()
    {
        var client = new RecordingChatClient(RecordingChatClient.Text(FirstQuote.ToJsonString()));

        var response = await client.GetFactAsync<Quote>("Extract the first quote.", Options());

        Assert.Equal(1, response.Attempts);
        Assert.Equal(Quote.Deserialize(FirstQuote.ToJsonString()), response.Value);
        var (messages, options) = Assert.Single(client.Requests);
        Assert.Equal("Extract the first quote.", Assert.Single(messages).Text);
        var format = Assert.IsType<ChatResponseFormatJson>(options!.ResponseFormat);
        Assert.Equal("Quote", format.SchemaName);
        Assert.True(JsonNode.DeepEquals(Quote.JsonSchema.ToJsonNode(), JsonNode.Parse(format.Schema!.Value.GetRawText())));
        Assert.False(options.AdditionalProperties?.ContainsKey(FactSchemaChatClientExtensions.StrictKey) ?? false);
    }

    [Theory]
    [InlineData("```json\n{0}\n```")]
    [InlineData("  ```\n{0}\n```\n")]
    public async Task AReplyFencedInMarkdownIsReadWithoutItsFence(string form)
    {
        var client = new RecordingChatClient(RecordingChatClient.Text(form.Replace("{0}", FirstQuote.ToJsonString(), StringComparison.Ordinal)));

        var response = await client.GetFactAsync<Quote>("Extract the first quote.", Options());

        Assert.Equal(1, response.Attempts);
        Assert.Equal(Quote.Deserialize(FirstQuote.ToJsonString()), response.Value);
    }

    [Fact]
    public async Task AnInvalidReplyIsAskedAgainWithEveryErrorAndItsPointer()
    {
        var bad = FirstQuote;
        bad["text"] = "";
        bad.Remove("speaker");
        var client = new RecordingChatClient(RecordingChatClient.Text(bad.ToJsonString()), RecordingChatClient.Text(FirstQuote.ToJsonString()));

        var response = await client.GetFactAsync<Quote>("Extract the first quote.", Options());

        Assert.Equal(2, response.Attempts);
        Assert.Equal(FirstQuote["id"]!.GetValue<string>(), response.Value.Id);
        var retry = client.Requests[1].Messages;
        Assert.Equal(3, retry.Count);
        Assert.Equal(ChatRole.Assistant, retry[1].Role);
        Assert.Equal(bad.ToJsonString(), retry[1].Text);
        Assert.Equal(ChatRole.User, retry[2].Role);
        Assert.Contains("at /text (minLength)", retry[2].Text);
        Assert.Contains("at the root (required)", retry[2].Text);
        Assert.Contains("speaker", retry[2].Text);
    }

    [Fact]
    public async Task MalformedJsonIsAskedAgainWithWhereItBroke()
    {
        var client = new RecordingChatClient(RecordingChatClient.Text("{\"id\": \"q1\", "), RecordingChatClient.Text("```json\n" + FirstQuote.ToJsonString() + "\n```"));

        var response = await client.GetFactAsync<Quote>("Extract the first quote.", Options());

        Assert.Equal(2, response.Attempts);
        Assert.Contains("Your reply does not match the JSON Schema", client.Requests[1].Messages[^1].Text);
    }

    [Fact]
    public async Task NoValidReplyWithinTheAttemptsIsAnErrorWithTheLastErrors()
    {
        var bad = FirstQuote;
        bad["kind"] = "rumour";
        var client = new RecordingChatClient(RecordingChatClient.Text(bad.ToJsonString()), RecordingChatClient.Text(bad.ToJsonString()));
        var options = Options();
        options.MaxAttempts = 2;

        var error = await Assert.ThrowsAsync<FactSchemaChatInvalidReplyException>(() => client.GetFactAsync<Quote>("Extract the first quote.", options));

        Assert.Equal(2, error.Responses.Count);
        Assert.Contains(error.Errors, e => e.InstanceLocation == "/kind");
        Assert.Contains("/kind", error.Message);
    }

    [Fact]
    public async Task ARefusalIsAClearErrorAndIsNotAskedAgain()
    {
        var client = new RecordingChatClient(RecordingChatClient.Refusal("I can't help with that."), RecordingChatClient.Text(FirstQuote.ToJsonString()));

        var error = await Assert.ThrowsAsync<FactSchemaChatRefusedException>(() => client.GetFactAsync<Quote>("Extract the first quote.", Options()));

        Assert.Equal("I can't help with that.", error.Refusal);
        Assert.Single(client.Requests);
    }

    [Fact]
    public async Task AContentFilterStopIsARefusal()
    {
        var client = new RecordingChatClient(RecordingChatClient.Text("", ChatFinishReason.ContentFilter));

        var error = await Assert.ThrowsAsync<FactSchemaChatRefusedException>(() => client.GetFactAsync<Quote>("Extract the first quote.", Options()));

        Assert.Null(error.Refusal);
    }

    [Fact]
    public async Task ATruncatedReplyIsAClearErrorWithThePartialText()
    {
        var partial = FirstQuote.ToJsonString()[..40];
        var client = new RecordingChatClient(RecordingChatClient.Text(partial, ChatFinishReason.Length));

        var error = await Assert.ThrowsAsync<FactSchemaChatTruncatedException>(() => client.GetFactAsync<Quote>("Extract the first quote.", Options()));

        Assert.Equal(partial, error.PartialText);
        Assert.Contains("MaxOutputTokens", error.Message);
    }

    [Fact]
    public async Task TheCallersChatOptionsAreCopiedNotChanged()
    {
        var chatOptions = new ChatOptions { ModelId = "model-x", Temperature = 0.1f };
        var options = Options(StructuredOutputProfile.OpenAIStrict);
        options.ChatOptions = chatOptions;
        var client = new RecordingChatClient(RecordingChatClient.Text(StrictQuote().ToJsonString()));

        await client.GetFactAsync<Quote>("Extract the first quote.", options);

        var sent = client.Requests[0].Options!;
        Assert.Equal("model-x", sent.ModelId);
        Assert.Equal(true, sent.AdditionalProperties![FactSchemaChatClientExtensions.StrictKey]);
        Assert.Null(chatOptions.ResponseFormat);
        Assert.Null(chatOptions.AdditionalProperties);
    }

    [Fact]
    public async Task AStrictReplyWithNullsForAbsentMembersIsReadBackAsTheOriginal()
    {
        var client = new RecordingChatClient(RecordingChatClient.Text(StrictQuote().ToJsonString()));

        var response = await client.GetFactAsync<Quote>("Extract the first quote.", Options(StructuredOutputProfile.OpenAIStrict));

        Assert.Equal(Quote.Deserialize(FirstQuote.ToJsonString()), response.Value);
        var format = Assert.IsType<ChatResponseFormatJson>(client.Requests[0].Options!.ResponseFormat);
        Assert.Empty(FactSchemaStructuredOutput.FindViolations(format.Schema!.Value, StructuredOutputProfile.OpenAIStrict));
    }

    [Fact]
    public async Task AWrappedEnumIsAskedForAsAnObjectAndUnwrapped()
    {
        var client = new RecordingChatClient(RecordingChatClient.Text("{\"value\": \"announced\"}"));

        var response = await client.GetFactAsync<PledgeStatus>("What is the pledge's status?", Options(StructuredOutputProfile.OpenAIStrict));

        Assert.Equal(PledgeStatus.Announced, response.Value);
    }

    [Fact]
    public async Task ErrorsInAStrictReplyPointIntoTheReplyAsTheModelWroteIt()
    {
        var bad = StrictQuote();
        bad["kind"] = "rumour";
        var client = new RecordingChatClient(
            RecordingChatClient.Text(bad.ToJsonString()),
            RecordingChatClient.Text(StrictQuote().ToJsonString()));

        var response = await client.GetFactAsync<Quote>("Extract the first quote.", Options(StructuredOutputProfile.OpenAIStrict));

        Assert.Equal(2, response.Attempts);
        Assert.Contains("at /kind", client.Requests[1].Messages[^1].Text);
    }

    [Fact]
    public async Task WithoutAProfileAClientOfNoKnownProviderGetsTheExactSchema()
    {
        var client = new RecordingChatClient(RecordingChatClient.Text(FirstQuote.ToJsonString()));

        await client.GetFactAsync<Quote>("Extract the first quote.", new FactSchemaChatOptions(FactSchemaTypes.Resolver));

        var format = Assert.IsType<ChatResponseFormatJson>(client.Requests[0].Options!.ResponseFormat);
        Assert.True(JsonNode.DeepEquals(Quote.JsonSchema.ToJsonNode(), JsonNode.Parse(format.Schema!.Value.GetRawText())));
    }

    [Fact]
    public async Task ATypeOutsideTheResolverIsAClearError()
    {
        var client = new RecordingChatClient();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.GetFactAsync<string>("x", Options()));
        Assert.Contains("FactSchemaTypes.Resolver", error.Message);
    }

    internal static (JsonObject Schema, bool Wrapped) Strict<T>()
    {
        var output = Options().GetStructuredOutput(typeof(T), StructuredOutputProfile.OpenAIStrict);
        return ((JsonObject)JsonNode.Parse(output.Schema.GetRawText())!, output.IsWrapped);
    }

    private static JsonNode StrictQuote() => StrictReplies.Fill(FirstQuote, Strict<Quote>().Schema, wrapped: false)!;
}
