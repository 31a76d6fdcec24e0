using System.Linq;
using FactSchema.Generators.Common;
using FactSchema.Generators.Json;
using Microsoft.CodeAnalysis;

namespace FactSchema.Generators.Diagnostics;

/// <summary>
/// A diagnostic as a plain equatable value: descriptor id, arguments and a location in a schema file.
/// Diagnostics travel on their own pipeline output, so a moved location does not regenerate source.
/// </summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, string FilePath, SourceSpan Span, ImmutableEquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, string filePath, SourceSpan span, params string[] arguments)
        => new(descriptor, filePath, span, arguments.ToImmutableEquatableArray());

    public Diagnostic ToDiagnostic()
    {
        var location = FilePath.Length == 0
            ? Location.None
            : Location.Create(FilePath, Span.TextSpan, Span.LinePositionSpan);
        return Diagnostic.Create(Descriptor, location, Arguments.Cast<object?>().ToArray());
    }

    public bool Equals(DiagnosticInfo? other)
        => other is not null
        && Descriptor.Id == other.Descriptor.Id
        && FilePath == other.FilePath
        && Span == other.Span
        && Arguments.Equals(other.Arguments);

    public override int GetHashCode() => (Descriptor.Id, FilePath, Span, Arguments).GetHashCode();
}
