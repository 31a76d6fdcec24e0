using System.IO;
using System.Runtime.Loader;
using System.Text.Json;
using FactSchema.Generators.Bundling;
using FactSchema.Generators.Configuration;
using FactSchema.Generators.Mapping;
using FactSchema.Generators.Tests.TestSupport;
using FactSchema.Validation;
using Microsoft.CodeAnalysis;

namespace FactSchema.Generators.Tests;

/// <summary>
/// A bundle is one self-contained schema that means what the files meant: checked by compiling the validators of the
/// original files and of the bundle alone, and comparing their verdicts on the same documents.
/// </summary>
public sealed class BundleTests
{
    [Fact]
    public void ReferencesAcrossFilesByIdAnchorAndEmbeddedIdBecomeLocalPointers()
    {
        const string main = """
            {
              "$id": "https://example.com/main.json",
              "type": "object",
              "properties": {
                "a": { "$ref": "item.json#/$defs/positive" },
                "b": { "$ref": "item.json#named" },
                "c": { "$ref": "#/$defs/local" }
              },
              "$defs": {
                "local": { "$id": "nested/inner.json", "type": "array", "items": { "$ref": "../item.json#/$defs/positive" } }
              }
            }
            """;
        const string item = """
            { "$id": "https://example.com/item.json", "$defs": { "positive": { "type": "integer", "minimum": 1 }, "n": { "$anchor": "named", "type": "string", "maxLength": 3 } } }
            """;

        var bundle = AssertSameVerdicts(
            new[] { ("main.schema.json", main), ("item.schema.json", item) },
            ("""{"a":1,"b":"abc","c":[1,2]}""", true),
            ("""{"a":0}""", false),
            ("""{"b":"abcd"}""", false),
            ("""{"c":[1,0]}""", false),
            ("""{"c":"x"}""", false));

        using var document = JsonDocument.Parse(bundle.Json);
        var root = document.RootElement;
        Assert.Equal(SchemaBundler.Dialect, root.GetProperty("$schema").GetString());
        Assert.Equal("#/$defs/item/$defs/positive", root.GetProperty("properties").GetProperty("a").GetProperty("$ref").GetString());
        Assert.Equal("#/$defs/item/$defs/n", root.GetProperty("properties").GetProperty("b").GetProperty("$ref").GetString());
        Assert.Equal("#/$defs/item/$defs/positive", root.GetProperty("$defs").GetProperty("local").GetProperty("items").GetProperty("$ref").GetString());
        Assert.False(root.GetProperty("$defs").GetProperty("local").TryGetProperty("$id", out _), "an embedded $id would change what the local pointers mean");
        Assert.Empty(bundle.Notes);
    }

    [Fact]
    public void OlderDraftsAreWrittenInTheirDraft202012Form()
    {
        const string tuple = """
            {
              "$schema": "http://json-schema.org/draft-07/schema#",
              "definitions": { "s": { "type": "string" } },
              "type": "array",
              "items": [ { "$ref": "#/definitions/s" }, { "type": "integer" } ],
              "additionalItems": false
            }
            """;
        var bundle = AssertSameVerdicts(
            new[] { ("tuple.schema.json", tuple) },
            ("""["x",1]""", true),
            ("""["x"]""", true),
            ("""["x",1,2]""", false),
            ("""[1]""", false));
        using (var document = JsonDocument.Parse(bundle.Json))
        {
            var root = document.RootElement;
            Assert.Equal("#/$defs/s", root.GetProperty("prefixItems")[0].GetProperty("$ref").GetString());
            Assert.Equal(JsonValueKind.False, root.GetProperty("items").ValueKind);
            Assert.False(root.TryGetProperty("definitions", out _));
        }

        const string dependencies = """
            {
              "$schema": "http://json-schema.org/draft-07/schema#",
              "type": "object",
              "dependencies": { "a": ["b"], "c": { "required": ["d"] } }
            }
            """;
        AssertSameVerdicts(
            new[] { ("dependencies.schema.json", dependencies) },
            ("""{"a":1,"b":2}""", true),
            ("""{"a":1}""", false),
            ("""{"c":1}""", false),
            ("""{"c":1,"d":2}""", true),
            ("""{}""", true));

        const string draft4 = """
            { "$schema": "http://json-schema.org/draft-04/schema#", "id": "https://example.com/d4.json", "type": "integer", "maximum": 10, "exclusiveMaximum": true }
            """;
        AssertSameVerdicts(new[] { ("d4.schema.json", draft4) }, ("9", true), ("10", false));
    }

    [Fact]
    public void RecursiveAndMutuallyRecursiveSchemasBundle()
    {
        const string tree = """
            { "type": "object", "properties": { "name": { "type": "string" }, "children": { "type": "array", "items": { "$ref": "#" } } }, "required": ["name"] }
            """;
        var bundle = AssertSameVerdicts(
            new[] { ("tree.schema.json", tree) },
            ("""{"name":"a","children":[{"name":"b","children":[]}]}""", true),
            ("""{"name":"a","children":[{"children":[]}]}""", false));
        Assert.Contains("\"$ref\": \"#\"", bundle.Json, StringComparison.Ordinal);

        const string a = """{ "type": "object", "properties": { "b": { "$ref": "b.schema.json" }, "n": { "type": "integer" } } }""";
        const string b = """{ "type": "object", "properties": { "a": { "$ref": "a.schema.json" } }, "additionalProperties": false }""";
        var mutual = AssertSameVerdicts(
            new[] { ("a.schema.json", a), ("b.schema.json", b) },
            ("""{"b":{"a":{"n":1,"b":{}}}}""", true),
            ("""{"b":{"a":{"n":"x"}}}""", false),
            ("""{"b":{"x":1}}""", false));
        using var document = JsonDocument.Parse(mutual.Json);
        Assert.Equal("#/$defs/b", document.RootElement.GetProperty("properties").GetProperty("b").GetProperty("$ref").GetString());
        Assert.Equal("#", document.RootElement.GetProperty("$defs").GetProperty("b").GetProperty("properties").GetProperty("a").GetProperty("$ref").GetString());
    }

    [Fact]
    public void KeysThatNeedEscapingSurviveTheRewrite()
    {
        const string odd = """
            { "type": "object", "properties": { "x": { "$ref": "#/$defs/a~1b%25c d" } }, "$defs": { "a/b%c d": { "type": "boolean" } } }
            """;
        var bundle = AssertSameVerdicts(new[] { ("odd.schema.json", odd) }, ("""{"x":true}""", true), ("""{"x":1}""", false));
        Assert.Contains("#/$defs/a~1b%25c%20d", bundle.Json, StringComparison.Ordinal);
    }

    [Fact]
    public void TheNewsVocabularyBundlesIntoOneSchemaThatAcceptsTheSampleFacts()
    {
        var folder = Path.Combine(RepoPaths.Root, "src", "FactSchema", "Schemas");
        var files = Directory.GetFiles(folder, "*.schema.json").OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f), File.ReadAllText(f)))
            .OrderBy(f => f.Item1 == "fact-set.schema.json" ? 0 : 1)
            .ToArray();
        var facts = File.ReadAllText(Path.Combine(RepoPaths.Root, "samples", "NewsFacts", "facts.json"));
        var bundle = AssertSameVerdicts(
            files,
            (facts, true),
            (facts.Replace("\"currency\": \"EUR\"", "\"currency\": \"eur\"", StringComparison.Ordinal), false),
            ("""{"schemaVersion":"1.0"}""", false));

        using var document = JsonDocument.Parse(bundle.Json);
        var references = new List<string>();
        CollectReferences(document.RootElement, references);
        Assert.NotEmpty(references);
        Assert.All(references, r => Assert.StartsWith("#", r, StringComparison.Ordinal));
        foreach (var name in new[] { "actor", "pledge", "quote", "source", "statement", "evidence" })
        {
            Assert.True(document.RootElement.GetProperty("$defs").TryGetProperty(name, out _), name + " is embedded");
        }
    }

    private static void CollectReferences(JsonElement element, List<string> into)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var member in element.EnumerateObject())
            {
                if (member.Name == "$ref" && member.Value.ValueKind == JsonValueKind.String)
                {
                    into.Add(member.Value.GetString()!);
                }
                else
                {
                    CollectReferences(member.Value, into);
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                CollectReferences(item, into);
            }
        }
    }

    /// <summary>Bundles the first file; the original files' validator and the bundle's agree with each other and with the expected verdicts.</summary>
    private static BundleResult AssertSameVerdicts((string Name, string Text)[] files, params (string Json, bool Valid)[] documents)
    {
        var documentsRead = files
            .Select(f => SchemaDocumentReader.Read(new SchemaFileInput(GeneratorHarness.FullPath("schemas/" + f.Name), "schemas/" + f.Name, "Original", null, f.Text), default))
            .ToList();
        var set = TypeNamer.Build(documentsRead, default);
        var bundle = SchemaBundler.Bundle(set, set.DocumentFor(documentsRead[0].FilePath)!, default);

        var original = Compile("Original", files.Select((f, i) => new SchemaInput("schemas/" + f.Name, f.Text, "Original", i == 0 ? "Root" : null)).ToArray());
        var bundled = Compile("Bundled", new SchemaInput("bundle/root.schema.json", bundle.Json, "Bundled", "Root"));
        foreach (var (json, valid) in documents)
        {
            Assert.True(valid == original(json), $"the original files say {(valid ? "invalid" : "valid")} to {json}");
            Assert.True(valid == bundled(json), $"the bundle says {(valid ? "invalid" : "valid")} to {Shorten(json)}\n{bundle.Json}");
        }

        return bundle;
    }

    private static string Shorten(string json) => json.Length > 200 ? json.Substring(0, 200) + "…" : json;

    private static Func<string, bool> Compile(string ns, params SchemaInput[] inputs)
    {
        var run = GeneratorHarness.Run(inputs, csharpSources: null, options: GeneratorHarness.StrictOptions.WithGeneralDiagnosticOption(ReportDiagnostic.Default));
        using var stream = new MemoryStream();
        var emitted = run.OutputCompilation.Emit(stream);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5)));
        stream.Position = 0;
        var assembly = new AssemblyLoadContext("bundle-" + ns, isCollectible: true).LoadFromStream(stream);
        var type = assembly.GetType(ns + ".RootSchema") ?? throw new InvalidOperationException("no " + ns + ".RootSchema in " + string.Join(", ", assembly.GetTypes().Select(t => t.FullName)));
        var validate = type.GetMethod("ValidateJson", new[] { typeof(string) })!;
        return json => ((ValidationResult)validate.Invoke(null, new object[] { json })!).IsValid;
    }
}
