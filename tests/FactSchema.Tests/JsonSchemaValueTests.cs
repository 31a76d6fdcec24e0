using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FactSchema.News;
using FactSchema.Serialization;
using Json.Schema;

namespace FactSchema.Tests;

/// <summary>
/// Every generated type's schema as a value (<c>JsonSchema</c>): the file as written, and self-contained schemas that an
/// independent validator (JsonSchema.Net, with an empty registry) reads without resolving anything, and that accept and
/// reject what the generated validators accept and reject.
/// </summary>
public class JsonSchemaValueTests
{
    public static TheoryData<string> SchemaFiles => new()
    {
        "actor.schema.json", "evidence.schema.json", "fact-set.schema.json", "pledge.schema.json", "quote.schema.json", "source.schema.json", "statement.schema.json",
    };

    private static FactSchemaJsonSchema FileSchema(string file) => file switch
    {
        "actor.schema.json" => ActorSchema.JsonSchema,
        "evidence.schema.json" => EvidenceSchema.JsonSchema,
        "fact-set.schema.json" => FactSetSchema.JsonSchema,
        "pledge.schema.json" => PledgeSchema.JsonSchema,
        "quote.schema.json" => QuoteSchema.JsonSchema,
        "source.schema.json" => SourceSchema.JsonSchema,
        "statement.schema.json" => StatementSchema.JsonSchema,
        _ => throw new ArgumentOutOfRangeException(nameof(file)),
    };

    [Theory]
    [MemberData(nameof(SchemaFiles))]
    public void TheSourceIsTheFileAsWritten(string file)
    {
        var schema = FileSchema(file);
        var onDisk = File.ReadAllText(Path.Combine(TestData.RepoRoot, "src", "FactSchema", "Schemas", file));
        Assert.Equal(onDisk, Encoding.UTF8.GetString(schema.SourceUtf8));
        Assert.Equal(JsonNode.Parse(onDisk)!["$id"]!.GetValue<string>(), schema.Id);
        Assert.Equal(string.Empty, schema.Pointer);
        Assert.Same(schema, schema.File);
    }

    [Theory]
    [MemberData(nameof(SchemaFiles))]
    public void EveryReferenceOfABundleIsLocalAndResolves(string file)
    {
        var bundle = FileSchema(file).ToJsonNode();
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", bundle["$schema"]!.GetValue<string>());
        AssertSelfContained(bundle);
    }

    public static TheoryData<string> TypeSchemas => new()
    {
        nameof(Actor), nameof(ActorKind), nameof(Role), nameof(SocialHandle), nameof(Platform), nameof(Amount), nameof(Pledge), nameof(PledgeStatus),
        nameof(StatusChange), nameof(Quote), nameof(QuoteKind), nameof(QuoteRelation), nameof(Statement), nameof(QuotedStatement), nameof(Position),
        nameof(Evidence), nameof(QuoteEvidence), nameof(DocumentEvidence), nameof(Source), nameof(Article), nameof(FactSet), nameof(Location),
    };

    private static FactSchemaJsonSchema TypeSchema(string name) => name switch
    {
        nameof(Actor) => Actor.JsonSchema,
        nameof(ActorKind) => ActorKindJsonConverter.JsonSchema,
        nameof(Role) => Role.JsonSchema,
        nameof(SocialHandle) => SocialHandle.JsonSchema,
        nameof(Platform) => PlatformJsonConverter.JsonSchema,
        nameof(Amount) => Amount.JsonSchema,
        nameof(Pledge) => Pledge.JsonSchema,
        nameof(PledgeStatus) => PledgeStatusJsonConverter.JsonSchema,
        nameof(StatusChange) => StatusChange.JsonSchema,
        nameof(Quote) => Quote.JsonSchema,
        nameof(QuoteKind) => QuoteKindJsonConverter.JsonSchema,
        nameof(QuoteRelation) => QuoteRelation.JsonSchema,
        nameof(Statement) => Statement.JsonSchema,
        nameof(QuotedStatement) => QuotedStatement.JsonSchema,
        nameof(Position) => Position.JsonSchema,
        nameof(Evidence) => Evidence.JsonSchema,
        nameof(QuoteEvidence) => QuoteEvidence.JsonSchema,
        nameof(DocumentEvidence) => DocumentEvidence.JsonSchema,
        nameof(Source) => Source.JsonSchema,
        nameof(Article) => Article.JsonSchema,
        nameof(FactSet) => FactSet.JsonSchema,
        nameof(Location) => Location.JsonSchema,
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(TypeSchemas))]
    public void EveryTypeHasASelfContainedSchemaNamedAfterIt(string name)
    {
        var schema = TypeSchema(name);
        Assert.Equal(name, schema.Name);
        Assert.StartsWith("https://factschema.dev/schemas/news/", schema.Uri);
        var node = schema.ToJsonNode();
        AssertSelfContained(node);

        // A fresh node on every call: changing one does not change the next.
        node["title"] = "changed";
        Assert.NotEqual("changed", schema.ToJsonNode()["title"]?.ToString());
    }

    [Fact]
    public void AnIndependentValidatorAgreesWithTheGeneratedOneOnTheSampleFacts()
    {
        var facts = TestData.SampleFacts;
        Assert.True(FactSetSchema.IsValidJson(facts));
        Assert.True(Evaluate(FactSet.JsonSchema, facts));

        var broken = JsonNode.Parse(facts)!;
        broken["pledges"]![0]!["status"] = "promised";
        var bytes = Encoding.UTF8.GetBytes(broken.ToJsonString());
        Assert.False(FactSetSchema.IsValidJson(bytes));
        Assert.False(Evaluate(FactSet.JsonSchema, bytes));
    }

    [Fact]
    public void ATypeBelowTheRootIsAValidatingSchemaOfItsOwn()
    {
        var facts = JsonNode.Parse(TestData.SampleFacts)!;
        var pledge = facts["pledges"]![0]!;
        var amount = facts["pledges"]!.AsArray().Select(p => p!["amount"]).First(a => a is not null)!;
        Assert.True(Evaluate(Pledge.JsonSchema, Encoding.UTF8.GetBytes(pledge.ToJsonString())));
        Assert.True(Evaluate(Amount.JsonSchema, Encoding.UTF8.GetBytes(amount.ToJsonString())));
        Assert.True(Evaluate(PledgeStatusJsonConverter.JsonSchema, "\"expected\""u8.ToArray()));
        Assert.False(Evaluate(PledgeStatusJsonConverter.JsonSchema, "\"promised\""u8.ToArray()));

        var badAmount = amount.DeepClone();
        badAmount["currency"] = "eur";
        var bytes = Encoding.UTF8.GetBytes(badAmount.ToJsonString());
        Assert.False(Amount.ValidateJson(bytes).IsValid);
        Assert.False(Evaluate(Amount.JsonSchema, bytes));
    }

    internal static bool Evaluate(FactSchemaJsonSchema schema, byte[] utf8Json) => Evaluate(schema.ToJsonString(), utf8Json);

    internal static bool Evaluate(string schema, byte[] utf8Json)
    {
        // An empty registry: nothing can be fetched or looked up, so the schema must carry all it needs.
        var built = JsonSchema.FromText(schema, new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        using var document = JsonDocument.Parse(utf8Json);
        return built.Evaluate(document.RootElement, new EvaluationOptions { RequireFormatValidation = true }).IsValid;
    }

    internal static void AssertSelfContained(JsonNode root)
    {
        foreach (var reference in References(root))
        {
            Assert.StartsWith("#", reference);
            var pointer = Uri.UnescapeDataString(reference.Substring(1));
            JsonNode? node = root;
            foreach (var token in pointer.Split('/').Skip(1).Select(t => t.Replace("~1", "/").Replace("~0", "~")))
            {
                node = node is JsonObject obj && obj.TryGetPropertyValue(token, out var next) ? next
                    : node is JsonArray array && int.TryParse(token, out var i) && i < array.Count ? array[i]
                    : throw new Xunit.Sdk.XunitException($"'{reference}' does not resolve in {root.ToJsonString()}");
            }
        }
    }

    private static IEnumerable<string> References(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var member in obj)
                {
                    if (member.Key == "$ref" && member.Value is JsonValue value)
                    {
                        yield return value.GetValue<string>();
                    }
                    else if (member.Key is not ("enum" or "const" or "default" or "examples"))
                    {
                        foreach (var inner in References(member.Value))
                        {
                            yield return inner;
                        }
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    foreach (var inner in References(item))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }
}
