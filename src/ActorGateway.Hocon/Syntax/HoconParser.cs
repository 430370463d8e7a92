using ActorGateway.Hocon.Tree;

namespace ActorGateway.Hocon.Syntax;

/// <summary>
/// Parses one file's tokens into an object, merging each field into what is already there so that later definitions
/// override earlier ones and objects with the same key merge. Paths are absolute (they start at the include point), so
/// a field can tell when its value refers to itself.
/// </summary>
internal sealed partial class HoconParser
{
    private readonly List<HoconToken> _tokens;
    private readonly IReadOnlyList<string> _prefix;
    private readonly HoconDocumentReader _reader;
    private readonly string _directory;
    private int _index;

    private HoconParser(List<HoconToken> tokens, IReadOnlyList<string> prefix, HoconDocumentReader reader, string directory)
    {
        _tokens = tokens;
        _prefix = prefix;
        _reader = reader;
        _directory = directory;
    }

    /// <summary>Parses a whole document (braces around the root are optional) into <paramref name="target"/>.</summary>
    /// <param name="tokens">The document's tokens.</param>
    /// <param name="target">The object the fields go into.</param>
    /// <param name="prefix">Where <paramref name="target"/> sits in the root; empty for the root itself.</param>
    /// <param name="reader">Reads included files.</param>
    /// <param name="directory">The directory that relative includes are resolved against.</param>
    public static void Parse(
        List<HoconToken> tokens, HoconObject target, IReadOnlyList<string> prefix, HoconDocumentReader reader, string directory)
    {
        var parser = new HoconParser(tokens, prefix, reader, directory);
        parser.SkipNewlines();
        if (parser.Peek().Kind == HoconTokenKind.OpenBrace)
        {
            parser.ParseFields(target, prefix, parser.Take());
            parser.SkipNewlines();
        }
        else
        {
            parser.ParseFields(target, prefix, opener: null);
        }

        var end = parser.Peek();
        if (end.Kind != HoconTokenKind.End)
        {
            throw end.Position.Error($"unexpected {Describe(end)} after the end of the document");
        }
    }

    /// <summary>Fields up to the <c>}</c> matching <paramref name="opener"/>, or to the end of the file when it is null.</summary>
    private void ParseFields(HoconObject target, IReadOnlyList<string>? path, HoconToken? opener)
    {
        var closer = opener is null ? HoconTokenKind.End : HoconTokenKind.CloseBrace;
        SkipNewlines();
        while (true)
        {
            var token = Peek();
            if (token.Kind == closer)
            {
                Take();
                return;
            }

            if (token.Kind == HoconTokenKind.End)
            {
                throw opener!.Position.Error("unclosed '{': no matching '}' before the end of the file");
            }

            if (IsInclude())
            {
                ParseInclude(target, path);
            }
            else
            {
                ParseField(target, path);
            }

            EndElement(closer, "field");
        }
    }

    private void ParseField(HoconObject target, IReadOnlyList<string>? path)
    {
        var key = ReadKey();
        SkipWhitespace();
        var separator = Peek();
        if (separator.Kind is HoconTokenKind.Equals or HoconTokenKind.Colon or HoconTokenKind.PlusEquals)
        {
            Take();
            SkipWhitespace();
        }
        else if (separator.Kind != HoconTokenKind.OpenBrace)
        {
            throw separator.Position.Error(
                $"expected '=', ':', '+=' or '{{' after the key '{string.Join('.', key)}', found {Describe(separator)}");
        }

        var parent = target;
        for (var i = 0; i < key.Count - 1; i++)
        {
            parent = ObjectAt(parent, key[i], separator.Position);
        }

        var name = key[^1];
        IReadOnlyList<string>? fieldPath = path is null ? null : [.. path, .. key];
        if (separator.Kind != HoconTokenKind.PlusEquals && Peek().Kind == HoconTokenKind.OpenBrace && IsLoneObject())
        {
            // Parse straight into the existing object: it merges, and its fields can see their own earlier values.
            ParseFields(ObjectAt(parent, name, Peek().Position), fieldPath, Take());
            return;
        }

        parent.TryGet(name, out var existing);
        var value = ParseValue(fieldPath, $"the key '{string.Join('.', key)}'");
        if (separator.Kind == HoconTokenKind.PlusEquals)
        {
            value = Append(value, fieldPath ?? key, existing, separator.Position);
        }
        else if (fieldPath is not null)
        {
            MarkSelfReferences(value, fieldPath, existing);
        }

        parent.Set(name, existing is not null && IsDeferred(value) ? new HoconMerge(existing, value) : value);
    }

    /// <summary><c>a += v</c> is <c>a = ${?a} [v]</c>.</summary>
    private static HoconConcatenation Append(HoconNode value, IReadOnlyList<string> fieldPath, HoconNode? existing, HoconPosition at)
    {
        var self = new HoconSubstitution(at, fieldPath, optional: true, prefix: []);
        self.RefersToPrevious(existing, fieldPath.Count);
        return new HoconConcatenation(at, [self, new HoconArray(value.Position, [value])]);
    }

    private static void MarkSelfReferences(HoconNode value, IReadOnlyList<string> fieldPath, HoconNode? existing)
    {
        if (value is HoconSubstitution substitution && substitution.RefersTo(fieldPath))
        {
            substitution.RefersToPrevious(existing, fieldPath.Count);
        }
        else if (value is HoconConcatenation concatenation)
        {
            foreach (var part in concatenation.Parts)
            {
                MarkSelfReferences(part, fieldPath, existing);
            }
        }
    }

    private static bool IsDeferred(HoconNode node) => node is HoconSubstitution or HoconConcatenation or HoconMerge;

    /// <summary>The object at <paramref name="key"/> to add fields to, replacing a non-object or merging after a deferred value.</summary>
    private static HoconObject ObjectAt(HoconObject parent, string key, HoconPosition position)
    {
        parent.TryGet(key, out var existing);
        switch (existing)
        {
            case HoconObject current:
                return current;
            case HoconMerge { Next: HoconObject next }:
                return next;
            default:
                var fresh = new HoconObject(position);
                parent.Set(key, existing is not null && IsDeferred(existing) ? new HoconMerge(existing, fresh) : fresh);
                return fresh;
        }
    }

    private IReadOnlyList<string> ReadKey()
    {
        var start = Peek();
        var builder = new HoconPathBuilder();
        var any = false;
        for (var token = Peek(); token.IsString || token.Kind == HoconTokenKind.Whitespace; token = Peek())
        {
            if (token.Kind == HoconTokenKind.Unquoted)
            {
                builder.AddUnquoted(token.Text);
            }
            else if (token.Kind == HoconTokenKind.Quoted)
            {
                builder.AddQuoted(token.Text);
            }
            else
            {
                builder.AddWhitespace(token.Text);
            }

            any |= token.IsString;
            Take();
        }

        if (!any)
        {
            throw start.Position.Error($"expected a key, found {Describe(start)}");
        }

        return builder.Build() ?? throw start.Position.Error("bad key: a key cannot start or end with '.' or contain '..'");
    }
}
