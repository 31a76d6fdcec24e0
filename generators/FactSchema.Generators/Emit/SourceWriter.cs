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

    public override string ToString() => _builder.ToString();
}
