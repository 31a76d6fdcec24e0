using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text;
using FactSchema.Generators.Bundling;

namespace FactSchema.Tool;

/// <summary>
/// <c>factschema bundle SCHEMA -o FILE</c>: one self-contained draft 2020-12 schema, every schema its <c>$ref</c>s reach
/// embedded under <c>$defs</c> and every reference a local JSON Pointer.
/// </summary>
internal static class BundleCommand
{
    public static Command Create(CommonOptions common)
    {
        var schema = new Argument<string>("schema") { Description = "The schema file to bundle (local files its $refs name are read too)." };
        var references = new Option<string[]>("--reference", "-r") { Description = "More schema files or folders it refers to (by $id).", AllowMultipleArgumentsPerToken = true };
        var output = new Option<string?>("--output", "-o") { Description = "The file to write; standard output when absent." };
        var command = new Command("bundle", "Writes one self-contained schema: every schema the file's $refs reach embedded under $defs, every $ref a JSON Pointer into the bundle (draft 2020-12).")
        {
            schema,
            references,
            output,
        };
        common.AddTo(command);
        command.SetAction((parse, cancellationToken) => Tool.Run(() =>
        {
            var paths = new[] { parse.GetValue(schema)! }.Concat(parse.GetValue(references) ?? Array.Empty<string>());
            var files = SchemaFiles.Load(paths, common.Settings(parse));
            var set = files.ReadSet(cancellationToken, out var documents);
            var errors = SchemaFiles.Errors(documents).ToList();
            if (errors.Count > 0)
            {
                Output.Write(Console.Error, errors);
                return Output.BadInput;
            }

            var root = documents.First(d => d.FilePath == files.Named[0].FilePath);
            var bundle = SchemaBundler.Bundle(set, root, cancellationToken);
            foreach (var note in bundle.Notes)
            {
                Console.Error.WriteLine($"{Output.Location(note.FilePath, note.Span.StartLine, note.Span.StartColumn)}: warning: {note.Message}");
            }

            if (parse.GetValue(output) is { } file)
            {
                File.WriteAllText(file, bundle.Json + "\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                Console.Error.WriteLine($"bundled {Output.Display(root.FilePath)} ({documents.Count} file{(documents.Count == 1 ? string.Empty : "s")} read) into {Output.Display(file)}");
            }
            else
            {
                Console.Out.WriteLine(bundle.Json);
            }

            return Output.Success;
        }));
        return command;
    }
}
