using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Json.Schema;

namespace FactSchema.Benchmarks.Data;

/// <summary>
/// Checks documents against the standard news-fact schemas (src/FactSchema/Schemas, embedded in this assembly) with
/// an independent JSON Schema 2020-12 validator (JsonSchema.Net): patterns, lengths, uniqueItems and formats
/// included, which FactSchema's readers do not all check.
/// </summary>
public static class StandardSchemaValidator
{
    private const string ResourcePrefix = "StandardSchemas.";
    private const string FactSetFile = "fact-set.schema.json";

    private static readonly Lazy<JsonSchema> s_factSet = new(Load);

    /// <summary>
    /// The fact-set schema, built once per process with all five standard schemas (actor, pledge, quote, source,
    /// fact-set) in its own <see cref="SchemaRegistry"/>, so the <c>$ref</c>s across files resolve. Shared by
    /// <see cref="Validate"/> and the JsonSchema.Net column of <see cref="ValidationBenchmarks"/>.
    /// </summary>
    public static JsonSchema FactSetSchema => s_factSet.Value;

    /// <summary>Validates a fact-set document.</summary>
    /// <param name="utf8Json">The document.</param>
    /// <returns>One line per error (instance location, keyword location, message); empty when valid.</returns>
    public static IReadOnlyList<string> Validate(byte[] utf8Json)
    {
        using var document = JsonDocument.Parse(utf8Json, new JsonDocumentOptions { MaxDepth = 64 });
        var results = s_factSet.Value.Evaluate(document.RootElement, new EvaluationOptions
        {
            OutputFormat = OutputFormat.List,
            RequireFormatValidation = true,
        });
        if (results.IsValid)
        {
            return Array.Empty<string>();
        }

        var errors = new List<string>();
        foreach (var detail in (results.Details ?? new List<EvaluationResults>()).Where(d => d.Errors is { Count: > 0 }))
        {
            foreach (var error in detail.Errors!)
            {
                errors.Add($"{detail.InstanceLocation} ({detail.EvaluationPath}, {error.Key}): {error.Value}");
            }
        }

        return errors.Count > 0 ? errors : new[] { "invalid (no details)" };
    }

    private static JsonSchema Load()
    {
        var assembly = typeof(StandardSchemaValidator).Assembly;
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        JsonSchema? factSet = null;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).OrderBy(n => n, StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            var schema = JsonSchema.FromText(reader.ReadToEnd(), options);
            if (name.EndsWith(FactSetFile, StringComparison.Ordinal))
            {
                factSet = schema;
            }
        }

        return factSet ?? throw new InvalidOperationException("The standard schemas are not embedded in the benchmark assembly.");
    }
}
