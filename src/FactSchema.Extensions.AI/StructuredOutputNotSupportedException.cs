using System;
using System.Collections.Generic;

namespace FactSchema.Extensions.AI;

/// <summary>A schema cannot be made to fit a structured-output profile; <see cref="Violations"/> names every place and why.</summary>
public sealed class StructuredOutputNotSupportedException : NotSupportedException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="schemaName">The schema (or type) that cannot be made to fit.</param>
    /// <param name="profile">The profile.</param>
    /// <param name="violations">Each place and reason, as <c>uri#pointer: reason</c>.</param>
    public StructuredOutputNotSupportedException(string schemaName, StructuredOutputProfile profile, IReadOnlyList<string> violations)
        : base($"The schema of {schemaName} cannot be made to fit the {profile} structured-output profile:{Environment.NewLine}  "
            + string.Join(Environment.NewLine + "  ", violations ?? throw new ArgumentNullException(nameof(violations))))
    {
        Profile = profile;
        Violations = violations;
    }

    /// <summary>The profile.</summary>
    public StructuredOutputProfile Profile { get; }

    /// <summary>Each place (a URI: <c>#</c> and a JSON Pointer into the type's self-contained schema) and why it cannot be made to fit.</summary>
    public IReadOnlyList<string> Violations { get; }
}
