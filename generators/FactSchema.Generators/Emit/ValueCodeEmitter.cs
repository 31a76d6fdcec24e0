using System.Collections.Generic;
using System.Linq;
using FactSchema.Generators.Model;
using static FactSchema.Generators.Emit.KnownNames;

namespace FactSchema.Generators.Emit;

/// <summary>
/// Emits the statements that read one JSON value into a C# variable, and write one back, for every
/// <see cref="ValueKind"/>. Arrays and maps recurse; every nesting level adds its segment to error paths.
/// </summary>
internal static class ValueCodeEmitter
{
    /// <summary>
    /// A condition true when the token under <paramref name="reader"/> is one the read of <paramref name="type"/> takes,
    /// for the kinds whose read is narrower than their JSON type (a date, a UUID); null for every other kind (a date-time holds any string).
    /// </summary>
    public static string? CanHoldCondition(ValueTypeSpec type, string reader)
    {
        var check = Scalars.Of(type.Kind)?.TokenTest is { } test ? $"{Reader}.{test}({reader})" : null;
        return check is null ? null : type.Nullable ? $"({reader}.TokenType == {JsonTokenType}.Null || {check})" : check;
    }

    /// <summary>Reads the value at the reader's current token into <paramref name="target"/>.</summary>
    /// <param name="w">Where the code goes.</param>
    /// <param name="type">The value's type.</param>
    /// <param name="target">The variable that receives the value.</param>
    /// <param name="depth">The nesting level (names locals).</param>
    /// <param name="proven">
    /// For a checked read, the <c>bool</c> variable that stays true while everything read is proven valid: nested
    /// generated types are read with their <c>ReadChecked</c> and <paramref name="check"/> is applied. Null for an
    /// unchecked read (<c>ReadUnvalidated</c>).
    /// </param>
    /// <param name="check">What to check on this value in a checked read.</param>
    public static void EmitRead(SourceWriter w, ValueTypeSpec type, string target, int depth, string? proven = null, ValueCheckSpec? check = null)
    {
        if (type.Nullable && type.Kind != ValueKind.Any)
        {
            if (!HasScalarChecks(proven, check) && ReadExpression(type, proven) is { } read)
            {
                // default(T?), not null: a value union converts implicitly from a string, so a bare null would be one.
                w.WriteLine($"{target} = reader.TokenType == {JsonTokenType}.Null ? default({TypeSyntax.Full(type)}) : {read};");
                return;
            }

            w.WriteLine($"if (reader.TokenType == {JsonTokenType}.Null) {{ {target} = null; }}");
            w.OpenBlock("else");
            EmitReadNonNull(w, type, target, depth, proven, check);
            w.CloseBlock();
            return;
        }

        EmitReadNonNull(w, type, target, depth, proven, check);
    }

    private static void EmitReadNonNull(SourceWriter w, ValueTypeSpec type, string target, int depth, string? proven, ValueCheckSpec? check)
    {
        EmitReadValue(w, type, target, depth, proven, check);
        if (proven is not null && check is not null && HasScalarChecks(proven, check))
        {
            // Keyword checks run on the token itself, with the validator's own runtime checks, after the typed read
            // (which has checked the token's type and leaves the reader on it).
            EmitScalarChecks(w, check, proven, type.Kind == ValueKind.String ? target : null);
        }
    }

    private static bool HasScalarChecks(string? proven, ValueCheckSpec? check)
        => proven is not null && check is not null && (check.Scalars.Count > 0 || check.MinLength is not null || check.MaxLength is not null);

    /// <summary>The expression that reads a value of one token or one generated type at the reader, or null for a container.</summary>
    private static string? ReadExpression(ValueTypeSpec type, string? proven) => type.Kind switch
    {
        ValueKind.Any => $"{Reader}.ReadElement(ref reader)",
        ValueKind.Enum => $"{type.TypeName}JsonConverter.ReadValue(ref reader)",
        ValueKind.Object or ValueKind.ValueUnion => proven is null
            ? $"{type.TypeName}.ReadUnvalidated(ref reader)"
            : $"{type.TypeName}.ReadChecked(ref reader, ref {proven})",
        _ => Scalars.Of(type.Kind) is { } scalar ? $"{Reader}.{scalar.Read}(ref reader)" : null,
    };

    private static void EmitReadValue(SourceWriter w, ValueTypeSpec type, string target, int depth, string? proven, ValueCheckSpec? check)
    {
        if (ReadExpression(type, proven) is { } read)
        {
            w.WriteLine($"{target} = {read};");
            return;
        }

        switch (type.Kind)
        {
            case ValueKind.Array:
                EmitReadArray(w, type, target, depth, proven, check);
                break;
            case ValueKind.Map:
                EmitReadMap(w, type, target, depth);
                break;
            case ValueKind.Tuple:
                EmitReadTuple(w, type, target, depth);
                break;
            default:
                // A kind added to the model and not here would read nothing: fail loudly (FS0012), never emit silence.
                throw new System.InvalidOperationException("No reader for the value kind " + type.Kind);
        }
    }

    /// <summary>Reads a fixed-length array position by position into a value tuple.</summary>
    private static void EmitReadTuple(SourceWriter w, ValueTypeSpec type, string target, int depth)
    {
        var elements = type.Elements!;
        var count = elements.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        w.WriteLine($"{Reader}.ExpectStartArray(ref reader);");
        for (var i = 0; i < elements.Count; i++)
        {
            w.WriteLine($"{TypeSyntax.Full(elements[i])} __fs_t{depth}_{i} = default!;");
        }

        var index = "__fs_index" + depth;
        EmitItemLoop(w, depth, index =>
        {
            w.OpenBlock($"switch ({index})");
            for (var i = 0; i < elements.Count; i++)
            {
                w.OpenBlock($"case {i}:");
                EmitRead(w, elements[i], $"__fs_t{depth}_{i}", depth + 1);
                w.WriteLine("break;");
                w.CloseBlock();
            }

            w.WriteLine($"default: {{ throw {Reader}.WrongItemCount(ref reader, {count}); }}");
            w.CloseBlock();
        });
        w.WriteLine($"if ({index} != {count}) {{ throw {Reader}.WrongItemCount(ref reader, {count}); }}");
        w.WriteLine();
        w.WriteLine($"{target} = ({string.Join(", ", Enumerable.Range(0, elements.Count).Select(i => $"__fs_t{depth}_{i}"))});");
    }

    private static void EmitReadArray(SourceWriter w, ValueTypeSpec type, string target, int depth, string? proven, ValueCheckSpec? check)
    {
        var element = TypeSyntax.Full(type.Element!);
        var list = "__fs_list" + depth;
        var item = "__fs_item" + depth;
        w.WriteLine($"{Reader}.ExpectStartArray(ref reader);");
        w.WriteLine($"var {list} = new {List}<{element}>();");
        EmitItemLoop(w, depth, index =>
        {
            w.WriteLine($"{element} {item} = default!;");
            EmitRead(w, type.Element!, item, depth + 1, proven, check?.Items);
            w.WriteLine($"{list}.Add({item});");
        });
        if (proven is not null && check is not null)
        {
            var index = "__fs_index" + depth;
            var failures = new List<string>();
            if (check.MinItems is { } min && min > 0)
            {
                failures.Add($"{index} < {min.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
            }

            if (check.MaxItems is { } max)
            {
                failures.Add($"{index} > {max.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
            }

            if (check.UniqueItems)
            {
                failures.Add($"!{ValidationRuntime}.AreDistinct({list})");
            }

            EmitUnproven(w, proven, failures);
        }

        w.WriteLine($"{target} = {list};");
    }

    /// <summary>The keyword checks on a string or number token: each the call the generated validator makes for that keyword.</summary>
    /// <param name="w">Where the code goes.</param>
    /// <param name="check">The checks.</param>
    /// <param name="proven">The variable that records a failed check.</param>
    /// <param name="decoded">For strings, the variable holding the string just read: lengths are counted on it rather than by decoding the token again.</param>
    private static void EmitScalarChecks(SourceWriter w, ValueCheckSpec check, string proven, string? decoded)
    {
        var failures = new List<string>();
        if (check.MinLength is not null || check.MaxLength is not null)
        {
            var min = (check.MinLength ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var max = check.MaxLength is { } m ? m.ToString(System.Globalization.CultureInfo.InvariantCulture) : "int.MaxValue";
            failures.Add(decoded is not null
                ? $"!{ValidationRuntime}.LengthInRange({decoded}!, {min}, {max})"
                : $"{ValidationRuntime}.StringLength(ref reader) is < {min} or > {max}");
        }

        foreach (var scalar in check.Scalars)
        {
            failures.Add(scalar.Kind switch
            {
                ScalarCheckKind.Pattern => $"!{ValidationRuntime}.IsMatch(ref reader, ref {scalar.Field}, {CodeText.Literal(scalar.Argument)})",
                ScalarCheckKind.Format => $"!{ValidationRuntime}.CheckFormat(ref reader, {CodeText.Literal(scalar.Argument)})",
                ScalarCheckKind.Minimum => $"{ValidationRuntime}.CompareNumber(ref reader, {scalar.Argument}) < 0",
                ScalarCheckKind.Maximum => $"{ValidationRuntime}.CompareNumber(ref reader, {scalar.Argument}) > 0",
                ScalarCheckKind.ExclusiveMinimum => $"{ValidationRuntime}.CompareNumber(ref reader, {scalar.Argument}) <= 0",
                ScalarCheckKind.ExclusiveMaximum => $"{ValidationRuntime}.CompareNumber(ref reader, {scalar.Argument}) >= 0",
                _ => $"!{ValidationRuntime}.IsMultipleOf(ref reader, {scalar.Argument})",
            });
        }

        EmitUnproven(w, proven, failures);
    }

    /// <summary>Sets <paramref name="proven"/> to false when any of <paramref name="failures"/> holds (evaluated only while it is true).</summary>
    private static void EmitUnproven(SourceWriter w, string proven, List<string> failures)
    {
        if (failures.Count == 0)
        {
            return;
        }

        w.OpenBlock($"if ({proven} && ({string.Join(" || ", failures)}))");
        w.WriteLine($"{proven} = false;");
        w.CloseBlock();
        w.WriteLine();
    }

    /// <summary>
    /// The loop over an array's items, reader on its start: reads each item with <paramref name="readItem"/> (given
    /// the index variable) and adds the index to the path of any error. The index variable holds the count afterwards.
    /// </summary>
    private static void EmitItemLoop(SourceWriter w, int depth, System.Action<string> readItem)
    {
        var index = "__fs_index" + depth;
        var exception = "__fs_ex" + depth;
        w.WriteLine($"var {index} = 0;");
        w.OpenBlock("try");
        w.OpenBlock("while (true)");
        w.WriteLine($"{Reader}.Read(ref reader);");
        w.WriteLine($"if (reader.TokenType == {JsonTokenType}.EndArray) {{ break; }}");
        w.WriteLine();
        readItem(index);
        w.WriteLine($"{index}++;");
        w.CloseBlock();
        w.CloseBlock();
        w.WriteLine($"catch ({JsonException} {exception}) {{ throw {Exception}.Nest({exception}, {index}); }}");
        w.WriteLine();
    }

    private static void EmitReadMap(SourceWriter w, ValueTypeSpec type, string target, int depth)
    {
        var element = TypeSyntax.Full(type.Element!);
        var map = "__fs_map" + depth;
        var key = "__fs_key" + depth;
        var item = "__fs_item" + depth;
        var exception = "__fs_ex" + depth;
        w.WriteLine($"{Reader}.ExpectStartObject(ref reader);");
        w.WriteLine($"var {map} = new {Dictionary}<string, {element}>(global::System.StringComparer.Ordinal);");
        w.WriteLine($"string? {key} = null;");
        w.OpenBlock("try");
        w.OpenBlock("while (true)");
        w.WriteLine($"{key} = null;");
        w.WriteLine($"{Reader}.Read(ref reader);");
        w.WriteLine($"if (reader.TokenType == {JsonTokenType}.EndObject) {{ break; }}");
        w.WriteLine();
        w.WriteLine($"{key} = {Reader}.GetString(ref reader);");
        w.WriteLine($"if ({map}.ContainsKey({key})) {{ throw {Reader}.DuplicateProperty(ref reader, {key}); }}");
        w.WriteLine();
        w.WriteLine($"{Reader}.Read(ref reader);");
        w.WriteLine($"{element} {item} = default!;");
        EmitRead(w, type.Element!, item, depth + 1);
        w.WriteLine($"{map}.Add({key}, {item});");
        w.CloseBlock();
        w.CloseBlock();
        w.WriteLine($"catch ({JsonException} {exception}) {{ throw {Exception}.Nest({exception}, {key}); }}");
        w.WriteLine();
        w.WriteLine($"{target} = {map};");
    }

    /// <summary>
    /// Writes a property: name and value in one writer call where System.Text.Json has one (strings, numbers,
    /// booleans, enums, the start of arrays and maps), which saves a validation and a buffer check per property.
    /// </summary>
    public static void EmitWriteProperty(SourceWriter w, ValueTypeSpec type, string expression, string nameField)
    {
        if (type.Nullable && type.Kind != ValueKind.Any)
        {
            w.WriteLine($"if ({expression} is null) {{ writer.WriteNull({nameField}); }}");
            w.OpenBlock("else");
            EmitWritePropertyNonNull(w, type with { Nullable = false }, type.IsValueType ? expression + ".Value" : expression, nameField);
            w.CloseBlock();
            return;
        }

        EmitWritePropertyNonNull(w, type, expression, nameField);
    }

    private static void EmitWritePropertyNonNull(SourceWriter w, ValueTypeSpec type, string expression, string nameField)
    {
        if (Scalars.Of(type.Kind) is { WriteProperty: { } writeProperty })
        {
            // Name and value in one call. Callers have already refused null here (required members) or skipped it (optional ones).
            w.WriteLine(Scalars.Fill(writeProperty, nameField, expression));
            return;
        }

        switch (type.Kind)
        {
            case ValueKind.Enum:
                w.WriteLine($"writer.WriteString({nameField}, {type.TypeName}JsonConverter.ToEncodedText({expression}));");
                return;
            case ValueKind.Array:
                EmitWriteArray(w, type, expression, 0, $"writer.WriteStartArray({nameField});");
                return;
            case ValueKind.Map:
                EmitWriteMap(w, type, expression, 0, $"writer.WriteStartObject({nameField});");
                return;
            case ValueKind.Object:
                // Callers have refused or skipped a null member already.
                w.WriteLine($"writer.WritePropertyName({nameField});");
                w.WriteLine($"{expression}.WriteTo(writer);");
                return;
            default:
                w.WriteLine($"writer.WritePropertyName({nameField});");
                EmitWriteNonNull(w, type, expression, 0);
                return;
        }
    }

    /// <summary>Writes a list: <paramref name="start"/> (with or without a property name), the items, the end.</summary>
    private static void EmitWriteArray(SourceWriter w, ValueTypeSpec type, string expression, int depth, string start)
    {
        var list = "__fs_list" + depth;
        var index = "__fs_index" + depth;
        var item = "__fs_item" + depth;
        w.OpenBlock();
        w.WriteLine($"var {list} = {expression};");
        w.WriteLine(start);
        w.OpenBlock($"for (var {index} = 0; {index} < {list}.Count; {index}++)");
        w.WriteLine($"var {item} = {list}[{index}];");
        EmitWrite(w, type.Element!, item, depth + 1);
        w.CloseBlock();
        w.WriteLine("writer.WriteEndArray();");
        w.CloseBlock();
    }

    /// <summary>Writes a map: <paramref name="start"/> (with or without a property name), the members, the end.</summary>
    private static void EmitWriteMap(SourceWriter w, ValueTypeSpec type, string expression, int depth, string start)
    {
        var pair = "__fs_pair" + depth;
        w.WriteLine(start);
        w.OpenBlock($"foreach (var {pair} in {expression})");
        w.WriteLine($"writer.WritePropertyName({pair}.Key);");
        EmitWrite(w, type.Element!, $"{pair}.Value", depth + 1);
        w.CloseBlock();
        w.WriteLine("writer.WriteEndObject();");
    }

    /// <summary>Writes <paramref name="expression"/> (of the value's full C# type) as a JSON value.</summary>
    public static void EmitWrite(SourceWriter w, ValueTypeSpec type, string expression, int depth)
    {
        if (type.Nullable && type.Kind != ValueKind.Any)
        {
            w.WriteLine($"if ({expression} is null) {{ writer.WriteNullValue(); }}");
            w.OpenBlock("else");
            EmitWriteNonNull(w, type, type.IsValueType ? expression + ".Value" : expression, depth);
            w.CloseBlock();
            return;
        }

        EmitWriteNonNull(w, type, expression, depth);
    }

    private static void EmitWriteNonNull(SourceWriter w, ValueTypeSpec type, string expression, int depth)
    {
        switch (type.Kind)
        {
            case ValueKind.Any:
                w.WriteLine($"{Writer}.WriteElement(writer, {expression});");
                break;
            case var kind when Scalars.Of(kind) is { } scalar:
                w.WriteLine(Scalars.Fill(scalar.WriteValue, expression));
                break;
            case ValueKind.Enum:
                w.WriteLine($"{type.TypeName}JsonConverter.WriteValue(writer, {expression});");
                break;
            case ValueKind.ValueUnion:
                w.WriteLine($"{expression}.WriteTo(writer);");
                break;
            case ValueKind.Object:
                // Generated records are sealed (unions: one virtual call): no interface dispatch. An item or map value
                // can still be null at run time, whatever its declared type says: the helper reports it.
                w.WriteLine($"({expression} ?? throw {Writer}.NullValue({CodeText.Literal(type.TypeName!)})).WriteTo(writer);");
                break;
            case ValueKind.Array:
                EmitWriteArray(w, type, expression, depth, "writer.WriteStartArray();");
                break;
            case ValueKind.Map:
                EmitWriteMap(w, type, expression, depth, "writer.WriteStartObject();");
                break;
            case ValueKind.Tuple:
                w.OpenBlock();
                w.WriteLine($"var __fs_tuple{depth} = {expression};");
                w.WriteLine("writer.WriteStartArray();");
                for (var i = 0; i < type.Elements!.Count; i++)
                {
                    EmitWrite(w, type.Elements[i], $"__fs_tuple{depth}.Item{i + 1}", depth + 1);
                }

                w.WriteLine("writer.WriteEndArray();");
                w.CloseBlock();
                break;
            default:
                throw new System.InvalidOperationException("No writer for the value kind " + type.Kind);
        }
    }
}
