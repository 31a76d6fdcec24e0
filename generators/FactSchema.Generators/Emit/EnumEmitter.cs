using System.Globalization;
using System.Linq;
using FactSchema.Generators.Model;
using static FactSchema.Generators.Emit.KnownNames;

namespace FactSchema.Generators.Emit;

/// <summary>Emits a C# enum for a string <c>enum</c>, and a converter that keeps each value's exact JSON spelling.</summary>
internal static class EnumEmitter
{
    public static void Emit(SourceWriter w, EnumTypeSpec type, string @namespace)
    {
        var converter = (@namespace.Length == 0 ? "global::" : "global::" + @namespace + ".") + type.ConverterName;
        CodeText.WriteDocElement(w, "summary", type.Summary);
        CodeText.WriteDocElement(w, "remarks", type.Remarks);
        if (type.Deprecated)
        {
            w.WriteLine($"[{Obsolete}(\"Deprecated by its JSON Schema.\")]");
        }

        w.WriteLine($"[{JsonConverterAttribute}(typeof({converter}))]");
        w.WriteLine($"[{GeneratedCode}(\"{GeneratorName}\", \"{GeneratorVersion}\")]");
        w.OpenBlock($"public enum {type.Name}");
        foreach (var member in type.Members)
        {
            CodeText.WriteDocElement(w, "summary", $"JSON value {CodeText.JsonQuoted(member.JsonValue)}.");
            w.WriteLine(member.Name + ",");
        }

        w.CloseBlock();
        w.WriteLine();

        w.WriteLine($"/// <summary>Reads and writes <see cref=\"{type.FullName}\"/> with the exact JSON spelling of each value.</summary>");
        w.WriteLine($"[{GeneratedCode}(\"{GeneratorName}\", \"{GeneratorVersion}\")]");
        w.OpenBlock($"public sealed partial class {type.ConverterName} : {RecordEmitter.ConverterBase(type.JsonSchemaPointer is not null)}<{type.FullName}>");
        RecordEmitter.EmitConverterSchema(w, type.JsonSchemaPointer is null ? null : "JsonSchema");
        // Members are declared in order with implicit values, so a member's value is its index in these arrays; the
        // encoded texts are made from the spellings, which are declared first (static fields initialise in text order).
        w.WriteLine("private static readonly string[] __fs_allowed = new string[]");
        w.WriteLine("{");
        foreach (var member in type.Members)
        {
            w.WriteLine("    " + CodeText.Literal(member.JsonValue) + ",");
        }

        w.WriteLine("};");
        w.WriteLine($"private static readonly {JsonEncodedText}[] __fs_values = {Writer}.EncodeAll(__fs_allowed);");
        w.WriteLine();

        SchemaFileEmitter.EmitValidatorEntry(w, "The generated validator of the enum's schema (used by generated code, also across assemblies).", "ValidateCore", type.ValidatorMethod ?? throw new System.InvalidOperationException("The enum " + type.Name + " has no validator method"));
        w.WriteLine();

        // One-line docs: each member's parameters say what they are by their names and types.
        w.WriteLine("/// <summary>Reads the enum value at the <paramref name=\"reader\"/>'s current token, a JSON string with one of the values' exact spellings.</summary>");
        w.OpenBlock($"public static {type.FullName} ReadValue(ref {Utf8JsonReader} reader)");
        w.OpenBlock($"if (reader.TokenType != {JsonTokenType}.String)");
        w.WriteLine($"throw {Reader}.UnexpectedToken(ref reader, \"a string\");");
        w.CloseBlock();
        w.WriteLine();
        w.WriteLine("var index = __fs_Match(ref reader);");
        w.WriteLine($"return index >= 0 ? ({type.FullName})index : throw {Reader}.NotInEnum(ref reader, __fs_allowed);");
        w.CloseBlock();
        w.WriteLine();
        NameMatcherEmitter.Emit(w, "private static int __fs_Match", type.Members.Select(m => m.JsonValue).ToList());
        w.WriteLine();

        w.WriteLine("/// <summary>Writes the JSON string of <paramref name=\"value\"/>.</summary>");
        w.WriteLine($"public static void WriteValue({Utf8JsonWriter} writer, {type.FullName} value) => writer.WriteStringValue(ToEncodedText(value));");
        w.WriteLine();

        w.WriteLine("/// <summary>The JSON string of <paramref name=\"value\"/>, pre-encoded for writers.</summary>");
        w.WriteLine($"public static {JsonEncodedText} ToEncodedText({type.FullName} value) => {InRange(type)} ? __fs_values[(int)value] : throw {Undefined(type)};");
        w.WriteLine();

        w.WriteLine("/// <summary>The exact JSON spelling of <paramref name=\"value\"/> (without quotes).</summary>");
        w.WriteLine($"public static string ToJsonString({type.FullName} value) => {InRange(type)} ? __fs_allowed[(int)value] : throw {Undefined(type)};");
        w.WriteLine();

        w.WriteLine("/// <summary>Finds the <paramref name=\"value\"/> whose exact JSON spelling (without quotes) is <paramref name=\"json\"/>; <see langword=\"false\"/> when none has it.</summary>");
        w.OpenBlock($"public static bool TryParse(string? json, out {type.FullName} value)");
        w.WriteLine($"var index = {Reader}.IndexOfSpelling(__fs_allowed, json);");
        w.WriteLine($"value = index >= 0 ? ({type.FullName})index : default;");
        w.WriteLine("return index >= 0;");
        w.CloseBlock();
        w.WriteLine();

        w.WriteLine("/// <inheritdoc/>");
        w.WriteLine($"public override {type.FullName} Read(ref {Utf8JsonReader} reader, global::System.Type typeToConvert, {JsonSerializerOptions} options) => ReadValue(ref reader);");
        w.WriteLine();
        w.WriteLine("/// <inheritdoc/>");
        w.WriteLine($"public override void Write({Utf8JsonWriter} writer, {type.FullName} value, {JsonSerializerOptions} options) => WriteValue(writer, value);");
        w.CloseBlock();
    }

    private static string InRange(EnumTypeSpec type) => $"(uint)value < {type.Members.Count.ToString(CultureInfo.InvariantCulture)}u";

    private static string Undefined(EnumTypeSpec type) => $"{Writer}.UndefinedEnumValue({CodeText.Literal(type.Name)}, (long)value)";
}
