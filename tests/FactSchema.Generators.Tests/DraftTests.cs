using FactSchema.Generators.Json;
using FactSchema.Generators.Schema;
using System.Threading;
using FactSchema.Generators.Tests.TestSupport;

namespace FactSchema.Generators.Tests;

/// <summary>Older drafts are read as their authors meant: the normaliser's rewrites, and code that compiles.</summary>
public sealed class DraftTests
{
    private static JsonNode Normalized(string json, SchemaDialect fallback = SchemaDialect.Draft202012)
        => DraftNormalizer.Normalize(JsonTextParser.Parse(json).Root!, fallback);

    [Fact]
    public void DraftFourIdAndBooleanExclusiveBoundsBecomeTheirLaterForms()
    {
        var root = Normalized("""{"$schema":"http://json-schema.org/draft-04/schema#","id":"https://example.org/a.json","properties":{"n":{"minimum":1,"exclusiveMinimum":true,"maximum":5,"exclusiveMaximum":false}}}""");
        Assert.Equal("https://example.org/a.json", root["$id"]!.Text);
        Assert.Null(root["id"]);
        var n = root["properties"]!["n"]!;
        Assert.Equal("1", n["exclusiveMinimum"]!.Text);
        Assert.Null(n["minimum"]);
        Assert.Equal("5", n["maximum"]!.Text);
        Assert.Null(n["exclusiveMaximum"]);
    }

    [Fact]
    public void UpToDraftSevenKeywordsBesideRefAreIgnoredButAnnotationsAndDefinitionsStay()
    {
        var root = Normalized("""{"$schema":"http://json-schema.org/draft-07/schema#","properties":{"a":{"$ref":"#/definitions/x","type":"string","maxLength":2,"description":"kept","definitions":{"y":{"type":"integer"}}}},"definitions":{"x":{}}}""");
        var a = root["properties"]!["a"]!;
        Assert.Equal(new[] { "$ref", "description", "definitions" }, a.Members.Select(m => m.Name));
    }

    [Fact]
    public void ADocumentsRootIdBesideItsRootRefStaysAndNamesTheDocument()
    {
        // SchemaStore: schema-org-action.json is {"$id": ".../schema-org-action.json", "$ref": "schema-org-thing.json", ...}.
        var root = Normalized("""{"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://example.org/action.json","$ref":"thing.json","type":"object","definitions":{"d":{"$id":"https://example.org/d.json","$ref":"#/definitions/e"},"e":{}}}""");
        Assert.Equal(new[] { "$schema", "$id", "$ref", "definitions" }, root.Members.Select(m => m.Name));
        Assert.Equal(new[] { "$ref" }, root["definitions"]!["d"]!.Members.Select(m => m.Name));
    }

    [Fact]
    public void ARelativeRefBesideARootIdResolvesToTheSchemaPublishedThere()
    {
        var run = GeneratorHarness.Run(
            new SchemaInput("action.schema.json", """{"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://example.org/schemas/action.json","$ref":"thing.json","title":"Action"}"""),
            new SchemaInput("thing.schema.json", """{"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://example.org/schemas/thing.json","type":"object","properties":{"name":{"type":"string"}}}"""));
        Assert.Empty(run.GeneratorDiagnostics.Select(GeneratorHarness.Describe));
        Assert.Empty(run.CompilationDiagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void ARefInsideAnEmbeddedResourceResolvesAgainstThatResourceForTypesAndValidatorsAlike()
    {
        // "#/$defs/count" written inside the resource "inner.json" means inner.json's own $defs, not the file's: the type
        // mapping and the validators resolve it against the same base (the type mapping used the file's, and failed).
        var run = GeneratorHarness.Run(new SchemaInput("outer.schema.json", """
            {"$id": "https://example.org/outer.json", "title": "Outer", "type": "object",
             "properties": {"inner": {"$ref": "inner.json"}},
             "$defs": {
               "count": {"type": "string"},
               "inner": {"$id": "inner.json", "title": "Inner", "type": "object",
                         "properties": {"count": {"$ref": "#/$defs/count"}},
                         "$defs": {"count": {"type": "integer", "minimum": 1}}}}}
            """));
        Assert.Empty(run.GeneratorDiagnostics.Select(GeneratorHarness.Describe));
        Assert.Empty(run.CompilationDiagnostics.Select(d => d.ToString()));
        var source = run.Sources["outer.schema.json.g.cs"];
        Assert.Contains("public long? Count { get; init; }", source, StringComparison.Ordinal);
    }

    [Fact]
    public void InDraftTwentyTwentyKeywordsBesideRefApply()
    {
        var json = """{"properties":{"a":{"$ref":"#/$defs/x","maxLength":2}},"$defs":{"x":{}}}""";
        Assert.NotNull(Normalized(json)["properties"]!["a"]!["maxLength"]);
        Assert.Null(Normalized(json, SchemaDialect.Draft07)["properties"]!["a"]!["maxLength"]);
    }

    [Fact]
    public void PlainNameFragmentIdsBecomeAnchorsUpToDraftSeven()
    {
        var root = Normalized("""{"$schema":"http://json-schema.org/draft-07/schema#","definitions":{"a":{"$id":"#foo"},"b":{"$id":"other.json#bar"}}}""");
        Assert.Equal("foo", root["definitions"]!["a"]!["$anchor"]!.Text);
        Assert.Null(root["definitions"]!["a"]!["$id"]);
        Assert.Equal("other.json", root["definitions"]!["b"]!["$id"]!.Text);
        Assert.Equal("bar", root["definitions"]!["b"]!["$anchor"]!.Text);
    }

    [Theory]
    [InlineData("http://json-schema.org/draft-04/schema#", 4)]
    [InlineData("http://json-schema.org/draft-07/schema", 7)]
    [InlineData("https://json-schema.org/draft/2019-09/schema", 2019)]
    [InlineData("draft-06", 6)]
    [InlineData("2020-12", 2020)]
    [InlineData("https://docs.renovatebot.com/renovate-schema.json", null)]
    public void DialectsAreNamedByTheirMetaSchemas(string value, int? expected) => Assert.Equal(expected, (int?)DraftNormalizer.DialectOf(value));

    [Theory]
    [InlineData("http://json-schema.org/draft-04/schema#")]
    [InlineData("http://json-schema.org/draft-06/schema#")]
    [InlineData("http://json-schema.org/draft-07/schema#")]
    [InlineData("https://json-schema.org/draft/2020-12/schema")]
    [InlineData("https://json-schema.org/draft/2020-12/meta/validation")]
    public void ARefToAStandardMetaSchemaResolvesWithoutAFileOfTheProject(string metaSchema)
    {
        var run = GeneratorHarness.Run(new SchemaInput("holder.schema.json", """{"type":"object","properties":{"schema":{"$ref":""" + JsonText.Quote(metaSchema) + """},"name":{"type":"string"}}}"""));
        Assert.Empty(run.GeneratorDiagnostics.Select(GeneratorHarness.Describe));
        Assert.Empty(run.CompilationDiagnostics.Select(d => d.ToString()));
        Assert.Contains("JsonElement? Schema", run.Sources["holder.schema.json.g.cs"]);
    }

    [Fact]
    public void AOneElementTupleIsRawJsonWithAWarningNotBrokenCode()
    {
        var run = GeneratorHarness.Run(new SchemaInput("one.schema.json", """{"type":"object","properties":{"t":{"type":"array","prefixItems":[{"type":"string"}],"items":false,"minItems":1}}}"""));
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "FS0007");
        Assert.Empty(run.CompilationDiagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void ADraftFourSchemaCompiles()
    {
        var run = GeneratorHarness.Run(new SchemaInput("old.schema.json", """{"$schema":"http://json-schema.org/draft-04/schema#","id":"https://example.org/old.json","type":"object","properties":{"n":{"type":"number","minimum":0,"exclusiveMinimum":true},"r":{"$ref":"#/definitions/r","type":"integer"}},"definitions":{"r":{"type":"string"}}}"""));
        Assert.Empty(run.GeneratorDiagnostics.Select(GeneratorHarness.Describe));
        Assert.Empty(run.CompilationDiagnostics.Select(d => d.ToString()));
    }
}

/// <summary><c>$vocabulary</c>: a schema is read with the vocabularies its meta-schema lists.</summary>
public sealed class VocabularyTests
{
    private const string Core = "\"https://json-schema.org/draft/2020-12/vocab/core\": true";
    private const string Applicator = "\"https://json-schema.org/draft/2020-12/vocab/applicator\": true";

    private static string MetaSchema(params string[] vocabularies)
        => "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"$id\":\"https://example.org/meta.json\",\"$vocabulary\":{" + string.Join(",", vocabularies) + "}}";

    private static SchemaDocument Read(string path, string text)
        => FactSchema.Generators.Configuration.SchemaDocumentReader.Read(new FactSchema.Generators.Configuration.SchemaFileInput("/p/" + path, path, "N", null, text), CancellationToken.None);

    private static SchemaDocument Applied(string metaSchema, string schema)
    {
        var documents = Vocabularies.Apply(new[] { Read("meta.json", metaSchema), Read("a.schema.json", schema) }, CancellationToken.None);
        return documents.Single(d => d.RelativePath == "a.schema.json");
    }

    [Fact]
    public void KeywordsOfAVocabularyTheMetaSchemaLeavesOutAreDropped()
    {
        var document = Applied(
            MetaSchema(Core, Applicator),
            """{"$schema":"https://example.org/meta.json","title":"A","properties":{"n":{"type":"integer","minimum":10,"description":"kept"}},"required":["n"]}""");
        var n = document.Json!["properties"]!["n"]!;
        Assert.Equal(new[] { "description" }, n.Members.Select(m => m.Name));
        Assert.Null(document.Json["required"]);
        Assert.Equal("A", document.Json["title"]!.Text);
        Assert.Null(document.Root!.Properties!.Single().Schema.Types);
    }

    [Fact]
    public void AMetaSchemaWithEveryVocabularyChangesNothing()
    {
        var schema = Read("a.schema.json", """{"$schema":"https://example.org/meta.json","properties":{"n":{"minimum":10}}}""");
        var meta = Read("meta.json", MetaSchema(Core, Applicator, "\"https://json-schema.org/draft/2020-12/vocab/validation\": true", "\"https://json-schema.org/draft/2020-12/vocab/format-annotation\": true", "\"https://json-schema.org/draft/2020-12/vocab/unevaluated\": true", "\"https://json-schema.org/draft/2020-12/vocab/content\": true"));
        Assert.Same(schema, Vocabularies.Apply(new[] { meta, schema }, CancellationToken.None)[1]);
    }

    [Fact]
    public void TheFormatAssertionVocabularyMakesFormatsAssertions()
    {
        var document = Applied(
            MetaSchema(Core, Applicator, "\"https://json-schema.org/draft/2020-12/vocab/validation\": true", "\"https://json-schema.org/draft/2020-12/vocab/format-assertion\": true"),
            """{"$schema":"https://example.org/meta.json","type":"string","format":"date"}""");
        Assert.True(document.FormatAssertion);
        Assert.Equal("date", document.Json!["format"]!.Text);
    }

    [Fact]
    public void ARequiredVocabularyFactSchemaDoesNotKnowIsALocatedError()
    {
        var run = GeneratorHarness.Run(
            new SchemaInput("meta.schema.json", MetaSchema(Core, Applicator, "\"https://example.org/vocab/mine\": true", "\"https://example.org/vocab/optional\": false")),
            new SchemaInput("a.schema.json", """{"$schema":"https://example.org/meta.json","type":"object"}"""));
        var error = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "FS0017");
        Assert.Contains("https://example.org/vocab/mine", error.GetMessage(), StringComparison.Ordinal);
        Assert.EndsWith("a.schema.json", error.Location.GetLineSpan().Path, StringComparison.Ordinal);
        Assert.Equal(0, error.Location.GetLineSpan().StartLinePosition.Line);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.GetMessage().Contains("optional", StringComparison.Ordinal));
    }
}
