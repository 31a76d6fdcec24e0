using System;

namespace FactSchema.Validation;

/// <summary>The JSON types a schema's <c>type</c> keyword names, as flags (used by generated validators).</summary>
[Flags]
public enum JsonTypes
{
    /// <summary>No type.</summary>
    None = 0,

    /// <summary><c>null</c>.</summary>
    Null = 1,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean = 2,

    /// <summary>An object.</summary>
    Object = 4,

    /// <summary>An array.</summary>
    Array = 8,

    /// <summary>Any number.</summary>
    Number = 16,

    /// <summary>A number with no fractional part (<c>1.0</c> is one).</summary>
    Integer = 32,

    /// <summary>A string.</summary>
    String = 64,
}
