using System.Collections.Generic;
using System.IO;
using System.Threading;
using FactSchema.Generators.Common;
using FactSchema.Generators.Diagnostics;
using FactSchema.Generators.Json;
using FactSchema.Generators.Mapping;
using FactSchema.Generators.Schema;

namespace FactSchema.Generators.Configuration;

/// <summary>The per-file stage: text to JSON tree to schema model, with located diagnostics.</summary>
internal static class SchemaDocumentReader
{
    public static SchemaDocument Read(SchemaFileInput input, CancellationToken cancellationToken)
    {
        var diagnostics = new DiagnosticBag(input.FilePath);
        var fileUri = input.RetrievalUri ?? SchemaResolver.FileUriFor(input.FilePath);
        var fileName = Path.GetFileName(input.FilePath);
        if (input.Text is null)
        {
            diagnostics.Report(DiagnosticDescriptors.InvalidJson, default, fileName, "the file could not be read");
            return new SchemaDocument(input.FilePath, input.RelativePath, input.Namespace, input.TypeName, fileUri, fileUri, null, diagnostics.ToImmutable());
        }

        var parsed = JsonTextParser.Parse(input.Text, cancellationToken);
        if (parsed.Error is { } error)
        {
            diagnostics.Report(DiagnosticDescriptors.InvalidJson, error.Span, fileName, error.Message);
            return new SchemaDocument(input.FilePath, input.RelativePath, input.Namespace, input.TypeName, fileUri, fileUri, null, diagnostics.ToImmutable());
        }

        foreach (var duplicate in parsed.DuplicateMembers)
        {
            diagnostics.Report(DiagnosticDescriptors.DuplicateKeyword, duplicate.NameSpan, duplicate.Name);
        }

        // Every draft is read as the draft 2020-12 schema it means, once, before the schema model and the validators see it.
        var fallback = DraftNormalizer.DialectOf(input.DefaultDialect) ?? SchemaDialect.Draft202012;
        var json = DraftNormalizer.Normalize(parsed.Root!, fallback, cancellationToken);
        var (root, schemaDiagnostics) = SchemaParser.Parse(json, input.FilePath, cancellationToken);
        diagnostics.AddRange(schemaDiagnostics);
        var baseUri = SchemaResolver.BaseUriFor(fileUri, root);
        return new SchemaDocument(input.FilePath, input.RelativePath, input.Namespace, input.TypeName, baseUri, fileUri, root, diagnostics.ToImmutable(), json, input.FormatAssertion, input.Text);
    }
}
