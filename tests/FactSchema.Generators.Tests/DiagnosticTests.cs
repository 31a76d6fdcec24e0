using FactSchema.Generators.Tests.TestSupport;
using Microsoft.CodeAnalysis;

namespace FactSchema.Generators.Tests;

/// <summary>Bad schemas get an FS diagnostic at the right file, line and column, and the other schemas still build.</summary>
public sealed class DiagnosticTests
{
    private const string Good = """
        {
          "title": "Good",
          "type": "object",
          "properties": { "name": { "type": "string" } }
        }
        """;

    [Fact]
    public void InvalidJsonIsReportedAtItsLineAndColumn()
    {
        const string broken = "{\n  \"title\": \"Broken\",\n  \"type\": \"object\",\n  \"properties\": { \"a\": { \"type\": \"string\" } \n}\n";
        var run = GeneratorHarness.Run(new SchemaInput("broken.schema.json", broken), new SchemaInput("good.schema.json", Good));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("FS0001", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        AssertAt(diagnostic, "broken.schema.json", line: 6, column: 1);
        Assert.Contains("broken.schema.json", diagnostic.GetMessage());
        Assert.Contains("good.schema.json.g.cs", run.Sources.Keys);
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Theory]
    [InlineData("", "FS0001", 1, 1)]
    [InlineData("\uFEFF", "FS0001", 1, 2)]
    [InlineData("[1, 2]", "FS0002", 1, 1)]
    [InlineData("\"just a string\"", "FS0002", 1, 1)]
    [InlineData("{ \"title\": \"T\", \"required\": \"id\" }", "FS0003", 1, 29)]
    [InlineData("{ \"type\": \"text\" }", "FS0003", 1, 11)]
    [InlineData("{ \"title\": 1 }", "FS0003", 1, 12)]
    [InlineData("{ \"properties\": { \"a\": 1 } }", "FS0003", 1, 24)]
    [InlineData("{\"a\": 1,}", "FS0001", 1, 9)]
    [InlineData("{\"a\": \"unterminated}", "FS0001", 1, 7)]
    public void MalformedSchemasAreLocated(string text, string id, int line, int column)
    {
        var run = GeneratorHarness.Run(new SchemaInput("bad.schema.json", text), new SchemaInput("good.schema.json", Good));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == id);
        AssertAt(diagnostic, "bad.schema.json", line, column);
        Assert.Contains("good.schema.json.g.cs", run.Sources.Keys);
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Fact]
    public void InvalidPatternsAreReportedAtTheirLocation()
    {
        const string schema = """
            {
              "title": "Tagged",
              "type": "object",
              "properties": {
                "tag": { "type": "string", "pattern": "[a-z" },
                "extra": { "type": "object", "patternProperties": { "(unclosed": true } }
              }
            }
            """;
        var run = GeneratorHarness.Run(new SchemaInput("tagged.schema.json", schema));

        var diagnostics = run.GeneratorDiagnostics.Where(d => d.Id == "FS0014").OrderBy(d => d.Location.GetLineSpan().StartLinePosition.Line).ToList();
        Assert.Equal(2, diagnostics.Count);
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.DefaultSeverity));
        AssertAt(diagnostics[0], "tagged.schema.json", line: 5, column: 43);
        AssertAt(diagnostics[1], "tagged.schema.json", line: 6, column: 57);
        Assert.Contains("[a-z", diagnostics[0].GetMessage());
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Fact]
    public void OverlappingUnionBranchesAreReportedAtTheUnion()
    {
        const string schema = """
            {
              "title": "Contact",
              "type": "object",
              "properties": {
                "handle": { "oneOf": [{ "type": "string", "maxLength": 20 }, { "type": "string", "pattern": "@" }] },
                "apart": { "oneOf": [{ "type": "string" }, { "type": "integer" }, { "type": "object", "properties": { "a": { "type": "string" } }, "required": ["a"], "additionalProperties": false }, { "type": "object", "properties": { "b": { "type": "string" } }, "required": ["b"], "additionalProperties": false }] },
                "tagged": { "oneOf": [{ "type": "object", "properties": { "kind": { "const": "x" } }, "required": ["kind"] }, { "type": "object", "properties": { "kind": { "const": "y" } }, "required": ["kind"] }] }
              }
            }
            """;
        var run = GeneratorHarness.Run(new SchemaInput("contact.schema.json", schema));

        // Only the first union: the second is kept apart by types and closed objects, the third by a discriminator.
        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "FS0015");
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.DefaultSeverity);
        AssertAt(diagnostic, "contact.schema.json", line: 5, column: 15);
        Assert.Contains("Branches 1 and 2 of this oneOf", diagnostic.GetMessage());
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Fact]
    public void ADefinitionThatIsNotASchemaIsAWarningAndARefToItIsUnresolved()
    {
        // partial-cibuildwheel (SchemaStore): a draft-07 generator wrote "$defs": {"description": "..."}.
        const string schema = """{"$schema":"http://json-schema.org/draft-07/schema#","title":"H","type":"object","properties":{"a":{"$ref":"#/$defs/d"},"b":{"$ref":"#/$defs/e"}},"$defs":{"d":"text","e":{"type":"string"}},"definitions":5}""";
        var run = GeneratorHarness.Run(new SchemaInput("h.schema.json", schema));
        var ignored = run.GeneratorDiagnostics.Where(d => d.Id == "FS0019").ToList();
        Assert.Equal(2, ignored.Count);
        Assert.All(ignored, d => Assert.Equal(DiagnosticSeverity.Warning, d.DefaultSeverity));
        Assert.Contains("'$defs/d'", ignored[0].GetMessage() + ignored[1].GetMessage());
        var unresolved = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "FS0004");
        Assert.Contains("#/$defs/d", unresolved.GetMessage());
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "FS0003");
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Fact]
    public void OverlappingAnyOfBranchesAreInformationNotAWarning()
    {
        const string schema = """{"title":"When","anyOf":[{"type":"string","format":"date"},{"type":"string"}]}""";
        var run = GeneratorHarness.Run(new SchemaInput("when.schema.json", schema));
        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("FS0018", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Info, diagnostic.DefaultSeverity);
        Assert.Contains("Branches 1 and 2 of this anyOf", diagnostic.GetMessage());
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Fact]
    public void DisagreeingAllOfBranchesAreReportedAtTheProperty()
    {
        const string schema = """
            {
              "title": "Signed",
              "allOf": [
                { "type": "object", "properties": { "amount": { "type": "string" }, "note": { "type": "string" } } },
                { "type": "object", "properties": { "amount": { "type": "integer" }, "note": { "description": "says nothing about the type" } } }
              ]
            }
            """;
        var run = GeneratorHarness.Run(new SchemaInput("signed.schema.json", schema));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "FS0016");
        AssertAt(diagnostic, "signed.schema.json", line: 5, column: 41);
        Assert.Contains("the property 'amount' is a string in one branch and an integer in another", diagnostic.GetMessage());
        var source = run.Sources["signed.schema.json.g.cs"];
        Assert.Contains("public global::System.Text.Json.JsonElement? Amount", source);
        Assert.Contains("public string? Note", source);
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Fact]
    public void UnresolvedReferenceIsReportedAtTheRef()
    {
        const string schema = """
            {
              "title": "Quote",
              "type": "object",
              "properties": {
                "speaker": { "$ref": "actor.schema.json#/$defs/actorId" },
                "local": { "$ref": "#/$defs/missing" },
                "site": { "$ref": "https://json.schemastore.org/nothing-declares-this.json#/definitions/site" },
                "kept": { "type": "string" }
              }
            }
            """;
        var run = GeneratorHarness.Run(new SchemaInput("quote.schema.json", schema), new SchemaInput("good.schema.json", Good));

        var diagnostics = run.GeneratorDiagnostics.Where(d => d.Id == "FS0004").OrderBy(d => d.Location.SourceSpan.Start).ToList();
        Assert.Equal(3, diagnostics.Count);
        AssertAt(diagnostics[0], "quote.schema.json", line: 5, column: 26);
        Assert.Contains("actor.schema.json", diagnostics[0].GetMessage());
        AssertAt(diagnostics[1], "quote.schema.json", line: 6, column: 24);
        Assert.Contains("/$defs/missing", diagnostics[1].GetMessage());

        // A URL that no schema of the build declares as its $id: located like any other.
        AssertAt(diagnostics[2], "quote.schema.json", line: 7, column: 23);
        Assert.Contains("nothing-declares-this.json", diagnostics[2].GetMessage());

        // The members still exist (as raw JSON), so code that uses them compiles, and the rest of the file is generated.
        Assert.Contains("JsonElement? Speaker", run.Sources["quote.schema.json.g.cs"]);
        Assert.Contains("JsonElement? Site", run.Sources["quote.schema.json.g.cs"]);
        Assert.Contains("string? Kept", run.Sources["quote.schema.json.g.cs"]);
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Fact]
    public void ARefIntoAKeywordTheParserDoesNotKnowResolves()
    {
        // SchemaStore's drupal-recipe: "$defs/actionsList/specific/block.block.*" sits under a keyword of its own.
        const string schema = """
            {
              "type": "object",
              "properties": { "block": { "$ref": "#/$defs/actions/specific/block.*" } },
              "$defs": { "actions": { "specific": { "block.*": { "type": "object", "properties": { "id": { "type": "string" } } } } } }
            }
            """;
        var run = GeneratorHarness.Run(new SchemaInput("recipe.schema.json", schema));
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "FS0004");
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Fact]
    public void TypeNameCollisionIsReportedAtTheTitleOfTheLaterFile()
    {
        const string first = "{ \"title\": \"Actor\", \"type\": \"object\", \"properties\": { \"a\": { \"type\": \"string\" } } }";
        const string second = "{\n  \"type\": \"object\",\n  \"title\": \"Actor\",\n  \"properties\": { \"b\": { \"type\": \"string\" } }\n}";
        var run = GeneratorHarness.Run(new SchemaInput("a/actor.schema.json", first), new SchemaInput("b/actor.schema.json", second), new SchemaInput("good.schema.json", Good));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("FS0005", diagnostic.Id);
        AssertAt(diagnostic, "b/actor.schema.json", line: 3, column: 12);
        Assert.Contains("a/actor.schema.json", diagnostic.GetMessage());
        Assert.Contains("good.schema.json.g.cs", run.Sources.Keys);

        // Both files still produce distinct, compiling types; the error fails the build, not the compiler.
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Fact]
    public void SameTitleInDifferentNamespacesIsFine()
    {
        const string first = "{ \"title\": \"Actor\", \"type\": \"object\", \"properties\": { \"a\": { \"type\": \"string\" } } }";
        var run = GeneratorHarness.Run(new SchemaInput("a/actor.schema.json", first, Namespace: "One"), new SchemaInput("b/actor.schema.json", first, Namespace: "Two"));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal(new[] { "FactSchemaTypes.g.cs", "a.actor.schema.json.g.cs", "b.actor.schema.json.g.cs" }, run.Sources.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Fact]
    public void PureReferenceCycleIsReported()
    {
        const string schema = """
            {
              "title": "Cycle",
              "type": "object",
              "properties": { "x": { "$ref": "#/$defs/a" } },
              "$defs": {
                "a": { "$ref": "#/$defs/b" },
                "b": { "$ref": "#/$defs/a" }
              }
            }
            """;
        var run = GeneratorHarness.Run(new SchemaInput("cycle.schema.json", schema));

        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "FS0006");
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Fact]
    public void RecursiveObjectTypesAreLegal()
    {
        const string schema = """
            {
              "title": "Source",
              "type": "object",
              "properties": {
                "name": { "type": "string" },
                "citedVia": { "$ref": "#" },
                "children": { "type": "array", "items": { "$ref": "#" } }
              }
            }
            """;
        var run = GeneratorHarness.Run(new SchemaInput("source.schema.json", schema));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains("global::Consumer.Schemas.Source? CitedVia", run.Sources["source.schema.json.g.cs"]);
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Fact]
    public void LanguageVersionBelowElevenIsAnError()
    {
        var driver = GeneratorHarness.CreateDriver(new[] { new SchemaInput("good.schema.json", Good) });
        var compilation = GeneratorHarness.CreateCompilation().WithOptions(GeneratorHarness.StrictOptions);
        var old = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("class C {}", new Microsoft.CodeAnalysis.CSharp.CSharpParseOptions(Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp10));
        compilation = compilation.AddSyntaxTrees(old);
        var run = GeneratorHarness.RunDriver(driver.WithUpdatedParseOptions(new Microsoft.CodeAnalysis.CSharp.CSharpParseOptions(Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp10)), compilation);

        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "FS0008");
    }

    internal static void AssertAt(Diagnostic diagnostic, string file, int line, int column)
    {
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(GeneratorHarness.FullPath(file), span.Path);
        Assert.Equal((line, column), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
    }
}
