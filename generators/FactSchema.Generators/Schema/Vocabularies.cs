using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using FactSchema.Generators.Common;
using FactSchema.Generators.Diagnostics;
using FactSchema.Generators.Json;

namespace FactSchema.Generators.Schema;

/// <summary>
/// Honours <c>$vocabulary</c> (draft 2019-09 and 2020-12): a schema whose <c>$schema</c> names a meta-schema of the
/// build that lists its vocabularies is read with only those vocabularies. The keywords of a vocabulary the
/// meta-schema leaves out are unknown keywords there (annotations), so they are dropped before the schema model and the
/// validators see the file; a required vocabulary FactSchema does not know is FS0017.
/// </summary>
/// <remarks>
/// This is a set-level step: which vocabularies a file uses depends on another file (its meta-schema). It runs once per
/// schema set, before names and indexes are built, and only rewrites the files whose meta-schema narrows the
/// vocabularies; every other file is passed through as it is. The core vocabulary is always on (the specification
/// requires it), and the meta-data keywords (<c>title</c>, <c>description</c>, …) are kept whichever vocabularies are
/// listed: they only annotate, and they give the generated code its names and comments.
/// </remarks>
internal static class Vocabularies
{
    private const string Core = "core";
    private const string MetaData = "meta-data";
    private const string FormatAnnotation = "format-annotation";
    private const string FormatAssertion = "format-assertion";

    /// <summary>The keywords of each vocabulary that can be switched off (draft 2020-12 names; 2019-09 has the unevaluated keywords in its applicator vocabulary).</summary>
    private static readonly Dictionary<string, string[]> s_keywords = new[] { "applicator", "unevaluated", "validation", "content", FormatAnnotation }
        .ToDictionary(vocabulary => vocabulary, Keywords.Of, StringComparer.Ordinal);

    private static readonly string[] s_vocabularyBases =
    {
        "https://json-schema.org/draft/2020-12/vocab/",
        "https://json-schema.org/draft/2019-09/vocab/",
    };

    /// <summary>The documents with each one's vocabularies applied (the same list when no file narrows them).</summary>
    public static IReadOnlyList<SchemaDocument> Apply(IReadOnlyList<SchemaDocument> documents, CancellationToken cancellationToken)
    {
        Dictionary<string, SchemaDocument>? metaSchemas = null;
        foreach (var document in documents)
        {
            if (document.Json?["$vocabulary"] is { Kind: JsonKind.Object })
            {
                metaSchemas ??= new Dictionary<string, SchemaDocument>(StringComparer.Ordinal);
                metaSchemas[WithoutEmptyFragment(document.BaseUri)] = document;
            }
        }

        if (metaSchemas is null)
        {
            return documents;
        }

        var result = new List<SchemaDocument>(documents.Count);
        foreach (var document in documents)
        {
            cancellationToken.ThrowIfCancellationRequested();
            result.Add(
                document.Json?["$schema"] is { Kind: JsonKind.String, Text: { } metaSchemaUri } schemaValue
                && metaSchemas.TryGetValue(WithoutEmptyFragment(metaSchemaUri), out var metaSchema)
                    ? Narrow(document, metaSchema, schemaValue.Span, cancellationToken)
                    : document);
        }

        return result;
    }

    private static SchemaDocument Narrow(SchemaDocument document, SchemaDocument metaSchema, SourceSpan schemaSpan, CancellationToken cancellationToken)
    {
        var listed = new HashSet<string>(StringComparer.Ordinal) { Core, MetaData };
        var diagnostics = new DiagnosticBag(document.FilePath);
        diagnostics.AddRange(document.Diagnostics);
        foreach (var vocabulary in metaSchema.Json!["$vocabulary"]!.Members)
        {
            if (NameOf(vocabulary.Name) is { } name)
            {
                listed.Add(name);
            }
            else if (vocabulary.Value.Kind == JsonKind.True)
            {
                // "If the value is true, then implementations that do not recognize the vocabulary MUST refuse to process
                // any schemas that declare this meta-schema with "$schema"."
                diagnostics.Report(DiagnosticDescriptors.UnknownVocabulary, schemaSpan, vocabulary.Name, metaSchema.RelativePath);
            }
        }

        var dropped = new HashSet<string>(StringComparer.Ordinal);
        foreach (var vocabulary in s_keywords)
        {
            // Either format vocabulary keeps the keyword; format-assertion also makes it an assertion.
            var on = listed.Contains(vocabulary.Key) || (vocabulary.Key == FormatAnnotation && listed.Contains(FormatAssertion));
            if (!on)
            {
                dropped.UnionWith(vocabulary.Value);
            }
        }

        var assertsFormat = document.FormatAssertion || listed.Contains(FormatAssertion);
        if (dropped.Count == 0 && assertsFormat == document.FormatAssertion && diagnostics.Count == document.Diagnostics.Count)
        {
            return document;
        }

        var json = Strip(document.Json!, dropped, depth: 0, cancellationToken);
        if (ReferenceEquals(json, document.Json))
        {
            return document with { FormatAssertion = assertsFormat, Diagnostics = diagnostics.ToImmutable() };
        }

        // The schema model is read again from the narrowed JSON, so that no stage sees a keyword the file does not use;
        // what the parser found in the dropped keywords no longer applies either.
        var (root, schemaDiagnostics) = SchemaParser.Parse(json, document.FilePath, cancellationToken);
        var kept = new List<DiagnosticInfo>();
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Descriptor == DiagnosticDescriptors.DuplicateKeyword || diagnostic.Descriptor == DiagnosticDescriptors.UnknownVocabulary)
            {
                kept.Add(diagnostic);
            }
        }

        kept.AddRange(schemaDiagnostics);
        return document with { Root = root, Json = json, FormatAssertion = assertsFormat, Diagnostics = kept.ToImmutableEquatableArray() };
    }

    /// <summary>The vocabulary's short name ("applicator") when it is one of the standard ones, else null.</summary>
    private static string? NameOf(string uri)
    {
        foreach (var prefix in s_vocabularyBases)
        {
            if (uri.StartsWith(prefix, StringComparison.Ordinal))
            {
                var name = uri.Substring(prefix.Length);
                return name == Core || name == MetaData || name == FormatAssertion || s_keywords.ContainsKey(name) ? name : null;
            }
        }

        return null;
    }

    private static string WithoutEmptyFragment(string uri) => uri.EndsWith("#", StringComparison.Ordinal) ? uri.Substring(0, uri.Length - 1) : uri;

    /// <summary>The schema without the dropped keywords, here and in every subschema that a kept keyword holds.</summary>
    private static JsonNode Strip(JsonNode schema, HashSet<string> dropped, int depth, CancellationToken cancellationToken)
    {
        if (schema.Kind != JsonKind.Object || depth > 256 || (depth > 0 && schema["$schema"] is not null))
        {
            // A subschema with its own $schema is another resource, read with its own meta-schema.
            return schema;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var members = new List<JsonMember>(schema.Members.Count);
        var changed = false;
        foreach (var member in schema.Members)
        {
            if (dropped.Contains(member.Name))
            {
                changed = true;
                continue;
            }

            var value = DraftNormalizer.MapSubschemas(member.Name, member.Value, s => Strip(s, dropped, depth + 1, cancellationToken));
            changed |= !ReferenceEquals(value, member.Value);
            members.Add(ReferenceEquals(value, member.Value) ? member : new JsonMember(member.Name, member.NameSpan, value));
        }

        return changed ? schema with { Members = members.ToImmutableEquatableArray() } : schema;
    }
}
