using FactSchema.Generators.Common;
using FactSchema.Generators.Diagnostics;

namespace FactSchema.Generators.Schema;

/// <summary>
/// One schema file after parsing, with the options that apply to it. The per-file unit of the pipeline.
/// </summary>
/// <param name="FilePath">The path as the compiler knows it (used for diagnostic locations).</param>
/// <param name="RelativePath">The path relative to the project, with '/' separators (used for hint names and comments).</param>
/// <param name="Namespace">The namespace of the generated types.</param>
/// <param name="TypeName">An explicit root type name from item metadata, if any.</param>
/// <param name="BaseUri">The file's base URI: its <c>$id</c> resolved against its location.</param>
/// <param name="FileUri">The file's own location as a URI, so relative <c>$ref</c>s to files resolve too.</param>
/// <param name="Root">The root schema, or null when the file could not be read as a schema.</param>
/// <param name="Diagnostics">What reading the file found wrong.</param>
/// <param name="Json">The file's JSON as read, which the validator compiler works from (every keyword, not only the mapped ones).</param>
/// <param name="Text">The file's text as written (what the generated <c>JsonSchema</c> members hand out as the source).</param>
/// <param name="FormatAssertion">Whether <c>format</c> is checked (an assertion) rather than only recorded (an annotation).</param>
internal sealed record SchemaDocument(
    string FilePath,
    string RelativePath,
    string Namespace,
    string? TypeName,
    string BaseUri,
    string FileUri,
    SchemaNode? Root,
    ImmutableEquatableArray<DiagnosticInfo> Diagnostics,
    Json.JsonNode? Json = null,
    bool FormatAssertion = false,
    string? Text = null);
