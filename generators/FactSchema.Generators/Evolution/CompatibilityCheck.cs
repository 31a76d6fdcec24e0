using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using FactSchema.Generators.Common;
using FactSchema.Generators.Json;
using FactSchema.Generators.Mapping;
using FactSchema.Generators.Model;
using FactSchema.Generators.Schema;
using FactSchema.Generators.Validation;

namespace FactSchema.Generators.Evolution;

/// <summary>
/// The schema-evolution check: the project's schemas against a baseline (the previous version), file by file.
/// Files are matched by <c>$id</c>, else by their path relative to the project and to the baseline folder. Used by the
/// build (diagnostics at the new file's locations) and by <c>factschema diff</c>: one engine, one set of rules.
/// </summary>
internal static class CompatibilityCheck
{
    /// <summary>Every change between the baseline and the current schemas, compatible ones included, in a stable order.</summary>
    public static IReadOnlyList<SchemaChange> Run(
        IReadOnlyList<SchemaDocument> baseline,
        SchemaSet newSet,
        TargetFeatures features,
        ImmutableEquatableArray<ExternalSchemaType> external,
        CancellationToken cancellationToken)
    {
        var changes = new List<SchemaChange>();
        if (baseline.Count == 0)
        {
            return changes;
        }

        var byId = new Dictionary<string, SchemaDocument>(StringComparer.Ordinal);
        var byPath = new Dictionary<string, SchemaDocument>(StringComparer.OrdinalIgnoreCase);
        foreach (var document in newSet.Documents)
        {
            if (HasOwnId(document) && !byId.ContainsKey(document.BaseUri))
            {
                byId.Add(document.BaseUri, document);
            }

            if (!byPath.ContainsKey(document.RelativePath))
            {
                byPath.Add(document.RelativePath, document);
            }
        }

        // The baseline is named as the current project names it (namespace, type names from item metadata), so that
        // only what the schemas change is compared.
        var matches = new List<(SchemaDocument Old, SchemaDocument New)>();
        var renamedBaseline = new List<SchemaDocument>();
        foreach (var old in baseline)
        {
            if (old.Json is null)
            {
                continue;
            }

            var match = (HasOwnId(old) && byId.TryGetValue(old.BaseUri, out var byOwnId) ? byOwnId : null)
                ?? (byPath.TryGetValue(old.RelativePath, out var samePath) ? samePath : null);
            if (match is null || match.Json is null)
            {
                changes.Add(new SchemaChange(
                    ChangeKind.FileRemoved,
                    CompatibilityCategory.All,
                    old.RelativePath + (HasOwnId(old) ? " ($id " + old.BaseUri + ")" : string.Empty) + " is not among the project's schemas any more: its types and the $refs to it are gone",
                    string.Empty,
                    string.Empty,
                    default,
                    old.RelativePath,
                    string.Empty,
                    old.Json.Span));
                renamedBaseline.Add(old);
                continue;
            }

            var renamed = old with { Namespace = match.Namespace, TypeName = match.TypeName };
            renamedBaseline.Add(renamed);
            matches.Add((renamed, match));
        }

        var oldSet = TypeNamer.Build(renamedBaseline, cancellationToken);
        var comparer = new WireComparer(oldSet.Index, newSet.Index, cancellationToken);
        foreach (var (old, @new) in matches)
        {
            var oldDocument = oldSet.DocumentFor(old.FilePath) ?? old;
            var newDocument = newSet.DocumentFor(@new.FilePath) ?? @new;
            var oldRoot = new SchemaRef(oldDocument, string.Empty);
            var newRoot = new SchemaRef(newDocument, string.Empty);
            comparer.Compare(oldRoot, newRoot, oldRoot, newRoot);
        }

        changes.AddRange(comparer.Changes);
        SourceComparer.Compare(oldSet, newSet, comparer.Pairs, features, external, changes, cancellationToken);

        var seen = new HashSet<(ChangeKind, string, string, string)>();
        return changes
            .Where(c => seen.Add((c.Kind, c.NewFile, c.NewPointer, c.Detail)))
            .OrderBy(c => c.NewFile, StringComparer.Ordinal)
            .ThenBy(c => c.NewSpan.Start)
            .ThenBy(c => c.Rule.Id, StringComparer.Ordinal)
            .ThenBy(c => c.Detail, StringComparer.Ordinal)
            .ToList();
    }

    private static bool HasOwnId(SchemaDocument document)
        => !string.Equals(document.BaseUri, document.FileUri, StringComparison.Ordinal) && document.Root?.Id is not null;
}

/// <summary>
/// Which categories a build checks and at what severity, from <c>FactSchemaCompatibility</c> (a list of modes and
/// categories) and <c>FactSchemaCompatibilityErrors</c>.
/// </summary>
internal sealed record CompatibilityPolicy(CompatibilityCategory Checked, bool AsErrors)
{
    public static CompatibilityPolicy Default { get; } = new(CompatibilityCategory.All, false);

    /// <summary>
    /// Reads the policy: BACKWARD (WIRE_READ, SOURCE, REFERENCE), FORWARD (WIRE_WRITE, SOURCE, REFERENCE), FULL (all four,
    /// the default), NONE (nothing), or category names, separated by ';' or ','. Unknown tokens are returned to be reported.
    /// </summary>
    public static CompatibilityPolicy Parse(string? value, string? errors, out IReadOnlyList<string> unknown)
    {
        var asErrors = string.Equals(errors?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
        var bad = new List<string>();
        unknown = bad;
        if (string.IsNullOrWhiteSpace(value))
        {
            return new CompatibilityPolicy(CompatibilityCategory.All, asErrors);
        }

        var categories = CompatibilityCategory.None;
        foreach (var raw in value!.Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var token = raw.Trim().ToUpperInvariant();
            switch (token)
            {
                case "":
                    break;
                case "BACKWARD":
                    categories |= CompatibilityCategory.WireRead | CompatibilityCategory.Source | CompatibilityCategory.Reference;
                    break;
                case "FORWARD":
                    categories |= CompatibilityCategory.WireWrite | CompatibilityCategory.Source | CompatibilityCategory.Reference;
                    break;
                case "FULL":
                    categories |= CompatibilityCategory.All;
                    break;
                case "NONE":
                    break;
                case "WIRE_READ":
                    categories |= CompatibilityCategory.WireRead;
                    break;
                case "WIRE_WRITE":
                    categories |= CompatibilityCategory.WireWrite;
                    break;
                case "SOURCE":
                    categories |= CompatibilityCategory.Source;
                    break;
                case "REFERENCE":
                    categories |= CompatibilityCategory.Reference;
                    break;
                default:
                    bad.Add(raw.Trim());
                    break;
            }
        }

        return new CompatibilityPolicy(categories, asErrors);
    }

    /// <summary>Whether the build reports this change (it breaks a checked category).</summary>
    public bool Reports(SchemaChange change) => (change.Breaks & Checked) != 0;
}
