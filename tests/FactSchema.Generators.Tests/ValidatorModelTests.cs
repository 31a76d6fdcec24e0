using System.Linq;
using FactSchema.Generators.Common;
using FactSchema.Generators.Mapping;
using FactSchema.Generators.Tests.TestSupport;
using FactSchema.Generators.Validation;

namespace FactSchema.Generators.Tests;

/// <summary>
/// The validators are a model before they are text: the planner's decisions can be read off the
/// <see cref="ValidatorSpec"/> of a schema, the spec compares by value (so the incremental pipeline can cache it), and
/// the emitter turns a spec written by hand, with no schema behind it, into a validator that compiles and judges
/// documents as the spec says.
/// </summary>
public sealed class ValidatorModelTests
{
    private const string Person = """
        {
          "title": "Person",
          "type": "object",
          "properties": {
            "id": { "type": "string" },
            "age": { "type": "integer", "minimum": 0 },
            "tags": { "type": "array", "items": { "type": "string" }, "maxItems": 3, "uniqueItems": true }
          },
          "required": ["id"],
          "additionalProperties": false
        }
        """;

    private static ValidatorSpec PlanOf(string schema)
    {
        var run = GeneratorHarness.Run(new SchemaInput("s.schema.json", schema));
        var mapped = run.Result.Results.Single().TrackedSteps[TrackingNames.MappedSchemas]
            .SelectMany(step => step.Outputs)
            .Select(output => output.Value)
            .OfType<MappingResult>()
            .Single();
        return mapped.File!.Validators!;
    }

    private static ValidatorMethod MethodAt(ValidatorSpec spec, string description)
        => spec.Methods.Single(m => m.Description == description);

    [Fact]
    public void ThePlanSaysWhatEachKeywordChecks()
    {
        var spec = PlanOf(Person);

        var root = Assert.IsType<CheckedMethod>(spec.Methods.Single(m => m.Name == spec.Entries.Single(e => e.Pointer.Length == 0).Method));
        Assert.Equal("s.schema.json#", root.Description);
        Assert.Equal(StartCopy.WhileCollecting, root.Start); // "required" reports after the object is read through
        Assert.Null(root.Recorded);
        Assert.Equal(new[] { "object" }, Assert.IsType<TypeCheck>(root.Checks[0]).Test.Types);
        var obj = Assert.IsType<ObjectCheck>(root.Checks[1]);
        Assert.Equal(new[] { "id", "age", "tags" }, obj.Names);
        Assert.Equal(new[] { "id" }, obj.Required);
        Assert.True(obj.TrackSeen);
        Assert.Equal(new AdditionalCheck(Forbidden: true, Call: null), obj.Additional);

        // A type-only property is checked in place by one runtime call; the others call their own method.
        var id = obj.Properties.Single(p => p.Name == "id").Schema;
        Assert.Null(id.Call);
        Assert.Equal(new TypeTest("s.schema.json#/properties/id", new[] { "string" }.ToImmutableEquatableArray()), id.TypeOnly);
        var age = Assert.IsType<CheckedMethod>(spec.Methods.Single(m => m.Name == obj.Properties.Single(p => p.Name == "age").Schema.Call!.Method));
        var minimum = Assert.IsType<NumberCheck>(age.Checks[1]);
        Assert.Equal(new NumberBound("minimum", "0m", "0"), Assert.Single(minimum.Bounds));

        // uniqueItems reads the array a second time: the method keeps its start.
        var tags = Assert.IsType<CheckedMethod>(MethodAt(spec, "s.schema.json#/properties/tags"));
        Assert.Equal(StartCopy.Always, tags.Start);
        var array = Assert.IsType<ArrayCheck>(tags.Checks[1]);
        Assert.Equal(3, array.MaxItems);
        Assert.True(array.Unique);
        Assert.IsType<TypeOnlyMethod>(spec.Methods.Single(m => m.Name == array.Items!.Call!.Method));
    }

    [Fact]
    public void TheSpecComparesByValue()
    {
        // Two runs plan equal specs (what lets the pipeline cache a file whose schemas did not change)...
        Assert.Equal(PlanOf(Person), PlanOf(Person));

        // ...and a changed bound changes the spec in that check only.
        var before = PlanOf(Person);
        var after = PlanOf(Person.Replace("\"minimum\": 0", "\"minimum\": 1", StringComparison.Ordinal));
        Assert.NotEqual(before, after);
        var changed = before.Methods.Zip(after.Methods).Where(pair => !pair.First.Equals(pair.Second)).ToList();
        var (old, @new) = Assert.Single(changed);
        Assert.Equal("s.schema.json#/properties/age", old.Description);
        Assert.Equal(new NumberBound("minimum", "1m", "1"), ((NumberCheck)((CheckedMethod)@new).Checks[1]).Bounds[0]);
    }

    [Fact]
    public void ConditionsOnAKindPropertyArePlannedFromOneRecordedRead()
    {
        var spec = PlanOf("""
            {
              "title": "Shape",
              "allOf": [
                { "if": { "properties": { "kind": { "const": "circle" } }, "required": ["kind"] }, "then": { "required": ["radius"] } },
                { "if": { "properties": { "kind": { "const": "square" } }, "required": ["kind"] }, "then": { "required": ["side"] } }
              ]
            }
            """);

        var root = Assert.IsType<CheckedMethod>(MethodAt(spec, "s.schema.json#"));
        // The conditions name "kind"; the thens, property-local too, name what they require.
        Assert.Equal(new[] { "kind", "radius", "side" }, root.Recorded!.Names);
        var conditionals = root.Checks.OfType<ConditionalCheck>().ToList();
        Assert.Equal(2, conditionals.Count);
        foreach (var conditional in conditionals)
        {
            // "kind" present, and its recorded value holds against the const: no second read of the object.
            var decide = conditional.IfDecide!;
            Assert.Null(decide.Constant);
            Assert.Contains(decide.Steps, s => s is RecordedPresent { Name: "kind" });
            Assert.Contains(decide.Steps, s => s is RecordedProperty { Name: "kind" });
            Assert.True(conditional.Then!.ViaRecorded);
            Assert.Single(conditional.Then.Decide!.Steps.OfType<RecordedPresent>(), s => s.Name is "radius" or "side");
        }
    }

    /// <summary>
    /// An object with a string "kind" (required), an integer "size" of at most 10 and nothing else, and a oneOf of a
    /// false and a true schema (exactly one always matches): written as a spec, with no schema.
    /// </summary>
    private static ValidatorSpec HandBuilt()
    {
        static ImmutableEquatableArray<T> Of<T>(params T[] items) where T : IEquatable<T> => items.ToImmutableEquatableArray();
        const string At = "hand#";
        var root = new CheckedMethod(
            "V0",
            At,
            StartCopy.Always,
            OwnSet: false,
            Recorded: null,
            Of<ValidatorCheck>(
                new TypeCheck(new TypeTest(At, Of("object"))),
                new ObjectCheck(
                    At,
                    Of("kind", "size"),
                    "M0",
                    TrackSeen: true,
                    PropertyNames: null,
                    Of(
                        new PropertyCheck("kind", new SubschemaCall(null, new TypeTest(At + "/properties/kind", Of("string")))),
                        new PropertyCheck("size", new SubschemaCall(new ValidatorCall("V1"), null))),
                    Of<PatternCheck>(),
                    new AdditionalCheck(Forbidden: true, Call: null),
                    Of("kind"),
                    Of<DependentRequiredCheck>(),
                    MinProperties: null,
                    MaxProperties: null,
                    Of<DependentSchemaCheck>()),
                new UnionCheck(At, OneOf: true, Of(new UnionBranch(new ValidatorCall("V2"), null), new UnionBranch(new ValidatorCall("V3"), null)), Filter: null, Discriminator: null)),
            Unevaluated: null);
        var size = new CheckedMethod(
            "V1",
            At + "/properties/size",
            StartCopy.None,
            OwnSet: false,
            Recorded: null,
            Of<ValidatorCheck>(
                new TypeCheck(new TypeTest(At + "/properties/size", Of("integer"))),
                new NumberCheck(At + "/properties/size", Of(new NumberBound("maximum", "10m", "10")), MultipleOf: null)),
            Unevaluated: null);
        return new ValidatorSpec(
            ValidatorPlanner.ClassName,
            Tracked: false,
            Of<ValidatorMethod>(root, size, new RejectAllMethod("V2", At + "/oneOf/0"), new AcceptAllMethod("V3", At + "/oneOf/1")),
            Of(new ValidatorEntry(string.Empty, "V0")),
            Of<ValidatorScopeEntry>(),
            Of(new NameMatcherSpec("M0", Of("kind", "size"))));
    }

    [Theory]
    [InlineData("""{"kind":"a","size":3}""", null, null)]
    [InlineData("""{"kind":"a"}""", null, null)]
    [InlineData("""{"size":3}""", "", "hand#/required")]
    [InlineData("""{"kind":"a","size":11}""", "/size", "hand#/properties/size/maximum")]
    [InlineData("""{"kind":"a","size":1.5}""", "/size", "hand#/properties/size/type")]
    [InlineData("""{"kind":1}""", "/kind", "hand#/properties/kind/type")]
    [InlineData("""{"kind":"a","extra":true}""", "/extra", "hand#/additionalProperties")]
    [InlineData("""[]""", "", "hand#/type")]
    public void AHandBuiltSpecIsEmittedAsAWorkingValidator(string json, string? instanceLocation, string? keywordLocation)
    {
        using var validator = SchemaValidator.FromSpec(HandBuilt());

        var result = validator.Validate(json);

        if (keywordLocation is null)
        {
            Assert.True(result.IsValid, result.ToString());
            return;
        }

        Assert.Contains(result.Errors, e => e.InstanceLocation == instanceLocation && e.KeywordLocation == keywordLocation);
    }
}
