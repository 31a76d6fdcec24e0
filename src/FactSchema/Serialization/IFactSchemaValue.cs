using System.Text.Json;

namespace FactSchema.Serialization;

/// <summary>A value with a generated JSON writer. Every generated record implements it.</summary>
public interface IFactSchemaValue
{
    /// <summary>Writes the value as JSON.</summary>
    /// <param name="writer">The writer.</param>
    void WriteTo(Utf8JsonWriter writer);
}
