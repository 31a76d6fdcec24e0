using Microsoft.CodeAnalysis;

namespace FactSchema.Generators.Diagnostics;

/// <summary>
/// Every diagnostic FactSchema reports. Ids are stable and tracked in AnalyzerReleases.*.md;
/// docs/diagnostics.md explains each one with an example and the fix.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "FactSchema";

    /// <summary>docs/diagnostics.md, where each id has an example and the fix.</summary>
    private const string HelpLinkBase = "https://github.com/factschema/factschema/blob/main/docs/diagnostics.md#";

    public static readonly DiagnosticDescriptor InvalidJson = Create(
        "FS0001", "Schema file is not valid JSON", "The schema file '{0}' is not valid JSON: {1}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidSchema = Create(
        "FS0002", "Schema is not a JSON Schema", "'{0}' is not a JSON Schema: {1}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidKeyword = Create(
        "FS0003", "Schema keyword has an invalid value", "The keyword '{0}' is invalid: {1}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnresolvedReference = Create(
        "FS0004", "$ref cannot be resolved", "The reference '{0}' cannot be resolved: {1}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor TypeNameCollision = Create(
        "FS0005", "Two schemas produce the same type name", "The type name '{0}' in namespace '{1}' is already generated from '{2}'; give this schema another title, a FactSchema TypeName or another Namespace", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ReferenceCycle = Create(
        "FS0006", "$ref cycle with no type in between", "The reference '{0}' forms a cycle that never reaches an object type: {1}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnsupportedConstruct = Create(
        "FS0007", "Schema construct is not mapped to a C# type yet", "{0} is not mapped to a C# type yet; the value is kept as raw JSON (JsonElement) so that nothing is lost", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor LanguageVersionTooLow = Create(
        "FS0008", "C# 11 or later is required", "FactSchema generates C# 11 code (required members, UTF-8 literals) but the project uses C# {0}; set <LangVersion>11</LangVersion> or later", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor DuplicateKeyword = Create(
        "FS0009", "Duplicate property in a schema object", "The property '{0}' appears more than once in this object; the first one is used", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InvalidValueForType = Create(
        "FS0010", "Value does not fit the schema's type", "The {0} value {1} does not fit the schema's type and is ignored", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor MissingRuntime = Create(
        "FS0011", "The FactSchema runtime library is not referenced", "Generated code needs the FactSchema runtime library; reference the FactSchema package (or project)", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor NotRepresentableInUtf8 = Create(
        "FS0013", "Name has no UTF-8 form", "The {0} {1} contains an unpaired surrogate and has no UTF-8 form, so no JSON document can hold it; it is left out", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InvalidPattern = Create(
        "FS0014", "Invalid regular expression", "The pattern {0} is not a valid regular expression ({1}); no value can match it, so validation rejects every string it applies to", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor AmbiguousUnion = Create(
        "FS0015", "Union branches can match the same value", "Branches {0} and {1} of this {2} can both match the same value and no property tells them apart; {3}", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor AllOfConflict = Create(
        "FS0016", "allOf branches disagree", "The allOf branches disagree: {0}; {1}", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnknownVocabulary = Create(
        "FS0017", "Meta-schema requires an unknown vocabulary", "The meta-schema {1} requires the vocabulary {0}, which FactSchema does not know; a schema that declares it cannot be read as its authors meant", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor OverlappingAnyOf = Create(
        "FS0018", "anyOf branches can match the same value", "Branches {0} and {1} of this anyOf can both match the same value and no property tells them apart; reading takes the first branch that matches", DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor DefinitionNotASchema = Create(
        "FS0019", "A definition is not a schema", "The definition '{0}' is ignored: {1}", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor NotStrict = Create(
        "FS0020", "Schema cannot be made strict for structured output", "FactSchemaStructuredOutputProfile is OpenAIStrict, but this schema cannot be made strict: {0}; asking a model for it fails at run time", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InvalidStructuredOutputProfile = Create(
        "FS0021", "Unknown FactSchemaStructuredOutputProfile value", "FactSchemaStructuredOutputProfile: '{0}' is not Exact or OpenAIStrict and is ignored", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InvalidCompatibilityPolicy = Create(
        "FS1000", "Unknown FactSchemaCompatibility value", "FactSchemaCompatibility: '{0}' is not BACKWARD, FORWARD, FULL, NONE, WIRE_READ, WIRE_WRITE, SOURCE or REFERENCE and is ignored", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InvalidBaseline = Create(
        "FS1041", "Baseline schema cannot be read", "The baseline schema '{0}' cannot be read ({1}); it is compared as far as it could be read", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InternalError = Create(
        "FS0012", "FactSchema could not process a schema", "FactSchema could not process this schema ({0}); please report it with the schema file", DiagnosticSeverity.Error);

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity)
        => new(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + id.ToLowerInvariant());
}
