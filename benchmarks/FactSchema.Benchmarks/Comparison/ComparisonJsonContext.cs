using System.Text.Json.Serialization;

namespace FactSchema.Benchmarks.Comparison;

/// <summary>
/// System.Text.Json source generation for the comparison models: the same naming and null handling as
/// <see cref="ComparisonSerializers.ReflectionOptions"/>, so both System.Text.Json columns write the same JSON.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(FactSetPoco))]
public sealed partial class ComparisonJsonContext : JsonSerializerContext
{
}
