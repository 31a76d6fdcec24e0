using System.Globalization;
using System.Linq;
using FactSchema.Generators.Model;
using static FactSchema.Generators.Emit.KnownNames;

namespace FactSchema.Generators.Emit;

/// <summary>
/// Emits a type union of scalars as a <c>readonly struct</c>: one field per case, <c>Is…</c>/<c>TryGet…</c>/<c>As…</c>,
/// <c>Match</c>/<c>Switch</c>, implicit conversions, value equality, and a reader that picks the case from the token
/// (the cases are of different JSON types, so the token decides).
/// </summary>
internal static class ValueUnionEmitter
{
    public static void Emit(SourceWriter w, ValueUnionTypeSpec type)
    {
        var name = type.Name;
        var cases = type.Cases;
        CodeText.WriteDocElement(w, "summary", type.Summary);
        var remarks = (type.Remarks is null ? string.Empty : type.Remarks + "\n") + "Holds one of: " + string.Join(", ", cases.Select(c => c.Name + " (" + TypeSyntax.Full(c.Type) + ")")) + ". The default value holds none and cannot be written.";
        CodeText.WriteDocElement(w, "remarks", remarks);
        if (type.Deprecated)
        {
            w.WriteLine($"[{Obsolete}(\"Deprecated by its JSON Schema.\")]");
        }

        w.WriteLine($"[{JsonConverterAttribute}(typeof({type.FullName}.JsonConverter))]");
        w.WriteLine($"[{GeneratedCode}(\"{GeneratorName}\", \"{GeneratorVersion}\")]");
        w.OpenBlock($"public readonly partial struct {name} : global::System.IEquatable<{name}>, {ValueInterface}");
        w.WriteLine("private readonly int __fs_case;");
        for (var i = 0; i < cases.Count; i++)
        {
            w.WriteLine($"private readonly {Field(cases[i])} __fs_value{Index(i)};");
        }

        w.WriteLine();
        for (var i = 0; i < cases.Count; i++)
        {
            EmitCaseMembers(w, type, i);
        }

        EmitMatch(w, type);
        EmitEquality(w, type);
        EmitWriter(w, type);
        RecordEmitter.EmitDeserializeMethods(w, name, hidesBase: false);
        RecordEmitter.EmitReadCheckedByValidator(w, name, hidesBase: false, "the value", type.ReadCheck);
        RecordEmitter.OpenReadUnvalidated(w, name, hidesBase: false, "the value");
        EmitReader(w, type);
        w.CloseBlock();
        w.WriteLine();
        RecordEmitter.EmitValidation(w, name, type.ValidatorMethod, hidesBase: false, isStruct: true);
        RecordEmitter.EmitConverter(w, name, type.FullName, hidesBase: false, schema: type.JsonSchemaPointer is null ? null : type.FullName + ".JsonSchema");
        w.CloseBlock();
    }

    private static string Index(int i) => i.ToString(CultureInfo.InvariantCulture);

    /// <summary>The field type: reference types are nullable (unset cases hold null).</summary>
    private static string Field(ValueUnionCaseSpec @case) => @case.Type.IsValueType ? TypeSyntax.Full(@case.Type) : TypeSyntax.Base(@case.Type) + "?";

    private static void EmitCaseMembers(SourceWriter w, ValueUnionTypeSpec type, int i)
    {
        var @case = type.Cases[i];
        var caseType = TypeSyntax.Full(@case.Type);
        var tag = Index(i + 1);
        var bang = @case.Type.IsValueType ? string.Empty : "!";
        w.WriteLine($"/// <summary>Holds the {@case.Name} case.</summary>");
        w.WriteLine("/// <param name=\"value\">The value.</param>");
        w.OpenBlock($"public {type.Name}({caseType} value)");
        w.WriteLine($"__fs_case = {tag};");
        w.WriteLine(@case.Type.IsValueType
            ? $"__fs_value{Index(i)} = value;"
            : $"__fs_value{Index(i)} = value ?? throw new global::System.ArgumentNullException(nameof(value));");
        for (var j = 0; j < type.Cases.Count; j++)
        {
            if (j != i)
            {
                w.WriteLine($"__fs_value{Index(j)} = default;");
            }
        }

        w.CloseBlock();
        w.WriteLine();
        w.WriteLine($"/// <summary>Whether this holds the {@case.Name} case.</summary>");
        w.WriteLine($"public bool Is{@case.Name} => __fs_case == {tag};");
        w.WriteLine();
        w.WriteLine($"/// <summary>Gets the {@case.Name} case.</summary>");
        w.WriteLine("/// <param name=\"value\">The value, when this holds the case.</param>");
        w.WriteLine("/// <returns>True when this holds the case.</returns>");
        var notNull = @case.Type.IsValueType ? string.Empty : "[global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] ";
        var outType = @case.Type.IsValueType ? caseType : caseType + "?";
        w.OpenBlock($"public bool TryGet{@case.Name}({notNull}out {outType} value)");
        w.WriteLine($"value = __fs_value{Index(i)};");
        w.WriteLine($"return __fs_case == {tag};");
        w.CloseBlock();
        w.WriteLine();
        w.WriteLine($"/// <summary>The {@case.Name} case.</summary>");
        w.WriteLine($"/// <exception cref=\"global::System.InvalidOperationException\">This holds another case.</exception>");
        w.WriteLine($"public {caseType} As{@case.Name} => __fs_case == {tag} ? __fs_value{Index(i)}{bang} : throw NotThe({CodeText.Literal(@case.Name)});");
        w.WriteLine();
        w.WriteLine($"/// <summary>Holds a value as the {@case.Name} case.</summary>");
        w.WriteLine("/// <param name=\"value\">The value.</param>");
        w.WriteLine($"public static implicit operator {type.Name}({caseType} value) => new(value);");
        w.WriteLine();
    }

    private static void EmitMatch(SourceWriter w, ValueUnionTypeSpec type)
    {
        var cases = type.Cases;
        w.WriteLine("/// <summary>Calls the function for the case this holds.</summary>");
        w.WriteLine("/// <typeparam name=\"TResult\">The result type.</typeparam>");
        foreach (var @case in cases)
        {
            w.WriteLine($"/// <param name=\"on{@case.Name}\">Called for the {@case.Name} case.</param>");
        }

        w.WriteLine("/// <returns>What the function returned.</returns>");
        var parameters = string.Join(", ", cases.Select(c => $"global::System.Func<{TypeSyntax.Full(c.Type)}, TResult> on{c.Name}"));
        w.OpenBlock($"public TResult Match<TResult>({parameters})");
        w.OpenBlock("switch (__fs_case)");
        for (var i = 0; i < cases.Count; i++)
        {
            w.WriteLine($"case {Index(i + 1)}: return on{cases[i].Name}(__fs_value{Index(i)}{(cases[i].Type.IsValueType ? string.Empty : "!")});");
        }

        w.WriteLine("default: throw NotThe(null);");
        w.CloseBlock();
        w.CloseBlock();
        w.WriteLine();
        w.WriteLine("/// <summary>Calls the action for the case this holds.</summary>");
        foreach (var @case in cases)
        {
            w.WriteLine($"/// <param name=\"on{@case.Name}\">Called for the {@case.Name} case.</param>");
        }

        parameters = string.Join(", ", cases.Select(c => $"global::System.Action<{TypeSyntax.Full(c.Type)}> on{c.Name}"));
        w.OpenBlock($"public void Switch({parameters})");
        w.OpenBlock("switch (__fs_case)");
        for (var i = 0; i < cases.Count; i++)
        {
            w.WriteLine($"case {Index(i + 1)}: on{cases[i].Name}(__fs_value{Index(i)}{(cases[i].Type.IsValueType ? string.Empty : "!")}); return;");
        }

        w.WriteLine("default: throw NotThe(null);");
        w.CloseBlock();
        w.CloseBlock();
        w.WriteLine();
        w.OpenBlock("private global::System.InvalidOperationException NotThe(string? wanted)");
        w.WriteLine("var held = __fs_case switch");
        w.WriteLine("{");
        for (var i = 0; i < cases.Count; i++)
        {
            w.WriteLine($"    {Index(i + 1)} => {CodeText.Literal(cases[i].Name)},");
        }

        w.WriteLine("    _ => null,");
        w.WriteLine("};");
        w.WriteLine($"return new global::System.InvalidOperationException(held is null ? {CodeText.Literal("This " + type.Name + " holds no value (it is the default value).")} : {CodeText.Literal("This " + type.Name + " holds the ")} + held + {CodeText.Literal(" case")} + (wanted is null ? \".\" : \", not \" + wanted + \".\"));");
        w.CloseBlock();
        w.WriteLine();
    }

    private static void EmitEquality(SourceWriter w, ValueUnionTypeSpec type)
    {
        var cases = type.Cases;
        w.WriteLine("/// <summary>Whether both hold the same case with equal values.</summary>");
        w.WriteLine("/// <param name=\"other\">The value to compare with.</param>");
        w.WriteLine("/// <returns>True when equal.</returns>");
        w.OpenBlock($"public bool Equals({type.Name} other)");
        w.WriteLine($"if (__fs_case != other.__fs_case) {{ return false; }}");
        w.WriteLine();
        w.OpenBlock("switch (__fs_case)");
        for (var i = 0; i < cases.Count; i++)
        {
            w.WriteLine($"case {Index(i + 1)}: return {EqualityComparer}<{Field(cases[i])}>.Default.Equals(__fs_value{Index(i)}, other.__fs_value{Index(i)});");
        }

        w.WriteLine("default: return true;");
        w.CloseBlock();
        w.CloseBlock();
        w.WriteLine();
        w.WriteLine("/// <inheritdoc/>");
        w.WriteLine($"public override bool Equals(object? obj) => obj is {type.Name} other && Equals(other);");
        w.WriteLine();
        w.WriteLine("/// <inheritdoc/>");
        w.OpenBlock("public override int GetHashCode()");
        w.OpenBlock("switch (__fs_case)");
        for (var i = 0; i < cases.Count; i++)
        {
            var value = $"__fs_value{Index(i)}";
            w.WriteLine($"case {Index(i + 1)}: return unchecked(({Index(i + 1)} * 31) + {(cases[i].Type.IsValueType ? value + ".GetHashCode()" : value + "!.GetHashCode()")});");
        }

        w.WriteLine("default: return 0;");
        w.CloseBlock();
        w.CloseBlock();
        w.WriteLine();
        w.WriteLine("/// <summary>Whether both hold the same case with equal values.</summary>");
        w.WriteLine("/// <param name=\"left\">One value.</param>");
        w.WriteLine("/// <param name=\"right\">The other.</param>");
        w.WriteLine("/// <returns>True when equal.</returns>");
        w.WriteLine($"public static bool operator ==({type.Name} left, {type.Name} right) => left.Equals(right);");
        w.WriteLine();
        w.WriteLine("/// <summary>Whether the values differ.</summary>");
        w.WriteLine("/// <param name=\"left\">One value.</param>");
        w.WriteLine("/// <param name=\"right\">The other.</param>");
        w.WriteLine("/// <returns>True when they differ.</returns>");
        w.WriteLine($"public static bool operator !=({type.Name} left, {type.Name} right) => !left.Equals(right);");
        w.WriteLine();
        w.WriteLine("/// <summary>The value as JSON text (empty for the default value).</summary>");
        w.WriteLine("/// <returns>The JSON text.</returns>");
        w.WriteLine($"public override string ToString() => __fs_case == 0 ? string.Empty : {Serializer}.Serialize(this);");
        w.WriteLine();
    }

    private static void EmitWriter(SourceWriter w, ValueUnionTypeSpec type)
    {
        w.WriteLine("/// <summary>Writes the value this holds as JSON.</summary>");
        w.WriteLine("/// <param name=\"writer\">The writer.</param>");
        w.WriteLine("/// <exception cref=\"global::System.InvalidOperationException\">This is the default value, which holds nothing.</exception>");
        w.OpenBlock($"public void WriteTo({Utf8JsonWriter} writer)");
        w.WriteLine($"if (writer is null) {{ throw new global::System.ArgumentNullException(nameof(writer)); }}");
        w.WriteLine();
        w.OpenBlock("switch (__fs_case)");
        for (var i = 0; i < type.Cases.Count; i++)
        {
            w.OpenBlock($"case {Index(i + 1)}:");
            ValueCodeEmitter.EmitWrite(w, type.Cases[i].Type, $"__fs_value{Index(i)}{(type.Cases[i].Type.IsValueType ? string.Empty : "!")}", depth: 0);
            w.WriteLine("return;");
            w.CloseBlock();
        }

        w.WriteLine($"default: {{ throw NotThe(null); }}");
        w.CloseBlock();
        w.CloseBlock();
        w.WriteLine();
    }

    /// <summary>The token decides the case: each case is of a different JSON type.</summary>
    private static void EmitReader(SourceWriter w, ValueUnionTypeSpec type)
    {
        w.WriteLine($"{Reader}.MoveToValue(ref reader);");
        w.OpenBlock("switch (reader.TokenType)");
        var expected = string.Join(" or ", type.Cases.Select(c => Expected(c.Type)));
        for (var i = 0; i < type.Cases.Count; i++)
        {
            var @case = type.Cases[i];
            var tokens = Tokens(@case.Type);
            w.OpenBlock(string.Join(" ", tokens.Select(t => $"case {JsonTokenType}.{t}:")));
            w.WriteLine($"{TypeSyntax.Full(@case.Type)} __fs_value = default!;");
            ValueCodeEmitter.EmitRead(w, @case.Type, "__fs_value", depth: 0);
            w.WriteLine($"return new {type.Name}(__fs_value);");
            w.CloseBlock();
        }

        w.WriteLine($"default: {{ throw {Reader}.UnexpectedToken(ref reader, {CodeText.Literal(expected)}); }}");
        w.CloseBlock();
    }

    /// <summary>The JSON type a case is read from (an enum's is a string).</summary>
    private static string JsonType(ValueTypeSpec type) => Scalars.Of(type.Kind)?.JsonType ?? "string";

    private static string[] Tokens(ValueTypeSpec type) => JsonType(type) switch
    {
        "boolean" => new[] { "True", "False" },
        "integer" or "number" => new[] { "Number" },
        _ => new[] { "String" },
    };

    private static string Expected(ValueTypeSpec type) => JsonType(type) switch
    {
        "boolean" => "a boolean",
        "integer" => "an integer",
        "number" => "a number",
        _ => "a string",
    };
}
