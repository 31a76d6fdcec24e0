using System;
using System.Collections.Generic;

namespace FactSchema.Validation;

/// <summary>The outcome of validating a value or a document against its schema.</summary>
public sealed class ValidationResult
{
    private static readonly ValidationError[] s_none = Array.Empty<ValidationError>();

    private ValidationResult(IReadOnlyList<ValidationError> errors, bool truncated)
    {
        Errors = errors;
        IsTruncated = truncated;
    }

    /// <summary>The result of every valid value (shared, so a valid result allocates nothing).</summary>
    public static ValidationResult Valid { get; } = new(s_none, false);

    /// <summary>True when the value matches its schema.</summary>
    public bool IsValid => Errors.Count == 0;

    /// <summary>Every error found, in document order, up to the cap (<see cref="ValidationOptions.MaxErrors"/>).</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    /// <summary>True when there were more errors than the cap and the rest were not collected.</summary>
    public bool IsTruncated { get; }

    /// <summary>Creates a result from the errors found.</summary>
    /// <param name="errors">The errors; an empty list means valid.</param>
    /// <param name="truncated">Whether more errors were left out.</param>
    /// <returns>The result.</returns>
    public static ValidationResult FromErrors(IReadOnlyList<ValidationError> errors, bool truncated = false)
        => errors is null ? throw new ArgumentNullException(nameof(errors)) : errors.Count == 0 ? Valid : new ValidationResult(errors, truncated);

    /// <summary>Throws <see cref="FactSchemaValidationException"/> with every error, unless the value is valid.</summary>
    /// <exception cref="FactSchemaValidationException">The value is not valid.</exception>
    public void ThrowIfInvalid()
    {
        if (!IsValid)
        {
            throw new FactSchemaValidationException(Errors, IsTruncated);
        }
    }

    /// <summary>"valid", or every error on its own line.</summary>
    /// <returns>A readable summary.</returns>
    public override string ToString()
        => IsValid ? "valid" : string.Join(Environment.NewLine, Errors) + (IsTruncated ? Environment.NewLine + "(more errors left out)" : string.Empty);
}
