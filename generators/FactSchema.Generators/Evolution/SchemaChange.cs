using FactSchema.Generators.Json;

namespace FactSchema.Generators.Evolution;

/// <summary>
/// One difference between a baseline schema and the new one, judged in every category. Located in the new file
/// (where it is absent there, at the closest schema that is present) with the baseline's location alongside.
/// </summary>
/// <param name="Kind">Which rule found it.</param>
/// <param name="Breaks">The categories it breaks (none: a compatible change, listed by the tool, not reported by the build).</param>
/// <param name="Detail">What changed, in words, with the values.</param>
/// <param name="NewFile">The new schema file's path ("" when the whole file is gone).</param>
/// <param name="NewPointer">JSON Pointer in the new file.</param>
/// <param name="NewSpan">Where in the new file.</param>
/// <param name="OldFile">The baseline file's path relative to the baseline.</param>
/// <param name="OldPointer">JSON Pointer in the baseline file.</param>
/// <param name="OldSpan">Where in the baseline file.</param>
internal sealed record SchemaChange(
    ChangeKind Kind,
    CompatibilityCategory Breaks,
    string Detail,
    string NewFile,
    string NewPointer,
    SourceSpan NewSpan,
    string OldFile,
    string OldPointer,
    SourceSpan OldSpan)
{
    public CompatibilityRule Rule => CompatibilityRule.For(Kind);

    /// <summary>"old/file.json:12:5", the baseline location for messages.</summary>
    public string OldLocation => OldFile + ":" + (OldSpan.StartLine + 1) + ":" + (OldSpan.StartColumn + 1) + (OldPointer.Length == 0 ? string.Empty : " (#" + OldPointer + ")");
}
