using System;

namespace FactSchema.Serialization;

/// <summary>
/// Records, in a library built with FactSchema, which C# type a schema location maps to, so that
/// projects referencing the library can <c>$ref</c> the schema by its <c>$id</c> and get the existing
/// type instead of a duplicate. The generator emits these; there is no need to write them by hand.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true, Inherited = false)]
public sealed class FactSchemaTypeAttribute : Attribute
{
    /// <summary>Creates the record for one schema location.</summary>
    /// <param name="schemaUri">The absolute URI of the schema, with a JSON Pointer fragment (<c>…/actor.schema.json#/$defs/actorId</c>; <c>#</c> alone for the root).</param>
    /// <param name="type">The C# type values of that schema have.</param>
    public FactSchemaTypeAttribute(string schemaUri, Type type)
    {
        SchemaUri = schemaUri;
        Type = type;
    }

    /// <summary>The absolute URI of the schema, with its JSON Pointer fragment.</summary>
    public string SchemaUri { get; }

    /// <summary>The C# type values of that schema have.</summary>
    public Type Type { get; }

    /// <summary>Whether the schema allows JSON <c>null</c>.</summary>
    public bool AllowsNull { get; set; }

    /// <summary>
    /// The generated validator of the schema location, as <c>Namespace.Class.Method</c> (a static method with the
    /// <see cref="FactSchema.Validation.JsonValidator"/> signature), so that validators in other assemblies can call it.
    /// </summary>
    public string? Validator { get; set; }
}
