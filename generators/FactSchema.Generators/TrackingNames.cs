namespace FactSchema.Generators;

/// <summary>Names of the pipeline steps, shared with the incrementality tests.</summary>
internal static class TrackingNames
{
    public const string SchemaFiles = nameof(SchemaFiles);
    public const string ParsedSchemas = nameof(ParsedSchemas);
    public const string SchemaSet = nameof(SchemaSet);
    public const string TargetFeatures = nameof(TargetFeatures);
    public const string ExternalTypes = nameof(ExternalTypes);
    public const string MappedSchemas = nameof(MappedSchemas);
    public const string SourceModels = nameof(SourceModels);
    public const string Diagnostics = nameof(Diagnostics);
    public const string TypeCatalog = nameof(TypeCatalog);
    public const string Baseline = nameof(Baseline);
    public const string Compatibility = nameof(Compatibility);
    public const string StructuredOutput = nameof(StructuredOutput);
}
