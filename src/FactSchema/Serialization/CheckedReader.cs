using System.Text.Json;

namespace FactSchema.Serialization;

/// <summary>
/// A generated type's <c>ReadChecked</c>: reads a value and checks it against the schema as far as it can on the way,
/// leaving <paramref name="proven"/> true only if the value was proven valid (with <paramref name="proven"/> false on
/// entry, it only reads, as <c>ReadUnvalidated</c> does). Generated code hands it to <see cref="FactSchemaSerializer"/>.
/// </summary>
/// <typeparam name="T">The generated type.</typeparam>
/// <param name="reader">The reader, positioned on (or just before) the value.</param>
/// <param name="proven">Whether the value is proven valid so far.</param>
/// <returns>The value.</returns>
public delegate T CheckedReader<T>(ref Utf8JsonReader reader, ref bool proven);
