using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Threading;
using FactSchema.Generators.Common;

namespace FactSchema.Generators.Json;

/// <summary>A problem found while reading schema text, with where it is.</summary>
internal readonly record struct JsonSyntaxError(string Message, SourceSpan Span);

/// <summary>The outcome of reading one schema file: the tree, or the first syntax error.</summary>
internal sealed record JsonParseResult(JsonNode? Root, JsonSyntaxError? Error, ImmutableEquatableArray<JsonMember> DuplicateMembers);

/// <summary>
/// A strict RFC 8259 reader that keeps line and column positions for every value.
/// The generator cannot use System.Text.Json (loading it in the compiler host is a known source of
/// CS8785 failures), and JsonDocument would not give positions anyway. It never throws on bad input,
/// bounds its recursion, and checks for cancellation.
/// </summary>
internal sealed class JsonTextParser
{
    /// <summary>Deeper documents are reported rather than risking the compiler's stack.</summary>
    public const int MaxDepth = 1000;

    private readonly string _text;
    private readonly CancellationToken _cancellationToken;
    private readonly List<JsonMember> _duplicates = new();
    private int _position;
    private int _line;
    private int _lineStart;
    private JsonSyntaxError? _error;

    private JsonTextParser(string text, CancellationToken cancellationToken)
    {
        _text = text;
        _cancellationToken = cancellationToken;
    }

    public static JsonParseResult Parse(string text, CancellationToken cancellationToken = default)
    {
        var parser = new JsonTextParser(text, cancellationToken);
        return parser.ParseDocument();
    }

    private JsonParseResult ParseDocument()
    {
        if (_text.Length > 0 && _text[0] == '\uFEFF')
        {
            _position = 1;
            _lineStart = 1;
        }

        SkipWhitespace();
        if (_position >= _text.Length)
        {
            Fail("The schema file is empty; expected a JSON object", _position, 0);
            return Result(null);
        }

        var root = ParseValue(0);
        if (root is not null)
        {
            SkipWhitespace();
            if (_position < _text.Length)
            {
                Fail($"Unexpected {Describe(_text[_position])} after the end of the JSON document", _position, 1);
                return Result(null);
            }
        }

        return Result(root);
    }

    private JsonParseResult Result(JsonNode? root)
        => new(_error is null ? root : null, _error, _duplicates.ToImmutableEquatableArray());

    private JsonNode? ParseValue(int depth)
    {
        if (depth > MaxDepth)
        {
            Fail($"The JSON is nested more than {MaxDepth} levels deep", _position, 1);
            return null;
        }

        if ((_position & 0xFFF) == 0)
        {
            _cancellationToken.ThrowIfCancellationRequested();
        }

        SkipWhitespace();
        if (_position >= _text.Length)
        {
            Fail("Unexpected end of the file; the JSON is incomplete", _position, 0);
            return null;
        }

        var c = _text[_position];
        switch (c)
        {
            case '{':
                return ParseObject(depth);
            case '[':
                return ParseArray(depth);
            case '"':
                {
                    var (startLine, startColumn, start) = (_line, _position - _lineStart, _position);
                    var value = ParseString();
                    return value is null ? null : Node(JsonKind.String, value, start, startLine, startColumn);
                }

            case 't':
                return ParseLiteral("true", JsonKind.True);
            case 'f':
                return ParseLiteral("false", JsonKind.False);
            case 'n':
                return ParseLiteral("null", JsonKind.Null);
            default:
                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    return ParseNumber();
                }

                Fail($"Unexpected {Describe(c)}; expected a JSON value", _position, 1);
                return null;
        }
    }

    private JsonNode? ParseObject(int depth)
    {
        var (startLine, startColumn, start) = (_line, _position - _lineStart, _position);
        _position++; // {
        var members = new List<JsonMember>();
        var seen = new HashSet<string>();
        SkipWhitespace();
        if (Peek() == '}')
        {
            _position++;
            return Node(JsonKind.Object, null, start, startLine, startColumn, members: members);
        }

        while (true)
        {
            SkipWhitespace();
            if (Peek() != '"')
            {
                Fail(_position >= _text.Length ? "Unexpected end of the file inside an object" : $"Unexpected {Describe(_text[_position])}; expected a property name in double quotes", _position, 1);
                return null;
            }

            var (nameLine, nameColumn, nameStart) = (_line, _position - _lineStart, _position);
            var name = ParseString();
            if (name is null)
            {
                return null;
            }

            var nameSpan = new SourceSpan(nameStart, _position - nameStart, nameLine, nameColumn, _line, _position - _lineStart);
            SkipWhitespace();
            if (Peek() != ':')
            {
                Fail($"Expected ':' after the property name \"{name}\"", _position, 1);
                return null;
            }

            _position++;
            var value = ParseValue(depth + 1);
            if (value is null)
            {
                return null;
            }

            var member = new JsonMember(name, nameSpan, value);
            if (seen.Add(name))
            {
                members.Add(member);
            }
            else
            {
                _duplicates.Add(member);
            }

            SkipWhitespace();
            var next = Peek();
            if (next == ',')
            {
                _position++;
                continue;
            }

            if (next == '}')
            {
                _position++;
                return Node(JsonKind.Object, null, start, startLine, startColumn, members: members);
            }

            Fail(_position >= _text.Length ? "Unexpected end of the file inside an object; expected '}'" : $"Unexpected {Describe(_text[_position])}; expected ',' or '}}'", _position, 1);
            return null;
        }
    }

    private JsonNode? ParseArray(int depth)
    {
        var (startLine, startColumn, start) = (_line, _position - _lineStart, _position);
        _position++; // [
        var items = new List<JsonNode>();
        SkipWhitespace();
        if (Peek() == ']')
        {
            _position++;
            return Node(JsonKind.Array, null, start, startLine, startColumn, items: items);
        }

        while (true)
        {
            var value = ParseValue(depth + 1);
            if (value is null)
            {
                return null;
            }

            items.Add(value);
            SkipWhitespace();
            var next = Peek();
            if (next == ',')
            {
                _position++;
                continue;
            }

            if (next == ']')
            {
                _position++;
                return Node(JsonKind.Array, null, start, startLine, startColumn, items: items);
            }

            Fail(_position >= _text.Length ? "Unexpected end of the file inside an array; expected ']'" : $"Unexpected {Describe(_text[_position])}; expected ',' or ']'", _position, 1);
            return null;
        }
    }

    private JsonNode? ParseLiteral(string literal, JsonKind kind)
    {
        var (startLine, startColumn, start) = (_line, _position - _lineStart, _position);
        if (string.CompareOrdinal(_text, _position, literal, 0, literal.Length) != 0)
        {
            Fail($"Unexpected {Describe(_text[_position])}; expected a JSON value", _position, 1);
            return null;
        }

        _position += literal.Length;
        return Node(kind, null, start, startLine, startColumn);
    }

    private JsonNode? ParseNumber()
    {
        var (startLine, startColumn, start) = (_line, _position - _lineStart, _position);
        if (Peek() == '-')
        {
            _position++;
        }

        if (Peek() == '0')
        {
            _position++;
        }
        else if (IsDigit(Peek()))
        {
            while (IsDigit(Peek()))
            {
                _position++;
            }
        }
        else
        {
            Fail("Invalid number: expected a digit", _position, 1);
            return null;
        }

        if (Peek() == '.')
        {
            _position++;
            if (!IsDigit(Peek()))
            {
                Fail("Invalid number: expected a digit after '.'", _position, 1);
                return null;
            }

            while (IsDigit(Peek()))
            {
                _position++;
            }
        }

        if (Peek() is 'e' or 'E')
        {
            _position++;
            if (Peek() is '+' or '-')
            {
                _position++;
            }

            if (!IsDigit(Peek()))
            {
                Fail("Invalid number: expected a digit in the exponent", _position, 1);
                return null;
            }

            while (IsDigit(Peek()))
            {
                _position++;
            }
        }

        return Node(JsonKind.Number, _text.Substring(start, _position - start), start, startLine, startColumn);
    }

    private string? ParseString()
    {
        var start = _position;
        _position++; // opening quote
        StringBuilder? builder = null;
        var runStart = _position;
        while (true)
        {
            if (_position >= _text.Length)
            {
                Fail("Unterminated string", start, 1);
                return null;
            }

            var c = _text[_position];
            if (c == '"')
            {
                string result;
                if (builder is null)
                {
                    result = _text.Substring(runStart, _position - runStart);
                }
                else
                {
                    builder.Append(_text, runStart, _position - runStart);
                    result = builder.ToString();
                }

                _position++;
                return result;
            }

            if (c < 0x20)
            {
                Fail(c is '\n' or '\r' ? "Unterminated string (line break inside a string)" : "Control character inside a string; it must be escaped", _position, 1);
                return null;
            }

            if (c != '\\')
            {
                _position++;
                continue;
            }

            builder ??= new StringBuilder();
            builder.Append(_text, runStart, _position - runStart);
            _position++;
            if (_position >= _text.Length)
            {
                Fail("Unterminated string", start, 1);
                return null;
            }

            var escape = _text[_position];
            switch (escape)
            {
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case '/': builder.Append('/'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u':
                    if (_position + 4 >= _text.Length
                        || !int.TryParse(_text.Substring(_position + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                    {
                        Fail("Invalid \\u escape: expected four hexadecimal digits", _position - 1, 2);
                        return null;
                    }

                    builder.Append((char)code);
                    _position += 4;
                    break;
                default:
                    Fail($"Invalid escape sequence '\\{escape}'", _position - 1, 2);
                    return null;
            }

            _position++;
            runStart = _position;
        }
    }

    private void SkipWhitespace()
    {
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (c == '\n')
            {
                _line++;
                _lineStart = _position + 1;
            }
            else if (c != ' ' && c != '\t' && c != '\r')
            {
                return;
            }

            _position++;
        }
    }

    private char Peek() => _position < _text.Length ? _text[_position] : '\0';

    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    private JsonNode Node(JsonKind kind, string? text, int start, int startLine, int startColumn, List<JsonNode>? items = null, List<JsonMember>? members = null)
        => new(
            kind,
            text,
            items is null ? ImmutableEquatableArray<JsonNode>.Empty : items.ToImmutableEquatableArray(),
            members is null ? ImmutableEquatableArray<JsonMember>.Empty : members.ToImmutableEquatableArray(),
            new SourceSpan(start, _position - start, startLine, startColumn, _line, _position - _lineStart));

    private void Fail(string message, int position, int length)
    {
        if (_error is not null)
        {
            return;
        }

        if (position > _text.Length)
        {
            position = _text.Length;
        }

        // Positions are computed from the text so that errors inside strings are located too.
        var line = 0;
        var lineStart = 0;
        for (var i = 0; i < position; i++)
        {
            if (_text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        length = position + length > _text.Length ? _text.Length - position : length;
        _error = new JsonSyntaxError(message, new SourceSpan(position, length, line, position - lineStart, line, position - lineStart + length));
    }

    private static string Describe(char c) => c switch
    {
        '\0' => "end of the file",
        _ when c < 0x20 || char.IsWhiteSpace(c) => $"character U+{(int)c:X4}",
        _ => $"character '{c}'",
    };
}
