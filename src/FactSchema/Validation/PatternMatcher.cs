using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text.RegularExpressions;

namespace FactSchema.Validation;

/// <summary>
/// A compiled JSON Schema <c>pattern</c>. Patterns in the common subset (literals, classes, <c>.</c>, groups,
/// alternation, quantifiers; at most 64 positions once quantifiers are expanded) become a Glushkov automaton
/// simulated bit-parallel over the string's code points, straight from UTF-8: linear time, no allocation, no
/// transcoding. Anything else falls back to <see cref="Regex"/> (non-backtracking where it can, else with a timeout).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class PatternMatcher
{
    private readonly Regex? _regex;
    private readonly ulong[] _follow = Array.Empty<ulong>();
    private readonly ulong[] _ascii = Array.Empty<ulong>();
    private readonly CodePointSet[] _sets = Array.Empty<CodePointSet>();
    private readonly ulong _first;
    private readonly ulong _last;
    private readonly bool _nullable;
    private readonly bool _anchoredStart;
    private readonly bool _anchoredEnd;

    private PatternMatcher(Regex regex) => _regex = regex;

    private PatternMatcher(Automaton automaton, bool anchoredStart, bool anchoredEnd)
    {
        _sets = automaton.Sets.ToArray();
        _follow = automaton.Follow.ToArray();
        _first = automaton.First;
        _last = automaton.Last;
        _nullable = automaton.Nullable;
        _anchoredStart = anchoredStart;
        _anchoredEnd = anchoredEnd;
        _ascii = new ulong[128];
        for (var c = 0; c < 128; c++)
        {
            _ascii[c] = MaskSlow(c);
        }

        BuildAsciiDfa(out _dfa, out _dfaStates);
    }

    /// <summary>
    /// How many automaton states the ASCII table may have (at most 8 KB per pattern, so that a schema with many patterns
    /// cannot make validation hold much memory); a pattern that needs more is simulated bit-parallel only.
    /// </summary>
    private const int MaxDfaStates = 64;

    /// <summary>ASCII transitions of the determinised automaton (<c>state * 128 + byte</c>; -1: no match possible), or null.</summary>
    private readonly sbyte[]? _dfa;

    /// <summary>The automaton's position set of each table state (state 0 is the start).</summary>
    private readonly ulong[] _dfaStates = Array.Empty<ulong>();

    /// <summary>
    /// Determinises the automaton over ASCII up front (subset construction on its position sets), so that ASCII text
    /// — identifiers, codes, tags — costs one table lookup per byte. Immutable once built: safe to share between threads.
    /// </summary>
    private void BuildAsciiDfa(out sbyte[]? table, out ulong[] states)
    {
        var sets = new List<ulong> { 0 };
        var index = new Dictionary<ulong, int>();
        var transitions = new List<sbyte>();
        for (var k = 0; k < sets.Count; k++)
        {
            var follow = 0UL;
            for (var bits = sets[k]; bits != 0; bits &= bits - 1)
            {
                follow |= _follow[TrailingZeroCount(bits)];
            }

            if (k == 0 || !_anchoredStart)
            {
                follow |= _first;
            }

            for (var c = 0; c < 128; c++)
            {
                var next = follow & _ascii[c];
                if (_anchoredStart && next == 0)
                {
                    transitions.Add((sbyte)-1);
                    continue;
                }

                if (!index.TryGetValue(next, out var target))
                {
                    if (sets.Count == MaxDfaStates)
                    {
                        table = null;
                        states = Array.Empty<ulong>();
                        return;
                    }

                    target = sets.Count;
                    index.Add(next, target);
                    sets.Add(next);
                }

                transitions.Add((sbyte)target);
            }
        }

        table = transitions.ToArray();
        states = sets.ToArray();
    }

    /// <summary>Whether the pattern runs on the built-in automaton (true) or on <see cref="Regex"/> (false).</summary>
    public bool IsAutomaton => _regex is null;

    /// <summary>Compiles a pattern.</summary>
    /// <param name="pattern">The ECMAScript pattern, as written in the schema.</param>
    /// <returns>The matcher.</returns>
    /// <exception cref="ArgumentException">The pattern is not valid.</exception>
    public static PatternMatcher Create(string pattern)
    {
        if (pattern is null)
        {
            throw new ArgumentNullException(nameof(pattern));
        }

        if (Parser.TryParse(pattern, out var root, out var anchoredStart, out var anchoredEnd) && Automaton.TryBuild(root!, out var automaton))
        {
            return new PatternMatcher(automaton!, anchoredStart, anchoredEnd);
        }

        return new PatternMatcher(FactSchemaValidation.CreateRegex(pattern));
    }

    /// <summary>Whether the (unescaped) UTF-8 string matches, unanchored as in JSON Schema.</summary>
    /// <param name="utf8">The string's UTF-8 bytes.</param>
    /// <returns>True on a match.</returns>
    public bool IsMatch(ReadOnlySpan<byte> utf8)
    {
        if (_regex is not null)
        {
            var text = System.Text.Encoding.UTF8.GetString(utf8.ToArray());
            return _regex.IsMatch(text);
        }

        if (_nullable && (!_anchoredStart || !_anchoredEnd || utf8.Length == 0))
        {
            return true;
        }

        if (_dfa is { } table)
        {
            var current = 0;
            for (var k = 0; k < utf8.Length; k++)
            {
                var b = utf8[k];
                if (b >= 0x80)
                {
                    // Beyond ASCII: go on with the bit-parallel simulation from the same position set.
                    return Simulate(utf8, k, _dfaStates[current], current == 0);
                }

                current = table[(current << 7) | b];
                if (current < 0)
                {
                    return false;
                }

                if (!_anchoredEnd && (_dfaStates[current] & _last) != 0)
                {
                    return true;
                }
            }

            return (_dfaStates[current] & _last) != 0;
        }

        return Simulate(utf8, 0, 0, atStart: true);
    }

    /// <summary>The bit-parallel simulation of the automaton from position set <paramref name="state"/> at byte <paramref name="i"/>.</summary>
    private bool Simulate(ReadOnlySpan<byte> utf8, int i, ulong state, bool atStart)
    {
        while (i < utf8.Length)
        {
            var c = Decode(utf8, ref i);
            ulong next = 0;
            var bits = state;
            while (bits != 0)
            {
                var p = TrailingZeroCount(bits);
                next |= _follow[p];
                bits &= bits - 1;
            }

            if (atStart || !_anchoredStart)
            {
                next |= _first;
            }

            atStart = false;
            state = next & (c < 128 ? _ascii[c] : MaskSlow(c));
            if (!_anchoredEnd && (state & _last) != 0)
            {
                return true;
            }

            if (_anchoredStart && state == 0)
            {
                return false;
            }
        }

        return (state & _last) != 0;
    }

    /// <summary>Whether a UTF-16 string matches (the <see cref="Regex"/> path and tests).</summary>
    /// <param name="text">The string.</param>
    /// <returns>True on a match.</returns>
    public bool IsMatch(string text)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        return _regex is not null ? _regex.IsMatch(text) : IsMatch(System.Text.Encoding.UTF8.GetBytes(text));
    }

    internal bool TryGetRegex(out Regex? regex)
    {
        regex = _regex;
        return regex is not null;
    }

    private ulong MaskSlow(int c)
    {
        ulong mask = 0;
        for (var p = 0; p < _sets.Length; p++)
        {
            if (_sets[p].Contains(c))
            {
                mask |= 1UL << p;
            }
        }

        return mask;
    }

    private static int TrailingZeroCount(ulong value)
    {
#if NET5_0_OR_GREATER
        return System.Numerics.BitOperations.TrailingZeroCount(value);
#else
        var count = 0;
        while ((value & 1) == 0)
        {
            value >>= 1;
            count++;
        }

        return count;
#endif
    }

    /// <summary>Decodes one code point; invalid UTF-8 becomes U+FFFD.</summary>
    private static int Decode(ReadOnlySpan<byte> utf8, ref int i)
    {
        int b = utf8[i];
        if (b < 0x80)
        {
            i++;
            return b;
        }

        int length, value;
        if ((b & 0xE0) == 0xC0)
        {
            length = 2;
            value = b & 0x1F;
        }
        else if ((b & 0xF0) == 0xE0)
        {
            length = 3;
            value = b & 0x0F;
        }
        else if ((b & 0xF8) == 0xF0)
        {
            length = 4;
            value = b & 0x07;
        }
        else
        {
            i++;
            return 0xFFFD;
        }

        if (i + length > utf8.Length)
        {
            i = utf8.Length;
            return 0xFFFD;
        }

        for (var k = 1; k < length; k++)
        {
            var next = utf8[i + k];
            if ((next & 0xC0) != 0x80)
            {
                i += k;
                return 0xFFFD;
            }

            value = (value << 6) | (next & 0x3F);
        }

        i += length;
        return value;
    }

    /// <summary>A set of code points: ranges, possibly negated.</summary>
    private sealed class CodePointSet
    {
        public readonly List<(int Low, int High)> Ranges = new();

        public bool Negated;

        public bool Contains(int c)
        {
            var inside = false;
            foreach (var (low, high) in Ranges)
            {
                if (c >= low && c <= high)
                {
                    inside = true;
                    break;
                }
            }

            return inside != Negated;
        }

        public CodePointSet Clone()
        {
            var copy = new CodePointSet { Negated = Negated };
            copy.Ranges.AddRange(Ranges);
            return copy;
        }
    }

    private abstract class Node
    {
    }

    private sealed class AtomNode : Node
    {
        public AtomNode(CodePointSet set) => Set = set;

        public CodePointSet Set { get; }
    }

    private sealed class SequenceNode : Node
    {
        public List<Node> Items { get; } = new();
    }

    private sealed class AlternationNode : Node
    {
        public List<Node> Branches { get; } = new();
    }

    private sealed class RepeatNode : Node
    {
        public RepeatNode(Node inner, int min, int max)
        {
            Inner = inner;
            Min = min;
            Max = max;
        }

        public Node Inner { get; }

        public int Min { get; }

        /// <summary>-1 for unbounded.</summary>
        public int Max { get; }
    }

    /// <summary>The Glushkov automaton: one position per atom occurrence (quantifiers expanded).</summary>
    private sealed class Automaton
    {
        private const int MaxPositions = 64;

        public readonly List<CodePointSet> Sets = new();
        public readonly List<ulong> Follow = new();
        public ulong First;
        public ulong Last;
        public bool Nullable;

        public static bool TryBuild(Node root, out Automaton? automaton)
        {
            automaton = new Automaton();
            if (!automaton.TryVisit(root, out var nullable, out var first, out var last))
            {
                automaton = null;
                return false;
            }

            automaton.Nullable = nullable;
            automaton.First = first;
            automaton.Last = last;
            return true;
        }

        private bool TryVisit(Node node, out bool nullable, out ulong first, out ulong last)
        {
            nullable = true;
            first = 0;
            last = 0;
            switch (node)
            {
                case AtomNode atom:
                    if (Sets.Count >= MaxPositions)
                    {
                        return false;
                    }

                    var p = Sets.Count;
                    Sets.Add(atom.Set);
                    Follow.Add(0);
                    nullable = false;
                    first = last = 1UL << p;
                    return true;
                case SequenceNode sequence:
                    foreach (var item in sequence.Items)
                    {
                        if (!TryVisit(item, out var n, out var f, out var l))
                        {
                            return false;
                        }

                        Link(last, f);
                        first |= nullable ? f : 0;
                        last = l | (n ? last : 0);
                        nullable &= n;
                    }

                    return true;
                case AlternationNode alternation:
                    nullable = false;
                    foreach (var branch in alternation.Branches)
                    {
                        if (!TryVisit(branch, out var n, out var f, out var l))
                        {
                            return false;
                        }

                        nullable |= n;
                        first |= f;
                        last |= l;
                    }

                    return true;
                case RepeatNode repeat:
                    // a{m,n} = a...a (m times) then (n - m) optional copies; a{m,} = a...a then a*.
                    var expanded = new SequenceNode();
                    for (var i = 0; i < repeat.Min; i++)
                    {
                        expanded.Items.Add(repeat.Inner);
                    }

                    if (!TryVisit(expanded, out nullable, out first, out last))
                    {
                        return false;
                    }

                    var optional = repeat.Max < 0 ? 1 : repeat.Max - repeat.Min;
                    for (var i = 0; i < optional; i++)
                    {
                        if (!TryVisit(repeat.Inner, out var n, out var f, out var l))
                        {
                            return false;
                        }

                        if (repeat.Max < 0)
                        {
                            Link(l, f);
                        }

                        Link(last, f);
                        first |= nullable ? f : 0;
                        last |= l;
                        _ = n;
                    }

                    return true;
                default:
                    return false;
            }
        }

        private void Link(ulong from, ulong to)
        {
            while (from != 0)
            {
                var p = TrailingZeroCount(from);
                Follow[p] |= to;
                from &= from - 1;
            }
        }
    }

    /// <summary>Parses the supported subset of ECMAScript (unicode mode) patterns; anything else is "unsupported".</summary>
    private sealed class Parser
    {
        private readonly string _pattern;
        private int _position;

        private Parser(string pattern) => _pattern = pattern;

        public static bool TryParse(string pattern, out Node? root, out bool anchoredStart, out bool anchoredEnd)
        {
            root = null;
            anchoredStart = pattern.StartsWith("^", StringComparison.Ordinal);
            anchoredEnd = pattern.EndsWith("$", StringComparison.Ordinal) && !EndsEscaped(pattern);
            var body = pattern.Substring(anchoredStart ? 1 : 0, pattern.Length - (anchoredStart ? 1 : 0) - (anchoredEnd ? 1 : 0));
            var parser = new Parser(body);
            try
            {
                if (!parser.TryAlternation(out root) || parser._position != body.Length)
                {
                    return false;
                }

                // Anchors apply to the whole pattern only when it has no top-level alternation.
                return !((anchoredStart || anchoredEnd) && root is AlternationNode);
            }
            catch (ArgumentOutOfRangeException)
            {
                return false;
            }
        }

        private static bool EndsEscaped(string pattern)
        {
            var backslashes = 0;
            for (var i = pattern.Length - 2; i >= 0 && pattern[i] == '\\'; i--)
            {
                backslashes++;
            }

            return backslashes % 2 == 1;
        }

        private bool AtEnd => _position >= _pattern.Length;

        private char Peek => _pattern[_position];

        private bool TryAlternation(out Node? node)
        {
            node = null;
            var alternation = new AlternationNode();
            while (true)
            {
                if (!TrySequence(out var sequence))
                {
                    return false;
                }

                alternation.Branches.Add(sequence!);
                if (!AtEnd && Peek == '|')
                {
                    _position++;
                    continue;
                }

                break;
            }

            node = alternation.Branches.Count == 1 ? alternation.Branches[0] : alternation;
            return true;
        }

        private bool TrySequence(out Node? node)
        {
            var sequence = new SequenceNode();
            node = sequence;
            while (!AtEnd && Peek != '|' && Peek != ')')
            {
                if (!TryAtom(out var atom) || !TryQuantifier(atom!, out var quantified))
                {
                    return false;
                }

                sequence.Items.Add(quantified!);
            }

            return true;
        }

        private bool TryQuantifier(Node atom, out Node? node)
        {
            node = atom;
            if (AtEnd)
            {
                return true;
            }

            int min, max;
            switch (Peek)
            {
                case '*':
                    (min, max) = (0, -1);
                    _position++;
                    break;
                case '+':
                    (min, max) = (1, -1);
                    _position++;
                    break;
                case '?':
                    (min, max) = (0, 1);
                    _position++;
                    break;
                case '{':
                    if (!TryBraces(out min, out max))
                    {
                        return false;
                    }

                    break;
                default:
                    return true;
            }

            if (!AtEnd && Peek == '?')
            {
                _position++; // lazy: the same strings match
            }

            if (!AtEnd && Peek is '*' or '+' or '?' or '{')
            {
                return false;
            }

            node = new RepeatNode(atom, min, max);
            return true;
        }

        private bool TryBraces(out int min, out int max)
        {
            min = max = 0;
            var close = _pattern.IndexOf('}', _position);
            if (close < 0)
            {
                return false;
            }

            var inside = _pattern.Substring(_position + 1, close - _position - 1);
            var comma = inside.IndexOf(',');
            if (comma < 0)
            {
                if (!IsSmallNumber(inside, out min))
                {
                    return false;
                }

                max = min;
            }
            else if (comma == inside.Length - 1)
            {
                if (!IsSmallNumber(inside.Substring(0, comma), out min))
                {
                    return false;
                }

                max = -1;
            }
            else if (!IsSmallNumber(inside.Substring(0, comma), out min) || !IsSmallNumber(inside.Substring(comma + 1), out max))
            {
                return false;
            }

            if (max >= 0 && max < min)
            {
                return false;
            }

            _position = close + 1;
            return true;
        }

        private static bool IsSmallNumber(string text, out int value)
        {
            value = 0;
            if (text.Length is 0 or > 3)
            {
                return false;
            }

            foreach (var c in text)
            {
                if (c < '0' || c > '9')
                {
                    return false;
                }

                value = (value * 10) + (c - '0');
            }

            return value <= 64;
        }

        private bool TryAtom(out Node? node)
        {
            node = null;
            var c = Peek;
            switch (c)
            {
                case '(':
                    _position++;
                    if (!AtEnd && Peek == '?')
                    {
                        if (_position + 1 < _pattern.Length && _pattern[_position + 1] == ':')
                        {
                            _position += 2;
                        }
                        else
                        {
                            return false;
                        }
                    }

                    if (!TryAlternation(out node) || AtEnd || Peek != ')')
                    {
                        return false;
                    }

                    _position++;
                    return true;
                case '[':
                    return TryClass(out node);
                case '.':
                    _position++;
                    node = new AtomNode(Negate(LineTerminators()));
                    return true;
                case '\\':
                    _position++;
                    if (AtEnd || !TryEscape(inClass: false, out var set))
                    {
                        return false;
                    }

                    node = new AtomNode(set!);
                    return true;
                case '^' or '$' or '*' or '+' or '?' or '{' or '}' or ']' or ')' or '|':
                    return false;
                default:
                    node = new AtomNode(Single(ReadCodePoint()));
                    return true;
            }
        }

        private int ReadCodePoint()
        {
            var c = _pattern[_position++];
            if (char.IsHighSurrogate(c) && !AtEnd && char.IsLowSurrogate(Peek))
            {
                return char.ConvertToUtf32(c, _pattern[_position++]);
            }

            return c;
        }

        private bool TryClass(out Node? node)
        {
            node = null;
            _position++; // [
            var set = new CodePointSet();
            if (!AtEnd && Peek == '^')
            {
                set.Negated = true;
                _position++;
            }

            while (!AtEnd && Peek != ']')
            {
                if (!TryClassAtom(out var low, out var lowSet))
                {
                    return false;
                }

                if (lowSet is null && !AtEnd && Peek == '-' && _position + 1 < _pattern.Length && _pattern[_position + 1] != ']')
                {
                    _position++;
                    if (!TryClassAtom(out var high, out var highSet) || highSet is not null || high < low)
                    {
                        return false;
                    }

                    set.Ranges.Add((low, high));
                }
                else if (lowSet is not null)
                {
                    if (lowSet.Negated)
                    {
                        return false; // \D, \W, \S inside a class: left to Regex
                    }

                    set.Ranges.AddRange(lowSet.Ranges);
                }
                else
                {
                    set.Ranges.Add((low, low));
                }
            }

            if (AtEnd)
            {
                return false;
            }

            _position++; // ]
            node = new AtomNode(set);
            return true;
        }

        private bool TryClassAtom(out int codePoint, out CodePointSet? set)
        {
            codePoint = 0;
            set = null;
            if (Peek != '\\')
            {
                codePoint = ReadCodePoint();
                return true;
            }

            _position++;
            if (AtEnd)
            {
                return false;
            }

            if (Peek == 'b')
            {
                _position++;
                codePoint = '\b';
                return true;
            }

            if (Peek == '-')
            {
                _position++;
                codePoint = '-';
                return true;
            }

            if (!TryEscape(inClass: true, out var escaped))
            {
                return false;
            }

            if (escaped!.Ranges.Count == 1 && escaped.Ranges[0].Low == escaped.Ranges[0].High && !escaped.Negated && IsSingleEscape)
            {
                codePoint = escaped.Ranges[0].Low;
                return true;
            }

            set = escaped;
            return true;
        }

        private bool IsSingleEscape { get; set; }

        private bool TryEscape(bool inClass, out CodePointSet? set)
        {
            set = null;
            IsSingleEscape = true;
            var c = _pattern[_position++];
            switch (c)
            {
                case 'd':
                    IsSingleEscape = false;
                    set = Range('0', '9');
                    return true;
                case 'D':
                    IsSingleEscape = false;
                    set = Negate(Range('0', '9'));
                    return true;
                case 'w':
                    IsSingleEscape = false;
                    set = Word();
                    return true;
                case 'W':
                    IsSingleEscape = false;
                    set = Negate(Word());
                    return true;
                case 's':
                    IsSingleEscape = false;
                    set = Space();
                    return true;
                case 'S':
                    IsSingleEscape = false;
                    set = Negate(Space());
                    return true;
                case 'n': set = Single('\n'); return true;
                case 'r': set = Single('\r'); return true;
                case 't': set = Single('\t'); return true;
                case 'f': set = Single('\f'); return true;
                case 'v': set = Single('\v'); return true;
                case '0' when AtEnd || Peek < '0' || Peek > '9':
                    set = Single(0);
                    return true;
                case 'x':
                    return TryHex(2, out set);
                case 'u':
                    if (!AtEnd && Peek == '{')
                    {
                        return false;
                    }

                    if (!TryHex(4, out set) || (set!.Ranges[0].Low is >= 0xD800 and <= 0xDFFF))
                    {
                        return false;
                    }

                    return true;
                default:
                    // Identity escapes of syntax characters only (unicode mode); \b, \B, \p, back-references and the rest are left to Regex.
                    if ("^$\\.*+?()[]{}|/".IndexOf(c) >= 0)
                    {
                        set = Single(c);
                        return true;
                    }

                    return false;
            }
        }

        private bool TryHex(int digits, out CodePointSet? set)
        {
            set = null;
            if (_position + digits > _pattern.Length)
            {
                return false;
            }

            var value = 0;
            for (var i = 0; i < digits; i++)
            {
                var h = _pattern[_position + i];
                var d = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10 : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
                if (d < 0)
                {
                    return false;
                }

                value = (value * 16) + d;
            }

            _position += digits;
            set = Single(value);
            return true;
        }

        private static CodePointSet Single(int c) => Range(c, c);

        private static CodePointSet Range(int low, int high)
        {
            var set = new CodePointSet();
            set.Ranges.Add((low, high));
            return set;
        }

        private static CodePointSet Negate(CodePointSet set)
        {
            var copy = set.Clone();
            copy.Negated = !copy.Negated;
            return copy;
        }

        private static CodePointSet Word()
        {
            var set = Range('a', 'z');
            set.Ranges.Add(('A', 'Z'));
            set.Ranges.Add(('0', '9'));
            set.Ranges.Add(('_', '_'));
            return set;
        }

        private static CodePointSet LineTerminators()
        {
            var set = Single('\n');
            set.Ranges.Add(('\r', '\r'));
            set.Ranges.Add((0x2028, 0x2029));
            return set;
        }

        private static CodePointSet Space()
        {
            var set = Range('\t', '\r');
            set.Ranges.Add((' ', ' '));
            set.Ranges.Add((0xA0, 0xA0));
            set.Ranges.Add((0x1680, 0x1680));
            set.Ranges.Add((0x2000, 0x200A));
            set.Ranges.Add((0x2028, 0x2029));
            set.Ranges.Add((0x202F, 0x202F));
            set.Ranges.Add((0x205F, 0x205F));
            set.Ranges.Add((0x3000, 0x3000));
            set.Ranges.Add((0xFEFF, 0xFEFF));
            return set;
        }
    }
}
