using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using FactSchema.Generators.Common;
using FactSchema.Generators.Json;
using Microsoft.CodeAnalysis;

namespace FactSchema.Generators.Diagnostics;

/// <summary>
/// The diagnostics a stage finds in one schema file. Every per-file stage (the reader, the parser, the vocabulary
/// filter, the type mapping, the validator planner, the strict-profile check) reports through one, so a diagnostic is
/// always made the same way: the file's path, a located span, string arguments. The set-level compatibility check
/// reports across files and keeps a list of its own.
/// </summary>
internal sealed class DiagnosticBag : IEnumerable<DiagnosticInfo>
{
    private readonly List<DiagnosticInfo> _items = new();
    private readonly HashSet<(string Key, string Id)> _once = new();

    public DiagnosticBag(string filePath) => FilePath = filePath;

    /// <summary>The schema file every diagnostic of the bag is located in.</summary>
    public string FilePath { get; }

    public int Count => _items.Count;

    /// <summary>Reports <paramref name="descriptor"/> at <paramref name="span"/> of the file.</summary>
    public void Report(DiagnosticDescriptor descriptor, SourceSpan span, params string[] arguments)
        => _items.Add(DiagnosticInfo.Create(descriptor, FilePath, span, arguments));

    /// <summary>Reports <paramref name="descriptor"/> once per <paramref name="key"/> (a schema reached along several paths is described once).</summary>
    public void ReportOnce(string key, DiagnosticDescriptor descriptor, SourceSpan span, params string[] arguments)
    {
        if (_once.Add((key, descriptor.Id)))
        {
            Report(descriptor, span, arguments);
        }
    }

    /// <summary>Takes over what an earlier stage found.</summary>
    public void AddRange(IEnumerable<DiagnosticInfo> diagnostics) => _items.AddRange(diagnostics);

    /// <summary>The diagnostics in the order they were reported.</summary>
    public ImmutableEquatableArray<DiagnosticInfo> ToImmutable() => _items.ToImmutableEquatableArray();

    /// <summary>The diagnostics without repeats, in source order (then by rule): a step's output, stable whatever order the stage reported in.</summary>
    public ImmutableEquatableArray<DiagnosticInfo> ToSorted()
        => _items.Distinct()
            .OrderBy(d => d.Span.Start)
            .ThenBy(d => d.Descriptor.Id, StringComparer.Ordinal)
            .ToImmutableEquatableArray();

    public IEnumerator<DiagnosticInfo> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
