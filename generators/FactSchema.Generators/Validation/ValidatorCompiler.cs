using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using FactSchema.Generators.Common;
using FactSchema.Generators.Diagnostics;
using FactSchema.Generators.Emit;
using FactSchema.Generators.Json;
using FactSchema.Generators.Model;
using FactSchema.Generators.Schema;

namespace FactSchema.Generators.Validation;

/// <summary>The validators generated for one schema file: the class text and which method validates each entry location.</summary>
internal sealed record ValidatorSpec(string ClassName, string Source, ImmutableEquatableArray<ValidatorEntry> Entries, ImmutableEquatableArray<NameMatcherSpec> Matchers)
{
    /// <summary>Each matcher (qualified with the class) by <see cref="NameMatcherSpec.KeyOf"/> of its names, for typed readers to share.</summary>
    public Dictionary<string, string> MatchersByNames()
    {
        var index = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var matcher in Matchers)
        {
            index[NameMatcherSpec.KeyOf(matcher.Names)] = ClassName + "." + matcher.Method;
        }

        return index;
    }

    public string? MethodFor(string pointer)
    {
        foreach (var entry in Entries)
        {
            if (entry.Pointer == pointer)
            {
                return ClassName + "." + entry.Method;
            }
        }

        return null;
    }
}

/// <summary>A property-name matcher of the validators class: <paramref name="Method"/> maps a name to its index in <paramref name="Names"/>.</summary>
internal sealed record NameMatcherSpec(string Method, ImmutableEquatableArray<string> Names)
{
    /// <summary>One string per ordered list of names (length-prefixed, so no two lists share it).</summary>
    public static string KeyOf(IEnumerable<string> names)
        => string.Concat(names.Select(n => n.Length.ToString(CultureInfo.InvariantCulture) + ":" + n));
}

/// <summary>An entry point: the schema at <paramref name="Pointer"/> in this file is validated by <paramref name="Method"/>.</summary>
internal sealed record ValidatorEntry(string Pointer, string Method);

/// <summary>
/// Compiles the assertions of JSON Schema 2020-12 into C# that validates a value straight from a
/// <c>Utf8JsonReader</c>, without materialising it: one static method per schema location, calls for
/// <c>$ref</c>s, inline code for keywords. Every string from the schema reaches the code through
/// <see cref="CodeText.Literal"/>.
/// </summary>
internal sealed partial class ValidatorCompiler
{
    private const string Reader = "global::System.Text.Json.Utf8JsonReader";
    private const string Token = "global::System.Text.Json.JsonTokenType";
    private const string V = "global::FactSchema.Validation.FactSchemaValidation";
    private const string Context = "global::FactSchema.Validation.ValidationContext";
    private const string Set = "global::FactSchema.Validation.EvaluatedSet";

    private readonly SchemaIndex _index;
    private readonly SchemaDocument _document;
    private readonly IReadOnlyDictionary<string, string> _external;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<string, string> _methods = new(StringComparer.Ordinal);
    private readonly Queue<SchemaRef> _pending = new();
    private readonly List<string> _fields = new();
    private readonly List<NameMatcherSpec> _matchers = new();
    private readonly Dictionary<string, string> _matcherByNames = new(StringComparer.Ordinal);
    private readonly List<DiagnosticInfo> _diagnostics = new();
    private readonly SourceWriter _body = new();
    private readonly bool _track;
    private readonly bool _dynamic;
    private int _fieldCount;
    private int _localCount;

    private ValidatorCompiler(SchemaIndex index, SchemaDocument document, IReadOnlyDictionary<string, string> external, CancellationToken cancellationToken)
    {
        _index = index;
        _document = document;
        _external = external;
        _cancellationToken = cancellationToken;
        _track = index.UsesUnevaluated;
        _dynamic = index.UsesDynamicRef;
    }

    public const string ClassName = "__FactSchemaValidators";

    private IReadOnlyDictionary<string, ValidationDiscriminator> _discriminators = new Dictionary<string, ValidationDiscriminator>();

    /// <summary>The entry point (fully qualified) through which a location of another file of the compilation is validated, or null to compile it here.</summary>
    private Func<SchemaRef, string?>? _crossFileEntry;

    /// <summary>Generates the validators for the root of <paramref name="document"/> and for each of <paramref name="entryPointers"/>.</summary>
    public static ValidatorSpec Compile(SchemaIndex index, SchemaDocument document, IEnumerable<string> entryPointers, IReadOnlyDictionary<string, string> external, CancellationToken cancellationToken)
        => Compile(index, document, entryPointers, external, new List<DiagnosticInfo>(), cancellationToken);

    /// <summary>As above, adding what the schema's assertions have wrong (invalid patterns) to <paramref name="diagnostics"/>.</summary>
    public static ValidatorSpec Compile(SchemaIndex index, SchemaDocument document, IEnumerable<string> entryPointers, IReadOnlyDictionary<string, string> external, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
        => Compile(index, document, entryPointers, external, diagnostics, new Dictionary<string, ValidationDiscriminator>(), cancellationToken);

    /// <summary>
    /// As above; <paramref name="discriminators"/> (by <see cref="SchemaRef.Key"/> of a oneOf/anyOf) name the property whose
    /// value picks a branch, so that a value matching no branch gets that branch's own errors rather than only "matches none".
    /// </summary>
    public static ValidatorSpec Compile(SchemaIndex index, SchemaDocument document, IEnumerable<string> entryPointers, IReadOnlyDictionary<string, string> external, List<DiagnosticInfo> diagnostics, IReadOnlyDictionary<string, ValidationDiscriminator> discriminators, CancellationToken cancellationToken)
        => Compile(index, document, entryPointers, external, diagnostics, discriminators, crossFileEntry: null, cancellationToken);

    /// <summary>As above; <paramref name="crossFileEntry"/> names the entry point of a location in another file (see <see cref="SchemaIndex.CrossFileTargetsOf"/>).</summary>
    public static ValidatorSpec Compile(SchemaIndex index, SchemaDocument document, IEnumerable<string> entryPointers, IReadOnlyDictionary<string, string> external, List<DiagnosticInfo> diagnostics, IReadOnlyDictionary<string, ValidationDiscriminator> discriminators, Func<SchemaRef, string?>? crossFileEntry, CancellationToken cancellationToken)
    {
        var compiler = new ValidatorCompiler(index, document, external, cancellationToken) { _discriminators = discriminators, _crossFileEntry = crossFileEntry };
        var entries = new List<ValidatorEntry>();
        foreach (var pointer in new[] { string.Empty }.Concat(entryPointers).Distinct(StringComparer.Ordinal))
        {
            var location = new SchemaRef(document, pointer);
            var method = compiler.MethodFor(location);
            if (!compiler._dynamic)
            {
                // The location's own method is the entry point: generated types call it directly.
                entries.Add(new ValidatorEntry(pointer, method));
                continue;
            }

            var entry = "Entry" + entries.Count.ToString(CultureInfo.InvariantCulture);
            entries.Add(new ValidatorEntry(pointer, entry));
            compiler._body.WriteLine($"/// <summary>Validates against {CodeText.EscapeXml(Describe(location))}, in its dynamic scope.</summary>");
            {
                compiler._body.OpenBlock($"public static bool {entry}(ref {Reader} r, {Context} c, {Set}? ev)");
                compiler._body.WriteLine($"c.PushScope({CodeText.Literal(index.BaseOf(location))});");
                compiler._body.WriteLine($"var ok = {method}(ref r, c, ev);");
                compiler._body.WriteLine("c.PopScope();");
                compiler._body.WriteLine("return ok;");
                compiler._body.CloseBlock();
            }

            compiler._body.WriteLine();
        }

        compiler.Drain();
        diagnostics.AddRange(compiler._diagnostics);

        var w = new SourceWriter();
        w.WriteLine("/// <summary>Validators generated from the schema's assertions; each reads the value at the reader once and, on success, leaves the reader on its last token.</summary>");
        w.WriteLine("[global::System.CodeDom.Compiler.GeneratedCode(\"FactSchema\", null)]");
        w.OpenBlock($"file static class {ClassName}");
        foreach (var field in compiler._fields)
        {
            w.WriteLine(field);
        }

        if (compiler._fields.Count > 0)
        {
            w.WriteLine();
        }

        foreach (var matcher in compiler._matchers)
        {
            NameMatcherEmitter.Emit(w, "internal static int " + matcher.Method, matcher.Names);
            w.WriteLine();
        }

        var text = w.ToString() + Indent(compiler._body.ToString()) + "}\n";
        return new ValidatorSpec(ClassName, text, entries.ToImmutableEquatableArray(), compiler._matchers.ToImmutableEquatableArray());
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

    private static string Describe(SchemaRef location) => Location(location, string.Empty);

    private static string Location(SchemaRef location, string keyword)
    {
        var document = location.Document;
        var prefix = document.BaseUri.StartsWith("file:", StringComparison.OrdinalIgnoreCase) ? document.RelativePath : document.BaseUri;
        return prefix + "#" + location.Pointer + (keyword.Length > 0 ? "/" + JsonPointer.Escape(keyword) : string.Empty);
    }

    private string MethodFor(SchemaRef location)
    {
        if (!_methods.TryGetValue(location.Key, out var name))
        {
            name = "V" + _methods.Count.ToString(CultureInfo.InvariantCulture);
            _methods.Add(location.Key, name);
            _pending.Enqueue(location);
        }

        return name;
    }

    private void Drain()
    {
        while (_pending.Count > 0)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var location = _pending.Dequeue();
            EmitMethod(location, _methods[location.Key]);
        }
    }

    private string Field(string type, string initializer)
    {
        var name = "F" + (_fieldCount++).ToString(CultureInfo.InvariantCulture);
        _fields.Add($"private static {type} {name}{(initializer.Length > 0 ? " = " + initializer : string.Empty)};");
        return name;
    }

    private string Local(string stem) => stem + (_localCount++).ToString(CultureInfo.InvariantCulture);

    private static SchemaRef Sub(SchemaRef location, params string[] segments)
    {
        var pointer = location.Pointer;
        foreach (var segment in segments)
        {
            pointer += "/" + JsonPointer.Escape(segment);
        }

        return new SchemaRef(location.Document, pointer);
    }

    private static bool IsTrue(SchemaNode? node) => node is null || node.AcceptsAll;

    private void EmitMethod(SchemaRef location, string name)
    {
        var w = _body;
        var node = _index.NodeAt(location);
        w.WriteLine($"// {CodeText.EscapeComment(Describe(location))}");
        if (node is null || IsTrue(node))
        {
            w.OpenBlock($"internal static bool {name}(ref {Reader} r, {Context} c, {Set}? ev)");
            w.WriteLine($"{V}.Skip(ref r);");
            w.WriteLine("return true;");
            w.CloseBlock();
            w.WriteLine();
            return;
        }

        if (node.IsFalse)
        {
            w.OpenBlock($"internal static bool {name}(ref {Reader} r, {Context} c, {Set}? ev)");
            w.WriteLine($"c.AddError(ref r, {CodeText.Literal(Location(location, string.Empty))}, \"is not allowed here (the schema is false)\");");
            w.WriteLine($"{V}.Skip(ref r);");
            w.WriteLine("return false;");
            w.CloseBlock();
            w.WriteLine();
            return;
        }

        if (TypeOnly(node) is { } types)
        {
            // The most common subschema ({"type": "string"} and its annotations): one runtime call.
            w.WriteLine($"internal static bool {name}(ref {Reader} r, {Context} c, {Set}? ev) => {TypeCheck(location, types, "r")};");
            w.WriteLine();
            return;
        }

        _localCount = 0;
        var unevaluatedProperties = node.UnevaluatedProperties;
        var unevaluatedItems = node.UnevaluatedItems;
        var ownSet = _track && (unevaluatedProperties is not null || unevaluatedItems is not null);

        w.OpenBlock($"internal static bool {name}(ref {Reader} r, {Context} c, {Set}? ev)");
        w.WriteLine("var valid = true;");
        w.WriteLine("var t = r.TokenType;");
        _needStart = NeedsStart(node);
        _describe = "start";
        if (_needStart)
        {
            w.WriteLine("var start = r;");
        }
        else if (HasErrorsAfterReading(node))
        {
            w.WriteLine($"var start = c.Quiet ? default({Reader}) : r;");
        }
        else
        {
            // Every error is reported before the value is read further: messages describe it from r itself.
            _describe = "r";
        }
        if (ownSet)
        {
            w.WriteLine("var own = c.RentSet();");
            w.WriteLine($"{Set}? e = own;");
        }
        else if (_track)
        {
            w.WriteLine($"{Set}? e = ev;");
        }

        if (_needStart)
        {
            PlanRecordedConditions(location, node);
        }

        EmitReference(location, node);
        EmitDynamicReference(location, node);
        EmitType(location, node);
        EmitEnum(location, node);
        EmitConst(location, node);
        EmitString(location, node);
        EmitNumber(location, node);
        EmitArray(location, node);
        EmitObject(location, node);
        EmitAllOf(location, node);
        EmitAnyOf(location, node, "anyOf");
        EmitAnyOf(location, node, "oneOf");
        EmitNot(location, node);
        EmitConditional(location, node);
        if (ownSet)
        {
            EmitUnevaluated(location, unevaluatedProperties, unevaluatedItems);
            w.WriteLine("ev?.UnionWith(own);");
            w.WriteLine("c.ReturnSet(own);");
        }

        _recorded = null;
        w.WriteLine($"{V}.Skip(ref r);");
        w.WriteLine("return valid;");
        w.CloseBlock();
        w.WriteLine();
    }

    private static readonly string[] s_jsonTypes = { "string", "number", "integer", "boolean", "null", "object", "array" };

    /// <summary>
    /// The types of a schema that asserts nothing but <c>type</c> (every other keyword only annotates; <c>format</c> too
    /// unless formats are asserted), or null.
    /// </summary>
    private List<string>? TypeOnly(SchemaNode node)
    {
        if (node.Types is not { Count: > 0 } types || !types.All(t => Array.IndexOf(s_jsonTypes, t) >= 0))
        {
            return null;
        }

        foreach (var keyword in node.KeywordNames)
        {
            if (keyword != "type" && !Keywords.OnlyAnnotates(keyword) && !(keyword == "format" && !_document.FormatAssertion))
            {
                return null;
            }
        }

        return types.ToList();
    }

    /// <summary>The runtime call that checks the value at <paramref name="reader"/> against a type-only schema at <paramref name="location"/>.</summary>
    private static string TypeCheck(SchemaRef location, List<string> types, string reader)
    {
        var flags = string.Join(" | ", types.Select(t => "global::FactSchema.Validation.JsonTypes." + t switch
        {
            "string" => "String",
            "number" => "Number",
            "integer" => "Integer",
            "boolean" => "Boolean",
            "null" => "Null",
            "object" => "Object",
            _ => "Array",
        }));
        return $"{V}.CheckType(ref {reader}, c, {flags}, {CodeText.Literal(Location(location, "type"))}, {CodeText.Literal("expected " + ExpectedTypes(types) + ", found ")})";
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

    private bool _needStart;

    private string _describe = "start";

    /// <summary>Whether some error of the method is reported after an object or array has been read through.</summary>
    private static bool HasErrorsAfterReading(SchemaNode node)
    {
        foreach (var keyword in new[] { "required", "dependentRequired", "minProperties", "maxProperties", "minItems", "maxItems" })
        {
            if (node.Has(keyword))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A schema that is only a <c>$ref</c> (plus annotations) validates exactly as its target: calls skip it.</summary>
    private SchemaRef FollowAliases(SchemaRef target) => _index.FollowAliases(target);

    /// <summary>
    /// Whether the method reads the value more than once (in-place subschemas, unevaluated*, uniqueItems) and so
    /// keeps a copy of the reader at its start; otherwise the copy is made only while collecting errors.
    /// </summary>
    private static bool NeedsStart(SchemaNode node)
    {
        foreach (var keyword in new[] { "$ref", "$dynamicRef", "allOf", "anyOf", "oneOf", "not", "if", "dependentSchemas", "dependencies", "unevaluatedProperties", "unevaluatedItems" })
        {
            if (node.Has(keyword))
            {
                return true;
            }
        }

        return node.UniqueItems || node.Has("contains");
    }

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
    private void Require(string call)
    {
        var w = _body;
        w.WriteLine($"if (!{call} && c.Fail(ref valid)) {{ return false; }}");
    }

    /// <summary>A call to the validator of <paramref name="target"/>, entering its resource when the dynamic scope is tracked.</summary>
    private string Call(SchemaRef from, SchemaRef target, string reader, string evaluated)
    {
        target = FollowAliases(target);
        if (!_dynamic && target.Document.FilePath != _document.FilePath && _crossFileEntry?.Invoke(target) is { } entry)
        {
            // Another file of the compilation: call its entry point rather than compile a copy here.
            return $"{entry}(ref {reader}, c, {evaluated})";
        }

        var method = MethodFor(target);
        if (_dynamic)
        {
            var targetResource = _index.BaseOf(target);
            if (!string.Equals(_index.BaseOf(from), targetResource, StringComparison.Ordinal))
            {
                var del = Field("readonly global::FactSchema.Validation.JsonValidator", method);
                return $"c.CallInScope({CodeText.Literal(targetResource)}, {del}, ref {reader}, {evaluated})";
            }
        }

        return $"{method}(ref {reader}, c, {evaluated})";
    }

    private void EmitReference(SchemaRef location, SchemaNode node)
    {
        const string keyword = "$ref";
        if (node.Ref is not { } reference)
        {
            return;
        }

        var w = _body;
        var keywordLocation = Location(location, keyword);
        w.WriteLine($"// {keyword}: {CodeText.EscapeComment(reference)}");
        if (_index.TryResolve(location, reference, out var target, out var absolute))
        {
            var x = Fresh();
            EmitGuardedCall(keywordLocation, Call(location, target, x, EvaluatedArgument), x);
        }
        else if (_external.TryGetValue(absolute, out var external) || _external.TryGetValue(absolute + "#", out external))
        {
            var x = Fresh();
            EmitGuardedCall(keywordLocation, $"{external}(ref {x}, c, {EvaluatedArgument})", x);
        }
        else
        {
            Fail(keywordLocation, CodeText.Literal("cannot be checked: the reference " + reference + " does not resolve"), describeValue: false);
        }
    }

    private void EmitGuardedCall(string keywordLocation, string call, string? reader = null)
    {
        // A reference the depth guard refuses is an error at the value (ValidationContext.TooDeep).
        var w = _body;
        Require($"(c.Enter() ? c.Exit({call}) : c.TooDeep(ref {_describe}, {CodeText.Literal(keywordLocation)}))");
        if (reader is not null)
        {
            // The subschema has read the whole value (it does on success, and always while collecting errors); when the
            // guard refused it, the reader is still a copy of the value's start, which the method's own Skip reads through.
            w.WriteLine($"r = {reader};");
        }
    }

    private void EmitDynamicReference(SchemaRef location, SchemaNode node)
    {
        if (node.DynamicRef is not { } reference)
        {
            return;
        }

        var keywordLocation = Location(location, "$dynamicRef");
        if (!_index.TryResolve(location, reference, out var initial, out _))
        {
            Fail(keywordLocation, CodeText.Literal("cannot be checked: the reference " + reference + " does not resolve"), describeValue: false);
            return;
        }

        var hash = reference.IndexOf('#');
        var anchor = hash >= 0 ? JsonPointer.DecodeFragment(reference.Substring(hash + 1)) : string.Empty;
        var candidates = anchor.Length > 0 && !anchor.StartsWith("/", StringComparison.Ordinal) && _index.IsDynamicAnchor(initial, anchor)
            ? _index.DynamicAnchorTargets(anchor).ToList()
            : new List<(string Resource, SchemaRef Target)>();
        if (candidates.Count == 0)
        {
            EmitGuardedCall(keywordLocation, Call(location, initial, Fresh(), EvaluatedArgument));
            return;
        }

        var w = _body;
        var names = Field("readonly string[]", "new string[] { " + string.Join(", ", candidates.Select(c => CodeText.Literal(c.Resource))) + " }");
        var choice = Local("dyn");
        w.WriteLine($"// $dynamicRef: {CodeText.EscapeComment(reference)}, resolved in the dynamic scope");
        w.WriteLine($"var {choice} = c.FindOutermost({names});");
        for (var i = 0; i < candidates.Count; i++)
        {
            w.OpenBlock($"{(i == 0 ? string.Empty : "else ")}if ({choice} == {i.ToString(CultureInfo.InvariantCulture)})");
            EmitGuardedCall(keywordLocation, Call(location, candidates[i].Target, Fresh(), EvaluatedArgument));
            w.CloseBlock();
        }

        w.WriteLine("else");
        w.OpenBlock();
        EmitGuardedCall(keywordLocation, Call(location, initial, Fresh(), EvaluatedArgument));
        w.CloseBlock();
    }

    private void EmitType(SchemaRef location, SchemaNode node)
    {
        if (node.Types is not { } types)
        {
            return;
        }

        var conditions = new List<string>();
        foreach (var type in types)
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
                _ => "false",
            });
        }

        // The runtime describes what it found only while collecting errors (ValidationContext.FailType).
        var condition = conditions.Count == 0 ? "false" : string.Join(" || ", conditions);
        var expected = CodeText.Literal("expected " + ExpectedTypes(types) + ", found ");
        _body.WriteLine($"if (!({condition}) && c.FailType(ref valid, ref {_describe}, {CodeText.Literal(Location(location, "type"))}, {expected})) {{ return false; }}");
    }

    private void EmitEnum(SchemaRef location, SchemaNode node)
    {
        if (node.Enum is not { } values)
        {
            return;
        }

        var w = _body;
        var condition = values.Count == 0 ? "false" : string.Join(" || ", values.Select(Equality));
        var shown = string.Join(", ", values.Take(10).Select(v => Shorten(v.ToJsonText()))) + (values.Count > 10 ? ", ..." : string.Empty);
        FailIf($"!({condition})", Location(location, "enum"), CodeText.Literal("is not one of " + shown), describeValue: true);
    }

    private void EmitConst(SchemaRef location, SchemaNode node)
    {
        if (node.Const is not { } value)
        {
            return;
        }

        var w = _body;
        FailIf($"!({Equality(value)})", Location(location, "const"), CodeText.Literal("is not the constant " + Shorten(value.ToJsonText())), describeValue: true);
    }

    private static string Shorten(string text) => text.Length > 80 ? text.Substring(0, 77) + "..." : text;

    /// <summary>An expression that is true when the value at <c>r</c> equals <paramref name="value"/> (JSON equality).</summary>
    private string Equality(JsonNode value)
    {
        switch (value.Kind)
        {
            case JsonKind.Null:
                return $"t == {Token}.Null";
            case JsonKind.True:
                return $"t == {Token}.True";
            case JsonKind.False:
                return $"t == {Token}.False";
            case JsonKind.String when CodeText.Utf8Literal(value.Text!) is { } utf8:
                return $"((t == {Token}.String || t == {Token}.PropertyName) && r.ValueTextEquals({utf8}))";
            case JsonKind.Number when NumberLiteral(value.Text!) is { } number:
                return $"(t == {Token}.Number && {V}.CompareNumber(ref r, {number}) == 0)";
            default:
                var constant = Field("readonly byte[]", $"global::System.Text.Encoding.UTF8.GetBytes({CodeText.Literal(ConstantJson(value))})");
                return $"{V}.JsonEquals(ref r, {constant})";
        }
    }

    /// <summary>JSON text with every non-ASCII character escaped, so that it has a UTF-8 form whatever it holds.</summary>
    private static string ConstantJson(JsonNode value)
    {
        var builder = new StringBuilder();
        void Write(JsonNode node)
        {
            switch (node.Kind)
            {
                case JsonKind.String:
                    builder.Append(AsciiQuoted(node.Text!));
                    break;
                case JsonKind.Array:
                    builder.Append('[');
                    for (var i = 0; i < node.Items.Count; i++)
                    {
                        builder.Append(i > 0 ? "," : string.Empty);
                        Write(node.Items[i]);
                    }

                    builder.Append(']');
                    break;
                case JsonKind.Object:
                    builder.Append('{');
                    for (var i = 0; i < node.Members.Count; i++)
                    {
                        builder.Append(i > 0 ? "," : string.Empty).Append(AsciiQuoted(node.Members[i].Name)).Append(':');
                        Write(node.Members[i].Value);
                    }

                    builder.Append('}');
                    break;
                default:
                    builder.Append(node.ToJsonText());
                    break;
            }
        }

        Write(value);
        return builder.ToString();
    }

    private static string AsciiQuoted(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            if (c is '"' or '\\')
            {
                builder.Append('\\').Append(c);
            }
            else if (c < 0x20 || c > 0x7E)
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>A decimal literal when the number fits one exactly, a double literal when finite, else null.</summary>
    internal static string? NumberLiteral(string text)
    {
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var check)
            && (value != 0m || check == 0d))
        {
            return value.ToString(CultureInfo.InvariantCulture) + "m";
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && !double.IsInfinity(d) && !double.IsNaN(d))
        {
            return d.ToString("R", CultureInfo.InvariantCulture) + "d";
        }

        return null;
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private void EmitString(SchemaRef location, SchemaNode node)
    {
        var minLength = node.MinLength;
        var maxLength = node.MaxLength;
        var pattern = node.Pattern;
        // Unknown formats pass at run time (FormatChecks knows the list), so every format is passed through.
        var format = _document.FormatAssertion ? node.Format : null;
        if (minLength is null && maxLength is null && pattern is null && format is null)
        {
            return;
        }

        var w = _body;
        w.OpenBlock($"if (t == {Token}.String || t == {Token}.PropertyName)");
        if (minLength is not null || maxLength is not null)
        {
            var length = Local("length");
            w.WriteLine($"var {length} = {V}.StringLength(ref r);");
            if (minLength is { } min && min > 0)
            {
                FailIf($"{length} < {Int(min)}", Location(location, "minLength"), CodeText.Literal(min == 1 ? "is empty, but must have at least 1 character" : $"is shorter than {min} characters"), describeValue: true);
            }

            if (maxLength is { } max)
            {
                FailIf($"{length} > {Int(max)}", Location(location, "maxLength"), CodeText.Literal($"is longer than {max} characters"), describeValue: true);
            }
        }

        if (pattern is not null)
        {
            CheckPattern(location, pattern, node.PatternSpan);
            var regex = Field("global::FactSchema.Validation.PatternMatcher?", string.Empty);
            FailIf($"!{V}.IsMatch(ref r, ref {regex}, {CodeText.Literal(pattern)})", Location(location, "pattern"), CodeText.Literal("does not match " + pattern), describeValue: true);
        }

        if (format is not null)
        {
            FailIf($"!{V}.CheckFormat(ref r, {CodeText.Literal(format)})", Location(location, "format"), CodeText.Literal("is not a valid " + format), describeValue: true);
        }

        w.CloseBlock();
    }

    /// <summary>Reports FS0014 for a pattern of this file that .NET cannot compile (the validator then matches nothing).</summary>
    private void CheckPattern(SchemaRef location, string pattern, SourceSpan span)
    {
        if (location.Document.FilePath != _document.FilePath)
        {
            return;
        }

        try
        {
            _ = new System.Text.RegularExpressions.Regex(FactSchema.Validation.PatternTranslator.Translate(pattern), System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException ex)
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidPattern, _document.FilePath, span, CodeText.JsonQuoted(pattern), ex.Message));
        }
    }

    private void EmitNumber(SchemaRef location, SchemaNode node)
    {
        var checks = new List<(string Keyword, string Literal, string Text, string Comparison, string Message)>();
        void Bound(string keyword, string? text, string comparison, string message)
        {
            if (text is not null && NumberLiteral(text) is { } literal)
            {
                checks.Add((keyword, literal, text, comparison, message));
            }
        }

        Bound("minimum", node.Minimum, "< 0", "is less than the minimum ");
        Bound("maximum", node.Maximum, "> 0", "is greater than the maximum ");
        Bound("exclusiveMinimum", node.ExclusiveMinimum, "<= 0", "is not greater than ");
        Bound("exclusiveMaximum", node.ExclusiveMaximum, ">= 0", "is not less than ");
        var multipleOf = node.MultipleOf is { } m && NumberLiteral(m) is { } ml && !m.StartsWith("-", StringComparison.Ordinal) ? (m, ml) : default;
        if (checks.Count == 0 && multipleOf.m is null)
        {
            return;
        }

        var w = _body;
        w.OpenBlock($"if (t == {Token}.Number)");
        foreach (var check in checks)
        {
            FailIf($"{V}.CompareNumber(ref r, {check.Literal}) {check.Comparison}", Location(location, check.Keyword), CodeText.Literal(check.Message + check.Text), describeValue: true);
        }

        if (multipleOf.m is not null)
        {
            FailIf($"!{V}.IsMultipleOf(ref r, {multipleOf.ml})", Location(location, "multipleOf"), CodeText.Literal("is not a multiple of " + multipleOf.m), describeValue: true);
        }

        w.CloseBlock();
    }

    private void EmitArray(SchemaRef location, SchemaNode node)
    {
        // A tuple is prefixItems, or (draft-07) items as an array; what follows it is items, or then additionalItems.
        var prefixKeyword = node.PrefixItems is null ? null : node.Has("prefixItems") ? "prefixItems" : "items";
        var prefix = node.PrefixItems is { Count: > 0 } p ? p : null;
        var itemsKeyword = prefixKeyword == "items" ? "additionalItems" : "items";
        var items = prefixKeyword == "items" ? node.AdditionalItems : node.Items;
        var contains = node.Contains;
        var minItems = node.MinItems;
        var maxItems = node.MaxItems;
        var unique = node.UniqueItems;
        if (prefix is null && items is null && contains is null && minItems is null && maxItems is null && !unique)
        {
            return;
        }

        var w = _body;
        w.OpenBlock($"if (t == {Token}.StartArray)");
        var needLoop = prefix is not null || items is not null || contains is not null || minItems is not null || maxItems is not null;
        var count = Local("n");
        var matched = Local("matched");
        if (needLoop)
        {
            var a = Local("a");
            w.WriteLine(_needStart ? $"var {a} = start;" : $"ref var {a} = ref r;");
            w.WriteLine($"var {count} = 0;");
            if (contains is not null)
            {
                w.WriteLine($"var {matched} = 0;");
            }

            w.OpenBlock("while (true)");
            w.WriteLine($"{V}.Read(ref {a});");
            w.WriteLine($"if ({a}.TokenType == {Token}.EndArray) {{ break; }}");
            if (contains is not null)
            {
                // contains looks at the item first, on its own copy; the item's own schema then reads it.
                var quiet = Local("quiet");
                var hit = Local("hit");
                var item = Fresh(a);
                w.WriteLine($"var {quiet} = c.BeginQuiet();");
                w.WriteLine($"var {hit} = {Call(location, Sub(location, "contains"), item, "null")};");
                w.WriteLine($"c.EndQuiet({quiet});");
                w.OpenBlock($"if ({hit})");
                w.WriteLine($"{matched}++;");
                if (_track)
                {
                    w.WriteLine($"e?.Mark({count});");
                }

                w.CloseBlock();
            }

            var hasItemSchemas = prefix is not null || (items is not null && !IsTrue(items));
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
                    Require(Call(location, Sub(location, prefixKeyword!, Int(index)), a, "null"));
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
                if (!IsTrue(items))
                {
                    Require(Call(location, Sub(location, itemsKeyword), a, "null"));
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

        EmitArrayCounts(location, node, count, matched);
        w.CloseBlock();
    }

    /// <summary>After the array loop: minItems, maxItems, the contains counts, uniqueItems (on the whole array).</summary>
    private void EmitArrayCounts(SchemaRef location, SchemaNode node, string count, string matched)
    {
        var w = _body;
        if (node.MinItems is { } min && min > 0)
        {
            FailIf($"{count} < {Int(min)}", Location(location, "minItems"), CodeText.Literal($"has fewer than {min} items") , describeValue: true);
        }

        if (node.MaxItems is { } max)
        {
            FailIf($"{count} > {Int(max)}", Location(location, "maxItems"), CodeText.Literal($"has more than {max} items"), describeValue: true);
        }

        if (node.Contains is not null)
        {
            var minContains = node.MinContains ?? 1;
            if (minContains > 0)
            {
                FailIf($"{matched} < {Int(minContains)}", Location(location, node.Has("minContains") ? "minContains" : "contains"), CodeText.Literal(minContains == 1 ? "has no item that matches contains" : $"has fewer than {minContains} items that match contains"), describeValue: true);
            }

            if (node.MaxContains is { } maxC)
            {
                FailIf($"{matched} > {Int(maxC)}", Location(location, "maxContains"), CodeText.Literal($"has more than {maxC} items that match contains"), describeValue: true);
            }
        }

        if (node.UniqueItems)
        {
            FailIf($"!{V}.ItemsUnique(start)", Location(location, "uniqueItems"), CodeText.Literal("has items that are equal, but uniqueItems is true"), describeValue: true);
        }
    }

    private void EmitObject(SchemaRef location, SchemaNode node)
    {
        var properties = node.Properties ?? ImmutableEquatableArray<SchemaProperty>.Empty;
        var patterns = node.PatternProperties ?? ImmutableEquatableArray<SchemaProperty>.Empty;
        var additional = node.AdditionalProperties;
        var propertyNames = node.PropertyNames;
        var required = node.Required;

        // Draft-07 "dependencies" is in both: an array is dependentRequired, a schema is dependentSchemas.
        var dependentRequired = node.DependentRequired;
        var dependentSchemas = node.DependentSchemas;
        var minProperties = node.MinProperties;
        var maxProperties = node.MaxProperties;
        if (properties.Count == 0 && patterns.Count == 0 && additional is null && propertyNames is null && required.Count == 0
            && dependentRequired.Count == 0 && dependentSchemas.Count == 0 && minProperties is null && maxProperties is null)
        {
            return;
        }

        // Every name the object's keywords mention gets an index; presence is tracked per index.
        var (names, indexOf) = ObjectNames(node);
        var w = _body;
        w.OpenBlock($"if (t == {Token}.StartObject)");
        var o = Local("o");
        var count = Local("n");
        var seen = Local("seen");
        w.WriteLine(_needStart ? $"var {o} = start;" : $"ref var {o} = ref r;");
        w.WriteLine($"var {count} = 0;");
        var trackSeen = required.Count > 0 || dependentRequired.Count > 0 || dependentSchemas.Count > 0;
        if (trackSeen)
        {
            w.WriteLine(names.Count <= 512
                ? $"global::System.Span<bool> {seen} = stackalloc bool[{Int(names.Count)}];"
                : $"var {seen} = new bool[{Int(names.Count)}];");
        }

        var matcher = names.Count > 0 && (trackSeen || properties.Count > 0) ? EmitMatcher(names) : null;
        var perProperty = properties.Count > 0 || patterns.Count > 0 || additional is not null || propertyNames is not null;
        w.OpenBlock("while (true)");
        w.WriteLine($"{V}.Read(ref {o});");
        w.WriteLine($"if ({o}.TokenType == {Token}.EndObject) {{ break; }}");
        var k = Local("k");
        if (matcher is not null)
        {
            w.WriteLine($"var {k} = {matcher}(ref {o});");
            if (trackSeen)
            {
                w.WriteLine($"if ({k} >= 0) {{ {seen}[{k}] = true; }}");
            }
        }

        if (perProperty)
        {
            EmitPropertyChecks(location, node, o, k, count, indexOf);
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

        EmitObjectCounts(location, node, seen, count, indexOf);
        w.CloseBlock();
    }

    /// <summary>Every property name the object keywords of <paramref name="node"/> mention, each with its index (declared properties first).</summary>
    private static (List<string> Names, Dictionary<string, int> IndexOf) ObjectNames(SchemaNode node)
    {
        var names = new List<string>();
        var indexOf = new Dictionary<string, int>(StringComparer.Ordinal);
        void Name(string name)
        {
            if (!indexOf.ContainsKey(name))
            {
                indexOf.Add(name, names.Count);
                names.Add(name);
            }
        }

        foreach (var property in node.Properties ?? ImmutableEquatableArray<SchemaProperty>.Empty)
        {
            Name(property.Name);
        }

        foreach (var name in node.Required)
        {
            Name(name);
        }

        foreach (var dependency in node.DependentRequired)
        {
            Name(dependency.Name);
            foreach (var item in dependency.Required)
            {
                Name(item);
            }
        }

        foreach (var dependency in node.DependentSchemas)
        {
            Name(dependency.Name);
        }

        return (names, indexOf);
    }

    /// <summary>
    /// The checks of one member inside the object loop (<paramref name="o"/> is on its name, <paramref name="k"/> holds its
    /// matcher index): propertyNames, the declared property's schema, patternProperties, additionalProperties, and the
    /// evaluated mark.
    /// </summary>
    private void EmitPropertyChecks(SchemaRef location, SchemaNode node, string o, string k, string count, Dictionary<string, int> indexOf)
    {
        var w = _body;
        var properties = node.Properties ?? ImmutableEquatableArray<SchemaProperty>.Empty;
        var patterns = node.PatternProperties ?? ImmutableEquatableArray<SchemaProperty>.Empty;
        var additional = node.AdditionalProperties;
        var propertyNames = node.PropertyNames;
        var name = Local("name");
        var pushed = Local("pushed");
        var hit = Local("hit");
        var needName = patterns.Count > 0 || (propertyNames is not null && !IsTrue(propertyNames));
        if (needName)
        {
            w.WriteLine($"var {name} = {o};");
        }

        w.WriteLine($"var {pushed} = !c.Quiet;");
        w.WriteLine($"if ({pushed}) {{ c.PushProperty({V}.GetString(ref {o})); }}");
        if (propertyNames is not null && !IsTrue(propertyNames))
        {
            Require(Call(location, Sub(location, "propertyNames"), Fresh(name), "null"));
        }

        w.WriteLine($"{V}.Read(ref {o});");
        // Whether a keyword took the property: additionalProperties applies to the rest, unevaluated* counts it.
        var needHit = additional is not null || _track;
        if (patterns.Count == 0)
        {
            // Each property's validator reads the value in place: one switch expression picks it, and the declared
            // properties (indexes 0 to Count - 1 of the matcher) are the ones "properties" takes.
            EmitPropertyDispatch(location, properties, indexOf, k, o);
            if (needHit)
            {
                w.WriteLine(properties.Count > 0 ? $"var {hit} = (uint){k} < {Int(properties.Count)}u;" : $"var {hit} = false;");
            }
        }
        else if (needHit)
        {
            w.WriteLine($"var {hit} = false;");
        }

        var checkedProperties = patterns.Count == 0 ? new List<SchemaProperty>() : properties.Where(p => needHit || !IsTrue(p.Schema)).ToList();
        if (checkedProperties.Count > 0)
        {
            w.OpenBlock($"switch ({k})");
            foreach (var property in checkedProperties)
            {
                w.WriteLine($"case {Int(indexOf[property.Name])}:");
                w.OpenBlock();
                if (!IsTrue(property.Schema))
                {
                    Require(Call(location, Sub(location, "properties", property.Name), patterns.Count > 0 ? Fresh(o) : o, "null"));
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
            CheckPattern(location, pattern.Name, pattern.NameSpan);
            if (IsTrue(pattern.Schema) && !needHit)
            {
                continue;
            }

            var regex = Field("global::FactSchema.Validation.PatternMatcher?", string.Empty);
            w.OpenBlock($"if ({V}.IsMatch(ref {name}, ref {regex}, {CodeText.Literal(pattern.Name)}))");
            if (!IsTrue(pattern.Schema))
            {
                Require(Call(location, Sub(location, "patternProperties", pattern.Name), Fresh(o), "null"));
            }

            if (needHit)
            {
                w.WriteLine($"{hit} = true;");
            }

            w.CloseBlock();
        }

        if (additional is not null && additional.IsFalse && !_track)
        {
            FailIf($"!{hit}", Location(location, "additionalProperties"), CodeText.Literal("is not allowed: the schema has no property of this name (additionalProperties is false)"), describeValue: false, reader: o);
        }
        else if (additional is not null)
        {
            w.OpenBlock($"if (!{hit})");
            if (additional.IsFalse)
            {
                Fail(Location(location, "additionalProperties"), CodeText.Literal("is not allowed: the schema has no property of this name (additionalProperties is false)"), describeValue: false, reader: o);
            }
            else if (!IsTrue(additional))
            {
                Require(Call(location, Sub(location, "additionalProperties"), patterns.Count > 0 ? Fresh(o) : o, "null"));
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
    private void EmitObjectCounts(SchemaRef location, SchemaNode node, string seen, string count, Dictionary<string, int> indexOf)
    {
        var w = _body;
        foreach (var name in node.Required)
        {
            FailIf($"!{seen}[{Int(indexOf[name])}]", Location(location, "required"), CodeText.Literal("the required property '" + name + "' is missing"), describeValue: false);
        }

        foreach (var dependency in node.DependentRequired)
        {
            foreach (var item in dependency.Required.Distinct(StringComparer.Ordinal))
            {
                FailIf($"{seen}[{Int(indexOf[dependency.Name])}] && !{seen}[{Int(indexOf[item])}]", Location(location, "dependentRequired"), CodeText.Literal($"has '{dependency.Name}' but not '{item}', which it requires"), describeValue: false);
            }
        }

        if (node.MinProperties is { } min && min > 0)
        {
            FailIf($"{count} < {Int(min)}", Location(location, "minProperties"), CodeText.Literal($"has fewer than {min} properties"), describeValue: true);
        }

        if (node.MaxProperties is { } max)
        {
            FailIf($"{count} > {Int(max)}", Location(location, "maxProperties"), CodeText.Literal($"has more than {max} properties"), describeValue: true);
        }

        foreach (var dependency in node.DependentSchemas)
        {
            if (IsTrue(dependency.Schema))
            {
                continue;
            }

            w.OpenBlock($"if ({seen}[{Int(indexOf[dependency.Name])}])");
            Require(Call(location, Sub(location, dependency.Keyword, dependency.Name), Fresh(), EvaluatedArgument));
            w.CloseBlock();
        }
    }

    /// <summary>Validates a declared property's value by its matcher index <paramref name="k"/>: a switch expression of calls.</summary>
    private void EmitPropertyDispatch(SchemaRef location, ImmutableEquatableArray<SchemaProperty> properties, Dictionary<string, int> indexOf, string k, string reader)
    {
        var asserted = properties.Where(p => !IsTrue(p.Schema)).ToList();
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
            var sub = Sub(location, "properties", property.Name);
            var check = TypeOnly(property.Schema) is { } types ? TypeCheck(sub, types, reader) : Call(location, sub, reader, "null");
            w.WriteLine($"{Int(indexOf[property.Name])} => {check},");
        }

        w.WriteLine("_ => true,");
        w.Unindent();
        w.WriteLine("}) && c.Fail(ref valid)) { return false; }");
    }

    /// <summary>The method that maps a property name at the reader to its index in <paramref name="names"/>, or -1; one per distinct list.</summary>
    private string EmitMatcher(List<string> names)
    {
        var key = NameMatcherSpec.KeyOf(names);
        if (!_matcherByNames.TryGetValue(key, out var name))
        {
            name = "M" + _matchers.Count.ToString(CultureInfo.InvariantCulture);
            _matcherByNames.Add(key, name);
            _matchers.Add(new NameMatcherSpec(name, names.ToImmutableEquatableArray()));
        }

        return name;
    }

    private void EmitAllOf(SchemaRef location, SchemaNode node)
    {
        var branches = node.AllOf;
        for (var i = 0; i < branches.Count; i++)
        {
            var branch = branches[i];
            if (_recorded is not null && IsOnlyConditional(branch) && IsRecordableConditional(branch)
                && CanDecideFromRecorded(Sub(location, "allOf", Int(i), "if"), branch.If!))
            {
                // A branch that is only a conditional, in place: its condition is decided from the recorded properties.
                EmitConditional(Sub(location, "allOf", Int(i)), branch);
            }
            else if (_recorded is not null && !IsTrue(branch) && CanDecideFromRecorded(Sub(location, "allOf", Int(i)), branch))
            {
                EmitRecordedOrFull(location, Sub(location, "allOf", Int(i)), branch);
            }
            else if (!IsTrue(branch))
            {
                var x = Fresh();
                Require(Call(location, Sub(location, "allOf", Int(i)), x, EvaluatedArgument));
                _body.WriteLine($"r = {x};");
            }
        }
    }

    private void EmitAnyOf(SchemaRef location, SchemaNode node, string keyword)
    {
        var branches = keyword == "anyOf" ? node.AnyOf : node.OneOf;
        if (branches.Count == 0)
        {
            return;
        }

        var w = _body;
        var quiet = Local("quiet");
        var matches = Local("matches");
        var keep = Local("keep");
        var oneOf = keyword == "oneOf";
        w.OpenBlock();
        w.WriteLine($"var {quiet} = c.BeginQuiet();");
        w.WriteLine($"var {matches} = 0;");
        if (_track && oneOf)
        {
            w.WriteLine($"{Set}? {keep} = null;");
        }

        _discriminators.TryGetValue(location.Key, out var discriminator);

        // Without a mapped discriminator, a property whose value rules branches out before they read the value again.
        var filter = discriminator is null ? BranchFilter.Infer(_index, location, node, keyword) : null;
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
            var admits = Admits(filter, filterSelected, i);
            var branchReader = Fresh();
            var call = Call(location, Sub(location, keyword, Int(i)), branchReader, _track ? "s" : "null");
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
            else if (_recorded is not null && CanDecideFromRecorded(Sub(location, keyword, Int(i)), branches[i]))
            {
                // Decided from the recorded properties when the value is an object (see ValidatorCompiler.Conditions.cs).
                w.OpenBlock($"if ({guard})");
                w.OpenBlock($"if ({_recorded.Flag})");
                w.WriteLine($"if ({EmitRecordedCondition(Sub(location, keyword, Int(i)), branches[i])}) {{ {matches}++; }}");
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

        var discriminatorName = discriminator is null ? null : CodeText.Utf8Literal(discriminator.Name);
        string? discriminatorValues = null;
        if (discriminator is not null && discriminatorName is not null)
        {
            // Every other branch fixes the discriminator to another string: in an object that has it, only the branch
            // it names can match (and none when it names none). Without it, or for a non-object, evaluate them all.
            discriminatorValues = Field("readonly string[]", "new string[] { " + string.Join(", ", discriminator.Branches.Select(b => CodeText.Literal(b.Value))) + " }");
            var selected = Local("branch");
            w.WriteLine($"var {selected} = {V}.SelectBranch(start, {discriminatorName}, {discriminatorValues});");
            w.OpenBlock($"switch ({selected})");
            for (var k = 0; k < discriminator.Branches.Count; k++)
            {
                w.OpenBlock($"case {Int(k)}:");
                EmitBranch(discriminator.Branches[k].Branch);
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

        EmitUnionFailure(location, keyword, branches.Count, matches, discriminator, discriminatorName, discriminatorValues);
        w.CloseBlock();
    }

    /// <summary>
    /// The condition (with a trailing <c>&amp;&amp;</c>) under which branch <paramref name="i"/> is worth evaluating, given the
    /// value of the filter property in <paramref name="selected"/>; empty when the filter does not restrict the branch.
    /// </summary>
    private string Admits(BranchFilter.Filter? filter, string? selected, int i)
    {
        if (filter is null || selected is null || filter.Branches[i] is not { } admitted)
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
    private void EmitUnionFailure(SchemaRef location, string keyword, int branchCount, string matches, ValidationDiscriminator? discriminator, string? discriminatorName, string? discriminatorValues)
    {
        var w = _body;
        var count = Int(branchCount);
        var oneOf = keyword == "oneOf";
        var noneMatch = CodeText.Literal($"does not match any of the {count} schemas in {keyword}");
        if (discriminator is not null && discriminatorName is { } name && discriminatorValues is not null)
        {
            w.OpenBlock($"if ({matches} == 0)");
            // When collecting, the branch the discriminator names reports its own errors: they say what is wrong.
            var selected = Local("selected");
            w.WriteLine($"var {selected} = c.Quiet ? -1 : {V}.SelectBranch(start, {name}, {discriminatorValues});");
            w.OpenBlock($"switch ({selected})");
            for (var i = 0; i < discriminator.Branches.Count; i++)
            {
                w.OpenBlock($"case {Int(i)}:");
                var reader = Fresh();
                w.WriteLine($"{Call(location, Sub(location, keyword, Int(discriminator.Branches[i].Branch)), reader, "null")};");
                w.WriteLine("valid = false;");
                w.WriteLine("break;");
                w.CloseBlock();
            }

            w.OpenBlock("default:");
            Fail(Location(location, keyword), noneMatch, describeValue: true);
            w.WriteLine("break;");
            w.CloseBlock();
            w.CloseBlock();
            w.CloseBlock();
        }
        else
        {
            FailIf($"{matches} == 0", Location(location, keyword), noneMatch, describeValue: true);
        }

        if (oneOf)
        {
            FailIf($"{matches} > 1", Location(location, keyword), CodeText.Literal($"matches more than one of the {count} schemas in oneOf"), describeValue: true);
        }
    }

    private void EmitNot(SchemaRef location, SchemaNode node)
    {
        if (node.Not is null)
        {
            return;
        }

        var w = _body;
        var quiet = Local("quiet");
        var hit = Local("hit");
        w.WriteLine($"var {quiet} = c.BeginQuiet();");
        var notReader = Fresh();
        w.WriteLine($"var {hit} = {Call(location, Sub(location, "not"), notReader, "null")};");
        w.WriteLine($"c.EndQuiet({quiet});");
        w.OpenBlock($"if ({hit})");
        w.WriteLine($"r = {notReader};");
        Fail(Location(location, "not"), CodeText.Literal("must not match the schema in not"), describeValue: true);
        w.CloseBlock();
    }

    private void EmitConditional(SchemaRef location, SchemaNode node)
    {
        if (node.If is null || (node.Then is null && node.Else is null && !_track))
        {
            return;
        }

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
            w.WriteLine($"var {hit} = {Call(location, Sub(location, "if"), ifReader, "s")};");
            w.WriteLine($"if ({hit}) {{ e?.UnionWith(s); }}");
            w.WriteLine("c.ReturnSet(s);");
        }
        else if (_recorded is not null && CanDecideFromRecorded(Sub(location, "if"), node.If))
        {
            // Decided from the recorded properties when the value is an object (see ValidatorCompiler.Conditions.cs).
            w.WriteLine($"bool {hit};");
            w.OpenBlock($"if ({_recorded.Flag})");
            w.WriteLine($"{hit} = {EmitRecordedCondition(Sub(location, "if"), node.If)};");
            w.CloseBlock();
            w.OpenBlock("else");
            var x = Fresh();
            w.WriteLine($"{hit} = {Call(location, Sub(location, "if"), x, "null")};");
            w.WriteLine($"if ({hit}) {{ r = {x}; }}");
            w.CloseBlock();
            ifReader = null;
        }
        else
        {
            ifReader = Fresh();
            w.WriteLine($"var {hit} = {Call(location, Sub(location, "if"), ifReader, "null")};");
        }

        w.WriteLine($"c.EndQuiet({quiet});");

        // A subschema that held, or any that ran while collecting, has read the whole value: the method's reader takes
        // its place instead of skipping the value once more.
        var then = node.Then is { } thenNode && !IsTrue(thenNode);
        w.OpenBlock($"if ({hit})");
        if (ifReader is not null)
        {
            w.WriteLine($"r = {ifReader};");
        }

        if (then && _recorded is not null)
        {
            EmitRecordedOrFull(location, Sub(location, "then"), node.Then!);
        }
        else if (then)
        {
            var thenReader = Fresh();
            Require(Call(location, Sub(location, "then"), thenReader, EvaluatedArgument));
            w.WriteLine($"r = {thenReader};");
        }

        w.CloseBlock();
        if (node.Else is { } otherwise && !IsTrue(otherwise))
        {
            w.OpenBlock("else");
            if (_recorded is not null)
            {
                EmitRecordedOrFull(location, Sub(location, "else"), otherwise);
            }
            else
            {
                var elseReader = Fresh();
                Require(Call(location, Sub(location, "else"), elseReader, EvaluatedArgument));
                w.WriteLine($"r = {elseReader};");
            }

            w.CloseBlock();
        }

        w.CloseBlock();
    }

    private void EmitUnevaluated(SchemaRef location, SchemaNode? properties, SchemaNode? items)
    {
        var w = _body;
        if (properties is not null)
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
            if (properties.IsFalse)
            {
                w.OpenBlock("if (!c.Quiet)");
                w.WriteLine($"c.PushProperty({V}.GetString(ref {name}));");
                w.WriteLine($"c.AddErrorAt(ref {o}, {CodeText.Literal(Location(location, "unevaluatedProperties"))}, \"is not allowed: no keyword of the schema evaluates this property (unevaluatedProperties is false)\");");
                w.WriteLine("c.Pop();");
                w.CloseBlock();
                w.WriteLine("else");
                w.OpenBlock();
                w.WriteLine("return false;");
                w.CloseBlock();
                w.WriteLine();
                w.WriteLine("valid = false;");
            }
            else if (!IsTrue(properties))
            {
                var pushed = Local("pushed");
                w.WriteLine($"var {pushed} = !c.Quiet;");
                w.WriteLine($"if ({pushed}) {{ c.PushProperty({V}.GetString(ref {name})); }}");
                Require(Call(location, Sub(location, "unevaluatedProperties"), o, "null"));
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

        if (items is not null)
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
            if (!IsTrue(items))
            {
                var pushed = Local("pushed");
                w.WriteLine($"var {pushed} = !c.Quiet;");
                w.WriteLine($"if ({pushed}) {{ c.PushIndex({count}); }}");
                Require(Call(location, Sub(location, "unevaluatedItems"), a, "null"));
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
}

/// <summary>The property whose string value picks a branch of a oneOf/anyOf, and the value of each branch (by index in the keyword's array).</summary>
internal sealed record ValidationDiscriminator(string Name, ImmutableEquatableArray<(int Branch, string Value)> Branches);
