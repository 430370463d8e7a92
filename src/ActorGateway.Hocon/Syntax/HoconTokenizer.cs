using System.Buffers;
using System.Globalization;
using System.Text;

namespace ActorGateway.Hocon.Syntax;

/// <summary>
/// Splits HOCON text into tokens. Comments (<c>#</c> and <c>//</c> to the end of the line) are dropped; newlines and
/// whitespace are kept because they separate fields and take part in value concatenation.
/// </summary>
internal sealed class HoconTokenizer
{
    // Characters HOCON forbids in unquoted strings (besides whitespace); a few of them start tokens of their own.
    private static readonly SearchValues<char> s_forbidden = SearchValues.Create("$\"{}[]:=,+#`^?!@*&\\");

    private readonly string _text;
    private readonly string _file;
    private int _index;
    private int _line = 1;
    private int _column = 1;

    private HoconTokenizer(string text, string file)
    {
        _text = text;
        _file = file;
    }

    /// <summary>All tokens of <paramref name="text"/>, ending with one <see cref="HoconTokenKind.End"/>.</summary>
    /// <exception cref="HoconParseException">A string, escape or substitution is malformed, or a character is not allowed.</exception>
    public static List<HoconToken> Tokenize(string text, string file)
    {
        var tokenizer = new HoconTokenizer(text, file);
        var tokens = new List<HoconToken>();
        HoconToken token;
        do
        {
            token = tokenizer.Next();
            tokens.Add(token);
        }
        while (token.Kind != HoconTokenKind.End);

        return tokens;
    }

    private char Current => _text[_index];

    private bool AtEnd => _index >= _text.Length;

    private HoconPosition Position => new(_file, _line, _column);

    private HoconToken Next()
    {
        SkipComment();
        var start = Position;
        if (AtEnd)
        {
            return new HoconToken(HoconTokenKind.End, string.Empty, start);
        }

        var c = Current;
        switch (c)
        {
            case '\n':
                Advance();
                return new HoconToken(HoconTokenKind.Newline, "\n", start);
            case '{': return Single(HoconTokenKind.OpenBrace, start);
            case '}': return Single(HoconTokenKind.CloseBrace, start);
            case '[': return Single(HoconTokenKind.OpenBracket, start);
            case ']': return Single(HoconTokenKind.CloseBracket, start);
            case ',': return Single(HoconTokenKind.Comma, start);
            case ':': return Single(HoconTokenKind.Colon, start);
            case '=': return Single(HoconTokenKind.Equals, start);
            case '"':
                return new HoconToken(HoconTokenKind.Quoted, IsAhead("\"\"\"") ? ReadTripleQuoted(start) : ReadQuoted(), start);
            case '+' when IsAhead("+="):
                Advance(2);
                return new HoconToken(HoconTokenKind.PlusEquals, "+=", start);
            case '$' when IsAhead("${"):
                return ReadSubstitution(start);
            default:
                break;
        }

        if (IsWhitespace(c))
        {
            return new HoconToken(HoconTokenKind.Whitespace, ReadWhile(IsWhitespace), start);
        }

        if (s_forbidden.Contains(c))
        {
            throw start.Error($"'{c}' is not allowed here; put the text in double quotes");
        }

        return new HoconToken(HoconTokenKind.Unquoted, ReadWhile(IsUnquoted), start);
    }

    private static bool IsWhitespace(char c) => c != '\n' && (char.IsWhiteSpace(c) || c == '\uFEFF');

    private bool IsUnquoted(char c) =>
        !IsWhitespace(c) && c != '\n' && !s_forbidden.Contains(c) && !(c == '/' && IsAhead("//"));

    private void SkipComment()
    {
        if (!AtEnd && (Current == '#' || IsAhead("//")))
        {
            ReadWhile(static c => c != '\n');
        }
    }

    private HoconToken Single(HoconTokenKind kind, HoconPosition start)
    {
        Advance();
        return new HoconToken(kind, _text[_index - 1].ToString(), start);
    }

    private string ReadQuoted()
    {
        var start = Position;
        Advance();
        var text = new StringBuilder();
        while (true)
        {
            if (AtEnd || Current == '\n')
            {
                throw start.Error("unclosed string: a quoted string must end with '\"' on the same line");
            }

            var c = Current;
            if (c == '"')
            {
                Advance();
                return text.ToString();
            }

            if (c == '\\')
            {
                text.Append(ReadEscape());
            }
            else
            {
                text.Append(c);
                Advance();
            }
        }
    }

    private char ReadEscape()
    {
        var at = Position;
        Advance();
        var c = AtEnd ? '\0' : Current;
        Advance();
        switch (c)
        {
            case '"': return '"';
            case '\\': return '\\';
            case '/': return '/';
            case 'b': return '\b';
            case 'f': return '\f';
            case 'n': return '\n';
            case 'r': return '\r';
            case 't': return '\t';
            case 'u':
                if (_index + 4 <= _text.Length
                    && ushort.TryParse(_text.AsSpan(_index, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                {
                    Advance(4);
                    return (char)code;
                }

                throw at.Error("bad escape: '\\u' must be followed by four hexadecimal digits");
            default:
                throw at.Error("bad escape: only \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX are allowed in a quoted string");
        }
    }

    /// <summary>Raw text up to the closing <c>"""</c>; quotes just before it belong to the text (<c>"""a""""</c> is <c>a"</c>).</summary>
    private string ReadTripleQuoted(HoconPosition start)
    {
        Advance(3);
        var close = _text.IndexOf("\"\"\"", _index, StringComparison.Ordinal);
        if (close < 0)
        {
            throw start.Error("unclosed triple-quoted string: no closing '\"\"\"'");
        }

        while (close + 3 < _text.Length && _text[close + 3] == '"')
        {
            close++;
        }

        var text = _text[_index..close];
        Advance(close + 3 - _index);
        return text;
    }

    private HoconToken ReadSubstitution(HoconPosition start)
    {
        Advance(2);
        var optional = !AtEnd && Current == '?';
        if (optional)
        {
            Advance();
        }

        var path = new HoconPathBuilder();
        while (AtEnd || Current != '}')
        {
            if (AtEnd || Current == '\n')
            {
                throw start.Error("unclosed substitution: '${' without '}' on the same line");
            }

            if (Current == '"')
            {
                path.AddQuoted(ReadQuoted());
            }
            else if (IsWhitespace(Current))
            {
                path.AddWhitespace(ReadWhile(IsWhitespace));
            }
            else if (IsUnquoted(Current))
            {
                path.AddUnquoted(ReadWhile(IsUnquoted));
            }
            else
            {
                throw Position.Error($"'{Current}' is not allowed in a substitution path; quote the path element");
            }
        }

        Advance();
        var elements = path.Build() ?? throw start.Error("bad substitution path: it is empty or has an empty element");
        return new HoconToken(HoconTokenKind.Substitution, string.Join('.', elements), start) { Path = elements, Optional = optional };
    }

    private bool IsAhead(string expected) => string.CompareOrdinal(_text, _index, expected, 0, expected.Length) == 0;

    private string ReadWhile(Func<char, bool> accept)
    {
        var start = _index;
        while (!AtEnd && accept(Current))
        {
            Advance();
        }

        return _text[start.._index];
    }

    private void Advance(int count = 1)
    {
        for (var i = 0; i < count && !AtEnd; i++)
        {
            if (Current == '\n')
            {
                _line++;
                _column = 1;
            }
            else
            {
                _column++;
            }

            _index++;
        }
    }
}
