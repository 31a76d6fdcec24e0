using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using FactSchema.Serialization;

namespace FactSchema.Validation;

/// <summary>
/// A well-formed JSON document, or a value built in code, that breaks its schema. Carries every error found
/// (up to the cap) in <see cref="Errors"/>; the one-line message names the first and how many more there are.
/// </summary>
/// <remarks>
/// A <see cref="FactSchemaJsonException"/> (and so a <see cref="JsonException"/>): code that catches reading errors catches
/// this too. <see cref="FactSchemaJsonException.InstanceLocation"/>, <see cref="JsonException.LineNumber"/> and
/// <see cref="JsonException.BytePositionInLine"/> describe the first error.
/// </remarks>
public sealed class FactSchemaValidationException : FactSchemaJsonException
{
    /// <summary>Creates the exception for the errors found.</summary>
    /// <param name="errors">The errors (at least one).</param>
    /// <param name="truncated">Whether more errors were left out because of the cap.</param>
    public FactSchemaValidationException(IReadOnlyList<ValidationError> errors, bool truncated = false)
        : base(
            Describe(errors ?? throw new ArgumentNullException(nameof(errors)), truncated),
            errors.Count > 0 ? errors[0].BytePosition : null,
            errors.Count > 0 ? errors[0].SegmentsInnermostFirst() : new List<object>(),
            null,
            errors.Count > 0 ? errors[0].LineNumber : null,
            errors.Count > 0 ? errors[0].BytePositionInLine : null,
            null)
    {
        Errors = errors;
        IsTruncated = truncated;
    }

    /// <summary>Every error found, in document order.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    /// <summary>True when more errors were found than the cap allowed to collect.</summary>
    public bool IsTruncated { get; }

    private static string Describe(IReadOnlyList<ValidationError> errors, bool truncated)
    {
        if (errors.Count == 1)
        {
            return errors[0].Message;
        }

        // The message stays one line (the base class appends the first error's line and position); every error is in Errors.
        var more = errors.Count - 1;
        return new StringBuilder(errors[0].Message)
            .Append(" (and ").Append(more).Append(truncated ? "+" : string.Empty).Append(more == 1 && !truncated ? " more error" : " more errors").Append(", in Errors)")
            .ToString();
    }
}
