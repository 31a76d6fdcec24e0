using System;
using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FactSchema.Generators.Configuration;

/// <summary>
/// A schema file as the build hands it over: its text and the options that apply to it
/// (from <c>FactSchema</c> item metadata and MSBuild properties).
/// </summary>
internal sealed record SchemaFileInput(string FilePath, string RelativePath, string Namespace, string? TypeName, string? Text, string? RetrievalUri = null, bool FormatAssertion = false, string? DefaultDialect = null, bool IsBaseline = false)
{
    private const string MetadataPrefix = "build_metadata.AdditionalFiles.";
    private const string PropertyPrefix = "build_property.";

    /// <summary>Returns the input for a FactSchema item, or null when the additional file is not one.</summary>
    public static SchemaFileInput? From(AdditionalText file, AnalyzerConfigOptions fileOptions, AnalyzerConfigOptions globalOptions, CancellationToken cancellationToken)
    {
        if (fileOptions.TryGetValue(MetadataPrefix + "FactSchemaBaselineItem", out var baseline) && string.Equals(baseline, "true", StringComparison.OrdinalIgnoreCase))
        {
            return BaselineFrom(file, fileOptions, globalOptions, cancellationToken);
        }

        var marked = fileOptions.TryGetValue(MetadataPrefix + "FactSchemaItem", out var item) && string.Equals(item, "true", StringComparison.OrdinalIgnoreCase);
        if (!marked)
        {
            var autoInclude = !globalOptions.TryGetValue(PropertyPrefix + "FactSchemaAutoInclude", out var auto) || !string.Equals(auto, "false", StringComparison.OrdinalIgnoreCase);
            if (!autoInclude || !file.Path.EndsWith(".schema.json", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }
        }

        var ns = FirstNonEmpty(
            Get(fileOptions, MetadataPrefix + "FactSchemaNamespace"),
            Get(globalOptions, PropertyPrefix + "FactSchemaNamespace"),
            Get(globalOptions, PropertyPrefix + "RootNamespace"));
        var typeName = Get(fileOptions, MetadataPrefix + "FactSchemaTypeName");
        var relative = MakeRelative(file.Path, Get(globalOptions, PropertyPrefix + "ProjectDir"));
        var text = file.GetText(cancellationToken)?.ToString();
        var retrievalUri = Get(fileOptions, MetadataPrefix + "FactSchemaBaseUri");
        if (retrievalUri is not null && !Uri.TryCreate(retrievalUri, UriKind.Absolute, out _))
        {
            retrievalUri = null;
        }

        var formatAssertion = FirstNonEmpty(
            Get(fileOptions, MetadataPrefix + "FactSchemaFormatAssertion"),
            Get(globalOptions, PropertyPrefix + "FactSchemaFormatAssertion"));
        // The dialect of a file without $schema (FactSchemaDialect: a meta-schema URI, or draft-04/06/07, 2019-09, 2020-12).
        var dialect = FirstNonEmpty(
            Get(fileOptions, MetadataPrefix + "FactSchemaDialect"),
            Get(globalOptions, PropertyPrefix + "FactSchemaDialect"));
        return new SchemaFileInput(
            file.Path,
            relative,
            SanitizeNamespace(ns ?? string.Empty),
            string.IsNullOrWhiteSpace(typeName) ? null : typeName,
            text,
            retrievalUri,
            string.Equals(formatAssertion, "true", StringComparison.OrdinalIgnoreCase),
            dialect);
    }

    /// <summary>
    /// A file of the baseline (the previous version of the project's schemas, for the compatibility check): its path
    /// relative to the baseline folder is the one its current counterpart has relative to the project.
    /// </summary>
    private static SchemaFileInput BaselineFrom(AdditionalText file, AnalyzerConfigOptions fileOptions, AnalyzerConfigOptions globalOptions, CancellationToken cancellationToken)
    {
        var relative = Get(fileOptions, MetadataPrefix + "FactSchemaBaselinePath")?.Replace('\\', '/') ?? Path.GetFileName(file.Path);
        var ns = FirstNonEmpty(Get(globalOptions, PropertyPrefix + "FactSchemaNamespace"), Get(globalOptions, PropertyPrefix + "RootNamespace"));
        return new SchemaFileInput(
            file.Path,
            relative,
            SanitizeNamespace(ns ?? string.Empty),
            null,
            file.GetText(cancellationToken)?.ToString(),
            null,
            string.Equals(Get(globalOptions, PropertyPrefix + "FactSchemaFormatAssertion"), "true", StringComparison.OrdinalIgnoreCase),
            Get(globalOptions, PropertyPrefix + "FactSchemaDialect"),
            IsBaseline: true);
    }

    /// <summary>The project's schema namespace: <c>FactSchemaNamespace</c>, else <c>RootNamespace</c>.</summary>
    public static string ProjectNamespace(AnalyzerConfigOptions globalOptions)
        => SanitizeNamespace(FirstNonEmpty(Get(globalOptions, PropertyPrefix + "FactSchemaNamespace"), Get(globalOptions, PropertyPrefix + "RootNamespace")) ?? string.Empty);

    private static string? Get(AnalyzerConfigOptions options, string key)
        => options.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static string? FirstNonEmpty(params string?[] values)
    {
        foreach (var value in values)
        {
            if (!string.IsNullOrEmpty(value))
            {
                return value;
            }
        }

        return null;
    }

    internal static string MakeRelative(string path, string? projectDirectory)
    {
        var normalized = path.Replace('\\', '/');
        if (projectDirectory is { Length: > 0 })
        {
            var root = projectDirectory.Replace('\\', '/');
            if (!root.EndsWith("/", StringComparison.Ordinal))
            {
                root += "/";
            }

            if (normalized.StartsWith(root, StringComparison.OrdinalIgnoreCase))
            {
                return normalized.Substring(root.Length);
            }

            // Outside the project (a linked file): keep the name only; the hint name is de-duplicated later.
            return Path.GetFileName(normalized);
        }

        return normalized.TrimStart('/');
    }

    /// <summary>Each dotted segment becomes a valid identifier, so a namespace setting cannot break or inject code.</summary>
    internal static string SanitizeNamespace(string ns)
    {
        if (ns.Length == 0)
        {
            return ns;
        }

        var parts = ns.Split('.');
        for (var i = 0; i < parts.Length; i++)
        {
            var part = Mapping.Identifiers.ToPascalCase(parts[i], "Schemas");
            if (Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(parts[i]) && Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(parts[i]) == Microsoft.CodeAnalysis.CSharp.SyntaxKind.None)
            {
                part = parts[i];
            }

            parts[i] = part;
        }

        return string.Join(".", parts);
    }
}
