namespace FactSchema.Extensions.AI;

/// <summary>The subset of JSON Schema a model provider accepts for structured output, and so the form of the schema sent.</summary>
public enum StructuredOutputProfile
{
    /// <summary>The type's exact schema, self-contained (every <c>$ref</c> into its own <c>$defs</c>), as the generated reader checks it.</summary>
    Exact,

    /// <summary>
    /// OpenAI's strict mode: a schema derived by documented, ordered transformations (every member required, optional ones
    /// nullable, objects closed, maps as key/value arrays, a root that is not an object wrapped), sent with <c>"strict": true</c>;
    /// the reply is mapped back to the original form before it is read. See docs/integrations.md.
    /// </summary>
    OpenAIStrict,
}
