using System.Text.Json.Serialization;

namespace FactSchema.Benchmarks.Comparison;

/// <summary>
/// System.Text.Json source generation for the comparison models, metadata only
/// (<see cref="JsonSourceGenerationMode.Metadata"/>): what its deserializer always uses, and the "metadata" serializer
/// column. The same naming and null handling as <see cref="ComparisonSerializers.ReflectionOptions"/>, so every
/// System.Text.Json column writes the same JSON.
/// </summary>
[JsonSourceGenerationOptions(
    GenerationMode = JsonSourceGenerationMode.Metadata,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(FactSetPoco))]
[JsonSerializable(typeof(DeepNodePoco))]
[JsonSerializable(typeof(QuotedStatementPoco))]
[JsonSerializable(typeof(PositionPoco))]
[JsonSerializable(typeof(QuoteEvidencePoco))]
[JsonSerializable(typeof(DocumentEvidencePoco))]
public sealed partial class ComparisonJsonContext : JsonSerializerContext
{
}

/// <summary>
/// System.Text.Json source generation in its serialization-only mode (<see cref="JsonSourceGenerationMode.Serialization"/>):
/// the generated "fast path" that writes each type with straight-line <c>Utf8JsonWriter</c> calls. It cannot read.
/// </summary>
[JsonSourceGenerationOptions(
    GenerationMode = JsonSourceGenerationMode.Serialization,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(FactSetPoco))]
[JsonSerializable(typeof(DeepNodePoco))]
// Polymorphic members (statements, evidence) are written from metadata: the fast path does not cover derived types.
[JsonSerializable(typeof(QuotedStatementPoco), GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(PositionPoco), GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(QuoteEvidencePoco), GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(DocumentEvidencePoco), GenerationMode = JsonSourceGenerationMode.Metadata)]
public sealed partial class ComparisonFastPathJsonContext : JsonSerializerContext
{
}
