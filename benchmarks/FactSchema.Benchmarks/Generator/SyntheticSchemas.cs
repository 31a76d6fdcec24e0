using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace FactSchema.Benchmarks.Generator;

/// <summary>A schema file for an in-memory generator run.</summary>
/// <param name="Path">Path relative to the project directory.</param>
/// <param name="Text">The JSON Schema text.</param>
public sealed record SchemaFile(string Path, string Text);

/// <summary>
/// Makes any number of distinct, valid JSON Schema files for the generator benchmarks: each an object type with
/// 12 to 20 properties of every kind the generator maps (strings, integers, decimals, booleans, dates, date-times,
/// URIs, nullable members, arrays, enums, nested objects), three <c>$defs</c>, and <c>$ref</c>s into two other files
/// (one to a definition, one to the other file's root type). The same count always gives the same files.
/// </summary>
public static class SyntheticSchemas
{
    /// <summary>Where the schema files live, relative to the project directory.</summary>
    public const string Folder = "Schemas/";

    /// <summary>The file name of schema <paramref name="index"/>.</summary>
    /// <param name="index">Zero-based index.</param>
    /// <returns>The file name, e.g. <c>entity-7.schema.json</c>.</returns>
    public static string FileName(int index) => string.Create(CultureInfo.InvariantCulture, $"entity-{index}.schema.json");

    /// <summary>Makes <paramref name="count"/> schema files.</summary>
    /// <param name="count">How many, at least 1.</param>
    /// <returns>The files.</returns>
    public static IReadOnlyList<SchemaFile> Create(int count)
    {
        if (count < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "At least one schema is needed.");
        }

        var files = new List<SchemaFile>(count);
        for (var i = 0; i < count; i++)
        {
            files.Add(new SchemaFile(Folder + FileName(i), Create(i, count)));
        }

        return files;
    }

    /// <summary>
    /// The same schema with one more optional property: an edit that changes only that schema's generated file.
    /// </summary>
    /// <param name="text">A schema made by <see cref="Create(int)"/>.</param>
    /// <param name="propertyName">Name of the property to add (a new name gives a new edit).</param>
    /// <returns>The edited text.</returns>
    public static string AddProperty(string text, string propertyName)
    {
        const string Anchor = "\"properties\": {";
        var at = text.IndexOf(Anchor, StringComparison.Ordinal);
        if (at < 0)
        {
            throw new ArgumentException("The schema has no properties object.", nameof(text));
        }

        at += Anchor.Length;
        return string.Concat(text.AsSpan(0, at), $"\n    \"{propertyName}\": {{ \"type\": \"string\", \"maxLength\": 500, \"description\": \"Added by an edit.\" }},", text.AsSpan(at));
    }

    private static string Create(int index, int count)
    {
        // Cross-file references: the previous file's id definition and a root type further along; with one file,
        // the file refers to itself.
        var idRef = count == 1 ? "#/$defs/entityId" : FileName((index + count - 1) % count) + "#/$defs/entityId";
        var rootRef = count == 1 ? "#" : FileName((index + 7) % count);
        var extra = index % 9; // 0..8 extra properties: 12 to 20 in all

        var json = new StringBuilder(4096);
        json.Append(CultureInfo.InvariantCulture, $$"""
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "$id": "https://bench.factschema.dev/schemas/{{FileName(index)}}",
              "title": "Entity{{index}}",
              "description": "Synthetic entity number {{index}} for the generator benchmarks.",
              "type": "object",
              "properties": {
                "id": { "$ref": "#/$defs/entityId", "description": "Identifier." },
                "kind": { "$ref": "#/$defs/kind" },
                "name": { "type": "string", "minLength": 1, "maxLength": 200, "description": "Display name." },
                "count": { "type": "integer", "minimum": 0 },
                "amount": { "type": "number", "format": "decimal", "minimum": 0 },
                "active": { "type": "boolean", "default": true },
                "createdOn": { "type": "string", "format": "date" },
                "updatedAt": { "type": "string", "format": "date-time" },
                "homepage": { "type": "string", "format": "uri" },
                "note": { "type": ["string", "null"], "maxLength": 1000 },
                "owner": { "$ref": "{{idRef}}", "description": "Id in another file." },
                "related": { "type": "array", "items": { "$ref": "{{rootRef}}" }, "description": "Root type of another file." }
            """);
        for (var p = 0; p < extra; p++)
        {
            json.Append(",\n    ");
            json.Append((p % 4) switch
            {
                0 => $$"""
                    "tags{{p}}": { "type": "array", "items": { "type": "string", "minLength": 1 }, "uniqueItems": true }
                    """,
                1 => $$"""
                    "parts{{p}}": { "type": "array", "items": { "$ref": "#/$defs/part" } }
                    """,
                2 => $$"""
                    "ratio{{p}}": { "type": "number", "minimum": 0, "maximum": 1 }
                    """,
                _ => $$"""
                    "detail{{p}}": { "type": "object", "properties": { "label": { "type": "string" }, "level": { "type": "integer" } }, "required": ["label"], "additionalProperties": false }
                    """,
            });
        }

        json.Append(CultureInfo.InvariantCulture, $$"""

              },
              "required": ["id", "kind", "name"],
              "additionalProperties": false,
              "$defs": {
                "entityId": { "type": "string", "minLength": 1, "maxLength": 100, "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$" },
                "kind": { "type": "string", "enum": ["alpha", "beta", "gamma-ray", "delta", "other"] },
                "part": {
                  "type": "object",
                  "properties": {
                    "label": { "type": "string", "minLength": 1 },
                    "weight": { "type": "number", "format": "decimal" },
                    "kind": { "$ref": "#/$defs/kind" }
                  },
                  "required": ["label"],
                  "additionalProperties": false
                }
              }
            }

            """);
        return json.ToString();
    }
}
