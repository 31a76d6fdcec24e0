using System.Collections;
using System.Reflection;
using FactSchema.Generators.Tests.TestSupport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FactSchema.Generators.Tests;

/// <summary>
/// The pipeline is incremental where it matters: a C# edit re-runs no schema step, editing one schema
/// re-emits only that schema's source, and no Roslyn symbol or compilation leaks into a cached model.
/// </summary>
public sealed class IncrementalityTests
{
    private static readonly string[] s_schemaSteps =
    {
        TrackingNames.SchemaFiles, TrackingNames.ParsedSchemas, TrackingNames.SchemaSet,
        TrackingNames.MappedSchemas, TrackingNames.SourceModels, TrackingNames.Diagnostics,
    };

    private static SchemaInput[] Schemas() => new[]
    {
        new SchemaInput("actor.schema.json", """
            { "$id": "https://example.org/actor.schema.json", "title": "Actor", "type": "object",
              "properties": { "id": { "$ref": "#/$defs/actorId" }, "name": { "type": "string" } },
              "required": ["id"], "$defs": { "actorId": { "type": "string" } } }
            """),
        new SchemaInput("quote.schema.json", """
            { "title": "Quote", "type": "object",
              "properties": { "speaker": { "$ref": "actor.schema.json#/$defs/actorId" }, "text": { "type": "string" } },
              "required": ["speaker", "text"] }
            """),
        new SchemaInput("source.schema.json", """
            { "title": "Source", "type": "object", "properties": { "url": { "type": "string", "format": "uri" } } }
            """),
    };

    [Fact]
    public void EditingCSharpRerunsNoSchemaStep()
    {
        var schemas = Schemas();
        var driver = GeneratorHarness.CreateDriver(schemas);
        var compilation = GeneratorHarness.CreateCompilation(new[] { "public class Program { }" });
        var first = GeneratorHarness.RunDriver(driver, compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("public class Another { public int X; }", GeneratorHarness.ParseOptions));
        var second = GeneratorHarness.RunDriver(first.Driver, edited);

        var result = Assert.Single(second.Result.Results);
        foreach (var step in s_schemaSteps)
        {
            AssertAllOutputs(result, step, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        }

        Assert.All(
            result.TrackedOutputSteps.SelectMany(o => o.Value).SelectMany(s => s.Outputs),
            output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"output re-ran: {output.Reason}"));
        Assert.Equal(first.Sources, second.Sources);
    }

    [Fact]
    public void EditingOneSchemaReEmitsOnlyThatSchema()
    {
        var schemas = Schemas();
        var driver = GeneratorHarness.CreateDriver(schemas, out var texts);
        var compilation = GeneratorHarness.CreateCompilation();
        var first = GeneratorHarness.RunDriver(driver, compilation);

        var edited = schemas[1].Text.Replace("\"text\": { \"type\": \"string\" }", "\"text\": { \"type\": \"string\" }, \"language\": { \"type\": \"string\" }");
        Assert.NotEqual(schemas[1].Text, edited);
        var oldText = texts.Single(t => t.Path == GeneratorHarness.FullPath("quote.schema.json"));
        var second = GeneratorHarness.RunDriver(first.Driver.ReplaceAdditionalText(oldText, GeneratorHarness.CreateText("quote.schema.json", edited)), compilation);

        var result = Assert.Single(second.Result.Results);
        var models = result.TrackedSteps[TrackingNames.SourceModels].SelectMany(s => s.Outputs).ToList();
        Assert.Equal(3, models.Count);
        Assert.Equal(1, models.Count(o => o.Reason == IncrementalStepRunReason.Modified));
        Assert.Equal(2, models.Count(o => o.Reason is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached));

        var parsed = result.TrackedSteps[TrackingNames.ParsedSchemas].SelectMany(s => s.Outputs).ToList();
        Assert.Equal(1, parsed.Count(o => o.Reason == IncrementalStepRunReason.Modified));

        var changed = second.Sources.Where(s => first.Sources[s.Key] != s.Value).Select(s => s.Key).ToList();
        Assert.Equal(new[] { "quote.schema.json.g.cs" }, changed);
        Assert.Contains("Language", second.Sources["quote.schema.json.g.cs"]);
    }

    [Fact]
    public void PipelineModelsHoldNoRoslynObjects()
    {
        var run = GeneratorHarness.Run(Schemas());
        var result = Assert.Single(run.Result.Results);
        foreach (var step in result.TrackedSteps.Where(s => s_schemaSteps.Contains(s.Key) && s.Key != TrackingNames.SchemaFiles))
        {
            foreach (var output in step.Value.SelectMany(s => s.Outputs))
            {
                AssertNoRoslynObjects(output.Value, step.Key, new HashSet<object>(ReferenceEqualityComparer.Instance));
            }
        }
    }

    private static void AssertAllOutputs(GeneratorRunResult result, string step, params IncrementalStepRunReason[] allowed)
    {
        Assert.True(result.TrackedSteps.TryGetValue(step, out var runs), $"step {step} was not tracked");
        foreach (var output in runs!.SelectMany(r => r.Outputs))
        {
            Assert.True(allowed.Contains(output.Reason), $"{step} output was {output.Reason}");
        }
    }

    private static void AssertNoRoslynObjects(object? value, string step, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        Assert.False(value is ISymbol or Compilation or SyntaxNode or SemanticModel or Location or SyntaxTree, $"{step} holds a {value.GetType().Name}");
        if (value is IEnumerable sequence)
        {
            foreach (var item in sequence)
            {
                AssertNoRoslynObjects(item, step, seen);
            }

            return;
        }

        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            if (field.FieldType.IsPointer)
            {
                continue;
            }

            // DiagnosticDescriptor is a static, immutable description; it is fine to carry.
            var fieldValue = field.GetValue(value);
            if (fieldValue is DiagnosticDescriptor)
            {
                continue;
            }

            AssertNoRoslynObjects(fieldValue, step, seen);
        }
    }
}
