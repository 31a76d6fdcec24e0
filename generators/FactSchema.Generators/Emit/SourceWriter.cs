using System;
using System.Collections.Generic;
using System.Text;

namespace FactSchema.Generators.Emit;

/// <summary>A small indented text writer; the emitters write text, never syntax trees.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _builder = new();
    private int _indentation;

    public void WriteLine(string line)
    {
        if (line.Length > 0)
        {
            _builder.Append(' ', _indentation * 4);
            _builder.Append(line);
        }

        _builder.Append('\n');
    }

    public void WriteLine() => _builder.Append('\n');

    public void OpenBlock(string? header = null)
    {
        if (header is not null)
        {
            WriteLine(header);
        }

        WriteLine("{");
        _indentation++;
    }

    /// <summary>Indents the lines that follow by one level without a brace (a switch section's statements).</summary>
    public void Indent() => _indentation++;

    /// <summary>Ends an <see cref="Indent"/>.</summary>
    public void Unindent() => _indentation--;

    public void CloseBlock(string suffix = "")
    {
        _indentation--;
        WriteLine("}" + suffix);
    }

    /// <summary>The lines <paramref name="write"/> emits, indented from zero, for a caller that decides how to wrap them.</summary>
    public static List<string> Capture(Action<SourceWriter> write)
    {
        var inner = new SourceWriter();
        write(inner);
        var lines = new List<string>(inner.ToString().Split('\n'));
        while (lines.Count > 0 && lines[lines.Count - 1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines;
    }

    /// <summary>Writes captured lines at the current indentation, keeping their own.</summary>
    public void WriteLines(IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            WriteLine(line);
        }
    }

    /// <summary>
    /// <c>header { body }</c>: on one line when the body is one statement (it cannot declare anything that outlives it),
    /// else as a block.
    /// </summary>
    public void Block(string header, List<string> body)
    {
        if (body.Count == 1 && body[0].EndsWith(";", StringComparison.Ordinal) && !body[0].StartsWith(" ", StringComparison.Ordinal))
        {
            WriteLine($"{header} {{ {body[0]} }}");
            return;
        }

        OpenBlock(header);
        WriteLines(body);
        CloseBlock();
    }

    public override string ToString() => _builder.ToString();
}
