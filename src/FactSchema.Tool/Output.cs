using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using FactSchema.Generators.Diagnostics;
using Microsoft.CodeAnalysis;

namespace FactSchema.Tool;

/// <summary>How the tool names files and prints the generator's diagnostics.</summary>
internal static class Output
{
    /// <summary>The exit codes of every command.</summary>
    public const int Success = 0;

    /// <summary>The command's answer is "no": a breaking change, an invalid document, a schema with errors.</summary>
    public const int Failed = 1;

    /// <summary>The command could not do its work: bad arguments, a missing or unreadable file.</summary>
    public const int BadInput = 2;

    /// <summary>The tool itself failed (a bug): the message says so.</summary>
    public const int InternalError = 3;

    /// <summary>A path as people want to read it: relative to the current folder when it is below it, with '/'.</summary>
    public static string Display(string path)
    {
        if (path.Length == 0)
        {
            return path;
        }

        var full = Path.GetFullPath(path);
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, full);
        var shown = relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? full : relative;
        return shown.Replace('\\', '/');
    }

    /// <summary>"file:line:column" (1-based), the form terminals and editors link.</summary>
    public static string Location(string path, int line, int column)
        => Display(path) + ":" + (line + 1).ToString(CultureInfo.InvariantCulture) + ":" + (column + 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>Writes diagnostics as "file:line:col: error FS0003: message", worst first per file; returns how many were errors.</summary>
    public static int Write(TextWriter writer, IEnumerable<DiagnosticInfo> diagnostics, bool includeInfo = false)
    {
        var errors = 0;
        foreach (var item in diagnostics
            .Where(d => includeInfo || d.Descriptor.DefaultSeverity >= DiagnosticSeverity.Warning)
            .OrderBy(d => d.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Span.Start))
        {
            var diagnostic = item.ToDiagnostic();
            var severity = item.Descriptor.DefaultSeverity switch
            {
                DiagnosticSeverity.Error => "error",
                DiagnosticSeverity.Warning => "warning",
                _ => "info",
            };
            if (item.Descriptor.DefaultSeverity == DiagnosticSeverity.Error)
            {
                errors++;
            }

            var where = item.FilePath.Length == 0 ? "factschema" : Location(item.FilePath, item.Span.StartLine, item.Span.StartColumn);
            writer.WriteLine($"{where}: {severity} {item.Descriptor.Id}: {diagnostic.GetMessage(CultureInfo.InvariantCulture)}");
        }

        return errors;
    }
}
