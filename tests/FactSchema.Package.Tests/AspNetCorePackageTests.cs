using System.IO;
using System.IO.Compression;

namespace FactSchema.Package.Tests;

/// <summary>The ASP.NET Core integration from its packed package, in a new web project that also generates types of its own.</summary>
[Collection(PackageCollection.Name)]
public sealed class AspNetCorePackageTests
{
    private readonly PackageFixture _fixture;

    public AspNetCorePackageTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public void AWebProjectReadsBodiesAndDescribesTypesThroughThePackages()
    {
        _fixture.PackIntegration("FactSchema.AspNetCore");
        using (var package = ZipFile.OpenRead(Path.Combine(_fixture.Feed, $"FactSchema.AspNetCore.{PackageFixture.PackageVersion}.nupkg")))
        {
            var entries = package.Entries.Select(e => e.FullName).ToList();
            Assert.Contains("lib/net10.0/FactSchema.AspNetCore.dll", entries);
            Assert.Contains("lib/net10.0/FactSchema.AspNetCore.xml", entries);
            Assert.Contains("PACKAGE.md", entries);
        }

        var folder = _fixture.NewProjectFolderWithMachineFeeds("WebApp");
        File.WriteAllText(Path.Combine(folder, "WebApp.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <RootNamespace>WebApp</RootNamespace>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="FactSchema" Version="{PackageFixture.PackageVersion}" />
                <PackageReference Include="FactSchema.AspNetCore" Version="{PackageFixture.PackageVersion}" />
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
                "held": { "type": "string", "format": "date" }
              },
              "required": ["speaker", "held"]
            }
            """);
        File.WriteAllText(Path.Combine(folder, "Program.cs"), """
            using System.Text;
            using FactSchema.AspNetCore;
            using Microsoft.AspNetCore.Hosting.Server;
            using Microsoft.AspNetCore.Hosting.Server.Features;
            using WebApp;

            var builder = WebApplication.CreateSlimBuilder(args);
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            builder.Services.AddFactSchema(WebApp.FactSchemaTypes.Resolver, FactSchema.News.FactSchemaTypes.Resolver);
            builder.Services.AddOpenApi(options => options.AddFactSchema());
            var app = builder.Build();
            app.UseFactSchema();
            app.MapOpenApi();
            app.MapPost("/briefings", (FactSchemaBody<Briefing> body) => "speaker: " + body.Value.Speaker.Name);
            await app.StartAsync();

            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var client = new HttpClient { BaseAddress = new Uri(address) };
            async Task PostAsync(string json)
            {
                using var response = await client.PostAsync("/briefings", new StringContent(json, Encoding.UTF8, "application/json"));
                Console.WriteLine($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }

            await PostAsync("{\"speaker\":{\"id\":\"mark-rutte\",\"kind\":\"person\",\"name\":\"Mark Rutte\"},\"held\":\"2025-02-20\"}");
            await PostAsync("{\"speaker\":{\"id\":\"Mark Rutte\",\"kind\":\"person\",\"name\":\"Mark Rutte\"},\"held\":\"20 February\"}");
            Console.WriteLine("openapi: " + await client.GetStringAsync("/openapi/v1.json"));
            await app.StopAsync();
            """);

        Ok(_fixture.Dotnet(folder, "build"));
        var run = Ok(_fixture.Dotnet(folder, "run --no-build"));
        Assert.Contains("200 speaker: Mark Rutte", run);
        Assert.Contains("400 {\"type\":", run);
        Assert.Contains("\"pointer\":\"/speaker/id\",\"keyword\":\"pattern\"", run);
        var openApi = run.Substring(run.IndexOf("openapi: ", StringComparison.Ordinal));
        Assert.Contains("\"Briefing\"", openApi);
        Assert.Contains("\"$ref\": \"#/components/schemas/Actor\"", openApi);
        Assert.Contains("\"Actor\"", openApi);
    }

    private static string Ok((int ExitCode, string Output) result)
    {
        Assert.True(result.ExitCode == 0, result.Output);
        return result.Output;
    }
}
