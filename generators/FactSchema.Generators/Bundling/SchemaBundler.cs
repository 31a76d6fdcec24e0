using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using FactSchema.Generators.Json;
using FactSchema.Generators.Mapping;
using FactSchema.Generators.Schema;
using FactSchema.Generators.Validation;

namespace FactSchema.Generators.Bundling;

/// <summary>A note about something a bundle could not carry over exactly, at its place in a schema file.</summary>
internal sealed record BundleNote(string FilePath, SourceSpan Span, string Message);

/// <summary>A self-contained schema: its JSON text, and what could not be carried over exactly.</summary>
internal sealed record BundleResult(string Json, IReadOnlyList<BundleNote> Notes)
{
    /// <summary>For a local bundle: the other documents its references lead to (each once), which it does not embed.</summary>
    public IReadOnlyList<SchemaDocument> References { get; init; } = Array.Empty<SchemaDocument>();
}

/// <summary>
/// Makes one self-contained draft 2020-12 schema of a schema file: every other schema it reaches through <c>$ref</c>
/// (other files, standard meta-schemas) is embedded under the root's <c>$defs</c>, and every reference becomes a
/// JSON Pointer into the bundle (<c>#/$defs/actor/$defs/actorId</c>), so the bundle needs no <c>$id</c> resolution:
/// tools that know only local references (OpenAPI, model providers' structured output) read it as written.
/// </summary>
/// <remarks>
/// References are resolved by the generator's own index (so they mean what they mean to the validators: base URIs,
/// embedded <c>$id</c>s, anchors), then written as pointers; <c>$id</c> and anchors below the root are dropped, as nothing
/// needs them. Older drafts are written in their draft 2020-12 form: <c>definitions</c> → <c>$defs</c>, array
/// <c>items</c> → <c>prefixItems</c> with <c>additionalItems</c> → <c>items</c>, <c>dependencies</c> → <c>dependentRequired</c>
/// / <c>dependentSchemas</c> (the draft normalizer has already done <c>id</c>, boolean bounds and <c>$ref</c> siblings).
/// A <c>$dynamicRef</c>/<c>$recursiveRef</c> becomes a <c>$ref</c> to where it first resolves, with a note: a bundle has no
/// dynamic scope to extend.
/// </remarks>
internal sealed class SchemaBundler
{
    /// <summary>The dialect every bundle is written in.</summary>
    public const string Dialect = "https://json-schema.org/draft/2020-12/schema";

    private readonly SchemaIndex _index;
    private readonly SchemaDocument _root;
    private readonly Dictionary<string, string> _keys = new(StringComparer.Ordinal);
    private readonly List<SchemaDocument> _embedded = new();
    private readonly List<BundleNote> _notes = new();
    private readonly CancellationToken _cancellationToken;

    private readonly bool _indented;
    private readonly bool _local;
    private readonly List<SchemaDocument> _referenced = new();

    private SchemaBundler(SchemaIndex index, SchemaDocument root, bool indented, bool local, CancellationToken cancellationToken)
    {
        _indented = indented;
        _local = local;
        _index = index;
        _root = root;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Bundles <paramref name="root"/> (a document of <paramref name="set"/>) with everything it references.</summary>
    public static BundleResult Bundle(SchemaSet set, SchemaDocument root, CancellationToken cancellationToken)
        => Bundle(set, root, indented: true, cancellationToken);

    /// <summary>Bundles <paramref name="root"/>, indented (for people) or compact (for generated code).</summary>
    public static BundleResult Bundle(SchemaSet set, SchemaDocument root, bool indented, CancellationToken cancellationToken)
        => Bundle(set, root, indented, local: false, cancellationToken);

    /// <summary>
    /// A local bundle (<paramref name="local"/>): the file alone, in its draft 2020-12 form, with every reference into
    /// another document written as that document's <see cref="IdOf"/> and a pointer into its own local bundle. Generated
    /// code carries one per file, and the runtime puts a file's full bundle together from them: the code stays linear in
    /// the number of files where full bundles would each carry every file they reach.
    /// </summary>
    public static BundleResult Bundle(SchemaSet set, SchemaDocument root, bool indented, bool local, CancellationToken cancellationToken)
    {
        if (root.Json is null)
        {
            throw new ArgumentException("The schema could not be read.", nameof(root));
        }

        var bundler = new SchemaBundler(set.Index, set.DocumentFor(root.FilePath) ?? root, indented, local, cancellationToken);
        return bundler.Run();
    }

    private BundleResult Run()
    {
        var rootJson = _root.Json!;
        var usedKeys = new HashSet<string>(StringComparer.Ordinal);
        if (rootJson.Kind == JsonKind.Object && (rootJson["$defs"] ?? rootJson["definitions"]) is { Kind: JsonKind.Object } defs)
        {
            foreach (var member in defs.Members)
            {
                usedKeys.Add(member.Name);
            }
        }

        // Every document the root reaches, breadth-first, each under its own key.
        var queue = new Queue<SchemaDocument>();
        queue.Enqueue(_root);
        var visited = new HashSet<string>(StringComparer.Ordinal) { _root.FilePath };
        while (queue.Count > 0)
        {
            var document = queue.Dequeue();
            foreach (var target in ReferencedDocuments(document))
            {
                if (_local)
                {
                    if (visited.Add(target.FilePath))
                    {
                        _referenced.Add(target);
                    }

                    continue;
                }

                if (visited.Add(target.FilePath))
                {
                    _keys[target.FilePath] = UniqueKey(target, usedKeys);
                    _embedded.Add(target);
                    queue.Enqueue(target);
                }
            }
        }

        var builder = new StringBuilder();
        var writer = new IndentedJsonWriter(builder, _indented);
        if (rootJson.Kind != JsonKind.Object)
        {
            // A boolean schema references nothing.
            writer.Value(rootJson);
            return new BundleResult(builder.ToString(), _notes) { References = _referenced };
        }

        writer.StartObject();
        writer.Name("$schema");
        writer.String(Dialect);
        if (rootJson["$id"] is { Kind: JsonKind.String } id && Uri.TryCreate(id.Text, UriKind.Absolute, out _))
        {
            writer.Name("$id");
            writer.String(id.Text!);
        }

        var wroteDefs = false;
        foreach (var member in rootJson.Members)
        {
            if (Renamed(rootJson, member.Name, member.Value) is not { } name || name is "$schema" or "$id")
            {
                continue;
            }

            writer.Name(name);
            if (name == "$defs" && !wroteDefs)
            {
                wroteDefs = true;
                WriteDefinitions(writer, member.Value, new SchemaRef(_root, "/" + member.Name));
            }
            else
            {
                WriteMember(writer, rootJson, member, new SchemaRef(_root, string.Empty));
            }
        }

        if (!wroteDefs && _embedded.Count > 0)
        {
            writer.Name("$defs");
            WriteDefinitions(writer, null, default);
        }

        writer.EndObject();
        return new BundleResult(builder.ToString(), _notes) { References = _referenced };
    }

    /// <summary>The root's own definitions, then one entry per embedded document.</summary>
    private void WriteDefinitions(IndentedJsonWriter writer, JsonNode? own, SchemaRef at)
    {
        writer.StartObject();
        if (own is { Kind: JsonKind.Object })
        {
            foreach (var member in own.Members)
            {
                writer.Name(member.Name);
                WriteSchema(writer, member.Value, new SchemaRef(at.Document, at.Pointer + "/" + JsonPointer.Escape(member.Name)));
            }
        }

        foreach (var document in _embedded)
        {
            writer.Name(_keys[document.FilePath]);
            WriteSchema(writer, document.Json!, new SchemaRef(document, string.Empty));
        }

        writer.EndObject();
    }

    private void WriteSchema(IndentedJsonWriter writer, JsonNode node, SchemaRef at)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (node.Kind != JsonKind.Object)
        {
            writer.Value(node);
            return;
        }

        writer.StartObject();
        foreach (var member in node.Members)
        {
            if (Renamed(node, member.Name, member.Value) is not { } name || name is "$schema" or "$id")
            {
                continue;
            }

            writer.Name(name);
            WriteMember(writer, node, member, at);
        }

        writer.EndObject();
    }

    private void WriteMember(IndentedJsonWriter writer, JsonNode schema, JsonMember member, SchemaRef at)
    {
        var keyword = member.Name;
        var value = member.Value;
        var pointer = at.Pointer + "/" + JsonPointer.Escape(keyword);
        if (keyword is "$ref" or "$dynamicRef" or "$recursiveRef" && value.Kind == JsonKind.String)
        {
            writer.String(Reference(at, keyword, value));
            return;
        }

        if (Array.IndexOf(DraftNormalizer.SingleSubschemaKeywords, keyword) >= 0 && value.Kind is JsonKind.Object or JsonKind.True or JsonKind.False)
        {
            WriteSchema(writer, value, new SchemaRef(at.Document, pointer));
            return;
        }

        if (Array.IndexOf(DraftNormalizer.ArraySubschemaKeywords, keyword) >= 0 && value.Kind == JsonKind.Array)
        {
            writer.StartArray();
            for (var i = 0; i < value.Items.Count; i++)
            {
                WriteSchema(writer, value.Items[i], new SchemaRef(at.Document, pointer + "/" + i.ToString(CultureInfo.InvariantCulture)));
            }

            writer.EndArray();
            return;
        }

        if (Array.IndexOf(DraftNormalizer.MapSubschemaKeywords, keyword) >= 0 && value.Kind == JsonKind.Object)
        {
            // Draft-07 "dependencies" with schemas became dependentSchemas: a property list among them is the schema
            // {"required": [...]}, which means the same.
            var asSchemas = keyword == "dependencies" && Renamed(schema, keyword, value) == "dependentSchemas";
            writer.StartObject();
            foreach (var entry in value.Members)
            {
                writer.Name(entry.Name);
                if (asSchemas && entry.Value.Kind == JsonKind.Array)
                {
                    writer.StartObject();
                    writer.Name("required");
                    writer.Value(entry.Value);
                    writer.EndObject();
                    continue;
                }

                WriteSchema(writer, entry.Value, new SchemaRef(at.Document, pointer + "/" + JsonPointer.Escape(entry.Name)));
            }

            writer.EndObject();
            return;
        }

        // Data (enum, const, default, examples) and keywords we do not know are copied as written.
        writer.Value(value);
    }

    /// <summary>A reference as a pointer into the bundle; as written (with a note) when it does not resolve.</summary>
    private string Reference(SchemaRef at, string keyword, JsonNode value)
    {
        var reference = value.Text!;
        if (keyword == "$recursiveRef")
        {
            reference = "#";
        }

        if (!_index.TryResolve(at, reference, out var target, out var absolute))
        {
            _notes.Add(new BundleNote(at.Document.FilePath, value.Span, $"{keyword} '{reference}' ({absolute}) does not resolve to a schema the bundle has; it is kept as written"));
            return reference;
        }

        if (keyword != "$ref")
        {
            _notes.Add(new BundleNote(at.Document.FilePath, value.Span, $"{keyword} '{value.Text}' became a $ref to where it first resolves: a bundle has no dynamic scope to extend"));
        }

        if (_local && target.Document.FilePath != _root.FilePath)
        {
            return IdOf(target.Document) + "#" + EncodeFragment(MapPointer(target.Document.Json!, target.Pointer));
        }

        return "#" + EncodeFragment(BundlePointer(target));
    }

    /// <summary>
    /// The URI a local bundle names a document by: its absolute <c>$id</c>, or, for a file without one, its path in the
    /// project (never a path of the build machine).
    /// </summary>
    public static string IdOf(SchemaDocument document)
        => document.BaseUri.StartsWith("file:", StringComparison.OrdinalIgnoreCase) ? document.RelativePath : document.BaseUri;

    /// <summary>Where a schema location of any document sits in the bundle.</summary>
    private string BundlePointer(SchemaRef target)
    {
        var inDocument = MapPointer(target.Document.Json!, target.Pointer);
        return target.Document.FilePath == _root.FilePath
            ? inDocument
            : "/$defs/" + JsonPointer.Escape(_keys[target.Document.FilePath]) + inDocument;
    }

    /// <summary>A pointer of the source document, renamed as the bundle renames keywords along its path.</summary>
    internal static string MapPointer(JsonNode root, string pointer)
    {
        if (!JsonPointer.TryParse(pointer, out var segments))
        {
            return pointer;
        }

        var builder = new StringBuilder();
        JsonNode? node = root;
        string? container = null;
        foreach (var segment in segments)
        {
            var name = segment;
            JsonNode? next = null;
            if (node is { Kind: JsonKind.Object })
            {
                next = node[segment];
                // A keyword of a schema object (not a property name inside "properties" and the like).
                if (container is null && next is not null)
                {
                    name = Renamed(node, segment, next) ?? segment;
                    container = Array.IndexOf(DraftNormalizer.MapSubschemaKeywords, segment) >= 0 || Array.IndexOf(DraftNormalizer.ArraySubschemaKeywords, segment) >= 0 ? segment : null;
                }
                else
                {
                    container = null;
                }
            }
            else if (node is { Kind: JsonKind.Array } && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < node.Items.Count)
            {
                next = node.Items[index];
                container = null;
            }

            builder.Append('/').Append(JsonPointer.Escape(name));
            node = next;
        }

        return builder.ToString();
    }

    /// <summary>A keyword's name in the bundle, or null when the bundle drops it.</summary>
    private static string? Renamed(JsonNode schema, string keyword, JsonNode value)
        => keyword switch
        {
            "definitions" => schema["$defs"] is null ? "$defs" : keyword,
            "items" when value.Kind == JsonKind.Array => schema["prefixItems"] is null ? "prefixItems" : keyword,
            "additionalItems" => schema["items"] is { Kind: JsonKind.Array } && schema["prefixItems"] is null ? "items" : null,
            "dependencies" when value.Kind == JsonKind.Object => value.Members.All(m => m.Value.Kind == JsonKind.Array)
                ? (schema["dependentRequired"] is null ? "dependentRequired" : keyword)
                : (schema["dependentSchemas"] is null ? "dependentSchemas" : keyword),
            "$anchor" or "$dynamicAnchor" or "$recursiveAnchor" => null,
            "$dynamicRef" or "$recursiveRef" => schema["$ref"] is null ? "$ref" : null,
            _ => keyword,
        };

    /// <summary>The documents other than <paramref name="document"/> that its references reach.</summary>
    private IEnumerable<SchemaDocument> ReferencedDocuments(SchemaDocument document)
    {
        var found = new List<SchemaDocument>();
        var stack = new Stack<(JsonNode Node, string Pointer)>();
        stack.Push((document.Json!, string.Empty));
        while (stack.Count > 0)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var (node, pointer) = stack.Pop();
            if (node.Kind == JsonKind.Array)
            {
                for (var i = 0; i < node.Items.Count; i++)
                {
                    stack.Push((node.Items[i], pointer + "/" + i.ToString(CultureInfo.InvariantCulture)));
                }

                continue;
            }

            if (node.Kind != JsonKind.Object)
            {
                continue;
            }

            foreach (var member in node.Members)
            {
                if (member.Name is "$ref" or "$dynamicRef" or "$recursiveRef" && member.Value.Kind == JsonKind.String)
                {
                    var reference = member.Name == "$recursiveRef" ? "#" : member.Value.Text!;
                    if (_index.TryResolve(new SchemaRef(document, pointer), reference, out var target, out _) && target.Document.FilePath != document.FilePath)
                    {
                        found.Add(target.Document);
                    }
                }
                else if (member.Name is not ("enum" or "const" or "default" or "examples"))
                {
                    stack.Push((member.Value, pointer + "/" + JsonPointer.Escape(member.Name)));
                }
            }
        }

        return found;
    }

    private static string UniqueKey(SchemaDocument document, HashSet<string> used)
    {
        var name = Path.GetFileName(document.RelativePath.Length > 0 ? document.RelativePath : document.FilePath);
        foreach (var suffix in new[] { ".schema.json", ".json" })
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && name.Length > suffix.Length)
            {
                name = name.Substring(0, name.Length - suffix.Length);
                break;
            }
        }

        var key = name.Length == 0 ? "schema" : name;
        var candidate = key;
        for (var i = 2; !used.Add(candidate); i++)
        {
            candidate = key + i.ToString(CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    /// <summary>A JSON Pointer as a URI fragment: characters a fragment may not hold are percent-encoded (RFC 6901 §6).</summary>
    private static string EncodeFragment(string pointer)
    {
        var builder = new StringBuilder(pointer.Length);
        foreach (var b in Encoding.UTF8.GetBytes(pointer))
        {
            var c = (char)b;
            if (b < 0x80 && (char.IsLetterOrDigit(c) || "/~!$&'()*+,;=:@-._".IndexOf(c) >= 0))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    /// <summary>Writes JSON with two-space indentation, numbers and strings as the source had them (strings escaped).</summary>
    private sealed class IndentedJsonWriter
    {
        private readonly StringBuilder _builder;
        private readonly Stack<bool> _first = new();
        private bool _afterName;

        private readonly bool _indented;

        public IndentedJsonWriter(StringBuilder builder, bool indented)
        {
            _builder = builder;
            _indented = indented;
        }

        public void StartObject() => Open('{');

        public void EndObject() => Close('}');

        public void StartArray() => Open('[');

        public void EndArray() => Close(']');

        public void Name(string name)
        {
            Separate();
            Quote(name);
            _builder.Append(_indented ? ": " : ":");
            _afterName = true;
        }

        public void String(string value)
        {
            Separate();
            Quote(value);
        }

        public void Value(JsonNode node)
        {
            switch (node.Kind)
            {
                case JsonKind.Object:
                    StartObject();
                    foreach (var member in node.Members)
                    {
                        Name(member.Name);
                        Value(member.Value);
                    }

                    EndObject();
                    break;
                case JsonKind.Array:
                    StartArray();
                    foreach (var item in node.Items)
                    {
                        Value(item);
                    }

                    EndArray();
                    break;
                case JsonKind.String:
                    String(node.Text!);
                    break;
                default:
                    Separate();
                    _builder.Append(node.Kind switch { JsonKind.Null => "null", JsonKind.True => "true", JsonKind.False => "false", _ => node.Text });
                    break;
            }
        }

        private void Open(char bracket)
        {
            Separate();
            _builder.Append(bracket);
            _first.Push(true);
        }

        private void Close(char bracket)
        {
            var empty = _first.Pop();
            if (!empty)
            {
                NewLine();
            }

            _builder.Append(bracket);
        }

        private void Separate()
        {
            if (_afterName)
            {
                _afterName = false;
                return;
            }

            if (_first.Count == 0)
            {
                return;
            }

            if (!_first.Peek())
            {
                _builder.Append(',');
            }
            else
            {
                _first.Pop();
                _first.Push(false);
            }

            NewLine();
        }

        private void NewLine()
        {
            if (_indented)
            {
                _builder.Append('\n').Append(' ', 2 * _first.Count);
            }
        }

        private void Quote(string value)
        {
            _builder.Append('"');
            foreach (var c in value)
            {
                switch (c)
                {
                    case '"': _builder.Append("\\\""); break;
                    case '\\': _builder.Append("\\\\"); break;
                    case '\n': _builder.Append("\\n"); break;
                    case '\r': _builder.Append("\\r"); break;
                    case '\t': _builder.Append("\\t"); break;
                    default:
                        // Surrogates are escaped too: a lone one (from a \\u escape in the source) stays representable in UTF-8.
                        if (c < 0x20 || c is '\u2028' or '\u2029' || char.IsSurrogate(c))
                        {
                            _builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            _builder.Append(c);
                        }

                        break;
                }
            }

            _builder.Append('"');
        }
    }
}
