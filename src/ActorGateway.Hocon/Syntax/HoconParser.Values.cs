using ActorGateway.Hocon.Tree;

namespace ActorGateway.Hocon.Syntax;

/// <summary>Values: scalars, objects, arrays, substitutions and their concatenation; and moving over tokens.</summary>
internal sealed partial class HoconParser
{
    /// <summary>One value: everything up to a comma, newline or closing bracket, concatenated.</summary>
    /// <param name="path">Where the value sits in the root, or null inside an array (fields there cannot refer to themselves).</param>
    /// <param name="owner">Names what the value belongs to, for the error when it is missing.</param>
    private HoconNode ParseValue(IReadOnlyList<string>? path, string owner)
    {
        var start = Peek();
        var parts = new List<HoconNode>();
        for (var token = Peek(); ; token = Peek())
        {
            switch (token.Kind)
            {
                case HoconTokenKind.Whitespace:
                    parts.Add(new HoconScalar(token.Position, HoconScalarKind.Whitespace, token.Text));
                    break;
                case HoconTokenKind.Unquoted:
                    parts.Add(new HoconScalar(token.Position, HoconScalarKind.Unquoted, token.Text));
                    break;
                case HoconTokenKind.Quoted:
                    parts.Add(new HoconScalar(token.Position, HoconScalarKind.Quoted, token.Text));
                    break;
                case HoconTokenKind.Substitution:
                    parts.Add(new HoconSubstitution(token.Position, token.Path, token.Optional, _prefix));
                    break;
                case HoconTokenKind.OpenBrace:
                    var value = new HoconObject(token.Position);
                    ParseFields(value, path, Take());
                    parts.Add(value);
                    continue;
                case HoconTokenKind.OpenBracket:
                    parts.Add(ParseArray());
                    continue;
                default:
                    return Combine(parts, start, owner);
            }

            Take();
        }
    }

    private HoconNode Combine(List<HoconNode> parts, HoconToken start, string owner)
    {
        if (parts.Count > 0 && parts[^1] is HoconScalar { Kind: HoconScalarKind.Whitespace })
        {
            parts.RemoveAt(parts.Count - 1);
        }

        return parts switch
        {
            [] => throw Peek().Position.Error($"missing value for {owner}"),
            [HoconScalar { Kind: HoconScalarKind.Unquoted, Text: "null" } keyword] =>
                new HoconScalar(keyword.Position, HoconScalarKind.Null, keyword.Text),
            [var single] => single,
            _ => new HoconConcatenation(start.Position, parts),
        };
    }

    private HoconArray ParseArray()
    {
        var opener = Take();
        var elements = new List<HoconNode>();
        SkipNewlines();
        while (true)
        {
            var token = Peek();
            if (token.Kind == HoconTokenKind.CloseBracket)
            {
                Take();
                return new HoconArray(opener.Position, elements);
            }

            if (token.Kind == HoconTokenKind.End)
            {
                throw opener.Position.Error("unclosed '[': no matching ']' before the end of the file");
            }

            elements.Add(ParseValue(path: null, "the array element"));
            EndElement(HoconTokenKind.CloseBracket, "array element");
        }
    }

    /// <summary>After a field or element: a comma and/or newlines, or the closing bracket (left for the caller).</summary>
    private void EndElement(HoconTokenKind closer, string what)
    {
        SkipWhitespace();
        var token = Peek();
        if (token.Kind == HoconTokenKind.Comma)
        {
            Take();
            SkipNewlines();
            if (Peek().Kind == HoconTokenKind.Comma)
            {
                throw Peek().Position.Error($"two commas in a row: a {what} is missing");
            }
        }
        else if (token.Kind == HoconTokenKind.Newline)
        {
            SkipNewlines();
        }
        else if (token.Kind != closer && token.Kind != HoconTokenKind.End)
        {
            throw token.Position.Error($"expected ',' or a new line after the {what}, found {Describe(token)}");
        }
    }

    /// <summary>
    /// Whether the object starting at the current <c>{</c> is the whole value, with nothing concatenated after it.
    /// </summary>
    private bool IsLoneObject()
    {
        var depth = 0;
        var i = _index;
        for (; i < _tokens.Count - 1; i++)
        {
            var kind = _tokens[i].Kind;
            depth += kind is HoconTokenKind.OpenBrace or HoconTokenKind.OpenBracket ? 1
                : kind is HoconTokenKind.CloseBrace or HoconTokenKind.CloseBracket ? -1 : 0;
            if (depth == 0)
            {
                break;
            }
        }

        i++;
        while (i < _tokens.Count && _tokens[i].Kind == HoconTokenKind.Whitespace)
        {
            i++;
        }

        var next = _tokens[Math.Min(i, _tokens.Count - 1)].Kind;
        return next is HoconTokenKind.Newline or HoconTokenKind.Comma or HoconTokenKind.CloseBrace
            or HoconTokenKind.CloseBracket or HoconTokenKind.End;
    }

    private static string Describe(HoconToken token) => token.Kind switch
    {
        HoconTokenKind.End => "the end of the file",
        HoconTokenKind.Newline => "a new line",
        HoconTokenKind.Unquoted or HoconTokenKind.Quoted => "a string",
        HoconTokenKind.Substitution => "a substitution",
        _ => $"'{token.Text}'",
    };

    private HoconToken Peek() => _tokens[_index];

    private HoconToken Take()
    {
        var token = _tokens[_index];
        if (token.Kind != HoconTokenKind.End)
        {
            _index++;
        }

        return token;
    }

    private void SkipWhitespace()
    {
        while (Peek().Kind == HoconTokenKind.Whitespace)
        {
            Take();
        }
    }

    private void SkipNewlines()
    {
        while (Peek().Kind is HoconTokenKind.Whitespace or HoconTokenKind.Newline)
        {
            Take();
        }
    }
}
