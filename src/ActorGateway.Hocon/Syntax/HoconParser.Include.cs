using ActorGateway.Hocon.Tree;

namespace ActorGateway.Hocon.Syntax;

/// <summary>
/// <c>include "f.conf"</c>, <c>include file("f.conf")</c>, <c>include required("f.conf")</c> and
/// <c>include required(file("f.conf"))</c>. Parentheses are legal in unquoted text, so <c>required(file(</c> arrives as one
/// token and the forms are recognised by the text around the quoted name.
/// </summary>
internal sealed partial class HoconParser
{
    private const string IncludeKeyword = "include";

    private bool IsInclude()
    {
        if (Peek() is not { Kind: HoconTokenKind.Unquoted, Text: IncludeKeyword } || _index + 2 >= _tokens.Count
            || _tokens[_index + 1].Kind != HoconTokenKind.Whitespace)
        {
            return false;
        }

        var next = _tokens[_index + 2];
        return next.Kind == HoconTokenKind.Quoted
            || (next.Kind == HoconTokenKind.Unquoted && next.Text.Contains('(', StringComparison.Ordinal));
    }

    private void ParseInclude(HoconObject target, IReadOnlyList<string>? path)
    {
        var keyword = Take();
        SkipWhitespace();
        var opening = string.Empty;
        var closing = string.Empty;
        string? name = null;
        for (var token = Peek(); token.IsString || token.Kind == HoconTokenKind.Whitespace; token = Peek())
        {
            if (token.Kind == HoconTokenKind.Quoted && name is null)
            {
                name = token.Text;
            }
            else if (token.Kind == HoconTokenKind.Unquoted && name is null)
            {
                opening += token.Text;
            }
            else if (token.Kind == HoconTokenKind.Unquoted)
            {
                closing += token.Text;
            }
            else if (token.Kind == HoconTokenKind.Quoted)
            {
                throw token.Position.Error("an include names exactly one quoted file name");
            }

            Take();
        }

        var required = (opening, closing) switch
        {
            ("", "") or ("file(", ")") => false,
            ("required(", ")") or ("required(file(", "))") => true,
            _ when opening.Contains("url(", StringComparison.Ordinal) || opening.Contains("classpath(", StringComparison.Ordinal) =>
                throw keyword.Position.Error("only file includes are supported (not url(...) or classpath(...))"),
            _ => throw keyword.Position.Error(
                "malformed include: use include \"f.conf\", file(\"f.conf\"), required(\"f.conf\") or required(file(\"f.conf\"))"),
        };

        if (name is null)
        {
            throw keyword.Position.Error("an include needs a quoted file name");
        }

        _reader.Include(new HoconInclude(name, required, keyword.Position, _directory), target, path ?? _prefix);
    }
}
