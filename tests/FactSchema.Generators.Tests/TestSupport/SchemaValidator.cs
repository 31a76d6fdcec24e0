using System.IO;
using System.Runtime.Loader;
using FactSchema.Validation;

namespace FactSchema.Generators.Tests.TestSupport;

/// <summary>
/// The generated validator of one schema, compiled and loaded into a collectible context (unloaded on dispose): its
/// collecting <c>ValidateJson</c> and its quick <c>IsValidJson</c>, which must agree.
/// </summary>
public sealed class SchemaValidator : IDisposable
{
    private delegate bool SpanValidator(ReadOnlySpan<byte> utf8Json);

    private readonly AssemblyLoadContext _context;
    private readonly Func<string, ValidationResult> _validate;
    private readonly SpanValidator _isValid;

    private SchemaValidator(AssemblyLoadContext context, Func<string, ValidationResult> validate, SpanValidator isValid)
    {
        _context = context;
        _validate = validate;
        _isValid = isValid;
    }

    /// <summary>Runs the generator over <paramref name="schema"/> (one file), compiles the output and loads its schema class.</summary>
    public static SchemaValidator Compile(string schema, string path = "s.schema.json")
    {
        var run = GeneratorHarness.Run(new[] { new SchemaInput(path, schema) });
        return Load(
            run.OutputCompilation,
            assembly => assembly.GetTypes().Single(t => t.Name.EndsWith("Schema", StringComparison.Ordinal) && t.GetMethod("ValidateJson", new[] { typeof(string) }) is not null),
            string.Empty);
    }

    /// <summary>Emits <paramref name="compilation"/>, loads it into a collectible context and binds the two entry points of the type <paramref name="pick"/> finds.</summary>
    private static SchemaValidator Load(Microsoft.CodeAnalysis.Compilation compilation, Func<System.Reflection.Assembly, Type> pick, string source)
    {
        using var stream = new MemoryStream();
        var emitted = compilation.Emit(stream);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics) + "\n" + source);
        var context = new AssemblyLoadContext("validator-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        stream.Position = 0;
        var type = pick(context.LoadFromStream(stream));
        var validate = type.GetMethod("ValidateJson", new[] { typeof(string) })!.CreateDelegate<Func<string, ValidationResult>>();
        var isValid = type.GetMethod("IsValidJson", new[] { typeof(ReadOnlySpan<byte>) })!.CreateDelegate<SpanValidator>();
        return new SchemaValidator(context, validate, isValid);
    }

    /// <summary>
    /// Writes <paramref name="spec"/> with the validator emitter alone (no schema, no generator run), compiles it with a
    /// probe class that validates against its first entry point, and loads it.
    /// </summary>
    internal static SchemaValidator FromSpec(Validation.ValidatorSpec spec)
    {
        var entry = spec.ClassName + "." + spec.Entries[0].Method;
        var source = Emit.ValidatorEmitter.Emit(spec) + $$"""

            /// <summary>The emitted validator's first entry point, from outside its file.</summary>
            public static class ValidatorProbe
            {
                /// <summary>Validates collecting every error.</summary>
                /// <param name="json">The document.</param>
                /// <returns>The errors.</returns>
                public static global::FactSchema.Validation.ValidationResult ValidateJson(string json) => global::FactSchema.Validation.FactSchemaValidation.Validate(global::System.Text.Encoding.UTF8.GetBytes(json), {{entry}});

                /// <summary>The quick verdict.</summary>
                /// <param name="utf8Json">The document.</param>
                /// <returns>Whether it is valid.</returns>
                public static bool IsValidJson(global::System.ReadOnlySpan<byte> utf8Json) => global::FactSchema.Validation.FactSchemaValidation.IsValid(utf8Json, {{entry}});
            }
            """;
        return Load(GeneratorHarness.CreateCompilation(new[] { source }), assembly => assembly.GetType("ValidatorProbe")!, source);
    }

    /// <summary>Validates collecting every error, and checks that the quick verdict agrees.</summary>
    public ValidationResult Validate(string json)
    {
        var result = _validate(json);
        Assert.Equal(result.IsValid, _isValid(System.Text.Encoding.UTF8.GetBytes(json)));
        return result;
    }

    /// <summary>The verdict (both entry points agreeing).</summary>
    public bool IsValid(string json) => Validate(json).IsValid;

    /// <inheritdoc/>
    public void Dispose() => _context.Unload();
}
