using Microsoft.CodeAnalysis.Text;

namespace FactSchema.Generators.Json;

/// <summary>
/// Where a piece of schema text sits in its file: the character span plus 0-based line and column
/// positions, so that diagnostics can point at the exact spot without keeping the text around.
/// </summary>
internal readonly record struct SourceSpan(int Start, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    public TextSpan TextSpan => new(Start, Length);

    public LinePositionSpan LinePositionSpan => new(new LinePosition(StartLine, StartColumn), new LinePosition(EndLine, EndColumn));

    public override string ToString() => $"({StartLine + 1},{StartColumn + 1})";
}
