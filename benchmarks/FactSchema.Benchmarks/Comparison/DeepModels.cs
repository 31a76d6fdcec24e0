// The comparison model for the benchmark-only deep document (Schemas/deep.schema.json): the same shape as the
// DeepNode record FactSchema generates from it, for System.Text.Json (source-generated and reflection) and
// Newtonsoft.Json alike. See Models.cs for how the comparison models are made.
using System.Text.Json.Serialization;
using NJ = Newtonsoft.Json;

namespace FactSchema.Benchmarks.Comparison;

/// <summary>One node of the deep, narrow document: a name and at most one child (deep.schema.json).</summary>
public sealed class DeepNodePoco
{
    /// <summary>Name of the node.</summary>
    [JsonRequired]
    [NJ.JsonProperty(Required = NJ.Required.Always)]
    public string Name { get; set; } = null!;

    /// <summary>The next node down; null (and not written) on the last one.</summary>
    public DeepNodePoco? Child { get; set; }
}
