using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using System.Text.Json;
using System.Threading;
using FactSchema.Serialization;
using FactSchema.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FactSchema.Tool;

/// <summary>
/// <c>factschema validate SCHEMA DATA...</c>: checks documents with the validator the generator emits for the schema
/// (compiled in memory, so the tool and a build agree on every keyword), listing every error with its JSON Pointer,
/// line and column. Files, JSON lines (<c>--jsonl</c>, or <c>.jsonl</c>/<c>.ndjson</c>), and <c>-</c> for standard input.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create(CommonOptions common)
    {
        var schema = new Argument<string>("schema") { Description = "The schema file (local files its $refs name are read too)." };
        var data = new Argument<string[]>("data") { Description = "JSON documents to check; '-' reads standard input.", Arity = ArgumentArity.OneOrMore };
        var references = new Option<string[]>("--reference", "-r") { Description = "More schema files or folders the schema refers to (by $id).", AllowMultipleArgumentsPerToken = true };
        var jsonLines = new Option<bool>("--jsonl") { Description = "Read every input as JSON lines: one document per line (the default for .jsonl and .ndjson files)." };
        var format = new Option<string>("--format", "-f") { Description = "Output format: text, or json (one JSON object per document, as JSON lines).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only the errors, not a line per valid document." };
        var maxErrors = new Option<int>("--max-errors") { Description = "The most errors listed per document.", DefaultValueFactory = _ => 100 };
        var noCache = new Option<bool>("--no-cache") { Description = "Compile the schema's validator afresh instead of reusing the one compiled last time (kept per user, or in FACTSCHEMA_CACHE)." };
        var command = new Command("validate", "Checks JSON documents against a schema with the validator FactSchema generates for it. Exit code 1 when a document is invalid or malformed.")
        {
            schema,
            data,
            references,
            jsonLines,
            format,
            quiet,
            maxErrors,
            noCache,
        };
        common.AddTo(command);
        command.SetAction((parse, cancellationToken) => Tool.Run(() =>
        {
            var paths = new[] { parse.GetValue(schema)! }.Concat(parse.GetValue(references) ?? Array.Empty<string>());
            var files = SchemaFiles.Load(paths, common.Settings(parse));
            CompiledValidator.Disabled = parse.GetValue(noCache);
            var validator = CompiledValidator.Create(files, cancellationToken);
            var options = new ValidationOptions { MaxErrors = Math.Max(1, parse.GetValue(maxErrors)) };
            var asJson = parse.GetValue(format) == "json";
            var invalid = 0;
            var total = 0;
            foreach (var input in parse.GetValue(data)!)
            {
                var lines = parse.GetValue(jsonLines) || input.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || input.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase);
                var name = input == "-" ? "<stdin>" : Output.Display(input);
                foreach (var (document, line) in Documents(input, lines))
                {
                    total++;
                    cancellationToken.ThrowIfCancellationRequested();
                    var outcome = Check(validator, document, options);
                    if (!outcome.IsValid)
                    {
                        invalid++;
                    }

                    if (asJson)
                    {
                        WriteJson(Console.Out, name, line, outcome);
                    }
                    else
                    {
                        WriteText(Console.Out, name, line, outcome, parse.GetValue(quiet));
                    }
                }
            }

            if (!asJson && !parse.GetValue(quiet))
            {
                Console.Out.WriteLine($"{total - invalid} of {total} document{(total == 1 ? string.Empty : "s")} valid");
            }

            return invalid > 0 ? Output.Failed : Output.Success;
        }));
        return command;
    }

    /// <summary>Every error of one document (a malformed document has one: where the JSON breaks).</summary>
    internal sealed record Outcome(bool IsValid, IReadOnlyList<(string Pointer, string Keyword, string Message, long? Line, long? Column)> Errors, bool Malformed);

    internal static Outcome Check(JsonValidator validator, byte[] document, ValidationOptions options)
    {
        try
        {
            var result = FactSchemaValidation.Validate(document, validator, FactSchemaReaderOptions.Default, options);
            return new Outcome(result.IsValid, result.Errors.Select(e => (e.InstanceLocation, e.KeywordLocation, e.Message, e.LineNumber, e.BytePositionInLine)).ToList(), false);
        }
        catch (FactSchemaJsonException ex)
        {
            return new Outcome(false, new[] { (ex.InstanceLocation, string.Empty, ex.Detail, ex.LineNumber, ex.BytePositionInLine) }, true);
        }
    }

    /// <summary>The documents of an input with the 0-based line each starts on (0 for a whole file).</summary>
    private static IEnumerable<(byte[] Document, long Line)> Documents(string input, bool jsonLines)
    {
        byte[] bytes;
        if (input == "-")
        {
            using var stdin = Console.OpenStandardInput();
            using var buffer = new MemoryStream();
            stdin.CopyTo(buffer);
            bytes = buffer.ToArray();
        }
        else if (File.Exists(input))
        {
            bytes = File.ReadAllBytes(input);
        }
        else
        {
            throw new ToolException($"{input}: no such file");
        }

        var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        if (!jsonLines)
        {
            yield return (bytes.AsSpan(start).ToArray(), 0);
            yield break;
        }

        long line = 0;
        while (start <= bytes.Length)
        {
            var end = Array.IndexOf(bytes, (byte)'\n', start);
            var stop = end < 0 ? bytes.Length : end;
            var record = bytes.AsSpan(start, stop - start).TrimEnd((byte)'\r');
            if (!record.Trim(" \t"u8).IsEmpty)
            {
                yield return (record.ToArray(), line);
            }

            line++;
            if (end < 0)
            {
                break;
            }

            start = end + 1;
        }
    }

    private static void WriteText(TextWriter writer, string name, long line, Outcome outcome, bool quiet)
    {
        if (outcome.IsValid)
        {
            if (!quiet)
            {
                writer.WriteLine($"{name}{(line > 0 ? ":" + (line + 1) : string.Empty)}: valid");
            }

            return;
        }

        foreach (var error in outcome.Errors)
        {
            var where = name + ":" + (line + (error.Line ?? 0) + 1) + ":" + ((error.Column ?? 0) + 1);
            var pointer = error.Pointer.Length == 0 ? "(document)" : error.Pointer;
            var keyword = error.Keyword.Length == 0 ? string.Empty : " [" + Keyword(error.Keyword) + "]";
            writer.WriteLine($"{where}: {(outcome.Malformed ? "malformed" : "invalid")}: {pointer}: {error.Message}{keyword}");
        }
    }

    private static void WriteJson(TextWriter writer, string name, long line, Outcome outcome)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("file", name);
            json.WriteNumber("line", line + 1);
            json.WriteBoolean("valid", outcome.IsValid);
            json.WriteBoolean("malformed", outcome.Malformed);
            json.WriteStartArray("errors");
            foreach (var error in outcome.Errors)
            {
                json.WriteStartObject();
                json.WriteString("instanceLocation", error.Pointer);
                json.WriteString("keywordLocation", error.Keyword);
                json.WriteString("message", error.Message);
                if (error.Line is { } errorLine)
                {
                    json.WriteNumber("line", line + errorLine + 1);
                }

                if (error.Column is { } column)
                {
                    json.WriteNumber("column", column + 1);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        writer.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    /// <summary>The keyword location as people look for it: the schema file's name and the fragment.</summary>
    private static string Keyword(string location)
    {
        var hash = location.IndexOf('#');
        var resource = hash < 0 ? location : location.Substring(0, hash);
        var file = resource.Substring(resource.LastIndexOf('/') + 1);
        return file + (hash < 0 ? string.Empty : location.Substring(hash));
    }
}

/// <summary>
/// The validator of a schema, compiled from the generator's output in memory and loaded into a collectible context:
/// the same code a project that adds the schema gets.
/// </summary>
internal static class CompiledValidator
{
    public static JsonValidator Create(SchemaFiles files, CancellationToken cancellationToken)
    {
        var generated = GenerateCommand.Generate(files, cancellationToken);
        if (generated.HasErrors)
        {
            Output.Write(Console.Error, generated.Diagnostics.Where(d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error));
            throw new ToolException("the schema has errors (above); fix them to validate documents against it");
        }

        var set = files.ReadSet(cancellationToken, out var documents);
        var first = documents.FirstOrDefault(d => d.FilePath == files.Named[0].FilePath) ?? documents[0];
        var schemaClass = set.SchemaClasses.FirstOrDefault(c => c.FilePath == first.FilePath)
            ?? throw new ToolException($"{Output.Display(first.FilePath)}: the generator made no validator for this schema");

        var image = CachedImage(generated) ?? Compile(generated, cancellationToken);
        using var assembly = new MemoryStream(image, writable: false);
        var context = new AssemblyLoadContext("factschema-validate", isCollectible: true);
        var loaded = context.LoadFromStream(assembly);
        var fullName = schemaClass.FullName.Substring("global::".Length);
        var type = loaded.GetType(fullName, throwOnError: false)
            ?? throw new ToolException($"the generated assembly has no type {fullName}");
        var property = type.GetProperty("Validator", BindingFlags.Public | BindingFlags.Static)
            ?? throw new ToolException($"{fullName} has no Validator");
        return (JsonValidator)property.GetValue(null)!;
    }

    /// <summary>
    /// Compiling the validators of a large schema takes seconds, so the assembly is kept in a per-user cache, keyed by
    /// the generated code and the compiler, and reused while the schemas are unchanged.
    /// </summary>
    private static string CachePath(GeneratedCode generated)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(DiffReports.ToolVersion + "\n" + typeof(CSharpCompilation).Assembly.GetName().Version + "\n" + Environment.Version + "\n"));
        foreach (var (name, text) in generated.Sources)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(name + "\n" + text.Length + "\n" + text));
        }

        var key = Convert.ToHexString(hash.GetHashAndReset()).Substring(0, 32).ToLowerInvariant();
        var root = Environment.GetEnvironmentVariable("FACTSCHEMA_CACHE");
        if (string.IsNullOrEmpty(root))
        {
            root = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "factschema", "validators");
        }

        return Path.Combine(root, key + ".dll");
    }

    private static byte[]? CachedImage(GeneratedCode generated)
    {
        if (Disabled)
        {
            return null;
        }

        try
        {
            var path = CachePath(generated);
            return File.Exists(path) ? File.ReadAllBytes(path) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Whether the cache is off (<c>--no-cache</c>).</summary>
    public static bool Disabled { get; set; }

    private static byte[] Compile(GeneratedCode generated, CancellationToken cancellationToken)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = generated.Sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, parse, path: s.Name, cancellationToken: cancellationToken)).ToList();
        var compilation = CSharpCompilation.Create(
            "FactSchema.Validate." + Guid.NewGuid().ToString("N"),
            trees,
            References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: true));
        using var assembly = new MemoryStream();
        var emitted = compilation.Emit(assembly, cancellationToken: cancellationToken);
        if (!emitted.Success)
        {
            var first3 = string.Join(Environment.NewLine, emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(3).Select(d => "  " + d));
            throw new ToolException("the generated C# did not compile (a FactSchema bug; please report it with the schema):" + Environment.NewLine + first3);
        }

        var image = assembly.ToArray();
        if (!Disabled)
        {
            try
            {
                var path = CachePath(generated);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
                File.WriteAllBytes(temporary, image);
                File.Move(temporary, path, overwrite: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A cache that cannot be written only costs time.
            }
        }

        return image;
    }

    /// <summary>The running framework's assemblies and FactSchema's: what the generated code needs.</summary>
    private static IReadOnlyList<MetadataReference> References()
    {
        var paths = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .ToList();
        var runtime = typeof(FactSchemaReaderOptions).Assembly.Location;
        if (runtime.Length > 0 && !paths.Contains(runtime, StringComparer.Ordinal))
        {
            paths.Add(runtime);
        }

        return paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList();
    }
}
