using System;

namespace FactSchema.Validation;

/// <summary>How validation reports what it finds.</summary>
public sealed class ValidationOptions
{
    /// <summary>The options used when none are given: at most 100 errors.</summary>
    public static ValidationOptions Default { get; } = new();

    private readonly int _maxErrors = 100;

    /// <summary>The most errors collected (1 to 100,000); validation stops looking once it has that many.</summary>
    public int MaxErrors
    {
        get => _maxErrors;
        init => _maxErrors = value is >= 1 and <= 100_000 ? value : throw new ArgumentOutOfRangeException(nameof(MaxErrors), value, "MaxErrors must be between 1 and 100,000.");
    }
}
