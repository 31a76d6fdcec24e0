using System;
using System.CommandLine;
using System.IO;
using System.Threading.Tasks;

namespace FactSchema.Tool;

/// <summary>The <c>factschema</c> command line.</summary>
public static class Program
{
    /// <summary>Runs a command; returns its exit code (0 yes, 1 no, 2 the command could not do its work).</summary>
    /// <param name="args">The command line.</param>
    public static async Task<int> Main(string[] args)
    {
        var common = new CommonOptions();
        var root = new RootCommand("factschema: JSON Schema contracts as typed C#. Compare schema versions, validate documents, see the generated C#, bundle a schema.")
        {
            DiffCommand.Create(common),
            ValidateCommand.Create(common),
            GenerateCommand.Create(common),
            BundleCommand.Create(common),
        };

        var result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            foreach (var error in result.Errors)
            {
                await Console.Error.WriteLineAsync("error: " + error.Message).ConfigureAwait(false);
            }

            await Console.Error.WriteLineAsync("Run 'factschema --help' or 'factschema <command> --help' for usage.").ConfigureAwait(false);
            return Output.BadInput;
        }

        return await result.InvokeAsync().ConfigureAwait(false);
    }
}

/// <summary>The options that say how schema files are read, shared by every command (the MSBuild properties of a project).</summary>
internal sealed class CommonOptions
{
    private readonly Option<string> _namespace = new("--namespace", "-n")
    {
        Description = "The namespace of the generated types (FactSchemaNamespace in a project).",
        DefaultValueFactory = _ => "Generated",
    };

    private readonly Option<bool> _formatAssertion = new("--format-assertion")
    {
        Description = "Check 'format' as an assertion, not only an annotation (FactSchemaFormatAssertion).",
    };

    private readonly Option<string?> _dialect = new("--dialect")
    {
        Description = "The draft of files without $schema: draft-04, draft-06, draft-07, 2019-09 or 2020-12 (the default).",
    };

    /// <summary>Adds the options to a command.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(_namespace);
        command.Options.Add(_formatAssertion);
        command.Options.Add(_dialect);
    }

    /// <summary>The settings the command line gives.</summary>
    public SchemaReadSettings Settings(ParseResult parse)
        => new(parse.GetValue(_namespace) ?? "Generated", parse.GetValue(_formatAssertion), parse.GetValue(_dialect));
}

/// <summary>Runs a command body: input problems are a message and exit code 2, never a stack trace.</summary>
internal static class Tool
{
    public static Task<int> Run(Func<int> body)
    {
        try
        {
            return Task.FromResult(body());
        }
        catch (ToolException ex)
        {
            Console.Error.WriteLine("error: " + ex.Message);
            return Task.FromResult(Output.BadInput);
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("error: cancelled");
            return Task.FromResult(130);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine("error: " + ex.Message);
            return Task.FromResult(Output.BadInput);
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine("error: internal error, a FactSchema bug (please report it with the input): " + ex.GetType().Name + ": " + ex.Message);
            return Task.FromResult(Output.InternalError);
        }
    }
}
