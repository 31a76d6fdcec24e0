using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using FactSchema.Generators.Common;
using FactSchema.Generators.Configuration;
using FactSchema.Generators.Diagnostics;
using FactSchema.Generators.Emit;
using FactSchema.Generators.Json;
using FactSchema.Generators.Mapping;
using FactSchema.Generators.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace FactSchema.Generators;

/// <summary>
/// Turns JSON Schema files (FactSchema items, passed as AdditionalFiles) into C# records with
/// UTF-8 serializers. The pipeline reads only additional texts and options, so a C# edit does no
/// schema work: schema text → schema model → C# type model → source.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class FactSchemaGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var inputs = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) => SchemaFileInput.From(pair.Left, pair.Right.GetOptions(pair.Left), pair.Right.GlobalOptions, cancellationToken))
            .WithTrackingName(TrackingNames.SchemaFiles)
            .Where(static input => input is not null)
            .Select(static (input, _) => input!);

        var files = inputs.Where(static input => !input.IsBaseline);

        var documents = files
            .Select(static (input, cancellationToken) => Guard(input.FilePath, () => SchemaDocumentReader.Read(input, cancellationToken), error => Failed(input, error)))
            .WithTrackingName(TrackingNames.ParsedSchemas);

        var schemaSet = documents
            .Collect()
            .Select(static (all, cancellationToken) => TypeNamer.Build(all, cancellationToken))
            .WithTrackingName(TrackingNames.SchemaSet);

        var features = context.CompilationProvider
            .Select(static (compilation, _) => ReadFeatures(compilation))
            .WithTrackingName(TrackingNames.TargetFeatures);

        var external = context.CompilationProvider
            .Select(static (compilation, cancellationToken) => ExternalSchemaTypeReader.Read(compilation, cancellationToken))
            .WithTrackingName(TrackingNames.ExternalTypes);

        var mapped = documents
            .Combine(schemaSet)
            .Combine(features)
            .Combine(external)
            .Select(static (input, cancellationToken) =>
            {
                var (((document, set), target), types) = input;
                return Guard(
                    document.FilePath,
                    () => TypeModelMapper.Map(document, set, target, types, cancellationToken),
                    error => new MappingResult(null, ImmutableEquatableArray.ToImmutableEquatableArray(new[] { InternalError(document.FilePath, error) })));
            })
            .WithTrackingName(TrackingNames.MappedSchemas);

        var sources = mapped
            .Select(static (result, _) => result.File)
            .WithTrackingName(TrackingNames.SourceModels);

        var diagnostics = mapped
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);

        context.RegisterSourceOutput(sources, static (spc, file) =>
        {
            if (file is null)
            {
                return;
            }

            string source;
            try
            {
                source = SchemaFileEmitter.Emit(file, spc.CancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                spc.ReportDiagnostic(InternalError(file.SourcePath, ex.GetType().Name + ": " + ex.Message).ToDiagnostic());
                return;
            }

            spc.AddSource(file.HintName, SourceText.From(source, System.Text.Encoding.UTF8));
        });

        var projectNamespace = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => SchemaFileInput.ProjectNamespace(options.GlobalOptions));
        var catalog = sources
            .Select(static (file, _) => TypeCatalogEmitter.EntryFor(file))
            .WithTrackingName(TrackingNames.TypeCatalog)
            .Collect()
            .Combine(projectNamespace);
        context.RegisterSourceOutput(catalog, static (spc, input) =>
        {
            try
            {
                if (TypeCatalogEmitter.Emit(input.Left, input.Right) is { } source)
                {
                    spc.AddSource("FactSchemaTypes.g.cs", SourceText.From(source, System.Text.Encoding.UTF8));
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                spc.ReportDiagnostic(InternalError(string.Empty, "FactSchemaTypes: " + ex.GetType().Name + ": " + ex.Message).ToDiagnostic());
            }
        });

        context.RegisterSourceOutput(diagnostics, static (spc, items) =>
        {
            foreach (var item in items)
            {
                spc.ReportDiagnostic(item.ToDiagnostic());
            }
        });

        RegisterCompatibilityCheck(context, inputs, schemaSet, features, external);
        RegisterStructuredOutputCheck(context, documents);

        var hasSchemas = documents.Collect().Select(static (all, _) => all.Length > 0);
        context.RegisterSourceOutput(features.Combine(hasSchemas), static (spc, input) =>
        {
            var (target, any) = input;
            if (!any)
            {
                return;
            }

            if (target.LanguageVersion < (int)LanguageVersion.CSharp11)
            {
                spc.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.LanguageVersionTooLow, Location.None, FormatVersion(target.LanguageVersion)));
            }

            if (!target.HasRuntimeLibrary)
            {
                spc.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.MissingRuntime, Location.None));
            }

            if (PolyfillEmitter.Emit(target) is { } polyfills)
            {
                spc.AddSource("FactSchema.Polyfills.g.cs", SourceText.From(polyfills, System.Text.Encoding.UTF8));
            }
        });
    }

    /// <summary>
    /// The schema-evolution check: when the project names a baseline (<c>FactSchemaBaseline</c>), its files arrive as
    /// additional files marked FactSchemaBaselineItem; the changes the policy counts are reported at the new files.
    /// Nothing runs for a project without a baseline.
    /// </summary>
    private static void RegisterCompatibilityCheck(
        IncrementalGeneratorInitializationContext context,
        IncrementalValuesProvider<SchemaFileInput> inputs,
        IncrementalValueProvider<SchemaSet> schemaSet,
        IncrementalValueProvider<TargetFeatures> features,
        IncrementalValueProvider<ImmutableEquatableArray<Model.ExternalSchemaType>> external)
    {
        var baseline = inputs
            .Where(static input => input.IsBaseline)
            .Select(static (input, cancellationToken) => Guard(input.FilePath, () => SchemaDocumentReader.Read(input, cancellationToken), error => Failed(input, error)))
            .Collect()
            .WithTrackingName(TrackingNames.Baseline);

        var policy = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) =>
            {
                options.GlobalOptions.TryGetValue("build_property.FactSchemaCompatibility", out var mode);
                options.GlobalOptions.TryGetValue("build_property.FactSchemaCompatibilityErrors", out var errors);
                var parsed = Evolution.CompatibilityPolicy.Parse(mode, errors, out var unknown);
                return (Policy: parsed, Unknown: unknown.ToImmutableEquatableArray());
            });

        var findings = baseline
            .Combine(schemaSet)
            .Combine(features)
            .Combine(external)
            .Combine(policy)
            .Select(static (input, cancellationToken) =>
            {
                var ((((old, set), target), types), (policy, unknown)) = input;
                var diagnostics = new System.Collections.Generic.List<DiagnosticInfo>();
                foreach (var token in unknown)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidCompatibilityPolicy, string.Empty, default, token));
                }

                if (old.IsDefaultOrEmpty)
                {
                    return (Diagnostics: diagnostics.ToImmutableEquatableArray(), policy.AsErrors);
                }

                try
                {
                    foreach (var document in old)
                    {
                        diagnostics.AddRange(document.Diagnostics.Where(d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error).Take(1).Select(d => DiagnosticInfo.Create(DiagnosticDescriptors.InvalidBaseline, string.Empty, default, document.RelativePath, d.ToDiagnostic().GetMessage(System.Globalization.CultureInfo.InvariantCulture))));
                    }

                    foreach (var change in Evolution.CompatibilityCheck.Run(old, set, target, types, cancellationToken))
                    {
                        if (policy.Reports(change))
                        {
                            diagnostics.Add(DiagnosticInfo.Create(change.Rule.Descriptor(policy.AsErrors), change.NewFile, change.NewSpan, change.Detail, change.Rule.Name, Evolution.CompatibilityRule.Describe(change.Breaks & policy.Checked), change.OldLocation));
                        }
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    diagnostics.Add(InternalError(string.Empty, "compatibility check: " + ex.GetType().Name + ": " + ex.Message));
                }

                return (Diagnostics: diagnostics.ToImmutableEquatableArray(), policy.AsErrors);
            })
            .WithTrackingName(TrackingNames.Compatibility);

        context.RegisterSourceOutput(findings, static (spc, result) =>
        {
            foreach (var item in result.Diagnostics)
            {
                spc.ReportDiagnostic(item.ToDiagnostic());
            }
        });
    }

    /// <summary>
    /// The structured-output check: with <c>FactSchemaStructuredOutputProfile=OpenAIStrict</c>, each place of a schema that
    /// FactSchema.Extensions.AI could not make strict is reported where it is written. Nothing runs for other projects.
    /// </summary>
    private static void RegisterStructuredOutputCheck(IncrementalGeneratorInitializationContext context, IncrementalValuesProvider<SchemaDocument> documents)
    {
        var setting = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) =>
            {
                options.GlobalOptions.TryGetValue("build_property.FactSchemaStructuredOutputProfile", out var value);
                return value ?? string.Empty;
            });

        context.RegisterSourceOutput(setting, static (spc, value) =>
        {
            if (!StructuredOutput.StrictProfileCheck.TryParseProfile(value, out _))
            {
                spc.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidStructuredOutputProfile, Location.None, value));
            }
        });

        var strict = setting.Select(static (value, _) => StructuredOutput.StrictProfileCheck.TryParseProfile(value, out var isStrict) && isStrict);
        var findings = documents
            .Combine(strict)
            .Select(static (input, cancellationToken) => input.Right
                ? Guard(input.Left.FilePath, () => StructuredOutput.StrictProfileCheck.Run(input.Left, cancellationToken), error => ImmutableEquatableArray.ToImmutableEquatableArray(new[] { InternalError(input.Left.FilePath, "structured-output check: " + error) }))
                : ImmutableEquatableArray<DiagnosticInfo>.Empty)
            .WithTrackingName(TrackingNames.StructuredOutput);

        context.RegisterSourceOutput(findings, static (spc, items) =>
        {
            foreach (var item in items)
            {
                spc.ReportDiagnostic(item.ToDiagnostic());
            }
        });
    }

    private static TargetFeatures ReadFeatures(Compilation compilation)
    {
        bool Has(string metadataName)
        {
            foreach (var type in compilation.GetTypesByMetadataName(metadataName))
            {
                if (compilation.IsSymbolAccessibleWithin(type, compilation.Assembly))
                {
                    return true;
                }
            }

            return false;
        }

        var languageVersion = compilation is CSharpCompilation csharp ? (int)csharp.LanguageVersion : int.MaxValue;
        return new TargetFeatures(
            HasDateOnly: Has("System.DateOnly"),
            HasRequiredMemberAttribute: Has("System.Runtime.CompilerServices.RequiredMemberAttribute"),
            HasSetsRequiredMembersAttribute: Has("System.Diagnostics.CodeAnalysis.SetsRequiredMembersAttribute"),
            HasCompilerFeatureRequiredAttribute: Has("System.Runtime.CompilerServices.CompilerFeatureRequiredAttribute"),
            HasIsExternalInit: Has("System.Runtime.CompilerServices.IsExternalInit"),
            HasRuntimeLibrary: Has("FactSchema.Serialization.FactSchemaReader"),
            LanguageVersion: languageVersion,
            HasNotNullWhenAttribute: Has("System.Diagnostics.CodeAnalysis.NotNullWhenAttribute"));
    }

    private static string FormatVersion(int version)
        => ((LanguageVersion)version).ToDisplayString();

    /// <summary>The generator must never fail a build with CS8785: unexpected errors become a located FS0012.</summary>
    private static T Guard<T>(string filePath, Func<T> work, Func<string, T> onError)
    {
        try
        {
            return work();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return onError(ex.GetType().Name + ": " + ex.Message);
        }
    }

    private static SchemaDocument Failed(SchemaFileInput input, string error)
    {
        var uri = SchemaResolver.FileUriFor(input.FilePath);
        return new SchemaDocument(input.FilePath, input.RelativePath, input.Namespace, input.TypeName, uri, uri, null, ImmutableEquatableArray.ToImmutableEquatableArray(new[] { InternalError(input.FilePath, error) }));
    }

    private static DiagnosticInfo InternalError(string filePath, string error)
        => DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, filePath, default(SourceSpan), error);
}
