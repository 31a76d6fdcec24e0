using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using FactSchema.Generators.Common;
using FactSchema.Generators.Diagnostics;
using FactSchema.Generators.Emit;
using FactSchema.Generators.Mapping;
using FactSchema.Generators.Model;
using Microsoft.CodeAnalysis;

namespace FactSchema.Tool;

/// <summary>
/// <c>factschema generate SCHEMA... -o DIR</c>: the C# the source generator emits for the schemas (and the local files
/// they <c>$ref</c>), written as files, with the diagnostics a build would report.
/// </summary>
internal static class GenerateCommand
{
    public static Command Create(CommonOptions common)
    {
        var schemas = new Argument<string[]>("schemas") { Description = "Schema files or folders of schema files.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--output", "-o") { Description = "The folder to write the .g.cs files to (created if missing).", Required = true };
        var command = new Command("generate", "Writes the C# the FactSchema generator emits for the schemas: records, serializers and validators, as a build would make them. Exit code 1 when a schema has errors.")
        {
            schemas,
            output,
        };
        common.AddTo(command);
        command.SetAction((parse, cancellationToken) => Tool.Run(() =>
        {
            var files = SchemaFiles.Load(parse.GetValue(schemas)!, common.Settings(parse));
            var result = Generate(files, cancellationToken, Progress.ForConsole("generating"));
            var errors = Output.Write(Console.Error, result.Diagnostics);
            var folder = parse.GetValue(output)!;
            Directory.CreateDirectory(folder);
            foreach (var (name, text) in result.Sources)
            {
                File.WriteAllText(Path.Combine(folder, name), text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            }

            Console.Out.WriteLine($"{result.Sources.Count} file{(result.Sources.Count == 1 ? string.Empty : "s")} written to {Output.Display(folder)}");
            return errors > 0 ? Output.Failed : Output.Success;
        }));
        return command;
    }

    /// <summary>The generated sources (hint name, text) and every diagnostic, as the generator's pipeline makes them.</summary>
    public static GeneratedCode Generate(SchemaFiles files, CancellationToken cancellationToken, Progress? progress = null)
    {
        var set = files.ReadSet(cancellationToken, out var documents);
        var sources = new List<(string Name, string Text)>();
        var diagnostics = new List<DiagnosticInfo>();
        var done = 0;
        foreach (var document in documents)
        {
            progress?.Report(++done, documents.Count, document.RelativePath);
            var mapped = TypeModelMapper.Map(document, set, DiffCommand.ModernTarget, ImmutableEquatableArray<ExternalSchemaType>.Empty, cancellationToken);
            diagnostics.AddRange(mapped.Diagnostics);
            if (mapped.File is { } file)
            {
                sources.Add((file.HintName, SchemaFileEmitter.Emit(file, cancellationToken)));
            }
        }

        progress?.Done();
        return new GeneratedCode(sources, diagnostics.Distinct().ToList());
    }
}

/// <summary>What <c>generate</c> made.</summary>
internal sealed record GeneratedCode(IReadOnlyList<(string Name, string Text)> Sources, IReadOnlyList<DiagnosticInfo> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error);
}

/// <summary>A one-line progress counter on a terminal's standard error; silent when it is redirected (CI logs, pipes).</summary>
internal sealed class Progress
{
    private readonly string _verb;
    private readonly DateTime _start = DateTime.UtcNow;
    private bool _shown;

    private Progress(string verb) => _verb = verb;

    public static Progress? ForConsole(string verb) => Console.IsErrorRedirected ? null : new Progress(verb);

    public void Report(int done, int total, string item)
    {
        // Only runs that take a while get a counter.
        if (!_shown && DateTime.UtcNow - _start < TimeSpan.FromSeconds(1))
        {
            return;
        }

        _shown = true;
        var line = $"{_verb} {done}/{total} {item}";
        Console.Error.Write("\r" + (line.Length > 78 ? line.Substring(0, 78) : line.PadRight(78)));
    }

    public void Done()
    {
        if (_shown)
        {
            Console.Error.Write("\r" + new string(' ', 78) + "\r");
        }
    }
}
