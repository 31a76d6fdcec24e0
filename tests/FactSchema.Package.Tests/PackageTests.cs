using System.IO;
using System.IO.Compression;

namespace FactSchema.Package.Tests;

/// <summary>
/// The README's "Use it in your project" steps, performed for real against the packed package:
/// dotnet new console, dotnet add package FactSchema, add schemas, build, run; then edit a schema and rebuild.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class PackageTests
{
    private readonly PackageFixture _fixture;

    public PackageTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public void ThePackageHasTheExpectedLayout()
    {
        using var package = ZipFile.OpenRead(Path.Combine(_fixture.Feed, $"FactSchema.{PackageFixture.PackageVersion}.nupkg"));
        var entries = package.Entries.Select(e => e.FullName).ToHashSet();
        Assert.Contains("lib/netstandard2.0/FactSchema.dll", entries);
        Assert.Contains("lib/net8.0/FactSchema.dll", entries);
        Assert.Contains("lib/net8.0/FactSchema.xml", entries);
        Assert.Contains("lib/net10.0/FactSchema.dll", entries); // the JsonSchemaExporter integration needs .NET 9 or later
        Assert.Contains("analyzers/dotnet/cs/FactSchema.Generators.dll", entries);
        Assert.Contains("build/FactSchema.props", entries);
        Assert.Contains("build/FactSchema.targets", entries);
        Assert.Contains("build/FactSchema.BaselineRestore.proj", entries);
        Assert.Contains("buildTransitive/FactSchema.props", entries);
        Assert.Contains("buildTransitive/FactSchema.targets", entries);
        Assert.Contains("schemas/actor.schema.json", entries);
        Assert.Contains("schemas/fact-set.schema.json", entries);
        Assert.Contains("PACKAGE.md", entries);

        var nuspec = new StreamReader(package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open()).ReadToEnd();
        Assert.Contains("<license type=\"expression\">MIT</license>", nuspec);
        Assert.Contains("<readme>PACKAGE.md</readme>", nuspec);
        Assert.Contains("<repository type=\"git\"", nuspec);
        Assert.DoesNotContain("FactSchema.Generators\"", nuspec); // the generator is inside, not a dependency
        Assert.True(File.Exists(Path.Combine(_fixture.Feed, $"FactSchema.{PackageFixture.PackageVersion}.snupkg")));
    }

    [Fact]
    public void ANewConsoleProjectUsesThePackage()
    {
        var folder = _fixture.NewProjectFolder("App");
        Ok(_fixture.Dotnet(folder, "new console --name App --output . --force"));
        Ok(_fixture.Dotnet(folder, "add package FactSchema"));

        Directory.CreateDirectory(Path.Combine(folder, "Schemas"));
        File.WriteAllText(Path.Combine(folder, "Schemas", "briefing.schema.json"), """
            {
              "title": "Briefing",
              "type": "object",
              "properties": {
                "speaker": { "$ref": "https://factschema.dev/schemas/news/actor.schema.json" },
                "speakerId": { "$ref": "https://factschema.dev/schemas/news/actor.schema.json#/$defs/actorId" },
                "venue": { "$ref": "venue.schema.json" },
                "held": { "type": "string", "format": "date" }
              },
              "required": ["speaker", "held"]
            }
            """);
        File.WriteAllText(Path.Combine(folder, "Schemas", "venue.schema.json"), """
            { "title": "Venue", "type": "object", "properties": { "city": { "type": "string" } }, "required": ["city"] }
            """);
        File.WriteAllText(Path.Combine(folder, "Program.cs"), """
            using App;
            var json = "{\"speaker\":{\"id\":\"mark-rutte\",\"kind\":\"person\",\"name\":\"Mark Rutte\"},\"speakerId\":\"mark-rutte\",\"venue\":{\"city\":\"Bratislava\"},\"held\":\"2025-02-20\"}";
            var briefing = Briefing.Deserialize(json);
            FactSchema.News.Actor speaker = briefing.Speaker; // the vocabulary's own type, not a copy
            string id = briefing.SpeakerId!;
            System.Console.WriteLine($"{speaker.Name} ({id}) in {briefing.Venue!.City} on {briefing.Held:yyyy-MM-dd}");
            System.Console.WriteLine(System.Text.Encoding.UTF8.GetString(briefing.SerializeToUtf8Bytes()));
            """);

        Ok(_fixture.Dotnet(folder, "build"));
        var run = Ok(_fixture.Dotnet(folder, "run --no-build"));
        Assert.Contains("Mark Rutte (mark-rutte) in Bratislava on 2025-02-20", run);
        Assert.Contains("\"held\":\"2025-02-20\"", run);
        Assert.False(File.Exists(Path.Combine(folder, "obj", "generated")), "generated files are written only when asked");

        // Edit a schema: add a property and use it.
        var venue = Path.Combine(folder, "Schemas", "venue.schema.json");
        File.WriteAllText(venue, File.ReadAllText(venue).Replace("\"city\": { \"type\": \"string\" }", "\"city\": { \"type\": \"string\" }, \"room\": { \"type\": \"string\" }"));
        File.WriteAllText(Path.Combine(folder, "Program.cs"), """
            using App;
            var venue = Venue.Deserialize("{\"city\":\"Brussels\",\"room\":\"Press room 1\"}");
            System.Console.WriteLine($"room: {venue.Room}");
            """);
        Ok(_fixture.Dotnet(folder, "build"));
        Assert.Contains("room: Press room 1", Ok(_fixture.Dotnet(folder, "run --no-build")));
    }

    [Fact]
    public void ExplicitItemsWithoutAutoInclude()
    {
        var folder = NewProject("Explicit", """
            <PropertyGroup>
              <FactSchemaAutoInclude>false</FactSchemaAutoInclude>
              <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
            </PropertyGroup>
            <ItemGroup>
              <FactSchema Include="contracts/thing.json" Namespace="Contracts" TypeName="Thing" />
            </ItemGroup>
            """);
        Directory.CreateDirectory(Path.Combine(folder, "contracts"));
        File.WriteAllText(Path.Combine(folder, "contracts", "thing.json"), """{ "type": "object", "properties": { "label": { "type": "string" } } }""");
        File.WriteAllText(Path.Combine(folder, "stray.schema.json"), """{ "title": "Stray", "type": "object", "properties": { "x": { "type": "string" } } }""");
        File.WriteAllText(Path.Combine(folder, "Program.cs"), """System.Console.WriteLine(Contracts.Thing.Deserialize("{\"label\":\"ok\"}").Label);""");

        Ok(_fixture.Dotnet(folder, "build"));
        Assert.Contains("ok", Ok(_fixture.Dotnet(folder, "run --no-build")));
        var generated = GeneratedFiles(folder);
        Assert.Contains("contracts.thing.json.g.cs", generated);
        Assert.DoesNotContain(generated, f => f.Contains("stray", StringComparison.Ordinal));
    }

    [Fact]
    public void TwoSchemasWithTheSameFileNameInDifferentFolders()
    {
        var folder = NewProject("SameName", """
            <PropertyGroup>
              <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
            </PropertyGroup>
            """);
        foreach (var (dir, title) in new[] { ("europe", "European event"), ("americas", "American event") })
        {
            Directory.CreateDirectory(Path.Combine(folder, dir));
            File.WriteAllText(Path.Combine(folder, dir, "event.schema.json"), $$"""{ "title": "{{title}}", "type": "object", "properties": { "name": { "type": "string" } } }""");
        }

        File.WriteAllText(Path.Combine(folder, "Program.cs"), """System.Console.WriteLine(new SameName.EuropeanEvent { Name = "a" }.Name + new SameName.AmericanEvent { Name = "b" }.Name);""");
        Ok(_fixture.Dotnet(folder, "build"));
        Assert.Contains("ab", Ok(_fixture.Dotnet(folder, "run --no-build")));
        var generated = GeneratedFiles(folder);
        Assert.Contains("europe.event.schema.json.g.cs", generated);
        Assert.Contains("americas.event.schema.json.g.cs", generated);
    }

    [Fact]
    public void ABrokenSchemaFailsTheBuildWithALocatedError()
    {
        var folder = NewProject("Broken", string.Empty);
        File.WriteAllText(Path.Combine(folder, "broken.schema.json"), "{\n  \"title\": \"Broken\",\n  \"type\": \"object\",\n  \"properties\": {\n}\n");
        File.WriteAllText(Path.Combine(folder, "good.schema.json"), """{ "title": "Good", "type": "object", "properties": { "x": { "type": "string" } } }""");
        File.WriteAllText(Path.Combine(folder, "Program.cs"), """System.Console.WriteLine(new Broken.Good { X = "still generated" }.X);""");

        var build = _fixture.Dotnet(folder, "build");
        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("broken.schema.json(6,1): error FS0001", build.Output);
        Assert.Contains("The schema file 'broken.schema.json' is not valid JSON", build.Output);
        Assert.DoesNotContain("CS8785", build.Output);
        Assert.DoesNotContain("error CS", build.Output);
    }

    [Fact]
    public void ABaselineFolderChecksSchemaChangesInTheBuild()
    {
        const string baseline = "{\n  \"title\": \"Pledge\",\n  \"type\": \"object\",\n  \"properties\": {\n    \"status\": { \"enum\": [\"made\", \"kept\", \"broken\"] }\n  }\n}\n";
        const string current = "{\n  \"title\": \"Pledge\",\n  \"type\": \"object\",\n  \"properties\": {\n    \"status\": { \"enum\": [\"made\", \"kept\"] }\n  }\n}\n";
        string Project(string name, string properties)
        {
            var folder = NewProject(name, "<PropertyGroup><FactSchemaBaseline>baseline/v1</FactSchemaBaseline>" + properties + "</PropertyGroup>");
            Directory.CreateDirectory(Path.Combine(folder, "baseline", "v1"));
            File.WriteAllText(Path.Combine(folder, "baseline", "v1", "pledge.schema.json"), baseline);
            File.WriteAllText(Path.Combine(folder, "pledge.schema.json"), current);
            File.WriteAllText(Path.Combine(folder, "Program.cs"), "System.Console.WriteLine(" + name + ".Pledge.Deserialize(\"{\\\"status\\\":\\\"kept\\\"}\").Status);");
            return folder;
        }

        // Warnings by default (kept as warnings here so that the build goes on), at the new file's line and column.
        var warned = Project("EvolutionWarn", "<WarningsNotAsErrors>FS1012;FS1038</WarningsNotAsErrors>");
        var output = Ok(_fixture.Dotnet(warned, "build"));
        Assert.Contains("pledge.schema.json(5,17): warning FS1012", output);
        Assert.Contains("baseline: pledge.schema.json:5:17", output);
        Assert.Contains("Kept", Ok(_fixture.Dotnet(warned, "run --no-build")));

        // Errors when the policy asks: the build fails naming the file.
        var strict = Project("EvolutionStrict", "<FactSchemaCompatibility>FULL</FactSchemaCompatibility><FactSchemaCompatibilityErrors>true</FactSchemaCompatibilityErrors>");
        var failed = _fixture.Dotnet(strict, "build");
        Assert.NotEqual(0, failed.ExitCode);
        Assert.Contains("pledge.schema.json(5,17): error FS1012", failed.Output);

        // A rule is silenced by its id.
        var silenced = Project("EvolutionNoWarn", "<FactSchemaCompatibilityErrors>true</FactSchemaCompatibilityErrors><NoWarn>$(NoWarn);FS1012;FS1038</NoWarn>");
        Ok(_fixture.Dotnet(silenced, "build"));
    }

    [Fact]
    public void AnEarlierPackageOfTheProjectIsTheBaseline()
    {
        const string v1 = "{\n  \"title\": \"Pledge\",\n  \"type\": \"object\",\n  \"properties\": {\n    \"status\": { \"enum\": [\"made\", \"kept\", \"broken\"] }\n  }\n}\n";
        const string v2 = "{\n  \"title\": \"Pledge\",\n  \"type\": \"object\",\n  \"properties\": {\n    \"status\": { \"enum\": [\"made\", \"kept\"] }\n  }\n}\n";

        // A library that uses central package management, as most solutions do; its package carries its schemas.
        var folder = _fixture.NewProjectFolder("BaselineContracts");
        File.WriteAllText(Path.Combine(folder, "Directory.Packages.props"), $"""
            <Project>
              <PropertyGroup><ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally></PropertyGroup>
              <ItemGroup><PackageVersion Include="FactSchema" Version="{PackageFixture.PackageVersion}" /></ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(folder, "BaselineContracts.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <WarningsNotAsErrors>FS1012;FS1038;FS1042</WarningsNotAsErrors>
              </PropertyGroup>
              <ItemGroup><PackageReference Include="FactSchema" /></ItemGroup>
            </Project>
            """);
        Directory.CreateDirectory(Path.Combine(folder, "Schemas"));
        var schema = Path.Combine(folder, "Schemas", "pledge.schema.json");
        File.WriteAllText(schema, v1);
        Ok(_fixture.Dotnet(folder, $"pack -p:Version=1.0.0 -o \"{_fixture.Feed}\""));
        Ok(_fixture.Dotnet(folder, $"pack -p:Version=0.9.0 -p:FactSchemaPackSchemas=false -o \"{_fixture.Feed}\""));
        using (var package = System.IO.Compression.ZipFile.OpenRead(Path.Combine(_fixture.Feed, "BaselineContracts.1.0.0.nupkg")))
        {
            Assert.Contains("schemas/Schemas/pledge.schema.json", package.Entries.Select(e => e.FullName));
        }

        // Version 2 drops a status value: the build compares it with package 1.0.0, restored for the purpose.
        File.WriteAllText(schema, v2);
        var output = Ok(_fixture.Dotnet(folder, "build -p:FactSchemaBaselinePackage=1.0.0"));
        Assert.Contains(Path.Combine("Schemas", "pledge.schema.json") + "(5,17): warning FS1012", output);
        Assert.Contains("baseline: Schemas/pledge.schema.json:5:17", output);

        // A baseline package without schemas says so instead of passing in silence.
        var empty = Ok(_fixture.Dotnet(folder, "build -p:FactSchemaBaselinePackage=0.9.0"));
        Assert.Contains("warning FS1042", empty);
        Assert.Contains("BaselineContracts 0.9.0 has no schemas/ folder", empty);
    }

    private string NewProject(string name, string extra)
    {
        var folder = _fixture.NewProjectFolder(name);
        File.WriteAllText(Path.Combine(folder, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="FactSchema" Version="{PackageFixture.PackageVersion}" />
              </ItemGroup>
              {extra}
            </Project>
            """);
        return folder;
    }

    private static List<string> GeneratedFiles(string folder)
        => Directory.GetFiles(Path.Combine(folder, "obj"), "*.g.cs", SearchOption.AllDirectories).Select(Path.GetFileName).ToList()!;

    private static string Ok((int ExitCode, string Output) result)
    {
        Assert.True(result.ExitCode == 0, result.Output);
        return result.Output;
    }
}
