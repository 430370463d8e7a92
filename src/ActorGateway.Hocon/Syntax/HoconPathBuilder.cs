using System.Text;

namespace ActorGateway.Hocon.Syntax;

/// <summary>
/// Builds a path from the pieces of a key or substitution: unquoted text splits at dots (<c>a.b.c</c>), quoted text never
/// does (<c>"a.b".c</c> has two elements), and whitespace between pieces belongs to the element (<c>foo bar</c>).
/// </summary>
internal sealed class HoconPathBuilder
{
    private readonly List<string> _elements = [];
    private readonly StringBuilder _current = new();
    private string _pendingSpace = string.Empty;
    private bool _started;
    private bool _hasEmptyElement;

    public void AddUnquoted(string text)
    {
        var parts = text.Split('.');
        Append(parts[0], parts[0].Length > 0);
        for (var i = 1; i < parts.Length; i++)
        {
            EndElement();
            Append(parts[i], parts[i].Length > 0);
        }
    }

    public void AddQuoted(string text) => Append(text, started: true);

    /// <summary>Whitespace counts only between two pieces of the same element, never at its ends.</summary>
    public void AddWhitespace(string text)
    {
        if (_started)
        {
            _pendingSpace += text;
        }
    }

    /// <summary>The path, or null when an element is empty (<c>a..b</c>, <c>.a</c>, <c>a.</c>) or there is none.</summary>
    public IReadOnlyList<string>? Build()
    {
        EndElement();
        return _hasEmptyElement ? null : _elements;
    }

    private void Append(string text, bool started)
    {
        if (started && _started)
        {
            _current.Append(_pendingSpace);
        }

        _pendingSpace = string.Empty;
        _current.Append(text);
        _started |= started;
    }

    private void EndElement()
    {
        // An unquoted empty element is a syntax error; a quoted "" is a legal empty key.
        _hasEmptyElement |= !_started;
        _elements.Add(_current.ToString());
        _current.Clear();
        _pendingSpace = string.Empty;
        _started = false;
    }
}
