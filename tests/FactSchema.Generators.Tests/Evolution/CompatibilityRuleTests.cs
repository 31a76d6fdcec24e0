using FactSchema.Generators.Common;
using FactSchema.Generators.Configuration;
using FactSchema.Generators.Evolution;
using FactSchema.Generators.Mapping;
using FactSchema.Generators.Model;
using FactSchema.Generators.Schema;

namespace FactSchema.Generators.Tests.Evolution;

/// <summary>
/// One row per rule and tricky case: a baseline schema, the new one, and every finding expected, each as
/// "rule-name:CATEGORIES" (the categories it breaks, "none" for a compatible change). The whole list must match:
/// a missing finding and an extra one both fail.
/// </summary>
public sealed class CompatibilityRuleTests
{
    private static readonly TargetFeatures s_features = new(true, true, true, true, true, true, int.MaxValue);

    private const string Obj = "\"type\":\"object\"";

    public static TheoryData<string, string, string, string> Cases => new()
    {
        // Properties: open, closed and partially open objects.
        { "property added to an open object", O("\"a\":{\"type\":\"string\"}"), O("\"a\":{\"type\":\"string\"},\"b\":{\"type\":\"string\"}"), "property-added:WIRE_READ" },
        { "property added to a closed object", O("\"a\":{\"type\":\"string\"}", ",\"additionalProperties\":false"), O("\"a\":{\"type\":\"string\"},\"b\":{\"type\":\"string\"}", ",\"additionalProperties\":false"), "property-added:WIRE_WRITE" },
        { "property added that fits the other properties' schema", O("\"a\":{\"type\":\"string\"}", ",\"additionalProperties\":{\"type\":\"string\"}"), O("\"a\":{\"type\":\"string\"},\"b\":{\"type\":\"string\"}", ",\"additionalProperties\":{\"type\":\"string\"}"), "property-added:none" },
        { "property added narrower than the other properties' schema", O("\"a\":{\"type\":\"string\"}", ",\"additionalProperties\":{\"type\":\"string\"}"), O("\"a\":{\"type\":\"string\"},\"b\":{\"type\":\"string\",\"maxLength\":3}", ",\"additionalProperties\":{\"type\":\"string\"}"), "property-added:WIRE_READ" },
        { "property removed from an open object", O("\"a\":{\"type\":\"string\"},\"b\":{\"type\":\"string\"}"), O("\"a\":{\"type\":\"string\"}"), "property-removed:WIRE_WRITE|member-removed:SOURCE" },
        { "property removed from a closed object", O("\"a\":{\"type\":\"string\"},\"b\":{\"type\":\"string\"}", ",\"additionalProperties\":false"), O("\"a\":{\"type\":\"string\"}", ",\"additionalProperties\":false"), "property-removed:WIRE_READ|member-removed:SOURCE" },
        { "property matched by a pattern in the baseline", O("\"a\":{\"type\":\"string\"}", ",\"patternProperties\":{\"^x-\":{\"type\":\"integer\"}}"), O("\"a\":{\"type\":\"string\"},\"x-b\":{\"type\":\"integer\"}", ",\"patternProperties\":{\"^x-\":{\"type\":\"integer\"}}"), "property-added:none" },

        // required, with and without default.
        { "property became required", O("\"a\":{\"type\":\"string\"}"), O("\"a\":{\"type\":\"string\"}", ",\"required\":[\"a\"]"), "property-became-required:WIRE_READ|member-became-required:SOURCE|member-type-changed:SOURCE" },
        { "property with a default became required", O("\"a\":{\"type\":\"string\",\"default\":\"x\"}"), O("\"a\":{\"type\":\"string\",\"default\":\"x\"}", ",\"required\":[\"a\"]"), "property-became-required:WIRE_READ|member-became-required:SOURCE" },
        { "property became optional", O("\"a\":{\"type\":\"string\"}", ",\"required\":[\"a\"]"), O("\"a\":{\"type\":\"string\"}"), "property-became-optional:WIRE_WRITE|member-type-changed:SOURCE" },
        { "property with a default became optional", O("\"a\":{\"type\":\"string\",\"default\":\"x\"}", ",\"required\":[\"a\"]"), O("\"a\":{\"type\":\"string\",\"default\":\"x\"}"), "property-became-optional:WIRE_WRITE" },

        // Types.
        { "number narrowed to integer", R("\"type\":\"number\""), R("\"type\":\"integer\""), "type-narrowed:WIRE_READ|member-type-changed:SOURCE" },
        { "integer widened to number", R("\"type\":\"integer\""), R("\"type\":\"number\""), "type-widened:WIRE_WRITE|member-type-changed:SOURCE" },
        { "string changed to boolean", R("\"type\":\"string\""), R("\"type\":\"boolean\""), "type-changed:WIRE_READ+WIRE_WRITE|member-type-changed:SOURCE" },
        { "null allowed", R("\"type\":\"string\""), R("\"type\":[\"string\",\"null\"]"), "nullable-added:WIRE_WRITE|member-type-changed:SOURCE" },
        { "null no longer allowed", R("\"type\":[\"string\",\"null\"]"), R("\"type\":\"string\""), "nullable-removed:WIRE_READ|member-type-changed:SOURCE" },
        { "integer and number listed together is number", R("\"type\":[\"integer\",\"number\"]"), R("\"type\":\"number\""), "" },

        // Enums and const.
        { "enum value added", R("\"enum\":[\"a\",\"b\"]"), R("\"enum\":[\"a\",\"b\",\"c\"]"), "enum-value-added:WIRE_WRITE" },
        { "enum value removed", R("\"enum\":[\"a\",\"b\",\"c\"]"), R("\"enum\":[\"a\",\"b\"]"), "enum-value-removed:WIRE_READ|enum-member-removed:SOURCE" },
        { "enum value renamed", R("\"enum\":[\"a\",\"b\"]"), R("\"enum\":[\"a\",\"c\"]"), "enum-value-renamed:WIRE_READ+WIRE_WRITE|enum-member-removed:SOURCE" },
        { "enum values reordered", R("\"enum\":[\"a\",\"b\"]"), R("\"enum\":[\"b\",\"a\"]"), "" },
        { "const changed", R("\"type\":\"string\",\"const\":\"v1\""), R("\"type\":\"string\",\"const\":\"v2\""), "const-changed:WIRE_READ+WIRE_WRITE" },
        { "equal numbers written differently", R("\"type\":\"number\",\"maximum\":10"), R("\"type\":\"number\",\"maximum\":1.0e1"), "" },

        // Formats, bounds, patterns.
        { "format added", R("\"type\":\"string\""), R("\"type\":\"string\",\"format\":\"email\""), "format-changed:WIRE_READ" },
        { "format removed", R("\"type\":\"string\",\"format\":\"email\""), R("\"type\":\"string\""), "format-changed:WIRE_WRITE" },
        { "maxLength tightened", R("\"type\":\"string\",\"maxLength\":10"), R("\"type\":\"string\",\"maxLength\":5"), "bound-tightened:WIRE_READ" },
        { "maxLength relaxed", R("\"type\":\"string\",\"maxLength\":5"), R("\"type\":\"string\",\"maxLength\":10"), "bound-relaxed:WIRE_WRITE" },
        { "minimum added", R("\"type\":\"integer\""), R("\"type\":\"integer\",\"minimum\":0"), "bound-tightened:WIRE_READ" },
        { "exclusiveMaximum removed", R("\"type\":\"integer\",\"exclusiveMaximum\":9"), R("\"type\":\"integer\""), "bound-relaxed:WIRE_WRITE" },
        { "multipleOf tightened", R("\"type\":\"integer\",\"multipleOf\":2"), R("\"type\":\"integer\",\"multipleOf\":4"), "bound-tightened:WIRE_READ" },
        { "minItems tightened", R("\"type\":\"array\",\"items\":{\"type\":\"string\"},\"minItems\":1"), R("\"type\":\"array\",\"items\":{\"type\":\"string\"},\"minItems\":2"), "bound-tightened:WIRE_READ" },
        { "pattern added", R("\"type\":\"string\""), R("\"type\":\"string\",\"pattern\":\"^[a-z]+$\""), "pattern-changed:WIRE_READ" },
        { "pattern changed", R("\"type\":\"string\",\"pattern\":\"^[a-z]+$\""), R("\"type\":\"string\",\"pattern\":\"^[a-z0-9]+$\""), "pattern-changed:WIRE_READ+WIRE_WRITE" },

        // Openness.
        { "object closed", O("\"a\":{\"type\":\"string\"}"), O("\"a\":{\"type\":\"string\"}", ",\"additionalProperties\":false"), "additional-properties-closed:WIRE_READ|member-removed:SOURCE" },
        { "object opened", O("\"a\":{\"type\":\"string\"}", ",\"additionalProperties\":false"), O("\"a\":{\"type\":\"string\"}"), "additional-properties-opened:WIRE_WRITE" },
        { "other properties' schema narrowed", O("\"a\":{\"type\":\"string\"}", ",\"additionalProperties\":{\"type\":[\"string\",\"integer\"]}"), O("\"a\":{\"type\":\"string\"}", ",\"additionalProperties\":{\"type\":\"string\"}"), "type-narrowed:WIRE_READ|type-removed:SOURCE" },
        { "unevaluatedProperties closed", O("\"a\":{\"type\":\"string\"}"), O("\"a\":{\"type\":\"string\"}", ",\"unevaluatedProperties\":false"), "additional-properties-closed:WIRE_READ" },
        { "pattern property added", O("\"a\":{\"type\":\"string\"}"), O("\"a\":{\"type\":\"string\"}", ",\"patternProperties\":{\"^x-\":{\"type\":\"string\"}}"), "pattern-property-added:WIRE_READ" },

        // Arrays and tuples.
        { "items narrowed", R("\"type\":\"array\",\"items\":{\"type\":\"number\"}"), R("\"type\":\"array\",\"items\":{\"type\":\"integer\"}"), "type-narrowed:WIRE_READ|member-type-changed:SOURCE" },
        { "tuple reordered", R("\"type\":\"array\",\"prefixItems\":[{\"type\":\"string\"},{\"type\":\"integer\"}],\"items\":false"), R("\"type\":\"array\",\"prefixItems\":[{\"type\":\"integer\"},{\"type\":\"string\"}],\"items\":false"), "tuple-reordered:WIRE_READ+WIRE_WRITE" },
        { "tuple position added to a closed tuple", R("\"type\":\"array\",\"prefixItems\":[{\"type\":\"string\"}],\"items\":false"), R("\"type\":\"array\",\"prefixItems\":[{\"type\":\"string\"},{\"type\":\"integer\"}],\"items\":false"), "tuple-item-added:WIRE_WRITE" },

        // Branches.
        { "anyOf branch added", R("\"anyOf\":[{\"type\":\"string\"},{\"type\":\"integer\"}]"), R("\"anyOf\":[{\"type\":\"string\"},{\"type\":\"integer\"},{\"type\":\"boolean\"}]"), "branch-added:WIRE_WRITE" },
        { "anyOf branch removed", R("\"anyOf\":[{\"type\":\"string\"},{\"type\":\"integer\"},{\"type\":\"boolean\"}]"), R("\"anyOf\":[{\"type\":\"string\"},{\"type\":\"integer\"}]"), "branch-removed:WIRE_READ|union-variant-removed:SOURCE" },
        { "oneOf branch added that overlaps another", R("\"oneOf\":[{\"type\":\"string\"},{\"type\":\"integer\"}]"), R("\"oneOf\":[{\"type\":\"string\"},{\"type\":\"integer\"},{\"type\":\"number\"}]"), "branch-added:WIRE_READ+WIRE_WRITE|type-removed:SOURCE" },
        { "oneOf branch added apart from the others", R("\"oneOf\":[{\"type\":\"string\"},{\"type\":\"integer\"}]"), R("\"oneOf\":[{\"type\":\"string\"},{\"type\":\"integer\"},{\"type\":\"boolean\"}]"), "branch-added:WIRE_WRITE" },
        { "oneOf branches reordered", R("\"oneOf\":[{\"type\":\"string\"},{\"type\":\"integer\"}]"), R("\"oneOf\":[{\"type\":\"integer\"},{\"type\":\"string\"}]"), "" },
        { "allOf branch added", R("\"type\":\"string\",\"allOf\":[{\"minLength\":1}]"), R("\"type\":\"string\",\"allOf\":[{\"minLength\":1},{\"maxLength\":9}]"), "branch-added:WIRE_READ" },
        { "discriminator value changed", Union("\"a\"", "\"b\""), Union("\"a\"", "\"c\""), "discriminator-value-changed:WIRE_READ+WIRE_WRITE" },

        // References and structure: compared resolved, so moving is no change.
        { "keys reordered", "{" + Obj + ",\"properties\":{\"a\":{\"type\":\"string\"}},\"required\":[\"a\"]}", "{\"required\":[\"a\"],\"properties\":{\"a\":{\"type\":\"string\"}}," + Obj + "}", "" },
        { "subschema moved into $defs", O("\"a\":{\"type\":\"string\",\"maxLength\":5}"), O("\"a\":{\"$ref\":\"#/$defs/short\"}", ",\"$defs\":{\"short\":{\"type\":\"string\",\"maxLength\":5}}"), "" },
        { "$defs entry inlined", O("\"a\":{\"$ref\":\"#/$defs/short\"}", ",\"$defs\":{\"short\":{\"type\":\"string\",\"maxLength\":5}}"), O("\"a\":{\"type\":\"string\",\"maxLength\":5}"), "definition-removed:REFERENCE" },
        { "$defs entry renamed", O("\"a\":{\"$ref\":\"#/$defs/short\"}", ",\"$defs\":{\"short\":{\"type\":\"string\",\"maxLength\":5}}"), O("\"a\":{\"$ref\":\"#/$defs/brief\"}", ",\"$defs\":{\"brief\":{\"type\":\"string\",\"maxLength\":5}}"), "definition-removed:REFERENCE" },
        { "$ref retargeted", O("\"a\":{\"$ref\":\"#/$defs/s\"}", ",\"$defs\":{\"s\":{\"type\":\"string\"},\"n\":{\"type\":\"integer\"}}"), O("\"a\":{\"$ref\":\"#/$defs/n\"}", ",\"$defs\":{\"s\":{\"type\":\"string\"},\"n\":{\"type\":\"integer\"}}"), "type-changed:WIRE_READ+WIRE_WRITE|member-type-changed:SOURCE" },
        { "$id changed", "{\"$id\":\"https://example.com/a.json\"," + Obj + "}", "{\"$id\":\"https://example.com/b.json\"," + Obj + "}", "schema-id-changed:REFERENCE" },
        { "recursive schema changed deep down", Tree(""), Tree(",\"maxItems\":3"), "bound-tightened:WIRE_READ" },
        { "recursive schema unchanged", Tree(""), Tree(""), "" },

        // Names and annotations.
        { "record renamed by its title", "{\"title\":\"Person\"," + Obj + ",\"properties\":{\"n\":{\"type\":\"string\"}}}", "{\"title\":\"Human\"," + Obj + ",\"properties\":{\"n\":{\"type\":\"string\"}}}", "type-removed:SOURCE" },
        { "definition's record renamed by its key", O("\"a\":{\"$ref\":\"#/$defs/person\"}", ",\"$defs\":{\"person\":{" + Obj + ",\"properties\":{\"n\":{\"type\":\"string\"}}}}"), O("\"a\":{\"$ref\":\"#/$defs/human\"}", ",\"$defs\":{\"human\":{" + Obj + ",\"properties\":{\"n\":{\"type\":\"string\"}}}}"), "definition-removed:REFERENCE|type-removed:SOURCE|member-type-changed:SOURCE" },
        { "description changed", O("\"a\":{\"type\":\"string\",\"description\":\"old\"}"), O("\"a\":{\"type\":\"string\",\"description\":\"new\"}"), "" },
        { "deprecated", O("\"a\":{\"type\":\"string\"}"), O("\"a\":{\"type\":\"string\",\"deprecated\":true}"), "deprecated:SOURCE" },
        { "not added", R("\"type\":\"string\""), R("\"type\":\"string\",\"not\":{\"const\":\"\"}"), "constraint-changed:WIRE_READ" },
        { "schema became false", O("\"a\":{\"type\":\"string\"}"), O("\"a\":false"), "constraint-changed:WIRE_READ|member-type-changed:SOURCE" },

        // Drafts: a draft-04 baseline reads as its authors meant.
        { "draft-04 boolean exclusiveMaximum is the same bound", "{\"$schema\":\"http://json-schema.org/draft-04/schema#\"," + Obj + ",\"properties\":{\"v\":{\"type\":\"integer\",\"maximum\":9,\"exclusiveMaximum\":true}}}", O("\"v\":{\"type\":\"integer\",\"exclusiveMaximum\":9}"), "" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void EachRuleFindsWhatBreaks(string name, string oldSchema, string newSchema, string expected)
    {
        var changes = Diff(oldSchema, newSchema);
        var actual = changes.Select(Format).OrderBy(x => x, StringComparer.Ordinal).ToList();
        var wanted = expected.Split('|', StringSplitOptions.RemoveEmptyEntries).OrderBy(x => x, StringComparer.Ordinal).ToList();
        Assert.True(wanted.SequenceEqual(actual), $"{name}\n  expected: {string.Join(" | ", wanted)}\n  actual:   {string.Join(" | ", changes.Select(c => Format(c) + " (" + c.Detail + " @" + c.NewPointer + ")"))}");
    }

    [Fact]
    public void AFileRemovedFromTheBaselineIsFound()
    {
        var old = Read("/baseline/gone.schema.json", "gone.schema.json", O("\"a\":{\"type\":\"string\"}"), baseline: true);
        var kept = Read("/project/kept.schema.json", "kept.schema.json", O("\"a\":{\"type\":\"string\"}"), baseline: false);
        var changes = CompatibilityCheck.Run(new[] { old }, TypeNamer.Build(new[] { kept }, default), s_features, ImmutableEquatableArray<ExternalSchemaType>.Empty, default);
        var change = Assert.Single(changes);
        Assert.Equal(ChangeKind.FileRemoved, change.Kind);
        Assert.Contains("gone.schema.json", change.Detail);
    }

    [Fact]
    public void FilesAreMatchedByIdBeforePath()
    {
        const string id = "{\"$id\":\"https://example.com/facts.json\"," + Obj + ",\"properties\":{\"a\":{\"type\":\"string\"}}}";
        var old = Read("/baseline/old-name.schema.json", "old-name.schema.json", id, baseline: true);
        var moved = Read("/project/sub/new-name.schema.json", "sub/new-name.schema.json", id, baseline: false);
        var changes = CompatibilityCheck.Run(new[] { old }, TypeNamer.Build(new[] { moved }, default), s_features, ImmutableEquatableArray<ExternalSchemaType>.Empty, default);
        Assert.DoesNotContain(changes, c => c.Kind == ChangeKind.FileRemoved);
    }

    [Fact]
    public void FindingsPointAtTheNewFileWithTheBaselineLocationAlongside()
    {
        const string oldSchema = "{\n  \"type\": \"object\",\n  \"properties\": {\n    \"a\": { \"type\": \"string\", \"maxLength\": 10 }\n  }\n}";
        const string newSchema = "{\n  \"type\": \"object\",\n\n  \"properties\": {\n    \"a\": {\n      \"type\": \"string\",\n      \"maxLength\": 5\n    }\n  }\n}";
        var change = Assert.Single(Diff(oldSchema, newSchema));
        Assert.Equal(ChangeKind.BoundTightened, change.Kind);
        Assert.Equal("/project/facts.schema.json", change.NewFile);
        Assert.Equal((6, 6), (change.NewSpan.StartLine, change.NewSpan.StartColumn));
        Assert.Equal("facts.schema.json:4:30 (#/properties/a)", change.OldLocation);
    }

    [Fact]
    public void MutuallyRecursiveSchemasEnd()
    {
        static string Schema(string extra) => "{\"$ref\":\"#/$defs/a\",\"$defs\":{\"a\":{\"type\":\"object\",\"properties\":{\"b\":{\"$ref\":\"#/$defs/b\"}}},\"b\":{\"type\":\"object\",\"properties\":{\"a\":{\"$ref\":\"#/$defs/a\"}" + extra + "}}}}";
        var changes = Diff(Schema(""), Schema(",\"c\":{\"type\":\"string\"}"));
        Assert.Contains(changes, c => c.Kind == ChangeKind.PropertyAdded);
    }

    private static string Format(SchemaChange change)
        => change.Rule.Name + ":" + (change.Breaks == CompatibilityCategory.None ? "none" : CompatibilityRule.Describe(change.Breaks).Replace(", ", "+", StringComparison.Ordinal));

    private static IReadOnlyList<SchemaChange> Diff(string oldSchema, string newSchema)
    {
        var old = Read("/baseline/facts.schema.json", "facts.schema.json", oldSchema, baseline: true);
        var current = Read("/project/facts.schema.json", "facts.schema.json", newSchema, baseline: false);
        return CompatibilityCheck.Run(new[] { old }, TypeNamer.Build(new[] { current }, default), s_features, ImmutableEquatableArray<ExternalSchemaType>.Empty, default);
    }

    private static SchemaDocument Read(string path, string relative, string text, bool baseline)
        => SchemaDocumentReader.Read(new SchemaFileInput(path, relative, "Consumer.Schemas", null, text, IsBaseline: baseline), default);

    /// <summary>An object schema with these properties (and more keywords after them).</summary>
    private static string O(string properties, string rest = "") => "{" + Obj + ",\"properties\":{" + properties + "}" + rest + "}";

    /// <summary>A record with one required property "v" of this schema.</summary>
    private static string R(string value) => "{" + Obj + ",\"properties\":{\"v\":{" + value + "}},\"required\":[\"v\"]}";

    private static string Union(string first, string second)
        => "{\"oneOf\":[" + Branch("A", first) + "," + Branch("B", second) + "]}";

    private static string Branch(string title, string kind)
        => "{\"title\":\"" + title + "\"," + Obj + ",\"properties\":{\"kind\":{\"const\":" + kind + "},\"x\":{\"type\":\"string\"}},\"required\":[\"kind\"]}";

    private static string Tree(string extra)
        => "{\"title\":\"Node\"," + Obj + ",\"properties\":{\"name\":{\"type\":\"string\"},\"children\":{\"type\":\"array\",\"items\":{\"$ref\":\"#\"}" + extra + "}}}";
}
