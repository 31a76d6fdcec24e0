using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using FactSchema.Generators.Configuration;
using FactSchema.Generators.Diagnostics;
using FactSchema.Generators.Mapping;
using FactSchema.Generators.Schema;
using Microsoft.CodeAnalysis;

namespace FactSchema.Tool;

/// <summary>How the tool reads schema files: the settings a project gives the generator through MSBuild.</summary>
internal sealed record SchemaReadSettings(string Namespace, bool FormatAssertion, string? Dialect);

/// <summary>
/// Schema files named on the command line, read as the build reads FactSchema items: a file, or a folder (its
/// <c>*.schema.json</c> files, else its <c>*.json</c> files), plus every local file their <c>$ref</c>s name, so a
/// schema that refers to its neighbours works without listing them.
/// </summary>
internal sealed class SchemaFiles
{
    private static readonly JsonDocumentOptions s_json = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 4096 };

    private readonly List<SchemaFileInput> _inputs = new();
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    private SchemaFiles()
    {
    }

    /// <summary>The files, in the order they were named (referenced files after the file naming them).</summary>
    public IReadOnlyList<SchemaFileInput> Inputs => _inputs;

    /// <summary>The files named on the command line (not the ones reached through <c>$ref</c>).</summary>
    public IReadOnlyList<SchemaFileInput> Named { get; private set; } = Array.Empty<SchemaFileInput>();

    /// <summary>Reads the files and folders in <paramref name="paths"/>; a path that does not exist is an error.</summary>
    public static SchemaFiles Load(IEnumerable<string> paths, SchemaReadSettings settings, bool followReferences = true)
    {
        var files = new SchemaFiles();
        var named = new List<SchemaFileInput>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var root = Path.GetFullPath(path);
                var found = Directory.EnumerateFiles(root, "*.schema.json", SearchOption.AllDirectories).ToList();
                if (found.Count == 0)
                {
                    found = Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories).ToList();
                }

                foreach (var file in found.OrderBy(f => f, StringComparer.Ordinal))
                {
                    if (files.Add(file, Relative(root, file), settings) is { } input)
                    {
                        named.Add(input);
                    }
                }
            }
            else if (File.Exists(path))
            {
                var full = Path.GetFullPath(path);
                if (files.Add(full, Path.GetFileName(full), settings) is { } input)
                {
                    named.Add(input);
                }
            }
            else
            {
                throw new ToolException($"{path}: no such file or folder");
            }
        }

        files.Named = named;
        if (followReferences)
        {
            // Breadth-first over the $refs to local files; the folder of the first named file is the root of relative paths.
            for (var i = 0; i < files._inputs.Count; i++)
            {
                var input = files._inputs[i];
                var directory = Path.GetDirectoryName(input.FilePath)!;
                var rootDirectory = named.Count > 0 ? Path.GetDirectoryName(named[0].FilePath)! : directory;
                foreach (var reference in LocalReferences(input.Text))
                {
                    var target = Path.GetFullPath(Path.Combine(directory, reference));
                    if (File.Exists(target))
                    {
                        files.Add(target, Relative(rootDirectory, target), settings);
                    }
                }
            }
        }

        return files;
    }

    /// <summary>Reads every file into the generator's schema model.</summary>
    public IReadOnlyList<SchemaDocument> Read(CancellationToken cancellationToken)
        => _inputs.Select(input => SchemaDocumentReader.Read(input, cancellationToken)).ToList();

    /// <summary>Reads every file and names the types, as the generator's first stages do.</summary>
    public SchemaSet ReadSet(CancellationToken cancellationToken, out IReadOnlyList<SchemaDocument> documents)
    {
        documents = Read(cancellationToken);
        return TypeNamer.Build(documents, cancellationToken);
    }

    /// <summary>Errors that make a file unusable (it is not JSON, or not a schema), as the build would report them.</summary>
    public static IEnumerable<DiagnosticInfo> Errors(IEnumerable<SchemaDocument> documents)
        => documents.SelectMany(d => d.Diagnostics).Where(d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error);

    private SchemaFileInput? Add(string path, string relative, SchemaReadSettings settings)
    {
        if (!_seen.Add(path))
        {
            return null;
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ToolException($"{path}: {ex.Message}");
        }

        var input = new SchemaFileInput(path, relative, settings.Namespace, null, text, FormatAssertion: settings.FormatAssertion, DefaultDialect: settings.Dialect);
        _inputs.Add(input);
        return input;
    }

    private static string Relative(string root, string file) => Path.GetRelativePath(root, file).Replace('\\', '/');

    /// <summary>The relative file parts of the <c>$ref</c>s of a schema text (no scheme, no fragment-only refs).</summary>
    private static IEnumerable<string> LocalReferences(string? text)
    {
        if (text is null)
        {
            return Array.Empty<string>();
        }

        var found = new SortedSet<string>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(text, s_json);
            Walk(document.RootElement, found);
        }
        catch (JsonException)
        {
            // The generator's own reader reports the file's syntax error with its location.
        }

        return found;
    }

    private static void Walk(JsonElement element, SortedSet<string> found)
    {
        var stack = new Stack<JsonElement>();
        stack.Push(element);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            if (current.ValueKind == JsonValueKind.Object)
            {
                foreach (var member in current.EnumerateObject())
                {
                    if (member.Name == "$ref" && member.Value.ValueKind == JsonValueKind.String && FilePart(member.Value.GetString()!) is { } file)
                    {
                        found.Add(file);
                    }
                    else
                    {
                        stack.Push(member.Value);
                    }
                }
            }
            else if (current.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in current.EnumerateArray())
                {
                    stack.Push(item);
                }
            }
        }
    }

    private static string? FilePart(string reference)
    {
        var hash = reference.IndexOf('#');
        var file = hash < 0 ? reference : reference.Substring(0, hash);
        if (file.Length == 0 || file.Contains(':', StringComparison.Ordinal) || file.StartsWith("/", StringComparison.Ordinal))
        {
            return null;
        }

        return Uri.UnescapeDataString(file);
    }
}

/// <summary>A problem with the command's input that ends the command with exit code 2 and a message.</summary>
internal sealed class ToolException : Exception
{
    public ToolException(string message)
        : base(message)
    {
    }
}
