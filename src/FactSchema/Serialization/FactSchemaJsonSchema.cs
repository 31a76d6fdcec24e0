using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FactSchema.Serialization;

/// <summary>
/// The JSON Schema of a generated type, as a value: every generated type has one as its static <c>JsonSchema</c>
/// member (an enum on its converter, <c>QuoteKindJsonConverter.JsonSchema</c>), and every schema class one for its whole
/// file (<c>QuoteSchema.JsonSchema</c>).
/// </summary>
/// <remarks>
/// <para>
/// Two forms: <see cref="SourceUtf8"/> is the schema file exactly as written; <see cref="ToJsonNode"/> and
/// <see cref="ToJsonString"/> give the type's schema self-contained: draft 2020-12, every schema its <c>$ref</c>s reach
/// (other files, standard meta-schemas) embedded under <c>$defs</c>, every <c>$ref</c> a JSON Pointer into the same
/// document, so tools that know only local references (OpenAPI, model providers' structured output) read it as is.
/// The generator builds the file's bundle at compile time; nothing is read from disk and nothing uses reflection.
/// </para>
/// <para>
/// The generated code carries each file once (its local bundle, <see cref="LocalBundleUtf8"/>), and the full bundle is put
/// together on first use from the files it reaches, so generated code grows with the number of files, not with its square.
/// A <c>$ref</c> to a schema of another assembly (the standard vocabulary, say) is kept as written, an absolute URI:
/// the bundle holds what the project's own schema files reach.
/// </para>
/// </remarks>
public sealed class FactSchemaJsonSchema
{
    private readonly FactSchemaJsonSchema? _file;
    private readonly byte[] _source;
    private readonly byte[] _bundle;
    private readonly Func<FactSchemaJsonSchema>[] _references;
    private string? _json;

    private FactSchemaJsonSchema(string id, string pointer, string name, byte[] source, byte[] bundle, FactSchemaJsonSchema? file, Func<FactSchemaJsonSchema>[] references)
    {
        _references = references;
        Id = id;
        Pointer = pointer;
        Name = name;
        _source = source;
        _bundle = bundle;
        _file = file;
    }

    /// <summary>The URI that identifies the schema file: its <c>$id</c>, or, for a file without one, its path in the project (a relative URI).</summary>
    public string Id { get; }

    /// <summary>Where this type's schema sits in the file's bundle: a JSON Pointer, empty for the file's root.</summary>
    public string Pointer { get; }

    /// <summary>The C# name of the type (without namespace): a good name for the schema in a catalogue (an OpenAPI component, say).</summary>
    public string Name { get; }

    /// <summary>The absolute URI of this schema: <see cref="Id"/> with <see cref="Pointer"/> as its fragment when it is not the root.</summary>
    public string Uri => Pointer.Length == 0 ? Id : Id + "#" + Pointer;

    /// <summary>The schema file as written, UTF-8 encoded (for a type below the root, the whole file that holds it).</summary>
    public ReadOnlySpan<byte> SourceUtf8 => _source;

    /// <summary>
    /// The file alone in its draft 2020-12 form, compact UTF-8 JSON, with each <c>$ref</c> into another file written as that
    /// file's <see cref="Id"/> and a pointer (<see cref="ToJsonNode"/> puts those files in).
    /// </summary>
    public ReadOnlySpan<byte> LocalBundleUtf8 => _bundle;

    /// <summary>The schema files of the same assembly this file refers to directly (each has its own references).</summary>
    public IReadOnlyList<FactSchemaJsonSchema> References => Array.ConvertAll(File._references, reference => reference());

    /// <summary>The schema of the file this one belongs to (itself, for a file's root).</summary>
    public FactSchemaJsonSchema File => _file ?? this;

    /// <summary>Makes a file's schema value (called by generated code).</summary>
    /// <param name="id">The file's URI.</param>
    /// <param name="name">The C# name of the file's root type.</param>
    /// <param name="source">The file as written.</param>
    /// <param name="bundle">The file's local bundle.</param>
    /// <param name="references">The schemas of the files it refers to (delegates: files may refer to one another in a ring).</param>
    /// <returns>The value.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static FactSchemaJsonSchema Create(string id, string name, ReadOnlySpan<byte> source, ReadOnlySpan<byte> bundle, params Func<FactSchemaJsonSchema>[] references)
        => new(id ?? throw new ArgumentNullException(nameof(id)), string.Empty, name ?? throw new ArgumentNullException(nameof(name)), source.ToArray(), bundle.ToArray(), null, references ?? Array.Empty<Func<FactSchemaJsonSchema>>());

    /// <summary>The schema of a type at <paramref name="pointer"/> in this file (called by generated code).</summary>
    /// <param name="pointer">The JSON Pointer of the type's schema in the bundle.</param>
    /// <param name="name">The C# name of the type.</param>
    /// <returns>The value.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public FactSchemaJsonSchema At(string pointer, string name)
    {
        if (pointer is null)
        {
            throw new ArgumentNullException(nameof(pointer));
        }

        var file = File;
        return pointer.Length == 0 && name == file.Name ? file : new FactSchemaJsonSchema(Id, pointer, name ?? throw new ArgumentNullException(nameof(name)), file._source, file._bundle, file, file._references);
    }

    /// <summary>
    /// The schema of this type, self-contained (a new node on every call, yours to change): for a file's root, its bundle;
    /// for a type below it, the type's schema as a root, with the definitions it reaches from the file.
    /// </summary>
    /// <returns>The schema.</returns>
    public JsonNode ToJsonNode() => JsonNode.Parse(ToJsonString())!;

    /// <summary>The self-contained schema of this type as compact JSON text (see <see cref="ToJsonNode"/>).</summary>
    /// <returns>The JSON text.</returns>
    public string ToJsonString() => _json ??= Build();

    /// <inheritdoc/>
    public override string ToString() => Uri;

    /// <summary>
    /// The file's full bundle: its local bundle, with every file it reaches (directly or not) embedded under
    /// <c>$defs</c> and every reference between them a pointer into the one document.
    /// </summary>
    private JsonNode ComposeFile()
    {
        var root = JsonNode.Parse(_bundle)!;
        if (root is not JsonObject rootObject)
        {
            return root;
        }

        var files = new List<FactSchemaJsonSchema>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { Id };
        var queue = new Queue<FactSchemaJsonSchema>(References);
        while (queue.Count > 0)
        {
            var file = queue.Dequeue();
            if (seen.Add(file.Id))
            {
                files.Add(file);
                foreach (var next in file.References)
                {
                    queue.Enqueue(next);
                }
            }
        }

        if (files.Count == 0)
        {
            return root;
        }

        var defs = rootObject["$defs"] as JsonObject;
        if (defs is null)
        {
            defs = new JsonObject();
            rootObject["$defs"] = defs;
        }

        var where = new Dictionary<string, string>(StringComparer.Ordinal) { [Id] = string.Empty };
        var keys = new List<string>();
        foreach (var file in files)
        {
            var key = UniqueKey(defs, null, file.Name.Length == 0 ? "schema" : char.ToLowerInvariant(file.Name[0]) + file.Name.Substring(1));
            defs[key] = new JsonObject();
            keys.Add(key);
            where[file.Id] = "/$defs/" + Escape(key.Replace("~", "~0").Replace("/", "~1"));
        }

        string Rewrite(string reference, string self)
        {
            var hash = reference.IndexOf('#');
            if (hash == 0)
            {
                return "#" + self + reference.Substring(1);
            }

            return hash > 0 && where.TryGetValue(reference.Substring(0, hash), out var at) ? "#" + at + reference.Substring(hash + 1) : reference;
        }

        RewriteReferences(rootObject, reference => Rewrite(reference, string.Empty));
        for (var i = 0; i < files.Count; i++)
        {
            var embedded = JsonNode.Parse(files[i]._bundle);
            if (embedded is JsonObject embeddedObject)
            {
                embeddedObject.Remove("$schema");
                embeddedObject.Remove("$id");
            }

            var self = where[files[i].Id];
            RewriteReferences(embedded, reference => Rewrite(reference, self));
            defs[keys[i]] = embedded;
        }

        return root;
    }

    private string Build()
    {
        var bundle = File.ComposeFile();
        if (Pointer.Length == 0)
        {
            return bundle.ToJsonString();
        }

        if (!TryResolve(bundle, Pointer, out var target) || target is null)
        {
            throw new InvalidOperationException($"The schema of {Name} is not at '{Pointer}' in the bundle of {Id}.");
        }

        if (target is not JsonObject own)
        {
            // A boolean schema needs nothing else.
            return target.ToJsonString();
        }

        // The type's schema becomes the root. References inside it move with it; references to the file's definitions
        // bring those definitions along (under the same keys, so their own references keep meaning the same); any other
        // reference into the file gets the whole file, embedded under a key of its own.
        var result = (JsonObject)own.DeepClone();
        result.Remove("$schema");
        var defs = result["$defs"] as JsonObject;
        var fileDefs = bundle["$defs"] as JsonObject;
        var fileKey = UniqueKey(defs, fileDefs, "factschema-file");
        var wanted = new Queue<string>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var needsFile = false;
        var prefix = Pointer;

        string Rewrite(string reference, bool inFileCopy)
        {
            if (!reference.StartsWith("#", StringComparison.Ordinal))
            {
                return reference;
            }

            var target = Unescape(reference.Substring(1));
            if (!inFileCopy && (target == prefix || target.StartsWith(prefix + "/", StringComparison.Ordinal)))
            {
                return "#" + Escape(target.Substring(prefix.Length));
            }

            if (target.StartsWith("/$defs/", StringComparison.Ordinal) && fileDefs is not null)
            {
                var rest = target.Substring("/$defs/".Length);
                var slash = rest.IndexOf('/');
                var key = Unescape(slash < 0 ? rest : rest.Substring(0, slash), pointerToken: true);
                if (fileDefs[key] is not null && (defs?[key] is null || taken.Contains(key)))
                {
                    if (taken.Add(key))
                    {
                        wanted.Enqueue(key);
                    }

                    return reference;
                }
            }

            needsFile = true;
            return "#/$defs/" + fileKey + Escape(target);
        }

        RewriteReferences(result, reference => Rewrite(reference, inFileCopy: false));
        var copied = new List<KeyValuePair<string, JsonNode?>>();
        while (wanted.Count > 0)
        {
            var key = wanted.Dequeue();
            var copy = fileDefs![key]!.DeepClone();
            RewriteReferences(copy, reference => Rewrite(reference, inFileCopy: true));
            copied.Add(new KeyValuePair<string, JsonNode?>(key, copy));
        }

        JsonNode? fileCopy = null;
        if (needsFile)
        {
            fileCopy = bundle.DeepClone();
            ((JsonObject)fileCopy).Remove("$schema");
            ((JsonObject)fileCopy).Remove("$id");
            RewriteReferences(fileCopy, reference => reference.StartsWith("#", StringComparison.Ordinal) ? "#/$defs/" + fileKey + reference.Substring(1) : reference);
        }

        var output = new JsonObject { ["$schema"] = "https://json-schema.org/draft/2020-12/schema" };
        foreach (var member in result)
        {
            if (member.Key != "$defs")
            {
                output[member.Key] = member.Value?.DeepClone();
            }
        }

        if (defs is not null || copied.Count > 0 || fileCopy is not null)
        {
            var allDefs = new JsonObject();
            if (defs is not null)
            {
                foreach (var member in defs)
                {
                    allDefs[member.Key] = member.Value?.DeepClone();
                }
            }

            foreach (var pair in copied)
            {
                if (allDefs[pair.Key] is null)
                {
                    allDefs[pair.Key] = pair.Value;
                }
            }

            if (fileCopy is not null)
            {
                allDefs[fileKey] = fileCopy;
            }

            output["$defs"] = allDefs;
        }

        return output.ToJsonString();
    }

    private static string UniqueKey(JsonObject? a, JsonObject? b, string stem)
    {
        var key = stem;
        for (var i = 2; a?[key] is not null || b?[key] is not null; i++)
        {
            key = stem + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return key;
    }

    /// <summary>Rewrites every <c>$ref</c> of a schema, skipping data keywords (a <c>"$ref"</c> inside an enum is data).</summary>
    private static void RewriteReferences(JsonNode? node, Func<string, string> rewrite)
    {
        var stack = new Stack<JsonNode?>();
        stack.Push(node);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case JsonObject schema:
                    List<KeyValuePair<string, string>>? changes = null;
                    foreach (var member in schema)
                    {
                        if (member.Key == "$ref" && member.Value is JsonValue value && value.TryGetValue<string>(out var reference))
                        {
                            (changes ??= new()).Add(new KeyValuePair<string, string>(member.Key, rewrite(reference)));
                        }
                        else if (member.Key is not ("enum" or "const" or "default" or "examples"))
                        {
                            stack.Push(member.Value);
                        }
                    }

                    if (changes is not null)
                    {
                        foreach (var change in changes)
                        {
                            schema[change.Key] = change.Value;
                        }
                    }

                    break;
                case JsonArray array:
                    foreach (var item in array)
                    {
                        stack.Push(item);
                    }

                    break;
            }
        }
    }

    private static bool TryResolve(JsonNode root, string pointer, out JsonNode? node)
    {
        node = root;
        if (pointer.Length == 0)
        {
            return true;
        }

        foreach (var raw in pointer.Substring(1).Split('/'))
        {
            var token = raw.Replace("~1", "/").Replace("~0", "~");
            switch (node)
            {
                case JsonObject obj when obj.TryGetPropertyValue(token, out var next):
                    node = next;
                    break;
                case JsonArray array when int.TryParse(token, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) && index < array.Count:
                    node = array[index];
                    break;
                default:
                    node = null;
                    return false;
            }
        }

        return true;
    }

    /// <summary>A URI fragment's percent-encoding undone (and, for one pointer token, its <c>~</c> escapes).</summary>
    private static string Unescape(string fragment, bool pointerToken = false)
    {
        var text = fragment.IndexOf('%') < 0 ? fragment : System.Uri.UnescapeDataString(fragment);
        return pointerToken ? text.Replace("~1", "/").Replace("~0", "~") : text;
    }

    /// <summary>A JSON Pointer as a URI fragment (RFC 6901 §6): characters a fragment may not hold are percent-encoded.</summary>
    private static string Escape(string pointer)
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
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
