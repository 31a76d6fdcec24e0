using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using FactSchema.Generators.Model;
using FactSchema.Generators.Validation;
using static FactSchema.Generators.Emit.KnownNames;

namespace FactSchema.Generators.Emit;

/// <summary>
/// Emits one <c>sealed partial record</c>: members, value equality, the UTF-8 reader, the writer and
/// the System.Text.Json converter. A pure function of the model.
/// </summary>
internal static class RecordEmitter
{
    /// <summary>Writes the record; <paramref name="sharedMatchers"/> (the file's validators' matchers by their names' key) may hold the one its reader needs.</summary>
    public static void Emit(SourceWriter w, ObjectTypeSpec type, IReadOnlyDictionary<string, string>? sharedMatchers = null)
    {
        var name = type.Name;
        var properties = type.Properties;

        CodeText.WriteDocElement(w, "summary", type.Summary);
        CodeText.WriteDocElement(w, "remarks", type.Remarks);
        if (type.Deprecated)
        {
            w.WriteLine($"[{Obsolete}(\"Deprecated by its JSON Schema.\")]");
        }

        w.WriteLine($"[{JsonConverterAttribute}(typeof({type.FullName}.JsonConverter))]");
        w.WriteLine($"[{GeneratedCode}(\"{GeneratorName}\", \"{GeneratorVersion}\")]");
        w.OpenBlock($"public {(type.IsBase ? string.Empty : "sealed ")}partial record {name} : {type.BaseType ?? ValueInterface}");

        var hidesBase = type.BaseType is not null;
        EmitStaticFields(w, properties);
        EmitProperties(w, properties, type.Deprecated);
        EmitAdditionalPropertiesMember(w, type);
        EmitNonObjectMember(w, type);
        EmitEquality(w, type);
        EmitDeserializeMethods(w, name, hidesBase);
        var names = properties.Select(p => p.JsonName).ToList();
        EmitReader(w, type, names, sharedMatchers is not null && sharedMatchers.TryGetValue(NameMatcherSpec.KeyOf(names), out var shared) ? shared : null);
        EmitValidation(w, name, type.ValidatorMethod, hidesBase);
        EmitWriter(w, type);
        EmitConverter(w, name, type.FullName, hidesBase, schema: type.JsonSchemaPointer is null ? null : type.FullName + ".JsonSchema");

        w.CloseBlock();
    }

    private static string Index(int i) => i.ToString(CultureInfo.InvariantCulture);

    /// <summary>The field behind a property whose presence is tracked (a base record names them after itself, for its derived records).</summary>
    private static string ValueField(PropertySpec property, int i) => property.FieldStem is { } stem ? stem + "_value" : "__fs_value" + Index(i);

    /// <summary>Whether a presence-tracked property's value field starts with a constant or default rather than the type's default.</summary>
    private static bool HasFieldInitializer(PropertySpec property) => property.Const is not null || property.DefaultExpression is not null;

    /// <summary>The bit of property <paramref name="i"/> in its word of the reader's <c>__fs_seen</c> flags.</summary>
    private static string Bit(int i) => "0x" + (1UL << (i % 64)).ToString("X", CultureInfo.InvariantCulture) + "UL";

    private static string SetField(PropertySpec property, int i) => property.FieldStem is { } stem ? stem + "_set" : "__fs_set" + Index(i);

    private static void EmitStaticFields(SourceWriter w, IReadOnlyList<PropertySpec> properties)
    {
        w.WriteLine("private static readonly string[] __fs_jsonNames = new string[]");
        w.WriteLine("{");
        foreach (var property in properties)
        {
            w.WriteLine("    " + CodeText.Literal(property.JsonName) + ",");
        }

        w.WriteLine("};");
        for (var i = 0; i < properties.Count; i++)
        {
            w.WriteLine($"private static readonly {JsonEncodedText} __fs_name{Index(i)} = {JsonEncodedText}.Encode({CodeText.Literal(properties[i].JsonName)});");
        }

        for (var i = 0; i < properties.Count; i++)
        {
            var type = properties[i].Type;
            if (TypeSyntax.NeedsComparerField(type))
            {
                EmitComparerField(w, type, "__fs_comparer" + Index(i));
            }
        }

        foreach (var property in properties)
        {
            EmitCheckFields(w, property.Check);
        }

        w.WriteLine();
    }

    /// <summary>The fields a checked read needs: compiled patterns (filled on first use) and fallback validators.</summary>
    private static void EmitCheckFields(SourceWriter w, ValueCheckSpec? check)
    {
        for (; check is not null; check = check.Items)
        {
            foreach (var scalar in check.Scalars)
            {
                if (scalar.Field is { } field)
                {
                    w.WriteLine($"private static {PatternMatcher}? {field};");
                }
            }

            if (check is { FallbackField: { } fallback, FallbackValidator: { } validator })
            {
                w.WriteLine($"private static readonly {JsonValidator} {fallback} = {validator};");
            }
        }
    }

    /// <summary>A cached structural comparer for a value that needs one (see <see cref="TypeSyntax.NeedsComparerField"/>).</summary>
    internal static void EmitComparerField(SourceWriter w, ValueTypeSpec type, string name)
    {
        var comparerType = type.Kind switch
        {
            ValueKind.Array => $"{ListComparer}<{TypeSyntax.Full(type.Element!)}>",
            ValueKind.Map => $"{MapComparer}<{TypeSyntax.Full(type.Element!)}>",
            _ => ElementComparer,
        };
        w.WriteLine($"private static readonly {comparerType} {name} = {TypeSyntax.Comparer(type, nullableValue: false)};");
    }

    private static void EmitProperties(SourceWriter w, IReadOnlyList<PropertySpec> properties, bool typeDeprecated)
    {
        for (var i = 0; i < properties.Count; i++)
        {
            var property = properties[i];
            if (property.Inherited)
            {
                continue;
            }

            var typeName = TypeSyntax.Property(property);
            // HasFieldInitializer says whether this is empty.
            var initializer = property.Const is { } constant
                ? " = " + ConstExpression(constant) + ";"
                : property.DefaultExpression is { } defaultValue ? " = " + defaultValue + ";" : string.Empty;

            if (property.TrackPresence)
            {
                // A base record's presence flags are shared with the records that derive from it.
                var access = property.FieldStem is null ? "private" : "private protected";
                w.WriteLine($"{access} {typeName} {ValueField(properties[i], i)}{(initializer.Length > 0 ? initializer : ";")}");
                w.WriteLine($"{access} bool {SetField(properties[i], i)};");
                w.WriteLine();
            }

            // Without a description of its own, the summary is the JSON name and how it is read: one line, no filler.
            var remarks = new StringBuilder();
            remarks.Append(property.Summary is null ? $"The JSON property \"{property.JsonName}\"" : "JSON name: " + property.JsonName)
                .Append(property.IsRequired ? " (required" : " (optional");
            if (property.Type.Nullable)
            {
                remarks.Append(", may be null");
            }

            if (property.TrackPresence)
            {
                remarks.Append("; written only when set");
            }

            remarks.Append(").");
            var csharpRequired = property.IsRequired && property.Const is null;

            // C# forbids [Obsolete] on a required member of a type that is not itself obsolete (CS9042).
            var obsolete = property.Deprecated && (!csharpRequired || typeDeprecated);
            if (property.Deprecated && !obsolete)
            {
                remarks.Append(" Deprecated by its JSON Schema.");
            }

            if (property.Summary is null)
            {
                CodeText.WriteDocElement(w, "summary", remarks.ToString());
            }
            else
            {
                CodeText.WriteDocElement(w, "summary", property.Summary);
                CodeText.WriteDocElement(w, "remarks", remarks.ToString());
            }

            if (obsolete)
            {
                w.WriteLine($"[{Obsolete}(\"Deprecated by its JSON Schema.\")]");
            }

            if (property.TrackPresence)
            {
                w.OpenBlock($"public {typeName} {property.Name}");
                w.WriteLine($"get => {ValueField(properties[i], i)};");
                w.WriteLine($"init {{ {ValueField(properties[i], i)} = value; {SetField(properties[i], i)} = true; }}");
                w.CloseBlock();
            }
            else
            {
                var required = csharpRequired ? "required " : string.Empty;
                w.WriteLine($"public {required}{typeName} {property.Name} {{ get; init; }}{initializer}");
            }

            w.WriteLine();
        }
    }

    private static string ConstExpression(ConstSpec constant) => constant.Kind switch
    {
        ValueKind.String => CodeText.Literal(JsonStringValue(constant.Json)),
        ValueKind.Int64 => constant.Json + "L",
        _ => constant.Json,
    };

    /// <summary>The string a JSON string literal stands for (the model keeps constants as JSON text).</summary>
    private static string JsonStringValue(string json)
    {
        var result = Json.JsonTextParser.Parse(json);
        return result.Root?.Text ?? string.Empty;
    }

    private static void EmitAdditionalPropertiesMember(SourceWriter w, ObjectTypeSpec type)
    {
        if (type.AdditionalProperties == AdditionalPropertiesMode.Reject || type.InheritsAdditionalProperties)
        {
            return;
        }

        w.WriteLine("/// <summary>Properties the schema does not declare, kept as raw JSON so that a round trip loses nothing.</summary>");
        w.WriteLine($"public {IReadOnlyDictionary}<string, {JsonElement}>? {type.AdditionalPropertiesMemberName} {{ get; init; }}");
        w.WriteLine();
    }

    private static void EmitNonObjectMember(SourceWriter w, ObjectTypeSpec type)
    {
        if (type.NonObjectMemberName is not { } member || type.InheritsNonObjectMember)
        {
            return;
        }

        w.WriteLine("/// <summary>");
        w.WriteLine("/// The value when it is not a JSON object, or null when it is one. The schema does not declare <c>\"type\": \"object\"</c>,");
        w.WriteLine("/// so any other JSON value is valid too; such a value is kept here, exactly, and the other members are left empty.");
        w.WriteLine("/// </summary>");
        w.WriteLine($"public {JsonElement}? {member} {{ get; init; }}");
        w.WriteLine();
    }

    private static void EmitEquality(SourceWriter w, ObjectTypeSpec type)
    {
        var properties = type.Properties;
        w.WriteLine("/// <summary>Value equality: collections compare by content, absent and null differ where the schema tells them apart.</summary>");
        w.WriteLine("/// <param name=\"other\">The value to compare with.</param>");
        w.WriteLine("/// <returns><see langword=\"true\"/> when both hold the same JSON data.</returns>");
        w.OpenBlock($"public {(type.IsBase ? "virtual " : string.Empty)}bool Equals({type.Name}? other)");
        w.WriteLine("if (other is null) { return false; }");
        w.WriteLine("if (ReferenceEquals(this, other)) { return true; }");
        var terms = new List<string>();
        if (type.IsBase)
        {
            // A derived record is never equal to its base: the runtime types must match.
            terms.Add("EqualityContract == other.EqualityContract");
        }

        if (type.InheritsRecord)
        {
            terms.Add("base.Equals(other)");
        }

        for (var i = 0; i < properties.Count; i++)
        {
            var property = properties[i];
            if (property.Inherited)
            {
                continue;
            }

            var (self, theirs) = property.TrackPresence
                ? ($"{ValueField(properties[i], i)}", $"other.{ValueField(properties[i], i)}")
                : (property.Name, "other." + property.Name);
            if (property.TrackPresence)
            {
                terms.Add($"{SetField(properties[i], i)} == other.{SetField(properties[i], i)}");
            }

            terms.Add(TypeSyntax.NeedsComparerField(property.Type)
                ? $"__fs_comparer{Index(i)}.Equals({self}, {theirs})"
                : $"{EqualityComparer}<{TypeSyntax.Property(property)}>.Default.Equals({self}, {theirs})");
        }

        if (type.AdditionalProperties == AdditionalPropertiesMode.Keep && !type.InheritsAdditionalProperties)
        {
            terms.Add($"{ElementComparer}.Properties.Equals({type.AdditionalPropertiesMemberName}, other.{type.AdditionalPropertiesMemberName})");
        }

        if (type.NonObjectMemberName is { } nonObject && !type.InheritsNonObjectMember)
        {
            terms.Add($"{ElementComparer}.Instance.Equals({nonObject}, other.{nonObject})");
        }

        // One line per member, at most 16 in one condition: a single huge && expression could exhaust the compiler's stack.
        for (var start = 0; start < terms.Count; start += 16)
        {
            var chunk = terms.Skip(start).Take(16).ToList();
            var last = start + 16 >= terms.Count;
            for (var i = 0; i < chunk.Count; i++)
            {
                var head = i > 0 ? "    && " : last ? "return " : "if (!(";
                var tail = i < chunk.Count - 1 ? string.Empty : last ? ";" : ")) { return false; }";
                w.WriteLine(head + chunk[i] + tail);
            }
        }

        if (terms.Count == 0)
        {
            w.WriteLine("return true;");
        }

        w.CloseBlock();
        w.WriteLine();

        w.WriteLine("/// <inheritdoc/>");
        w.OpenBlock("public override int GetHashCode()");
        w.WriteLine(type.InheritsRecord ? "var __fs_hash = base.GetHashCode();" : "var __fs_hash = 17;");
        for (var i = 0; i < properties.Count; i++)
        {
            var property = properties[i];
            if (property.Inherited)
            {
                continue;
            }

            var value = property.TrackPresence ? $"{ValueField(properties[i], i)}" : property.Name;
            var nullable = TypeSyntax.IsNullableProperty(property) || !property.Type.IsValueType;
            var unwrapped = nullable && property.Type.IsValueType ? value + ".Value" : value;
            var hash = TypeSyntax.NeedsComparerField(property.Type)
                ? $"__fs_comparer{Index(i)}.GetHashCode({unwrapped})"
                : $"{unwrapped}.GetHashCode()";
            w.WriteLine($"__fs_hash = unchecked((__fs_hash * 31) + {(nullable ? $"({value} is null ? 0 : {hash})" : hash)});");
        }

        if (type.AdditionalProperties == AdditionalPropertiesMode.Keep && !type.InheritsAdditionalProperties)
        {
            var member = type.AdditionalPropertiesMemberName;
            w.WriteLine($"__fs_hash = unchecked((__fs_hash * 31) + ({member} is null ? 0 : {ElementComparer}.Properties.GetHashCode({member})));");
        }

        if (type.NonObjectMemberName is { } nonObjectMember && !type.InheritsNonObjectMember)
        {
            w.WriteLine($"__fs_hash = unchecked((__fs_hash * 31) + {ElementComparer}.Instance.GetHashCode({nonObjectMember}));");
        }

        w.WriteLine("return __fs_hash;");
        w.CloseBlock();
        w.WriteLine();
    }

    /// <summary>The validation API every generated type shares: Validate, ValidateJson, TryDeserialize, ValidateCore.</summary>
    internal static void EmitValidation(SourceWriter w, string typeName, string? validatorMethod, bool hidesBase, bool isStruct = false)
    {
        var entry = validatorMethod ?? throw new System.InvalidOperationException("The type " + typeName + " has no validator method");
        var @new = hidesBase ? "new " : string.Empty;
        w.WriteLine($"private static readonly {JsonValidator} __fs_validator = ValidateCore;");
        w.WriteLine();
        w.WriteLine(ApiDocs.Validate);
        w.WriteLine($"public {@new}{ValidationResult} Validate() => {Serializer}.Validate(this, __fs_validator);");
        w.WriteLine();
        w.WriteLine(ApiDocs.ValidateJson);
        w.WriteLine($"public static {@new}{ValidationResult} ValidateJson(global::System.ReadOnlySpan<byte> utf8Json) => {ValidationRuntime}.Validate(utf8Json, __fs_validator);");
        w.WriteLine();
        // Overloads that only convert their input take the documentation of the one they call.
        w.WriteLine("/// <inheritdoc cref=\"ValidateJson(global::System.ReadOnlySpan{byte})\"/>");
        w.WriteLine("/// <param name=\"json\">The whole JSON document.</param>");
        w.WriteLine($"public static {@new}{ValidationResult} ValidateJson(string json) => ValidateJson({Reader}.ToUtf8(json));");
        w.WriteLine();
        w.WriteLine(ApiDocs.TryDeserialize);
        w.WriteLine(isStruct
            ? $"public static bool TryDeserialize(global::System.ReadOnlySpan<byte> utf8Json, out {typeName} value, out {IReadOnlyList}<{ValidationError}> errors) => {Serializer}.TryDeserialize(utf8Json, __fs_read, __fs_validator, out value, out errors);"
            : $"public static bool TryDeserialize(global::System.ReadOnlySpan<byte> utf8Json, [global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out {typeName}? value, out {IReadOnlyList}<{ValidationError}> errors) => {Serializer}.TryDeserialize(utf8Json, __fs_read, __fs_validator, out value, out errors);");
        w.WriteLine();
        SchemaFileEmitter.EmitValidatorEntry(w, "The generated validator of this type's schema (used by generated code, also across assemblies).", "ValidateCore", entry, hidesBase);
        w.WriteLine();
    }

    /// <summary>The public reading API every generated type shares: Deserialize from bytes, a string, or a reader (all validate).</summary>
    internal static void EmitDeserializeMethods(SourceWriter w, string typeName, bool hidesBase)
    {
        var @new = hidesBase ? "new " : string.Empty;
        // The API is documented once, on the runtime members that do the work (as STJ's generated code leaves its API to
        // JsonSerializer); an overload that only converts its input takes the documentation of the one it calls.
        w.WriteLine(ApiDocs.Deserialize);
        w.WriteLine($"public static {@new}{typeName} Deserialize(global::System.ReadOnlySpan<byte> utf8Json) => Deserialize(utf8Json, null);");
        w.WriteLine();

        w.WriteLine(ApiDocs.Deserialize);
        w.WriteLine($"public static {@new}{typeName} Deserialize(global::System.ReadOnlySpan<byte> utf8Json, {ReaderOptions}? options) => {Serializer}.Deserialize(utf8Json, options, __fs_read, __fs_validator);");
        w.WriteLine();

        w.WriteLine("/// <inheritdoc cref=\"Deserialize(global::System.ReadOnlySpan{byte})\"/>");
        w.WriteLine("/// <param name=\"json\">The whole JSON document.</param>");
        w.WriteLine($"public static {@new}{typeName} Deserialize(string json) => Deserialize({Reader}.ToUtf8(json));");
        w.WriteLine();

        w.WriteLine(ApiDocs.DeserializeReader);
        w.WriteLine($"public static {@new}{typeName} Deserialize(ref {Utf8JsonReader} reader) => {Serializer}.Deserialize(ref reader, __fs_read, __fs_validator);");
        w.WriteLine();
        w.WriteLine($"private static readonly global::FactSchema.Serialization.CheckedReader<{typeName}> __fs_read = ReadChecked;");
        w.WriteLine();
    }

    /// <summary>The doc comment and signature of <c>ReadUnvalidated</c>; the caller writes the body.</summary>
    internal static void OpenReadUnvalidated(SourceWriter w, string typeName, bool hidesBase, string what)
    {
        // Hidden members that generated code calls get a one-line summary; FactSchemaSerializer documents the contract.
        w.WriteLine($"/// <summary>Reads a <see cref=\"{typeName}\"/> from {what} already known to be valid, checking only its shape (for generated readers).</summary>");
        w.WriteLine($"[{EditorBrowsableNever}]");
        w.OpenBlock($"public static {(hidesBase ? "new " : string.Empty)}{typeName} ReadUnvalidated(ref {Utf8JsonReader} reader)");
    }

    /// <summary>The doc comment and signature of <c>ReadChecked</c>; the caller writes the body.</summary>
    internal static void OpenReadChecked(SourceWriter w, string typeName, bool hidesBase, string what)
    {
        w.WriteLine($"/// <summary>Reads a <see cref=\"{typeName}\"/> from {what}, clearing <c>proven</c> unless every check on the way held (for <c>Deserialize</c> and generated readers).</summary>");
        w.WriteLine($"[{EditorBrowsableNever}]");
        w.OpenBlock($"public static {(hidesBase ? "new " : string.Empty)}{typeName} ReadChecked(ref {Utf8JsonReader} reader, ref bool proven)");
    }

    /// <summary>
    /// <c>ReadChecked</c> for a type whose reader proves nothing itself: <see cref="ReadCheckMode.Validator"/> reads, then
    /// runs the type's validator over the same value (first error only, no allocation); <see cref="ReadCheckMode.None"/>
    /// leaves the proof to the caller.
    /// </summary>
    internal static void EmitReadCheckedByValidator(SourceWriter w, string typeName, bool hidesBase, string what, ReadCheckMode mode)
    {
        OpenReadChecked(w, typeName, hidesBase, what);
        if (mode == ReadCheckMode.None)
        {
            w.WriteLine("// $dynamicRef in the schema set: whether the value is valid depends on where it was reached from.");
            w.WriteLine("proven = false;");
            w.WriteLine("return ReadUnvalidated(ref reader);");
        }
        else
        {
            w.WriteLine($"if (!proven) {{ return ReadUnvalidated(ref reader); }}");
            w.WriteLine();
            w.WriteLine($"{Reader}.MoveToValue(ref reader);");
            w.WriteLine("var start = reader;");
            w.WriteLine("var value = ReadUnvalidated(ref reader);");
            EmitMatchesOrUnproven(w, "start", "__fs_validator");
            w.WriteLine("return value;");
        }

        w.CloseBlock();
        w.WriteLine();
    }

    /// <summary>After a value has been read from <paramref name="start"/>: runs <paramref name="validator"/> over it while <c>proven</c> holds, and clears it on a failure.</summary>
    private static void EmitMatchesOrUnproven(SourceWriter w, string start, string? validator)
    {
        w.WriteLine(validator is null ? "proven = false;" : $"proven = proven && {ValidationRuntime}.Matches({start}, {validator});");
    }

    /// <summary>
    /// For a type that proves itself as it reads: <c>ReadUnvalidated</c> as <c>ReadChecked</c> with nothing to prove,
    /// then the signature of <c>ReadChecked</c>, whose body the caller writes.
    /// </summary>
    internal static void OpenReadCheckedWithUnvalidatedWrapper(SourceWriter w, string typeName, bool hidesBase, string what)
    {
        OpenReadUnvalidated(w, typeName, hidesBase, what);
        w.WriteLine("var proven = false;");
        w.WriteLine("return ReadChecked(ref reader, ref proven);");
        w.CloseBlock();
        w.WriteLine();
        OpenReadChecked(w, typeName, hidesBase, what);
    }

    private static void EmitReader(SourceWriter w, ObjectTypeSpec type, IReadOnlyList<string> names, string? sharedMatcher)
    {
        var properties = type.Properties;
        var words = (properties.Count + 63) / 64;
        var hidesBase = type.BaseType is not null;
        var inline = type.ReadCheck == ReadCheckMode.Inline;

        if (inline)
        {
            OpenReadCheckedWithUnvalidatedWrapper(w, type.Name, hidesBase, "a JSON object");
        }
        else
        {
            EmitReadCheckedByValidator(w, type.Name, hidesBase, "a JSON object", type.ReadCheck);
            OpenReadUnvalidated(w, type.Name, hidesBase, "a JSON object");
        }

        w.WriteLine($"{Reader}.MoveToValue(ref reader);");
        if (type.AcceptsNonObject && type.NonObjectMemberName is { } nonObject)
        {
            EmitReadNonObject(w, type, nonObject, inline);
        }
        else
        {
            w.WriteLine($"{Reader}.ExpectStartObject(ref reader);");
        }

        for (var i = 0; i < properties.Count; i++)
        {
            w.WriteLine($"{TypeSyntax.Local(properties[i])} __fs_v{Index(i)} = default;");
        }

        for (var word = 0; word < words; word++)
        {
            w.WriteLine($"ulong __fs_seen{Index(word)} = 0;");
        }

        if (type.AdditionalProperties == AdditionalPropertiesMode.Keep)
        {
            w.WriteLine($"{Dictionary}<string, {JsonElement}>? __fs_extra = null;");
        }

        w.WriteLine("var __fs_property = -1;");
        w.OpenBlock("try");
        w.OpenBlock("while (true)");
        w.WriteLine("__fs_property = -1;");
        w.WriteLine($"{Reader}.Read(ref reader);");
        w.WriteLine($"if (reader.TokenType == {JsonTokenType}.EndObject) {{ break; }}");
        w.WriteLine();
        w.WriteLine($"__fs_property = {sharedMatcher ?? "__fs_MatchProperty"}(ref reader);");
        w.OpenBlock("switch (__fs_property)");
        EmitPropertyCases(w, type, inline);
        w.WriteLine("default:");
        w.Indent();
        if (type.AdditionalProperties == AdditionalPropertiesMode.Reject)
        {
            w.WriteLine($"throw {Reader}.RejectUnknownProperty(ref reader);");
        }
        else
        {
            w.WriteLine($"{Reader}.ReadUnknownProperty(ref reader, ref __fs_extra);");
            w.WriteLine("break;");
        }

        w.Unindent();
        w.CloseBlock();
        w.CloseBlock();
        w.CloseBlock();
        w.OpenBlock($"catch ({JsonException} __fs_ex)");
        // An unknown property's errors carry its name already (ReadUnknownProperty).
        w.WriteLine($"throw {Exception}.Nest(__fs_ex, __fs_property >= 0 ? __fs_jsonNames[__fs_property] : null);");
        w.CloseBlock();
        w.WriteLine();

        EmitResult(w, type, words);
        w.WriteLine("return __fs_result;");
        w.CloseBlock();
        w.WriteLine();

        if (sharedMatcher is null)
        {
            NameMatcherEmitter.Emit(w, "private static int __fs_MatchProperty", names);
            w.WriteLine();
        }
    }

    /// <summary>The reader's switch sections, one per declared property: mark it seen, read its value, check its constant.</summary>
    private static void EmitPropertyCases(SourceWriter w, ObjectTypeSpec type, bool inline)
    {
        var properties = type.Properties;
        for (var i = 0; i < properties.Count; i++)
        {
            var property = properties[i];
            var word = Index(i / 64);
            var bit = Bit(i);
            var target = "__fs_v" + Index(i);
            var read = SourceWriter.Capture(r => EmitReadProperty(r, property, target, inline));
            if (property.Const is { } constant)
            {
                read.Add($"if ({target} != {ConstExpression(constant)}) {{ throw {Reader}.ConstMismatch(ref reader, {CodeText.Literal(constant.Json)}); }}");
            }

            // A section that declares nothing needs no braces of its own (a declared local must not clash with a sibling's).
            var declares = read.Count != 1 || !read[0].StartsWith(target + " = ", System.StringComparison.Ordinal);
            w.WriteLine($"case {Index(i)}:");
            if (declares)
            {
                w.OpenBlock();
            }
            else
            {
                w.Indent();
            }

            w.WriteLine($"{Reader}.EnterProperty(ref reader, ref __fs_seen{word}, {bit}, __fs_jsonNames, {Index(i)});");
            w.WriteLines(read);
            w.WriteLine("break;");
            if (declares)
            {
                w.CloseBlock();
            }
            else
            {
                w.Unindent();
            }
        }
    }

    /// <summary>After the reader's loop: the missing required properties, then the record built from the read values.</summary>
    private static void EmitResult(SourceWriter w, ObjectTypeSpec type, int words)
    {
        var properties = type.Properties;
        for (var word = 0; word < words; word++)
        {
            ulong mask = 0;
            for (var i = word * 64; i < properties.Count && i < (word + 1) * 64; i++)
            {
                if (properties[i].IsRequired)
                {
                    mask |= 1UL << (i % 64);
                }
            }

            if (mask != 0)
            {
                var maskText = "0x" + mask.ToString("X", CultureInfo.InvariantCulture) + "UL";
                w.WriteLine($"if ((__fs_seen{Index(word)} & {maskText}) != {maskText}) {{ throw {Reader}.MissingProperties(ref reader, __fs_jsonNames, {Index(word * 64)}, __fs_seen{Index(word)}, {maskText}); }}");
                w.WriteLine();
            }
        }

        w.OpenBlock($"var __fs_result = new {type.Name}");
        for (var i = 0; i < properties.Count; i++)
        {
            var property = properties[i];
            if (!property.TrackPresence && !(property.Const is not null && !property.IsRequired))
            {
                var bang = !property.Type.IsValueType && !TypeSyntax.IsNullableProperty(property) ? "!" : string.Empty;
                w.WriteLine($"{property.Name} = __fs_v{Index(i)}{bang},");
            }
            else if (property.TrackPresence && !HasFieldInitializer(property))
            {
                // Absent, the value read is the field's own default: both fields are set as the record is made.
                var bang = !property.Type.IsValueType && !TypeSyntax.IsNullableProperty(property) ? "!" : string.Empty;
                w.WriteLine($"{ValueField(property, i)} = __fs_v{Index(i)}{bang},");
                w.WriteLine($"{SetField(property, i)} = (__fs_seen{Index(i / 64)} & {Bit(i)}) != 0,");
            }
        }

        if (type.AdditionalProperties == AdditionalPropertiesMode.Keep)
        {
            w.WriteLine($"{type.AdditionalPropertiesMemberName} = __fs_extra,");
        }

        w.CloseBlock(";");
        for (var i = 0; i < properties.Count; i++)
        {
            var property = properties[i];
            if (property.TrackPresence && HasFieldInitializer(property))
            {
                // A default or constant in the field stays unless the property was read.
                var bang = !property.Type.IsValueType && !TypeSyntax.IsNullableProperty(property) ? "!" : string.Empty;
                w.OpenBlock($"if ((__fs_seen{Index(i / 64)} & {Bit(i)}) != 0)");
                w.WriteLine($"__fs_result.{ValueField(properties[i], i)} = __fs_v{Index(i)}{bang};");
                w.WriteLine($"__fs_result.{SetField(properties[i], i)} = true;");
                w.CloseBlock();
            }
        }
    }

    /// <summary>Reads one property's value; in a checked read, with its checks, or with its fallback validator run over the value.</summary>
    private static void EmitReadProperty(SourceWriter w, PropertySpec property, string target, bool inline)
    {
        if (!inline)
        {
            ValueCodeEmitter.EmitRead(w, property.Type, target, depth: 0);
            return;
        }

        if (property.Check?.FallbackPointer is null)
        {
            ValueCodeEmitter.EmitRead(w, property.Type, target, depth: 0, "proven", property.Check);
            return;
        }

        // Keywords the typed read cannot prove (composition, maps, ...): the location's validator, over the value just read.
        w.WriteLine("var __fs_start = reader;");
        ValueCodeEmitter.EmitRead(w, property.Type, target, depth: 0);
        EmitMatchesOrUnproven(w, "__fs_start", property.Check.FallbackValidator is null ? null : property.Check.FallbackField);
    }

    private static void EmitReadNonObject(SourceWriter w, ObjectTypeSpec type, string member, bool inline)
    {
        w.OpenBlock($"if (reader.TokenType != {JsonTokenType}.StartObject)");
        if (inline)
        {
            // Nothing of the schema was checked on the way: the validator has the last word.
            w.WriteLine("proven = false;");
        }

        w.OpenBlock($"return new {type.Name}");
        foreach (var property in type.Properties)
        {
            if (!property.TrackPresence && property.IsRequired && property.Const is null)
            {
                w.WriteLine($"{property.Name} = default!,");
            }
        }

        w.WriteLine($"{member} = {Reader}.ReadElement(ref reader),");
        w.CloseBlock(";");
        w.CloseBlock();
        w.WriteLine();
    }

    private static void EmitWriter(SourceWriter w, ObjectTypeSpec type)
    {
        var properties = type.Properties;
        w.WriteLine("/// <inheritdoc/>");
        w.OpenBlock($"public {(type.BaseType is not null ? "override " : type.IsBase ? "virtual " : string.Empty)}void WriteTo({Utf8JsonWriter} writer)");
        w.WriteLine("if (writer is null) { throw new global::System.ArgumentNullException(nameof(writer)); }");
        if (type.NonObjectMemberName is { } nonObject)
        {
            w.OpenBlock($"if ({nonObject} is {{ }} __fs_other)");
            w.WriteLine("__fs_other.WriteTo(writer);");
            w.WriteLine("return;");
            w.CloseBlock();
            w.WriteLine();
        }

        w.WriteLine("writer.WriteStartObject();");
        for (var i = 0; i < properties.Count; i++)
        {
            var property = properties[i];
            var nameField = "__fs_name" + Index(i);
            if (property.TrackPresence)
            {
                w.Block($"if ({SetField(properties[i], i)})", SourceWriter.Capture(b => ValueCodeEmitter.EmitWriteProperty(b, property.Type with { Nullable = TypeSyntax.IsNullableProperty(property) && property.Type.Kind != ValueKind.Any }, $"{ValueField(properties[i], i)}", nameField)));
            }
            else if (property.IsRequired)
            {
                if (!property.Type.IsValueType && !property.Type.Nullable)
                {
                    w.WriteLine($"if ({property.Name} is null) {{ throw {Writer}.RequiredMemberIsNull({CodeText.Literal(type.Name)}, {CodeText.Literal(property.Name)}); }}");
                }

                ValueCodeEmitter.EmitWriteProperty(w, property.Type, property.Name, nameField);
            }
            else
            {
                w.Block($"if ({property.Name} is not null)", SourceWriter.Capture(b => ValueCodeEmitter.EmitWriteProperty(b, property.Type with { Nullable = false }, property.Type.IsValueType ? property.Name + ".Value" : property.Name, nameField)));
            }
        }

        if (type.AdditionalProperties == AdditionalPropertiesMode.Keep)
        {
            w.WriteLine($"if ({type.AdditionalPropertiesMemberName} is not null) {{ {Writer}.WriteAdditionalProperties(writer, {type.AdditionalPropertiesMemberName}, __fs_jsonNames); }}");
        }

        w.WriteLine("writer.WriteEndObject();");
        w.CloseBlock();
        w.WriteLine();

        if (type.BaseType is null)
        {
            // A variant inherits it from its union.
            EmitSerializeToUtf8Bytes(w);
        }
    }

    internal static void EmitSerializeToUtf8Bytes(SourceWriter w)
    {
        w.WriteLine(ApiDocs.SerializeToUtf8Bytes);
        w.WriteLine($"public byte[] SerializeToUtf8Bytes() => {Serializer}.SerializeToUtf8Bytes(this);");
        w.WriteLine();
    }

    /// <summary>
    /// The nested <c>JsonConverter</c> that connects a generated type to <c>JsonSerializer</c>; <paramref name="read"/> overrides how it
    /// reads; <paramref name="schema"/> is the expression of the type's schema value, when it has one.
    /// </summary>
    internal static void EmitConverter(SourceWriter w, string typeName, string fullName, bool hidesBase, string? read = null, string? schema = null)
    {
        w.WriteLine($"/// <summary>Connects <see cref=\"{typeName}\"/> to <c>JsonSerializer</c> through the same generated code, with no reflection.</summary>");
        // With a schema value the base is FactSchema's value converter, which writes through the value's WriteTo.
        w.OpenBlock($"public {(hidesBase ? "new " : string.Empty)}sealed class JsonConverter : {(schema is not null ? FactSchemaValueConverterOfT : JsonConverterOfT)}<{fullName}>");
        EmitConverterSchema(w, schema);
        if (schema is not null && read is null)
        {
            w.WriteLine("/// <inheritdoc/>");
            w.WriteLine($"protected override {JsonValidator}? DocumentValidator => __fs_validator;");
            w.WriteLine();
        }
        w.WriteLine("/// <inheritdoc/>");
        w.WriteLine($"public override {fullName} Read(ref {Utf8JsonReader} reader, global::System.Type typeToConvert, {JsonSerializerOptions} options) => {read ?? fullName + ".Deserialize(ref reader)"};");
        if (schema is null)
        {
            w.WriteLine();
            w.WriteLine("/// <inheritdoc/>");
            w.WriteLine($"public override void Write({Utf8JsonWriter} writer, {fullName} value, {JsonSerializerOptions} options) => value.WriteTo(writer);");
        }

        w.CloseBlock();
    }

    /// <summary>The base of a generated converter: FactSchema's (the schema, the contract) when the type has a schema value.</summary>
    internal static string ConverterBase(bool hasSchema) => hasSchema ? FactSchemaConverterOfT : JsonConverterOfT;

    /// <summary>The converter's <c>Schema</c>, when the type has a schema value.</summary>
    internal static void EmitConverterSchema(SourceWriter w, string? schema)
    {
        if (schema is null)
        {
            return;
        }

        w.WriteLine("/// <inheritdoc/>");
        w.WriteLine($"public override {JsonSchemaValue} Schema => {schema};");
        w.WriteLine();
    }
}
