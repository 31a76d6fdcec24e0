using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FactSchema.Extensions.AI.StructuredOutput;
using FactSchema.Serialization;
using FactSchema.Validation;

namespace FactSchema.Extensions.AI;

/// <summary>
/// The schema a model is asked to follow for one generated type under one profile, and the way from its reply back to a
/// document of the type's own schema. Derived once per type and profile; immutable and safe to share.
/// </summary>
/// <example>
/// <code>
/// var output = FactSchemaStructuredOutput.Create(Quote.JsonSchema, StructuredOutputProfile.OpenAIStrict);
/// var format = ChatResponseFormat.ForJsonSchema(output.Schema, "Quote");
/// // … later, the model's reply:
/// var quote = Quote.Deserialize(output.RestoreReply(replyUtf8));
/// </code>
/// </example>
public sealed class FactSchemaStructuredOutput
{
    private static readonly JsonDocumentOptions s_replyOptions = new() { MaxDepth = 256 };

    private readonly ReplyShape? _shape;

    private FactSchemaStructuredOutput(FactSchemaJsonSchema source, StructuredOutputProfile profile, JsonElement schema, ReplyShape? shape, bool wrapped)
    {
        Source = source;
        Profile = profile;
        Schema = schema;
        _shape = shape;
        IsWrapped = wrapped;
    }

    /// <summary>The type's own schema.</summary>
    public FactSchemaJsonSchema Source { get; }

    /// <summary>The profile the schema was made for.</summary>
    public StructuredOutputProfile Profile { get; }

    /// <summary>The schema to send: the exact self-contained schema, or the one derived for the profile.</summary>
    public JsonElement Schema { get; }

    /// <summary>Whether the sent schema wraps the type's value as <c>{"value": …}</c> (the profile takes only an object at the root).</summary>
    public bool IsWrapped { get; }

    /// <summary>Makes the structured output of a schema for a profile.</summary>
    /// <param name="schema">The type's schema (<c>Quote.JsonSchema</c>, or <c>JsonSchema</c> on an enum's converter).</param>
    /// <param name="profile">The profile.</param>
    /// <param name="types">
    /// Where schemas of other assemblies that <paramref name="schema"/> refers to by absolute URI are found (each project's
    /// <c>FactSchemaTypes.Resolver</c>); null when it refers to none.
    /// </param>
    /// <returns>The structured output.</returns>
    /// <exception cref="StructuredOutputNotSupportedException">The schema cannot be made to fit the profile (every place, and why).</exception>
    public static FactSchemaStructuredOutput Create(FactSchemaJsonSchema schema, StructuredOutputProfile profile, FactSchemaJsonTypeInfoResolver? types = null)
    {
        if (schema is null)
        {
            throw new ArgumentNullException(nameof(schema));
        }

        switch (profile)
        {
            case StructuredOutputProfile.Exact:
                return new FactSchemaStructuredOutput(schema, profile, Parse(schema.ToJsonString()), null, wrapped: false);
            case StructuredOutputProfile.OpenAIStrict:
                var derivation = StrictSchemaDeriver.Derive(schema.Name, schema.ToJsonNode(), ExternalFiles(types));
                if (derivation.Violations.Count > 0)
                {
                    throw new StructuredOutputNotSupportedException(schema.Name, profile, derivation.Violations);
                }

                return new FactSchemaStructuredOutput(schema, profile, Parse(derivation.Schema.ToJsonString()), derivation.Shape, derivation.IsWrapped);
            default:
                throw new ArgumentOutOfRangeException(nameof(profile), profile, "Not a structured-output profile.");
        }
    }

    /// <summary>Checks a schema against the rules of a profile: what a provider would refuse.</summary>
    /// <param name="schema">The schema (a derived one, or any other).</param>
    /// <param name="profile">The profile.</param>
    /// <returns>Every rule broken, as <c>#pointer: reason</c>; empty when it fits (always, for <see cref="StructuredOutputProfile.Exact"/>).</returns>
    public static IReadOnlyList<string> FindViolations(JsonElement schema, StructuredOutputProfile profile) => profile switch
    {
        StructuredOutputProfile.Exact => [],
        StructuredOutputProfile.OpenAIStrict => StrictProfileChecker.Check(JsonNode.Parse(schema.GetRawText())),
        _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, "Not a structured-output profile."),
    };

    /// <summary>
    /// Turns a reply that follows <see cref="Schema"/> into a document of the type's own schema: unwrapped, optional members
    /// given as null dropped (unless the original accepts null), maps given as key/value entries turned back into objects.
    /// For <see cref="StructuredOutputProfile.Exact"/> the reply is the document.
    /// </summary>
    /// <param name="utf8Reply">The reply, UTF-8 encoded.</param>
    /// <returns>The document, UTF-8 encoded, for the generated reader.</returns>
    /// <exception cref="FactSchemaJsonException">The reply is not well-formed JSON (with its position).</exception>
    /// <exception cref="FactSchemaValidationException">The reply does not have the sent schema's form where the way back needs it (with the reply's pointers).</exception>
    public byte[] RestoreReply(byte[] utf8Reply)
    {
        if (utf8Reply is null)
        {
            throw new ArgumentNullException(nameof(utf8Reply));
        }

        if (_shape is null)
        {
            return utf8Reply;
        }

        var errors = new List<ValidationError>();
        var restored = _shape.Restore(ParseReply(utf8Reply), string.Empty, errors);
        if (errors.Count > 0)
        {
            throw new FactSchemaValidationException(errors);
        }

        return Write(restored, utf8Reply.Length);
    }

    private static byte[] Write(JsonNode? node, int sizeHint)
    {
        if (node is null)
        {
            return "null"u8.ToArray();
        }

        var buffer = new System.Buffers.ArrayBufferWriter<byte>(Math.Max(sizeHint, 256));
        using (var writer = new Utf8JsonWriter(buffer))
        {
            node.WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// The other way: a document of the type's own schema in the form <see cref="Schema"/> asks for, as a model following it
    /// would write it (every absent member as null, maps as key/value entries, wrapped where the root is). For examples in
    /// prompts and for test doubles; <see cref="RestoreReply"/> of the result gives the document back, except that an absent
    /// member that also accepts null comes back as null (strict replies cannot tell the two apart).
    /// </summary>
    /// <param name="utf8Document">A document of the type's own schema, UTF-8 encoded.</param>
    /// <returns>The reply form, UTF-8 encoded; the document itself for <see cref="StructuredOutputProfile.Exact"/>.</returns>
    /// <exception cref="FactSchemaJsonException">The document is not well-formed JSON.</exception>
    public byte[] ToReply(byte[] utf8Document)
    {
        if (utf8Document is null)
        {
            throw new ArgumentNullException(nameof(utf8Document));
        }

        return _shape is null ? utf8Document : Write(_shape.ToReply(ParseReply(utf8Document)), utf8Document.Length);
    }

    /// <summary>The place in the reply that a JSON Pointer into the restored document names (for telling the model where its errors are).</summary>
    /// <param name="instanceLocation">A JSON Pointer into the document <see cref="RestoreReply"/> made.</param>
    /// <param name="utf8Reply">The reply the document was made from.</param>
    /// <returns>The JSON Pointer into the reply; <paramref name="instanceLocation"/> itself for <see cref="StructuredOutputProfile.Exact"/>.</returns>
    public string ToReplyPointer(string instanceLocation, byte[] utf8Reply)
    {
        if (instanceLocation is null)
        {
            throw new ArgumentNullException(nameof(instanceLocation));
        }

        if (_shape is null)
        {
            return instanceLocation;
        }

        JsonNode? reply;
        try
        {
            reply = ParseReply(utf8Reply ?? throw new ArgumentNullException(nameof(utf8Reply)));
        }
        catch (FactSchemaJsonException)
        {
            return instanceLocation;
        }

        var segments = new List<string>();
        if (instanceLocation.Length > 0)
        {
            foreach (var token in instanceLocation.Substring(1).Split('/'))
            {
                segments.Add(token.Replace("~1", "/").Replace("~0", "~"));
            }
        }

        var pointer = new StringBuilder();
        _shape.Translate(segments, 0, reply, pointer);
        return pointer.ToString();
    }

    private static JsonNode? ParseReply(byte[] utf8Reply)
    {
        try
        {
            return JsonNode.Parse(utf8Reply, documentOptions: s_replyOptions);
        }
        catch (JsonException ex)
        {
            throw FactSchemaJsonException.ForDocument(ex, utf8Reply);
        }
    }

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    /// <summary>The self-contained schema of a file of another assembly, by its URI, from the converters <paramref name="types"/> knows.</summary>
    private static Func<string, JsonNode?> ExternalFiles(FactSchemaJsonTypeInfoResolver? types)
    {
        Dictionary<string, FactSchemaJsonSchema>? files = null;
        return uri =>
        {
            if (types is null)
            {
                return null;
            }

            if (files is null)
            {
                files = new Dictionary<string, FactSchemaJsonSchema>(StringComparer.Ordinal);
                foreach (var type in types.Types)
                {
                    if (types.TryGetConverter(type, out var converter))
                    {
                        files[converter.Schema.File.Id] = converter.Schema.File;
                    }
                }
            }

            return files.TryGetValue(uri, out var file) ? file.ToJsonNode() : null;
        };
    }
}
