namespace FactSchema.Generators.Mapping;

/// <summary>
/// The few facts about the consuming compilation that change what we emit. A tiny equatable
/// projection of the compilation, so a C# edit re-runs only this cheap step and no schema work.
/// </summary>
internal sealed record TargetFeatures(
    bool HasDateOnly,
    bool HasRequiredMemberAttribute,
    bool HasSetsRequiredMembersAttribute,
    bool HasCompilerFeatureRequiredAttribute,
    bool HasIsExternalInit,
    bool HasRuntimeLibrary,
    int LanguageVersion,
    bool HasNotNullWhenAttribute = true);
