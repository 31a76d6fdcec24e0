using System.Globalization;
using System.Linq;
using FactSchema.Generators.Model;
using static FactSchema.Generators.Emit.KnownNames;

namespace FactSchema.Generators.Emit;

/// <summary>
/// Emits a union: an <c>abstract</c> record whose reader picks the variant (by discriminator, or by the one branch
/// that matches), plus a positional wrapper record for every branch that is not a generated record of its own.
/// Generated records that are variants are emitted by <see cref="RecordEmitter"/> with the union as their base.
/// </summary>
internal static class UnionEmitter
{
    public static void Emit(SourceWriter w, UnionTypeSpec type)
    {
        var name = type.Name;
        var hidesBase = type.BaseType is not null;
        CodeText.WriteDocElement(w, "summary", type.Summary);
        var variants = string.Join(", ", type.Variants.Select(v => $"<see cref=\"{v.FullName}\"/>"));
        var dispatch = type.Discriminator is { } discriminator
            ? $"The JSON property {CodeText.EscapeXml(CodeText.JsonQuoted(discriminator))} names the variant."
            : type.IsOneOf ? "The variant is the one branch of the schema's oneOf that the value matches." : "The variant is the first branch of the schema's anyOf that the value matches.";
        w.WriteLine("/// <remarks>");
        if (type.Remarks is not null)
        {
            foreach (var line in CodeText.DocLines(type.Remarks))
            {
                w.WriteLine("/// " + line);
            }

            w.WriteLine("/// <para/>");
        }

        w.WriteLine($"/// One of: {variants}. {dispatch} Only these types derive from <see cref=\"{name}\"/>, so a <c>switch</c> over them is complete.");
        w.WriteLine("/// </remarks>");
        if (type.Deprecated)
        {
            w.WriteLine($"[{Obsolete}(\"Deprecated by its JSON Schema.\")]");
        }

        w.WriteLine($"[{JsonConverterAttribute}(typeof({type.FullName}.JsonConverter))]");
        w.WriteLine($"[{GeneratedCode}(\"{GeneratorName}\", \"{GeneratorVersion}\")]");
        w.OpenBlock($"public abstract partial record {name} : {type.BaseType ?? ValueInterface}");
        EmitStaticFields(w, type);
        w.WriteLine($"/// <summary>Only the generated variants derive from <see cref=\"{name}\"/>.</summary>");
        w.OpenBlock($"private protected {name}()");
        w.CloseBlock();
        w.WriteLine();
        if (!hidesBase)
        {
            w.WriteLine("/// <summary>Writes this value as JSON (a variant writes its own discriminator).</summary>");
            w.WriteLine("/// <param name=\"writer\">The writer.</param>");
            w.WriteLine($"public abstract void WriteTo({Utf8JsonWriter} writer);");
            w.WriteLine();
            RecordEmitter.EmitSerializeToUtf8Bytes(w);
        }

        foreach (var variant in type.Variants.Where(v => v.HasConversion))
        {
            w.WriteLine($"/// <summary>Wraps a value as the <see cref=\"{variant.FullName}\"/> variant.</summary>");
            w.WriteLine("/// <param name=\"value\">The value.</param>");
            w.WriteLine($"public static implicit operator {name}({TypeSyntax.Full(variant.Wrapped!)} value) => new {variant.FullName}(value);");
            w.WriteLine();
        }

        RecordEmitter.EmitDeserializeMethods(w, name, hidesBase);
        var inline = type.ReadCheck == ReadCheckMode.Inline && type.Discriminator is not null;
        if (inline)
        {
            // The variant the discriminator names proves itself; no other can match (see ReadCheckPlanner.PlanUnion).
            RecordEmitter.OpenReadCheckedWithUnvalidatedWrapper(w, name, hidesBase, "the value");
        }
        else
        {
            RecordEmitter.EmitReadCheckedByValidator(w, name, hidesBase, "the value", type.ReadCheck);
            RecordEmitter.OpenReadUnvalidated(w, name, hidesBase, "the value");
        }

        w.WriteLine($"{Reader}.MoveToValue(ref reader);");
        if (type.Discriminator is not null)
        {
            EmitDiscriminatorDispatch(w, type, inline);
        }
        else
        {
            EmitShapeDispatch(w, type);
        }

        w.CloseBlock();
        w.WriteLine();
        RecordEmitter.EmitValidation(w, name, type.ValidatorMethod, hidesBase);
        RecordEmitter.EmitConverter(w, name, type.FullName, hidesBase, schema: type.JsonSchemaPointer is null ? null : type.FullName + ".JsonSchema");
        w.CloseBlock();

        foreach (var variant in type.Variants.Where(v => v.Wrapped is not null))
        {
            w.WriteLine();
            EmitWrapper(w, type, variant);
        }
    }

    private static string Index(int i) => i.ToString(CultureInfo.InvariantCulture);

    private static void EmitStaticFields(SourceWriter w, UnionTypeSpec type)
    {
        w.WriteLine("private static readonly string[] __fs_variants = new string[]");
        w.WriteLine("{");
        foreach (var variant in type.Variants)
        {
            w.WriteLine("    " + CodeText.Literal(variant.Name) + ",");
        }

        w.WriteLine("};");
        if (type.Discriminator is not null)
        {
            w.WriteLine("private static readonly string[] __fs_tags = new string[]");
            w.WriteLine("{");
            foreach (var variant in type.Variants)
            {
                w.WriteLine("    " + CodeText.Literal(variant.DiscriminatorValue!) + ",");
            }

            w.WriteLine("};");
        }
        else
        {
            for (var i = 0; i < type.Variants.Count; i++)
            {
                w.WriteLine($"private static readonly {JsonValidator} __fs_branch{Index(i)} = {type.Variants[i].ValidatorMethod ?? throw new System.InvalidOperationException("A variant of " + type.Name + " has no validator method")};");
            }
        }

        w.WriteLine();
    }

    /// <summary>Reads the discriminator wherever it is in the object, then hands the whole object to the variant's reader.</summary>
    private static void EmitDiscriminatorDispatch(SourceWriter w, UnionTypeSpec type, bool check)
    {
        var discriminator = type.Discriminator!;
        var utf8 = CodeText.Utf8Literal(discriminator);
        w.WriteLine($"{Reader}.ExpectStartObject(ref reader);");
        w.OpenBlock($"if (!{Reader}.TryFindProperty(reader, {utf8 ?? "global::System.Text.Encoding.UTF8.GetBytes(" + CodeText.Literal(discriminator) + ")"}, out var __fs_tag))");
        w.WriteLine($"throw {Reader}.MissingDiscriminator(ref reader, {CodeText.Literal(discriminator)}, {CodeText.Literal(type.Name)});");
        w.CloseBlock();
        w.WriteLine();
        w.OpenBlock($"if (__fs_tag.TokenType == {JsonTokenType}.String)");
        for (var i = 0; i < type.Variants.Count; i++)
        {
            var value = type.Variants[i].DiscriminatorValue!;
            var literal = CodeText.Utf8Literal(value) ?? $"global::System.Text.Encoding.UTF8.GetBytes({CodeText.Literal(value)})";
            if (i > 0)
            {
                w.WriteLine();
            }

            w.OpenBlock($"if ({Reader}.TextEquals(ref __fs_tag, {literal}))");
            EmitReadVariant(w, type.Variants[i], check);
            w.CloseBlock();
        }

        w.CloseBlock();
        w.WriteLine();
        w.WriteLine($"throw {Exception}.Nest({Reader}.UnknownDiscriminator(ref __fs_tag, {CodeText.Literal(type.Name)}, __fs_tags), {CodeText.Literal(discriminator)});");
    }

    /// <summary>
    /// Runs each branch's validator on the value (without moving the reader): <c>anyOf</c> takes the first that
    /// matches; <c>oneOf</c> needs exactly one.
    /// </summary>
    private static void EmitShapeDispatch(SourceWriter w, UnionTypeSpec type)
    {
        if (!type.IsOneOf)
        {
            for (var i = 0; i < type.Variants.Count; i++)
            {
                w.OpenBlock($"if ({BranchMatches(type.Variants[i], i)})");
                EmitReadVariant(w, type.Variants[i]);
                w.CloseBlock();
                w.WriteLine();
            }

            w.WriteLine($"throw {Reader}.NoMatchingVariant(ref reader, {CodeText.Literal(type.Name)}, __fs_variants);");
            return;
        }

        w.WriteLine("var __fs_match = -1;");
        for (var i = 0; i < type.Variants.Count; i++)
        {
            w.OpenBlock($"if ({BranchMatches(type.Variants[i], i)})");
            if (i > 0)
            {
                w.WriteLine($"if (__fs_match >= 0) {{ throw {Reader}.AmbiguousVariant(ref reader, {CodeText.Literal(type.Name)}, __fs_variants[__fs_match], __fs_variants[{Index(i)}]); }}");
                w.WriteLine();
            }

            w.WriteLine($"__fs_match = {Index(i)};");
            w.CloseBlock();
            w.WriteLine();
        }

        w.OpenBlock("switch (__fs_match)");
        for (var i = 0; i < type.Variants.Count; i++)
        {
            w.OpenBlock($"case {Index(i)}:");
            EmitReadVariant(w, type.Variants[i]);
            w.CloseBlock();
        }

        w.WriteLine($"default: {{ throw {Reader}.NoMatchingVariant(ref reader, {CodeText.Literal(type.Name)}, __fs_variants); }}");
        w.CloseBlock();
    }

    /// <summary>
    /// A branch is taken when its schema matches and its C# type can hold the value: with <c>format</c> only an
    /// annotation, <c>{"format": "date"}</c> matches a date-time too, which a <c>DateOnly</c> cannot hold.
    /// </summary>
    private static string BranchMatches(UnionVariantSpec variant, int index)
    {
        var matches = $"{ValidationRuntime}.Matches(reader, __fs_branch{Index(index)})";
        return variant.Wrapped is { } wrapped && ValueCodeEmitter.CanHoldCondition(wrapped, "reader") is { } holds
            ? $"{matches} && {holds}"
            : matches;
    }

    private static void EmitReadVariant(SourceWriter w, UnionVariantSpec variant, bool check = false)
    {
        if (variant.Wrapped is not { } wrapped)
        {
            w.WriteLine(check ? $"return {variant.FullName}.ReadChecked(ref reader, ref proven);" : $"return {variant.FullName}.ReadUnvalidated(ref reader);");
            return;
        }

        w.WriteLine($"{TypeSyntax.Full(wrapped)} __fs_value = default!;");
        ValueCodeEmitter.EmitRead(w, wrapped, "__fs_value", depth: 0);
        w.WriteLine($"return new {variant.FullName}(__fs_value);");
    }

    /// <summary>A <c>sealed</c> positional record holding a branch's value: <c>case EvidenceQuote(var quote):</c> deconstructs it.</summary>
    private static void EmitWrapper(SourceWriter w, UnionTypeSpec union, UnionVariantSpec variant)
    {
        var wrapped = variant.Wrapped!;
        var typeName = TypeSyntax.Full(wrapped);
        var name = variant.Name;
        w.WriteLine($"/// <summary>The {CodeText.EscapeXml(variant.Summary ?? TypeSyntax.Full(wrapped))} variant of <see cref=\"{union.FullName}\"/>.</summary>");
        w.WriteLine("/// <param name=\"Value\">The value.</param>");
        w.WriteLine($"[{JsonConverterAttribute}(typeof({variant.FullName}.JsonConverter))]");
        w.WriteLine($"[{GeneratedCode}(\"{GeneratorName}\", \"{GeneratorVersion}\")]");
        w.OpenBlock($"public sealed partial record {name}({typeName} Value) : {union.FullName}");
        if (TypeSyntax.NeedsComparerField(wrapped))
        {
            RecordEmitter.EmitComparerField(w, wrapped, "__fs_comparer");
            w.WriteLine();
        }

        var comparer = TypeSyntax.NeedsComparerField(wrapped) ? "__fs_comparer" : $"{EqualityComparer}<{typeName}>.Default";
        w.WriteLine("/// <summary>Value equality of the wrapped values (collections by content).</summary>");
        w.WriteLine("/// <param name=\"other\">The value to compare with.</param>");
        w.WriteLine("/// <returns><see langword=\"true\"/> when both hold the same JSON data.</returns>");
        w.WriteLine($"public bool Equals({name}? other) => other is not null && {comparer}.Equals(Value, other.Value);");
        w.WriteLine();
        w.WriteLine($"/// <summary>A hash code consistent with <see cref=\"Equals({name}?)\"/>.</summary>");
        w.WriteLine("/// <returns>The hash code.</returns>");
        var nullable = wrapped.Nullable || !wrapped.IsValueType;
        var unwrapped = wrapped.Nullable && wrapped.IsValueType ? "Value.Value" : "Value";
        var hash = TypeSyntax.NeedsComparerField(wrapped) ? $"__fs_comparer.GetHashCode({unwrapped})" : $"{unwrapped}.GetHashCode()";
        w.WriteLine($"public override int GetHashCode() => {(nullable ? $"Value is null ? 0 : {hash}" : hash)};");
        w.WriteLine();
        w.WriteLine("/// <summary>Writes the wrapped value as JSON.</summary>");
        w.WriteLine("/// <param name=\"writer\">The writer.</param>");
        w.OpenBlock($"public override void WriteTo({Utf8JsonWriter} writer)");
        w.WriteLine($"if (writer is null) {{ throw new global::System.ArgumentNullException(nameof(writer)); }}");
        w.WriteLine();
        if (!wrapped.IsValueType && !wrapped.Nullable)
        {
            w.OpenBlock("if (Value is null)");
            w.WriteLine($"throw {Writer}.RequiredMemberIsNull({CodeText.Literal(name)}, \"Value\");");
            w.CloseBlock();
            w.WriteLine();
        }

        ValueCodeEmitter.EmitWrite(w, wrapped, "Value", depth: 0);
        w.CloseBlock();
        w.WriteLine();
        var read = $"{union.FullName}.Deserialize(ref reader) as {variant.FullName} ?? throw new {JsonException}({CodeText.Literal("The JSON value is not the " + name + " variant of " + union.Name + ".")})";
        RecordEmitter.EmitConverter(w, name, variant.FullName, hidesBase: true, read, union.JsonSchemaPointer is null ? null : union.FullName + ".JsonSchema");
        w.CloseBlock();
    }
}
