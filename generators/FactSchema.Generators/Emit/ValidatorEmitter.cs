using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using FactSchema.Generators.Validation;

namespace FactSchema.Generators.Emit;

/// <summary>
/// Writes a <see cref="ValidatorSpec"/> as C# that validates a value straight from a <c>Utf8JsonReader</c>, without
/// materialising it: one static method per planned location, each keyword's check inline, calls for subschemas. Every
/// string from the schema reaches the code through <see cref="CodeText"/>. Locals and fields are named here; what is
/// checked was decided by <see cref="ValidatorPlanner"/>.
/// </summary>
internal sealed class ValidatorEmitter
{
    private const string Reader = KnownNames.Utf8JsonReader;
    private const string Token = KnownNames.JsonTokenType;
    private const string V = KnownNames.ValidationRuntime;
    private const string Context = KnownNames.ValidationContext;
    private const string Set = KnownNames.EvaluatedSet;

    private readonly ValidatorSpec _spec;
    private readonly bool _track;
    private readonly List<string> _fields = new();
    private readonly SourceWriter _body = new();
    private int _fieldCount;
    private int _localCount;

    /// <summary>Whether the method being written keeps the value's start (in-place subschemas read it again).</summary>
    private bool _needStart;

    /// <summary>The reader messages describe the value from: its start, or the reader itself when no error comes after reading further.</summary>
    private string _describe = "start";

    /// <summary>The recorded properties of the method being written, and the local that says whether they decide.</summary>
    private RecordedPlan? _recorded;
    private string _recordedFlag = string.Empty;

    private ValidatorEmitter(ValidatorSpec spec)
    {
        _spec = spec;
        _track = spec.Tracked;
    }

    /// <summary>The validators class of <paramref name="spec"/>.</summary>
    public static string Emit(ValidatorSpec spec)
    {
        var emitter = new ValidatorEmitter(spec);
        foreach (var entry in spec.ScopeEntries)
        {
            emitter.EmitScopeEntry(entry);
        }

        foreach (var method in spec.Methods)
        {
            emitter.EmitMethod(method);
        }

        var w = new SourceWriter();
        w.WriteLine("/// <summary>Validators generated from the schema's assertions; each reads the value at the reader once and, on success, leaves the reader on its last token.</summary>");
        w.WriteLine("[global::System.CodeDom.Compiler.GeneratedCode(\"FactSchema\", null)]");
        w.OpenBlock($"file static class {spec.ClassName}");
        foreach (var field in emitter._fields)
        {
            w.WriteLine(field);
        }

        if (emitter._fields.Count > 0)
        {
            w.WriteLine();
        }

        foreach (var matcher in spec.Matchers)
        {
            NameMatcherEmitter.Emit(w, "internal static int " + matcher.Method, matcher.Names);
            w.WriteLine();
        }

        return w.ToString() + Indent(emitter._body.ToString()) + "}\n";
    }

    private static string Indent(string text)
    {
        var builder = new StringBuilder(text.Length + 1024);
        foreach (var line in text.Split('\n'))
        {
            if (line.Length > 0)
            {
                builder.Append("    ").Append(line);
            }

            builder.Append('\n');
        }

        // Split leaves one empty entry after the final newline.
        builder.Length -= 1;
        return builder.ToString();
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string At(string at, string keyword) => at + "/" + keyword;

    private string Field(string type, string initializer)
    {
        var name = "F" + (_fieldCount++).ToString(CultureInfo.InvariantCulture);
        _fields.Add($"private static {type} {name}{(initializer.Length > 0 ? " = " + initializer : string.Empty)};");
        return name;
    }

    private string Local(string stem) => stem + (_localCount++).ToString(CultureInfo.InvariantCulture);

    private void EmitScopeEntry(ValidatorScopeEntry entry)
    {
        var w = _body;
        w.WriteLine($"/// <summary>Validates against {CodeText.EscapeXml(entry.Description)}, in its dynamic scope.</summary>");
        w.OpenBlock($"public static bool {entry.Method}(ref {Reader} r, {Context} c, {Set}? ev)");
        w.WriteLine($"c.PushScope({CodeText.Literal(entry.Scope)});");
        w.WriteLine($"var ok = {entry.Target}(ref r, c, ev);");
        w.WriteLine("c.PopScope();");
        w.WriteLine("return ok;");
        w.CloseBlock();
        w.WriteLine();
    }

    private void EmitMethod(ValidatorMethod method)
    {
        var w = _body;
        var signature = $"internal static bool {method.Name}(ref {Reader} r, {Context} c, {Set}? ev)";
        w.WriteLine($"// {CodeText.EscapeComment(method.Description)}");
        switch (method)
        {
            case AcceptAllMethod:
                w.OpenBlock(signature);
                w.WriteLine($"{V}.Skip(ref r);");
                w.WriteLine("return true;");
                w.CloseBlock();
                break;
            case RejectAllMethod:
                w.OpenBlock(signature);
                w.WriteLine($"c.AddError(ref r, {CodeText.Literal(method.Description)}, \"is not allowed here (the schema is false)\");");
                w.WriteLine($"{V}.Skip(ref r);");
                w.WriteLine("return false;");
                w.CloseBlock();
                break;
            case TypeOnlyMethod typeOnly:
                w.WriteLine($"{signature} => {TypeCheck(typeOnly.Test, "r")};");
                break;
            case CheckedMethod checkedMethod:
                EmitCheckedMethod(signature, checkedMethod);
                break;
            default:
                throw new InvalidOperationException("No emitter for the validator method " + method.GetType().Name);
        }

        w.WriteLine();
    }

    private void EmitCheckedMethod(string signature, CheckedMethod method)
    {
        var w = _body;
        _localCount = 0;
        w.OpenBlock(signature);
        w.WriteLine("var valid = true;");
        w.WriteLine("var t = r.TokenType;");
        _needStart = method.Start == StartCopy.Always;
        _describe = "start";
        switch (method.Start)
        {
            case StartCopy.Always:
                w.WriteLine("var start = r;");
                break;
            case StartCopy.WhileCollecting:
                w.WriteLine($"var start = c.Quiet ? default({Reader}) : r;");
                break;
            default:
                // Every error is reported before the value is read further: messages describe it from r itself.
                _describe = "r";
                break;
        }

        if (method.OwnSet)
        {
            w.WriteLine("var own = c.RentSet();");
            w.WriteLine($"{Set}? e = own;");
        }
        else if (_track)
        {
            w.WriteLine($"{Set}? e = ev;");
        }

        _recorded = method.Recorded;
        if (_recorded is not null)
        {
            EmitRecording(_recorded);
        }

        foreach (var check in method.Checks)
        {
            EmitCheck(check);
        }

        if (method.OwnSet)
        {
            if (method.Unevaluated is { } unevaluated)
            {
                EmitUnevaluated(unevaluated);
            }

            w.WriteLine("ev?.UnionWith(own);");
            w.WriteLine("c.ReturnSet(own);");
        }

        _recorded = null;
        w.WriteLine($"{V}.Skip(ref r);");
        w.WriteLine("return valid;");
        w.CloseBlock();
    }

    private void EmitCheck(ValidatorCheck check)
    {
        switch (check)
        {
            case RefCheck reference:
                EmitReference(reference);
                break;
            case DynamicRefCheck dynamic:
                EmitDynamicReference(dynamic);
                break;
            case TypeCheck type:
                EmitType(type.Test);
                break;
            case EqualsCheck equals:
                EmitEquals(equals);
                break;
            case StringCheck text:
                EmitString(text);
                break;
            case NumberCheck number:
                EmitNumber(number);
                break;
            case ArrayCheck array:
                EmitArray(array);
                break;
            case ObjectCheck obj:
                EmitObject(obj);
                break;
            case InPlaceCheck inPlace:
                var x = Fresh();
                Require(Call(inPlace.Call, x, EvaluatedArgument));
                _body.WriteLine($"r = {x};");
                break;
            case RecordedOrFullCheck recordedOrFull:
                EmitRecordedOrFull(recordedOrFull.Decide, recordedOrFull.Call);
                break;
            case UnionCheck union:
                EmitUnion(union);
                break;
            case NotCheck not:
                EmitNot(not);
                break;
            case ConditionalCheck conditional:
                EmitConditional(conditional);
                break;
            default:
                throw new InvalidOperationException("No emitter for the validator check " + check.GetType().Name);
        }
    }

    /// <summary>The runtime call that checks the value at <paramref name="reader"/> against a type-only schema.</summary>
    private static string TypeCheck(TypeTest test, string reader)
    {
        var flags = string.Join(" | ", test.Types.Select(t => "global::FactSchema.Validation.JsonTypes." + t switch
        {
            "string" => "String",
            "number" => "Number",
            "integer" => "Integer",
            "boolean" => "Boolean",
            "null" => "Null",
            "object" => "Object",
            "array" => "Array",
            _ => throw new InvalidOperationException("Not a JSON type: " + t),
        }));
        return $"{V}.CheckType(ref {reader}, c, {flags}, {CodeText.Literal(At(test.At, "type"))}, {CodeText.Literal("expected " + ExpectedTypes(test.Types) + ", found ")})";
    }

    /// <summary>"a string or null", "an integer": the types of a <c>type</c> keyword, for messages.</summary>
    private static string ExpectedTypes(IEnumerable<string> types)
        => string.Join(" or ", types.Distinct(StringComparer.Ordinal).Select(t => t switch
        {
            "integer" or "object" or "array" => "an " + t,
            "null" => "null",
            _ => "a " + t,
        }));

    /// <summary>A fresh copy of the reader at the value's start, for a subschema that applies to the same value.</summary>
    private string Fresh(string from = "start")
    {
        var name = Local("x");
        _body.WriteLine($"var {name} = {from};");
        return name;
    }

    private string EvaluatedArgument => _track ? "e" : "null";

    /// <summary>
    /// The runtime call that fails a keyword: marks the value invalid, records the error at <paramref name="reader"/>
    /// unless quiet (<paramref name="message"/> is a C# string literal; with <paramref name="describeValue"/> the runtime
    /// puts a description of the value in front), and is true when the validator must return.
    /// </summary>
    private string FailCall(string keywordLocation, string message, bool describeValue, string? reader)
        => $"c.{(describeValue ? "Fail" : "FailAt")}(ref valid, ref {reader ?? _describe}, {CodeText.Literal(keywordLocation)}, {message})";

    /// <summary>A keyword that fails unconditionally here.</summary>
    private void Fail(string keywordLocation, string message, bool describeValue, string? reader = null)
        => _body.WriteLine($"if ({FailCall(keywordLocation, message, describeValue, reader)}) {{ return false; }}");

    /// <summary>A keyword that fails when <paramref name="condition"/> (a C# expression that binds tighter than <c>&amp;&amp;</c>) holds.</summary>
    private void FailIf(string condition, string keywordLocation, string message, bool describeValue, string? reader = null)
        => _body.WriteLine($"if ({condition} && {FailCall(keywordLocation, message, describeValue, reader)}) {{ return false; }}");

    /// <summary>The result of a subschema whose errors it reports itself.</summary>
    private void Require(string call) => _body.WriteLine($"if (!{call} && c.Fail(ref valid)) {{ return false; }}");

    /// <summary>A call to a validator, through <c>CallInScope</c> when it enters another resource of the dynamic scope.</summary>
    private string Call(ValidatorCall call, string reader, string evaluated)
    {
        if (call.Scope is { } scope)
        {
            var del = Field("readonly " + KnownNames.JsonValidator, call.Method);
            return $"c.CallInScope({CodeText.Literal(scope)}, {del}, ref {reader}, {evaluated})";
        }

        return $"{call.Method}(ref {reader}, c, {evaluated})";
    }

    private static string Unresolved(string reference) => CodeText.Literal("cannot be checked: the reference " + reference + " does not resolve");

    private void EmitReference(RefCheck check)
    {
        var w = _body;
        var keywordLocation = At(check.At, "$ref");
        w.WriteLine($"// $ref: {CodeText.EscapeComment(check.Reference)}");
        if (check.Target is { } target)
        {
            var x = Fresh();
            EmitGuardedCall(keywordLocation, Call(target, x, EvaluatedArgument), x);
        }
        else
        {
            Fail(keywordLocation, Unresolved(check.Reference), describeValue: false);
        }
    }

    private void EmitGuardedCall(string keywordLocation, string call, string? reader = null)
    {
        // A reference the depth guard refuses is an error at the value (ValidationContext.TooDeep).
        Require($"(c.Enter() ? c.Exit({call}) : c.TooDeep(ref {_describe}, {CodeText.Literal(keywordLocation)}))");
        if (reader is not null)
        {
            // The subschema has read the whole value (it does on success, and always while collecting errors); when the
            // guard refused it, the reader is still a copy of the value's start, which the method's own Skip reads through.
            _body.WriteLine($"r = {reader};");
        }
    }

    private void EmitDynamicReference(DynamicRefCheck check)
    {
        var keywordLocation = At(check.At, "$dynamicRef");
        if (check.Initial is not { } initial)
        {
            Fail(keywordLocation, Unresolved(check.Reference), describeValue: false);
            return;
        }

        if (check.Candidates.Count == 0)
        {
            EmitGuardedCall(keywordLocation, Call(initial, Fresh(), EvaluatedArgument));
            return;
        }

        var w = _body;
        var names = Field("readonly string[]", "new string[] { " + string.Join(", ", check.Candidates.Select(c => CodeText.Literal(c.Resource))) + " }");
        var choice = Local("dyn");
        w.WriteLine($"// $dynamicRef: {CodeText.EscapeComment(check.Reference)}, resolved in the dynamic scope");
        w.WriteLine($"var {choice} = c.FindOutermost({names});");
        for (var i = 0; i < check.Candidates.Count; i++)
        {
            w.OpenBlock($"{(i == 0 ? string.Empty : "else ")}if ({choice} == {Int(i)})");
            EmitGuardedCall(keywordLocation, Call(check.Candidates[i].Target, Fresh(), EvaluatedArgument));
            w.CloseBlock();
        }

        w.WriteLine("else");
        w.OpenBlock();
        EmitGuardedCall(keywordLocation, Call(initial, Fresh(), EvaluatedArgument));
        w.CloseBlock();
    }

    private void EmitType(TypeTest test)
    {
        var conditions = new List<string>();
        foreach (var type in test.Types)
        {
            conditions.Add(type switch
            {
                "string" => $"t == {Token}.String || t == {Token}.PropertyName",
                "number" => $"t == {Token}.Number",
                "integer" => $"(t == {Token}.Number && {V}.IsInteger(ref r))",
                "boolean" => $"t == {Token}.True || t == {Token}.False",
                "null" => $"t == {Token}.Null",
                "object" => $"t == {Token}.StartObject",
                "array" => $"t == {Token}.StartArray",

                // An unknown type name matches nothing, as the specification has it.
                _ => "false",
            });
        }

        // The runtime describes what it found only while collecting errors (ValidationContext.FailType).
        var condition = conditions.Count == 0 ? "false" : string.Join(" || ", conditions);
        var expected = CodeText.Literal("expected " + ExpectedTypes(test.Types) + ", found ");
        _body.WriteLine($"if (!({condition}) && c.FailType(ref valid, ref {_describe}, {CodeText.Literal(At(test.At, "type"))}, {expected})) {{ return false; }}");
    }

    private void EmitEquals(EqualsCheck check)
    {
        var values = check.Values;
        var condition = values.Count == 0 ? "false" : string.Join(" || ", values.Select(Equality));
        if (check.IsConst)
        {
            FailIf($"!({condition})", At(check.At, "const"), CodeText.Literal("is not the constant " + Shorten(values[0].Display)), describeValue: true);
            return;
        }

        var shown = string.Join(", ", values.Take(10).Select(v => Shorten(v.Display))) + (values.Count > 10 ? ", ..." : string.Empty);
        FailIf($"!({condition})", At(check.At, "enum"), CodeText.Literal("is not one of " + shown), describeValue: true);
    }

    private static string Shorten(string text) => text.Length > 80 ? text.Substring(0, 77) + "..." : text;

    /// <summary>An expression that is true when the value at <c>r</c> equals <paramref name="value"/> (JSON equality).</summary>
    private string Equality(ConstantSpec value)
    {
        switch (value.Kind)
        {
            case ConstantKind.Null:
                return $"t == {Token}.Null";
            case ConstantKind.True:
                return $"t == {Token}.True";
            case ConstantKind.False:
                return $"t == {Token}.False";
            case ConstantKind.String when CodeText.Utf8Literal(value.Value) is { } utf8:
                return $"((t == {Token}.String || t == {Token}.PropertyName) && r.ValueTextEquals({utf8}))";
            case ConstantKind.Number:
                return $"(t == {Token}.Number && {V}.CompareNumber(ref r, {value.Value}) == 0)";
            case ConstantKind.Json:
                var constant = Field("readonly byte[]", $"global::System.Text.Encoding.UTF8.GetBytes({CodeText.Literal(value.Value)})");
                return $"{V}.JsonEquals(ref r, {constant})";
            default:
                throw new InvalidOperationException("No comparison for the constant kind " + value.Kind);
        }
    }

    private void EmitString(StringCheck check)
    {
        var w = _body;
        w.OpenBlock($"if (t == {Token}.String || t == {Token}.PropertyName)");
        if (check.MinLength is not null || check.MaxLength is not null)
        {
            var length = Local("length");
            w.WriteLine($"var {length} = {V}.StringLength(ref r);");
            if (check.MinLength is { } min && min > 0)
            {
                FailIf($"{length} < {Int(min)}", At(check.At, "minLength"), CodeText.Literal(min == 1 ? "is empty, but must have at least 1 character" : $"is shorter than {min} characters"), describeValue: true);
            }

            if (check.MaxLength is { } max)
            {
                FailIf($"{length} > {Int(max)}", At(check.At, "maxLength"), CodeText.Literal($"is longer than {max} characters"), describeValue: true);
            }
        }

        if (check.Pattern is { } pattern)
        {
            var regex = Field(KnownNames.PatternMatcher + "?", string.Empty);
            FailIf($"!{V}.IsMatch(ref r, ref {regex}, {CodeText.Literal(pattern)})", At(check.At, "pattern"), CodeText.Literal("does not match " + pattern), describeValue: true);
        }

        if (check.Format is { } format)
        {
            FailIf($"!{V}.CheckFormat(ref r, {CodeText.Literal(format)})", At(check.At, "format"), CodeText.Literal("is not a valid " + format), describeValue: true);
        }

        w.CloseBlock();
    }

    private void EmitNumber(NumberCheck check)
    {
        var w = _body;
        w.OpenBlock($"if (t == {Token}.Number)");
        foreach (var bound in check.Bounds)
        {
            var (comparison, message) = bound.Keyword switch
            {
                "minimum" => ("< 0", "is less than the minimum "),
                "maximum" => ("> 0", "is greater than the maximum "),
                "exclusiveMinimum" => ("<= 0", "is not greater than "),
                "exclusiveMaximum" => (">= 0", "is not less than "),
                _ => throw new InvalidOperationException("Not a numeric bound: " + bound.Keyword),
            };
            FailIf($"{V}.CompareNumber(ref r, {bound.Literal}) {comparison}", At(check.At, bound.Keyword), CodeText.Literal(message + bound.Text), describeValue: true);
        }

        if (check.MultipleOf is { } multipleOf)
        {
            FailIf($"!{V}.IsMultipleOf(ref r, {multipleOf.Literal})", At(check.At, "multipleOf"), CodeText.Literal("is not a multiple of " + multipleOf.Text), describeValue: true);
        }

        w.CloseBlock();
    }

    private void EmitArray(ArrayCheck check)
    {
        var w = _body;
        var prefix = check.Prefix;
        var items = check.Items;
        w.OpenBlock($"if (t == {Token}.StartArray)");
        var needLoop = prefix is not null || items is not null || check.Contains is not null || check.MinItems is not null || check.MaxItems is not null;
        var count = Local("n");
        var matched = Local("matched");
        if (needLoop)
        {
            var a = Local("a");
            w.WriteLine(_needStart ? $"var {a} = start;" : $"ref var {a} = ref r;");
            w.WriteLine($"var {count} = 0;");
            if (check.Contains is not null)
            {
                w.WriteLine($"var {matched} = 0;");
            }

            w.OpenBlock("while (true)");
            w.WriteLine($"{V}.Read(ref {a});");
            w.WriteLine($"if ({a}.TokenType == {Token}.EndArray) {{ break; }}");
            if (check.Contains is { } contains)
            {
                // contains looks at the item first, on its own copy; the item's own schema then reads it.
                var quiet = Local("quiet");
                var hit = Local("hit");
                var item = Fresh(a);
                w.WriteLine($"var {quiet} = c.BeginQuiet();");
                w.WriteLine($"var {hit} = {Call(contains, item, "null")};");
                w.WriteLine($"c.EndQuiet({quiet});");
                w.OpenBlock($"if ({hit})");
                w.WriteLine($"{matched}++;");
                if (_track)
                {
                    w.WriteLine($"e?.Mark({count});");
                }

                w.CloseBlock();
            }

            var hasItemSchemas = prefix is not null || items?.Call is not null;
            var pushed = Local("pushed");
            if (hasItemSchemas)
            {
                w.WriteLine($"var {pushed} = !c.Quiet;");
                w.WriteLine($"if ({pushed}) {{ c.PushIndex({count}); }}");
            }

            if (prefix is not null)
            {
                w.OpenBlock($"if ({count} < {Int(prefix.Count)})");
                w.OpenBlock($"switch ({count})");
                for (var index = 0; index < prefix.Count; index++)
                {
                    w.WriteLine($"case {Int(index)}:");
                    w.OpenBlock();
                    Require(Call(prefix[index], a, "null"));
                    w.WriteLine("break;");
                    w.CloseBlock();
                }

                w.CloseBlock();
                if (_track)
                {
                    w.WriteLine($"e?.Mark({count});");
                }

                w.CloseBlock();
            }

            if (items is not null)
            {
                if (prefix is not null)
                {
                    w.WriteLine("else");
                }

                w.OpenBlock();
                if (items.Call is { } itemCall)
                {
                    Require(Call(itemCall, a, "null"));
                }

                if (_track)
                {
                    w.WriteLine($"e?.Mark({count});");
                }

                w.CloseBlock();
            }

            if (hasItemSchemas)
            {
                w.WriteLine($"if ({pushed}) {{ c.Pop(); }}");
            }

            // A no-op when the item's schema has read the item already.
            w.WriteLine($"{V}.Skip(ref {a});");
            w.WriteLine($"{count}++;");
            w.CloseBlock();
            if (_needStart)
            {
                w.WriteLine($"r = {a};");
            }
        }

        EmitArrayCounts(check, count, matched);
        w.CloseBlock();
    }

    /// <summary>After the array loop: minItems, maxItems, the contains counts, uniqueItems (on the whole array).</summary>
    private void EmitArrayCounts(ArrayCheck check, string count, string matched)
    {
        if (check.MinItems is { } min && min > 0)
        {
            FailIf($"{count} < {Int(min)}", At(check.At, "minItems"), CodeText.Literal($"has fewer than {min} items"), describeValue: true);
        }

        if (check.MaxItems is { } max)
        {
            FailIf($"{count} > {Int(max)}", At(check.At, "maxItems"), CodeText.Literal($"has more than {max} items"), describeValue: true);
        }

        if (check.Contains is not null)
        {
            var minContains = check.MinContains;
            if (minContains > 0)
            {
                FailIf($"{matched} < {Int(minContains)}", At(check.At, check.MinContainsWritten ? "minContains" : "contains"), CodeText.Literal(minContains == 1 ? "has no item that matches contains" : $"has fewer than {minContains} items that match contains"), describeValue: true);
            }

            if (check.MaxContains is { } maxC)
            {
                FailIf($"{matched} > {Int(maxC)}", At(check.At, "maxContains"), CodeText.Literal($"has more than {maxC} items that match contains"), describeValue: true);
            }
        }

        if (check.Unique)
        {
            FailIf($"!{V}.ItemsUnique(start)", At(check.At, "uniqueItems"), CodeText.Literal("has items that are equal, but uniqueItems is true"), describeValue: true);
        }
    }

    private void EmitObject(ObjectCheck check)
    {
        var w = _body;
        w.OpenBlock($"if (t == {Token}.StartObject)");
        var o = Local("o");
        var count = Local("n");
        var seen = Local("seen");
        w.WriteLine(_needStart ? $"var {o} = start;" : $"ref var {o} = ref r;");
        w.WriteLine($"var {count} = 0;");
        if (check.TrackSeen)
        {
            w.WriteLine(check.Names.Count <= 512
                ? $"global::System.Span<bool> {seen} = stackalloc bool[{Int(check.Names.Count)}];"
                : $"var {seen} = new bool[{Int(check.Names.Count)}];");
        }

        // Each name's index, looked up once per object (a schema may declare thousands of properties).
        var indexOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < check.Names.Count; i++)
        {
            indexOf[check.Names[i]] = i;
        }

        var perProperty = check.Properties.Count > 0 || check.Patterns.Count > 0 || check.Additional is not null || check.PropertyNames is not null;
        w.OpenBlock("while (true)");
        w.WriteLine($"{V}.Read(ref {o});");
        w.WriteLine($"if ({o}.TokenType == {Token}.EndObject) {{ break; }}");
        var k = Local("k");
        if (check.Matcher is { } matcher)
        {
            w.WriteLine($"var {k} = {matcher}(ref {o});");
            if (check.TrackSeen)
            {
                w.WriteLine($"if ({k} >= 0) {{ {seen}[{k}] = true; }}");
            }
        }

        if (perProperty)
        {
            EmitPropertyChecks(check, indexOf, o, k, count);
        }
        else
        {
            w.WriteLine($"{V}.Read(ref {o});");
        }

        // A no-op when the property's schema has read the value already.
        w.WriteLine($"{V}.Skip(ref {o});");
        w.WriteLine($"{count}++;");
        w.CloseBlock();
        if (_needStart)
        {
            w.WriteLine($"r = {o};");
        }

        EmitObjectCounts(check, indexOf, seen, count);
        w.CloseBlock();
    }

    /// <summary>
    /// The checks of one member inside the object loop (<paramref name="o"/> is on its name, <paramref name="k"/> holds its
    /// matcher index): propertyNames, the declared property's schema, patternProperties, additionalProperties, and the
    /// evaluated mark.
    /// </summary>
    private void EmitPropertyChecks(ObjectCheck check, Dictionary<string, int> indexOf, string o, string k, string count)
    {
        var w = _body;
        var properties = check.Properties;
        var patterns = check.Patterns;
        var additional = check.Additional;
        var name = Local("name");
        var pushed = Local("pushed");
        var hit = Local("hit");
        var needName = patterns.Count > 0 || check.PropertyNames is not null;
        if (needName)
        {
            w.WriteLine($"var {name} = {o};");
        }

        w.WriteLine($"var {pushed} = !c.Quiet;");
        w.WriteLine($"if ({pushed}) {{ c.PushProperty({V}.GetString(ref {o})); }}");
        if (check.PropertyNames is { } propertyNames)
        {
            Require(Call(propertyNames, Fresh(name), "null"));
        }

        w.WriteLine($"{V}.Read(ref {o});");

        // Whether a keyword took the property: additionalProperties applies to the rest, unevaluated* counts it.
        var needHit = additional is not null || _track;
        if (patterns.Count == 0)
        {
            // Each property's validator reads the value in place: one switch expression picks it, and the declared
            // properties (indexes 0 to Count - 1 of the matcher) are the ones "properties" takes.
            EmitPropertyDispatch(check, indexOf, k, o);
            if (needHit)
            {
                w.WriteLine(properties.Count > 0 ? $"var {hit} = (uint){k} < {Int(properties.Count)}u;" : $"var {hit} = false;");
            }
        }
        else if (needHit)
        {
            w.WriteLine($"var {hit} = false;");
        }

        var checkedProperties = patterns.Count == 0 ? new List<PropertyCheck>() : properties.Where(p => needHit || !p.Schema.AcceptsAll).ToList();
        if (checkedProperties.Count > 0)
        {
            w.OpenBlock($"switch ({k})");
            foreach (var property in checkedProperties)
            {
                w.WriteLine($"case {Int(indexOf[property.Name])}:");
                w.OpenBlock();
                if (property.Schema.Call is { } call)
                {
                    Require(Call(call, Fresh(o), "null"));
                }

                if (needHit)
                {
                    w.WriteLine($"{hit} = true;");
                }

                w.WriteLine("break;");
                w.CloseBlock();
            }

            w.CloseBlock();
        }

        foreach (var pattern in patterns)
        {
            if (pattern.Call is null && !needHit)
            {
                continue;
            }

            var regex = Field(KnownNames.PatternMatcher + "?", string.Empty);
            w.OpenBlock($"if ({V}.IsMatch(ref {name}, ref {regex}, {CodeText.Literal(pattern.Pattern)}))");
            if (pattern.Call is { } call)
            {
                Require(Call(call, Fresh(o), "null"));
            }

            if (needHit)
            {
                w.WriteLine($"{hit} = true;");
            }

            w.CloseBlock();
        }

        const string notAllowed = "is not allowed: the schema has no property of this name (additionalProperties is false)";
        if (additional is { Forbidden: true } && !_track)
        {
            FailIf($"!{hit}", At(check.At, "additionalProperties"), CodeText.Literal(notAllowed), describeValue: false, reader: o);
        }
        else if (additional is not null)
        {
            w.OpenBlock($"if (!{hit})");
            if (additional.Forbidden)
            {
                Fail(At(check.At, "additionalProperties"), CodeText.Literal(notAllowed), describeValue: false, reader: o);
            }
            else if (additional.Call is { } call)
            {
                Require(Call(call, patterns.Count > 0 ? Fresh(o) : o, "null"));
            }

            if (_track)
            {
                w.WriteLine($"{hit} = true;");
            }

            w.CloseBlock();
        }

        if (_track)
        {
            w.WriteLine($"if ({hit}) {{ e?.Mark({count}); }}");
        }

        w.WriteLine($"if ({pushed}) {{ c.Pop(); }}");
    }

    /// <summary>After the object loop: required, dependentRequired, the property counts, and dependentSchemas (on the whole object).</summary>
    private void EmitObjectCounts(ObjectCheck check, Dictionary<string, int> indexOf, string seen, string count)
    {
        var w = _body;
        foreach (var name in check.Required)
        {
            FailIf($"!{seen}[{Int(indexOf[name])}]", At(check.At, "required"), CodeText.Literal("the required property '" + name + "' is missing"), describeValue: false);
        }

        foreach (var dependency in check.DependentRequired)
        {
            FailIf($"{seen}[{Int(indexOf[dependency.Name])}] && !{seen}[{Int(indexOf[dependency.Requires])}]", At(check.At, "dependentRequired"), CodeText.Literal($"has '{dependency.Name}' but not '{dependency.Requires}', which it requires"), describeValue: false);
        }

        if (check.MinProperties is { } min && min > 0)
        {
            FailIf($"{count} < {Int(min)}", At(check.At, "minProperties"), CodeText.Literal($"has fewer than {min} properties"), describeValue: true);
        }

        if (check.MaxProperties is { } max)
        {
            FailIf($"{count} > {Int(max)}", At(check.At, "maxProperties"), CodeText.Literal($"has more than {max} properties"), describeValue: true);
        }

        foreach (var dependency in check.DependentSchemas)
        {
            w.OpenBlock($"if ({seen}[{Int(indexOf[dependency.Name])}])");
            Require(Call(dependency.Call, Fresh(), EvaluatedArgument));
            w.CloseBlock();
        }
    }

    /// <summary>Validates a declared property's value by its matcher index <paramref name="k"/>: a switch expression of calls.</summary>
    private void EmitPropertyDispatch(ObjectCheck check, Dictionary<string, int> indexOf, string k, string reader)
    {
        var asserted = check.Properties.Where(p => !p.Schema.AcceptsAll).ToList();
        if (asserted.Count == 0)
        {
            return;
        }

        var w = _body;
        w.WriteLine($"if (!({k} switch");
        w.WriteLine("{");
        w.Indent();
        foreach (var property in asserted)
        {
            // A type-only subschema is checked in place: the same runtime call its method would be, without the method.
            var validate = property.Schema.TypeOnly is { } test ? TypeCheck(test, reader) : Call(property.Schema.Call!, reader, "null");
            w.WriteLine($"{Int(indexOf[property.Name])} => {validate},");
        }

        w.WriteLine("_ => true,");
        w.Unindent();
        w.WriteLine("}) && c.Fail(ref valid)) { return false; }");
    }

    private void EmitUnion(UnionCheck check)
    {
        var w = _body;
        var quiet = Local("quiet");
        var matches = Local("matches");
        var keep = Local("keep");
        var oneOf = check.OneOf;
        var branches = check.Branches;
        w.OpenBlock();
        w.WriteLine($"var {quiet} = c.BeginQuiet();");
        w.WriteLine($"var {matches} = 0;");
        if (_track && oneOf)
        {
            w.WriteLine($"{Set}? {keep} = null;");
        }

        var filter = check.Filter;
        string? filterSelected = null;
        if (filter is not null)
        {
            var filterName = CodeText.Utf8Literal(filter.Name);
            var table = Field("readonly string[]", "new string[] { " + string.Join(", ", filter.Values.Select(CodeText.Literal)) + " }");
            filterSelected = Local("value");
            w.WriteLine($"var {filterSelected} = {V}.SelectBranch(start, {filterName}, {table});");
        }

        void EmitBranch(int i)
        {
            var branch = branches[i];
            var admits = Admits(filter, filterSelected, i);
            var branchReader = Fresh();
            var call = Call(branch.Call, branchReader, _track ? "s" : "null");
            var guard = admits + (oneOf ? $"{matches} < 2" : $"{matches} == 0");
            w.OpenBlock();
            if (_track)
            {
                w.WriteLine($"var s = e is null ? null : c.RentSet();");
                w.OpenBlock($"if ({admits}(e is not null || {(oneOf ? $"{matches} < 2" : $"{matches} == 0")}) && {call})");
                w.WriteLine($"{matches}++;");
                w.WriteLine($"r = {branchReader};");
                if (oneOf)
                {
                    w.OpenBlock($"if ({matches} == 1)");
                    w.WriteLine($"{keep} = s;");
                    w.WriteLine("s = null;");
                    w.CloseBlock();
                }
                else
                {
                    w.WriteLine("e?.UnionWith(s);");
                }

                w.CloseBlock();
                w.WriteLine("c.ReturnSet(s);");
            }
            else if (_recorded is not null && branch.Decide is { } decide)
            {
                // Decided from the recorded properties when the value is an object (see ValidatorPlanner.Conditions.cs).
                w.OpenBlock($"if ({guard})");
                w.OpenBlock($"if ({_recordedFlag})");
                w.WriteLine($"if ({EmitRecordedCondition(decide)}) {{ {matches}++; }}");
                w.CloseBlock();
                w.OpenBlock($"else if ({call})");
                w.WriteLine($"{matches}++;");
                w.WriteLine($"r = {branchReader};");
                w.CloseBlock();
                w.CloseBlock();
            }
            else
            {
                w.OpenBlock($"if ({guard} && {call})");
                w.WriteLine($"{matches}++;");

                // A branch that matched has read the whole value: the method's reader need not skip it again.
                w.WriteLine($"r = {branchReader};");
                w.CloseBlock();
            }

            w.CloseBlock();
        }

        string? discriminatorValues = null;
        if (check.Discriminator is { } discriminator)
        {
            // Every other branch fixes the discriminator to another string: in an object that has it, only the branch
            // it names can match (and none when it names none). Without it, or for a non-object, evaluate them all.
            discriminatorValues = Field("readonly string[]", "new string[] { " + string.Join(", ", discriminator.Values.Select(CodeText.Literal)) + " }");
            var selected = Local("branch");
            w.WriteLine($"var {selected} = {V}.SelectBranch(start, {CodeText.Utf8Literal(discriminator.Name)}, {discriminatorValues});");
            w.OpenBlock($"switch ({selected})");
            for (var k = 0; k < discriminator.Branches.Count; k++)
            {
                w.OpenBlock($"case {Int(k)}:");
                EmitBranch(discriminator.Branches[k]);
                w.WriteLine("break;");
                w.CloseBlock();
            }

            w.WriteLine($"case -1: {{ break; }}");
            w.OpenBlock("default:");
            for (var i = 0; i < branches.Count; i++)
            {
                EmitBranch(i);
            }

            w.WriteLine("break;");
            w.CloseBlock();
            w.CloseBlock();
        }
        else
        {
            for (var i = 0; i < branches.Count; i++)
            {
                EmitBranch(i);
            }
        }

        w.WriteLine($"c.EndQuiet({quiet});");
        if (_track && oneOf)
        {
            w.WriteLine($"if ({matches} == 1) {{ e?.UnionWith({keep}); }}");
            w.WriteLine($"c.ReturnSet({keep});");
        }

        EmitUnionFailure(check, matches, discriminatorValues);
        w.CloseBlock();
    }

    /// <summary>
    /// The condition (with a trailing <c>&amp;&amp;</c>) under which branch <paramref name="i"/> is worth evaluating, given the
    /// value of the filter property in <paramref name="selected"/>; empty when the filter does not restrict the branch.
    /// </summary>
    private string Admits(UnionFilter? filter, string? selected, int i)
    {
        if (filter is null || selected is null || filter.Branches[i].Admitted is not { } admitted)
        {
            return string.Empty;
        }

        // -2: not an object, or no such property (the branch decides); -1: a value no restricted branch admits.
        if (admitted.Count <= 4)
        {
            return $"({selected} == -2{string.Concat(admitted.Select(p => $" || {selected} == {Int(p)}"))}) && ";
        }

        var mask = Field("readonly bool[]", "new bool[] { " + string.Join(", ", filter.Values.Select((_, p) => admitted.Contains(p) ? "true" : "false")) + " }");
        return $"({selected} == -2 || ({selected} >= 0 && {mask}[{selected}])) && ";
    }

    /// <summary>
    /// After the branches of a union: the error when none matched (the discriminator's branch reports its own, when the
    /// value names one) or, for oneOf, when more than one did.
    /// </summary>
    private void EmitUnionFailure(UnionCheck check, string matches, string? discriminatorValues)
    {
        var w = _body;
        var keyword = check.OneOf ? "oneOf" : "anyOf";
        var count = Int(check.Branches.Count);
        var noneMatch = CodeText.Literal($"does not match any of the {count} schemas in {keyword}");
        if (check.Discriminator is { } discriminator && discriminatorValues is not null)
        {
            w.OpenBlock($"if ({matches} == 0)");

            // When collecting, the branch the discriminator names reports its own errors: they say what is wrong.
            var selected = Local("selected");
            w.WriteLine($"var {selected} = c.Quiet ? -1 : {V}.SelectBranch(start, {CodeText.Utf8Literal(discriminator.Name)}, {discriminatorValues});");
            w.OpenBlock($"switch ({selected})");
            for (var i = 0; i < discriminator.Branches.Count; i++)
            {
                w.OpenBlock($"case {Int(i)}:");
                var reader = Fresh();
                w.WriteLine($"{Call(check.Branches[discriminator.Branches[i]].Call, reader, "null")};");
                w.WriteLine("valid = false;");
                w.WriteLine("break;");
                w.CloseBlock();
            }

            w.OpenBlock("default:");
            Fail(At(check.At, keyword), noneMatch, describeValue: true);
            w.WriteLine("break;");
            w.CloseBlock();
            w.CloseBlock();
            w.CloseBlock();
        }
        else
        {
            FailIf($"{matches} == 0", At(check.At, keyword), noneMatch, describeValue: true);
        }

        if (check.OneOf)
        {
            FailIf($"{matches} > 1", At(check.At, keyword), CodeText.Literal($"matches more than one of the {count} schemas in oneOf"), describeValue: true);
        }
    }

    private void EmitNot(NotCheck check)
    {
        var w = _body;
        var quiet = Local("quiet");
        var hit = Local("hit");
        w.WriteLine($"var {quiet} = c.BeginQuiet();");
        var notReader = Fresh();
        w.WriteLine($"var {hit} = {Call(check.Call, notReader, "null")};");
        w.WriteLine($"c.EndQuiet({quiet});");
        w.OpenBlock($"if ({hit})");
        w.WriteLine($"r = {notReader};");
        Fail(At(check.At, "not"), CodeText.Literal("must not match the schema in not"), describeValue: true);
        w.CloseBlock();
    }

    private void EmitConditional(ConditionalCheck check)
    {
        var w = _body;
        var quiet = Local("quiet");
        var hit = Local("hit");
        w.OpenBlock();
        w.WriteLine($"var {quiet} = c.BeginQuiet();");
        string? ifReader;
        if (_track)
        {
            w.WriteLine($"var s = e is null ? null : c.RentSet();");
            ifReader = Fresh();
            w.WriteLine($"var {hit} = {Call(check.If, ifReader, "s")};");
            w.WriteLine($"if ({hit}) {{ e?.UnionWith(s); }}");
            w.WriteLine("c.ReturnSet(s);");
        }
        else if (_recorded is not null && check.IfDecide is { } decide)
        {
            // Decided from the recorded properties when the value is an object (see ValidatorPlanner.Conditions.cs).
            w.WriteLine($"bool {hit};");
            w.OpenBlock($"if ({_recordedFlag})");
            w.WriteLine($"{hit} = {EmitRecordedCondition(decide)};");
            w.CloseBlock();
            w.OpenBlock("else");
            var x = Fresh();
            w.WriteLine($"{hit} = {Call(check.If, x, "null")};");
            w.WriteLine($"if ({hit}) {{ r = {x}; }}");
            w.CloseBlock();
            ifReader = null;
        }
        else
        {
            ifReader = Fresh();
            w.WriteLine($"var {hit} = {Call(check.If, ifReader, "null")};");
        }

        w.WriteLine($"c.EndQuiet({quiet});");

        // A subschema that held, or any that ran while collecting, has read the whole value: the method's reader takes
        // its place instead of skipping the value once more.
        w.OpenBlock($"if ({hit})");
        if (ifReader is not null)
        {
            w.WriteLine($"r = {ifReader};");
        }

        if (check.Then is { } then)
        {
            EmitConditionalBranch(then);
        }

        w.CloseBlock();
        if (check.Else is { } otherwise)
        {
            w.OpenBlock("else");
            EmitConditionalBranch(otherwise);
            w.CloseBlock();
        }

        w.CloseBlock();
    }

    private void EmitConditionalBranch(ConditionalBranch branch)
    {
        if (branch.ViaRecorded)
        {
            EmitRecordedOrFull(branch.Decide, branch.Call);
            return;
        }

        var x = Fresh();
        Require(Call(branch.Call, x, EvaluatedArgument));
        _body.WriteLine($"r = {x};");
    }

    private void EmitUnevaluated(UnevaluatedCheck check)
    {
        var w = _body;
        if (check.Properties is { } properties)
        {
            var o = Local("o");
            var count = Local("n");
            w.OpenBlock($"if (t == {Token}.StartObject)");
            w.WriteLine($"var {o} = start;");
            w.WriteLine($"var {count} = 0;");
            w.OpenBlock("while (true)");
            w.WriteLine($"{V}.Read(ref {o});");
            w.WriteLine($"if ({o}.TokenType == {Token}.EndObject) {{ break; }}");
            w.OpenBlock($"if (!own.IsMarked({count}))");
            var name = Local("name");
            w.WriteLine($"var {name} = {o};");
            w.WriteLine($"{V}.Read(ref {o});");
            if (properties.Forbidden)
            {
                w.OpenBlock("if (!c.Quiet)");
                w.WriteLine($"c.PushProperty({V}.GetString(ref {name}));");
                w.WriteLine($"c.AddErrorAt(ref {o}, {CodeText.Literal(At(check.At, "unevaluatedProperties"))}, \"is not allowed: no keyword of the schema evaluates this property (unevaluatedProperties is false)\");");
                w.WriteLine("c.Pop();");
                w.CloseBlock();
                w.WriteLine("else");
                w.OpenBlock();
                w.WriteLine("return false;");
                w.CloseBlock();
                w.WriteLine();
                w.WriteLine("valid = false;");
            }
            else if (properties.Call is { } call)
            {
                var pushed = Local("pushed");
                w.WriteLine($"var {pushed} = !c.Quiet;");
                w.WriteLine($"if ({pushed}) {{ c.PushProperty({V}.GetString(ref {name})); }}");
                Require(Call(call, o, "null"));
                w.WriteLine($"if ({pushed}) {{ c.Pop(); }}");
            }

            w.WriteLine($"own.Mark({count});");
            w.CloseBlock();
            w.WriteLine("else");
            w.OpenBlock();
            w.WriteLine($"{V}.Read(ref {o});");
            w.CloseBlock();
            w.WriteLine($"{V}.Skip(ref {o});");
            w.WriteLine($"{count}++;");
            w.CloseBlock();
            w.CloseBlock();
        }

        if (check.Items is { } items)
        {
            var a = Local("a");
            var count = Local("n");
            w.OpenBlock($"if (t == {Token}.StartArray)");
            w.WriteLine($"var {a} = start;");
            w.WriteLine($"var {count} = 0;");
            w.OpenBlock("while (true)");
            w.WriteLine($"{V}.Read(ref {a});");
            w.WriteLine($"if ({a}.TokenType == {Token}.EndArray) {{ break; }}");
            w.OpenBlock($"if (!own.IsMarked({count}))");
            if (items.Call is { } call)
            {
                var pushed = Local("pushed");
                w.WriteLine($"var {pushed} = !c.Quiet;");
                w.WriteLine($"if ({pushed}) {{ c.PushIndex({count}); }}");
                Require(Call(call, a, "null"));
                w.WriteLine($"if ({pushed}) {{ c.Pop(); }}");
            }

            w.WriteLine($"own.Mark({count});");
            w.CloseBlock();
            w.WriteLine($"{V}.Skip(ref {a});");
            w.WriteLine($"{count}++;");
            w.CloseBlock();
            w.CloseBlock();
        }
    }

    /// <summary>Before the keywords of a method: the pass that records, in one read of the object, where the properties its conditions look at are.</summary>
    private void EmitRecording(RecordedPlan plan)
    {
        var w = _body;
        _recordedFlag = Local("fz");
        var names = plan.Names;
        w.WriteLine($"// The properties the conditions below look at, recorded in one read of the object.");
        w.WriteLine($"var {_recordedFlag} = t == {Token}.StartObject;");
        for (var i = 0; i < names.Count; i++)
        {
            w.WriteLine($"var {Present(i)} = false;");
            w.WriteLine($"var {Value(i)} = default({Reader});");
        }

        w.OpenBlock($"if ({_recordedFlag})");
        var o = Local("o");
        w.WriteLine($"var {o} = start;");
        w.OpenBlock("while (true)");
        w.WriteLine($"{V}.Read(ref {o});");
        w.WriteLine($"if ({o}.TokenType == {Token}.EndObject) {{ break; }}");
        var k = Local("k");
        w.WriteLine($"var {k} = {plan.Matcher}(ref {o});");
        w.WriteLine($"{V}.Read(ref {o});");
        w.OpenBlock($"switch ({k})");
        for (var i = 0; i < names.Count; i++)
        {
            w.OpenBlock($"case {Int(i)}:");
            w.WriteLine($"{_recordedFlag} &= !{Present(i)};");
            w.WriteLine($"{Present(i)} = true;");
            w.WriteLine($"{Value(i)} = {o};");
            w.WriteLine("break;");
            w.CloseBlock();
        }

        w.CloseBlock();
        w.WriteLine($"{V}.Skip(ref {o});");
        w.CloseBlock();
        w.CloseBlock();
    }

    /// <summary>The local that says whether recorded property <paramref name="index"/> is present.</summary>
    private string Present(int index) => "g" + _recordedFlag + "_" + Int(index);

    /// <summary>The local that holds a reader on recorded property <paramref name="index"/>'s value.</summary>
    private string Value(int index) => "q" + _recordedFlag + "_" + Int(index);

    private int RecordedIndex(string name)
    {
        var names = _recorded!.Names;
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        // A name that is not recorded is a planner bug: fail loudly (FS0012) rather than emit a local that does not exist.
        throw new InvalidOperationException("Property not recorded: " + name);
    }

    /// <summary>
    /// A subschema that reports its own errors, over the whole value: decided quietly from the recorded properties
    /// first (when <paramref name="decide"/> is set), and read in full only when that says no.
    /// </summary>
    private void EmitRecordedOrFull(RecordedCondition? decide, ValidatorCall call)
    {
        var w = _body;
        var holds = Local("holds");
        w.WriteLine($"var {holds} = false;");
        if (decide is not null)
        {
            w.OpenBlock($"if ({_recordedFlag})");
            var quiet = Local("quiet");
            w.WriteLine($"var {quiet} = c.BeginQuiet();");
            w.WriteLine($"{holds} = {EmitRecordedCondition(decide)};");
            w.WriteLine($"c.EndQuiet({quiet});");
            w.CloseBlock();
        }

        w.OpenBlock($"if (!{holds})");
        var x = Fresh();
        Require(Call(call, x, EvaluatedArgument));
        w.WriteLine($"r = {x};");
        w.CloseBlock();
    }

    /// <summary>
    /// Writes the statements that decide a property-local schema from the recorded properties (the caller has checked
    /// that the value is an object); returns the local, or literal, that holds the result.
    /// </summary>
    private string EmitRecordedCondition(RecordedCondition condition)
    {
        if (condition.Constant is { } constant)
        {
            return constant ? "true" : "false";
        }

        var w = _body;
        var b = Local("b");
        w.WriteLine($"var {b} = true;");
        foreach (var step in condition.Steps)
        {
            switch (step)
            {
                case RecordedNotObject:
                    w.WriteLine($"{b} = false;");
                    break;
                case RecordedPresent present:
                    w.WriteLine($"{b} &= {Present(RecordedIndex(present.Name))};");
                    break;
                case RecordedProperty property:
                    var index = RecordedIndex(property.Name);
                    w.OpenBlock($"if ({b} && {Present(index)})");
                    var y = Fresh(Value(index));
                    w.WriteLine($"{b} = {Call(property.Call, y, "null")};");
                    w.CloseBlock();
                    break;
                case RecordedNested nested:
                    w.OpenBlock($"if ({b})");
                    w.WriteLine($"{b} = {(nested.Negate ? "!" : string.Empty)}{EmitRecordedCondition(nested.Inner)};");
                    w.CloseBlock();
                    break;
                case RecordedCount counted:
                    var count = Local("n");
                    w.OpenBlock($"if ({b})");
                    w.WriteLine($"var {count} = 0;");
                    foreach (var branch in counted.Branches)
                    {
                        // anyOf stops at the first branch that holds; oneOf at the second.
                        w.OpenBlock(counted.OneOf ? $"if ({count} < 2)" : $"if ({count} == 0)");
                        var holds = EmitRecordedCondition(branch);
                        w.WriteLine($"if ({holds}) {{ {count}++; }}");
                        w.CloseBlock();
                    }

                    w.WriteLine(counted.OneOf ? $"{b} = {count} == 1;" : $"{b} = {count} > 0;");
                    w.CloseBlock();
                    break;
                default:
                    throw new InvalidOperationException("No emitter for the recorded step " + step.GetType().Name);
            }
        }

        return b;
    }
}
