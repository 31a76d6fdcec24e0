using System.IO;
using System.IO.Compression;

namespace FactSchema.Package.Tests;

/// <summary>The Microsoft.Extensions.AI integration from its packed package, in a new project whose own schema refers to the vocabulary.</summary>
[Collection(PackageCollection.Name)]
public sealed class ExtensionsAIPackageTests
{
    private readonly PackageFixture _fixture;

    public ExtensionsAIPackageTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public void AnAppAsksForAFactInStrictFormAndGetsItBackAfterARetry()
    {
        _fixture.PackIntegration("FactSchema.Extensions.AI");
        using (var package = ZipFile.OpenRead(Path.Combine(_fixture.Feed, $"FactSchema.Extensions.AI.{PackageFixture.PackageVersion}.nupkg")))
        {
            var entries = package.Entries.Select(e => e.FullName).ToList();
            Assert.Contains("lib/net8.0/FactSchema.Extensions.AI.dll", entries);
            Assert.Contains("lib/net10.0/FactSchema.Extensions.AI.dll", entries);
            Assert.Contains("lib/net10.0/FactSchema.Extensions.AI.xml", entries);
            Assert.Contains("PACKAGE.md", entries);
        }

        var folder = _fixture.NewProjectFolderWithMachineFeeds("ExtractApp");
        File.WriteAllText(Path.Combine(folder, "ExtractApp.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <IsAotCompatible>true</IsAotCompatible>
                <RootNamespace>ExtractApp</RootNamespace>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="FactSchema" Version="{PackageFixture.PackageVersion}" />
                <PackageReference Include="FactSchema.Extensions.AI" Version="{PackageFixture.PackageVersion}" />
              </ItemGroup>
            </Project>
            """);
        Directory.CreateDirectory(Path.Combine(folder, "Schemas"));
        File.WriteAllText(Path.Combine(folder, "Schemas", "briefing.schema.json"), """
            {
              "title": "Briefing",
              "type": "object",
              "properties": {
                "speaker": { "$ref": "https://factschema.dev/schemas/news/actor.schema.json" },
                "held": { "type": "string", "format": "date" },
                "notes": { "type": "string", "minLength": 1 }
              },
              "required": ["speaker", "held"]
            }
            """);
        File.WriteAllText(Path.Combine(folder, "Program.cs"), """
            using System.Runtime.CompilerServices;
            using FactSchema.Extensions.AI;
            using FactSchema.Serialization;
            using Microsoft.Extensions.AI;
            using ExtractApp;

            var types = FactSchemaJsonTypeInfoResolver.Combine(ExtractApp.FactSchemaTypes.Resolver, FactSchema.News.FactSchemaTypes.Resolver);
            var client = new CannedClient(
                "{\"speaker\":{\"id\":\"Mark Rutte\",\"kind\":\"person\",\"name\":\"Mark Rutte\"},\"held\":\"2025-02-20\",\"notes\":null}",
                "{\"speaker\":{\"id\":\"mark-rutte\",\"kind\":\"person\",\"name\":\"Mark Rutte\",\"aliases\":null},\"held\":\"2025-02-20\",\"notes\":null}");
            var options = new FactSchemaChatOptions(types) { Profile = StructuredOutputProfile.OpenAIStrict };
            var response = await client.GetFactAsync<Briefing>("Who briefed, and when?", options);
            Console.WriteLine($"attempts: {response.Attempts}; speaker: {response.Value.Speaker.Name}; held: {response.Value.Held:yyyy-MM-dd}; notes: {response.Value.Notes ?? "(absent)"}");
            Console.WriteLine("retry: " + client.Retry);
            Console.WriteLine("strict: " + client.Strict);
            Console.WriteLine("schema: " + client.Schema);

            sealed class CannedClient(params string[] replies) : IChatClient
            {
                private int _next;
                public string? Retry { get; private set; }
                public object? Strict { get; private set; }
                public string? Schema { get; private set; }

                public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
                {
                    var list = messages.ToList();
                    if (list.Count > 1) Retry = list[^1].Text;
                    Strict = options?.AdditionalProperties?["strict"];
                    Schema = (options?.ResponseFormat as ChatResponseFormatJson)?.Schema?.GetRawText();
                    return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, replies[_next++])) { FinishReason = ChatFinishReason.Stop });
                }

                public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    foreach (var update in (await GetResponseAsync(messages, options, cancellationToken)).ToChatResponseUpdates()) yield return update;
                }

                public object? GetService(Type serviceType, object? serviceKey = null) => null;
                public void Dispose() { }
            }
            """);

        Ok(_fixture.Dotnet(folder, "build"));
        var run = Ok(_fixture.Dotnet(folder, "run --no-build"));
        Assert.Contains("attempts: 2; speaker: Mark Rutte; held: 2025-02-20; notes: (absent)", run);
        Assert.Contains("retry: Your reply does not match the JSON Schema.", run);
        Assert.Contains("at /speaker/id (pattern)", run);
        Assert.Contains("strict: True", run);
        Assert.Contains("\"$defs\":{\"actor\":", run);
        Assert.Contains("\"required\":[\"speaker\",\"held\",\"notes\"],\"additionalProperties\":false", run);
    }

    private static string Ok((int ExitCode, string Output) result)
    {
        Assert.True(result.ExitCode == 0, result.Output);
        return result.Output;
    }
}
