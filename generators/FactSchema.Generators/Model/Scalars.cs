using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FactSchema.Generators.Json;
using Microsoft.CodeAnalysis.CSharp;

namespace FactSchema.Generators.Model;

/// <summary>
/// One scalar kind of the type model: its C# type, the JSON token it is read from, and the runtime calls generated code
/// makes for it. The placeholders <c>{0}</c> (the value) and <c>{1}</c> (the value, after <c>{0}</c>, the pre-encoded
/// property name) are filled in by the emitters; <c>FactSchemaReader</c> and <c>FactSchemaWriter</c> are the runtime's.
/// </summary>
/// <param name="Kind">The kind this row describes.</param>
/// <param name="ClrType">The C# type, fully qualified (keywords for the built-in types).</param>
/// <param name="IsValueType">Whether <see cref="ClrType"/> is a struct (a nullable one is written <c>T?</c> and read with <c>.Value</c>).</param>
/// <param name="JsonType">The JSON Schema type it is read from: "string", "integer" (also "number" in a <c>type</c> keyword), "number" or "boolean".</param>
/// <param name="Read">The <c>FactSchemaReader</c> method that reads it at the reader's token.</param>
/// <param name="WriteValue">The statement that writes the value <c>{0}</c> as a JSON value.</param>
/// <param name="WriteProperty">The statement that writes the property name <c>{0}</c> and the value <c>{1}</c> in one call, or null (name, then value).</param>
/// <param name="TokenTest">The <c>FactSchemaReader</c> test for a token the read takes, when that is narrower than the JSON type (a date, a UUID), or null.</param>
/// <param name="UnionCase">The case name in a union of scalar types, or null to name it after <see cref="JsonType"/>.</param>
/// <param name="Description">How messages name a value of the kind ("a date").</param>
/// <param name="DefaultLiteral">
/// The C# literal of a schema's <c>default</c> for a member of the kind, or null when that JSON value is not one; a row
/// without it keeps defaults of its kind as annotations (the member starts empty).
/// </param>
internal sealed record Scalar(
    ValueKind Kind,
    string ClrType,
    bool IsValueType,
    string JsonType,
    string Read,
    string WriteValue,
    string? WriteProperty,
    string? TokenTest,
    string? UnionCase,
    string Description,
    Func<JsonNode, string?>? DefaultLiteral = null)
{
    /// <summary>Whether the value is read from a JSON string token.</summary>
    public bool IsStringToken => JsonType == "string";

    /// <summary>Whether the value is read from a JSON number token.</summary>
    public bool IsNumberToken => JsonType is "integer" or "number";
}

/// <summary>
/// The scalar table: one row per scalar <see cref="ValueKind"/>. A new scalar (a format with a CLR type of its own) is one
/// row here, its runtime read/write helpers, the format → kind choice in <c>TypeModelMapper</c>, and a snapshot.
/// </summary>
internal static class Scalars
{
    private const string Writer = Emit.KnownNames.Writer;

    public static readonly IReadOnlyList<Scalar> All = new Scalar[]
    {
        new(ValueKind.String, "string", false, "string", "ReadString", Writer + ".WriteString(writer, {0});", "writer.WriteString({0}, {1});", null, null, "a string", StringDefault),
        new(ValueKind.Boolean, "bool", true, "boolean", "ReadBoolean", "writer.WriteBooleanValue({0});", "writer.WriteBoolean({0}, {1});", null, null, "a boolean", BooleanDefault),
        new(ValueKind.Int32, "int", true, "integer", "ReadInt32", "writer.WriteNumberValue({0});", "writer.WriteNumber({0}, {1});", null, null, "an integer", Int32Default),
        new(ValueKind.Int64, "long", true, "integer", "ReadInt64", "writer.WriteNumberValue({0});", "writer.WriteNumber({0}, {1});", null, null, "an integer", Int64Default),
        new(ValueKind.Double, "double", true, "number", "ReadDouble", Writer + ".WriteDouble(writer, {0});", Writer + ".WriteDouble(writer, {0}, {1});", null, null, "a number", DoubleDefault),
        new(ValueKind.Decimal, "decimal", true, "number", "ReadDecimal", "writer.WriteNumberValue({0});", "writer.WriteNumber({0}, {1});", null, null, "a number", DecimalDefault),
        new(ValueKind.Date, "global::System.DateOnly", true, "string", "ReadDate", Writer + ".WriteDate(writer, {0});", null, "IsDateToken", "Date", "a date"),
        new(ValueKind.DateAsDateTime, "global::System.DateTime", true, "string", "ReadDateAsDateTime", Writer + ".WriteDate(writer, {0});", null, "IsDateToken", "Date", "a date"),
        new(ValueKind.DateTimeOffset, "global::FactSchema.Serialization.JsonDateTime", true, "string", "ReadDateTime", Writer + ".WriteDateTime(writer, {0});", Writer + ".WriteDateTime(writer, {0}, {1});", null, "DateTime", "a date-time"),
        new(ValueKind.Uri, "global::System.Uri", false, "string", "ReadUri", Writer + ".WriteUri(writer, {0});", null, null, "Uri", "a URI"),
        new(ValueKind.Guid, "global::System.Guid", true, "string", "ReadGuid", "writer.WriteStringValue({0});", "writer.WriteString({0}, {1});", "IsGuidToken", "Uuid", "a UUID"),
    };

    private static string? StringDefault(JsonNode value)
        => value.Kind == JsonKind.String ? SymbolDisplay.FormatLiteral(value.Text!, quote: true) : null;

    private static string? BooleanDefault(JsonNode value)
        => value.Kind switch { JsonKind.True => "true", JsonKind.False => "false", _ => null };

    private static string? Int32Default(JsonNode value)
        => value.Kind == JsonKind.Number && int.TryParse(value.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i)
            ? i.ToString(CultureInfo.InvariantCulture)
            : null;

    private static string? Int64Default(JsonNode value)
        => value.Kind == JsonKind.Number && long.TryParse(value.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)
            ? l.ToString(CultureInfo.InvariantCulture) + "L"
            : null;

    private static string? DoubleDefault(JsonNode value)
        => value.Kind == JsonKind.Number && double.TryParse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && !double.IsInfinity(d)
            ? d.ToString("R", CultureInfo.InvariantCulture) + "d"
            : null;

    private static string? DecimalDefault(JsonNode value)
        => value.Kind == JsonKind.Number && decimal.TryParse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var m)
            ? m.ToString(CultureInfo.InvariantCulture) + "m"
            : null;

    private static readonly Dictionary<ValueKind, Scalar> s_byKind = All.ToDictionary(s => s.Kind);

    /// <summary>The row of a scalar kind, or null for the structural kinds (objects, arrays, enums, …).</summary>
    public static Scalar? Of(ValueKind kind) => s_byKind.TryGetValue(kind, out var scalar) ? scalar : null;

    /// <summary>The scalar kind whose C# type is <paramref name="clrType"/> (fully qualified, or a keyword), or null.</summary>
    public static ValueKind? ByClrType(string clrType)
    {
        foreach (var scalar in All)
        {
            if (string.Equals(scalar.ClrType, clrType, StringComparison.Ordinal))
            {
                return scalar.Kind;
            }
        }

        return null;
    }

    /// <summary>Fills a row's statement template with the value (<c>{0}</c>) or the property name and the value (<c>{0}</c>, <c>{1}</c>).</summary>
    public static string Fill(string template, string first, string? second = null)
        => string.Format(System.Globalization.CultureInfo.InvariantCulture, template, first, second ?? string.Empty);
}
