using ActorGateway.Hocon.Syntax;

namespace ActorGateway.Hocon.Tree;

/// <summary>
/// <c>${path}</c> or <c>${?path}</c>. <see cref="Prefix"/> is where an included file was included, so its paths are
/// tried relative to that place first. A self-reference (<c>a = ${a} [x]</c>, <c>a += x</c>, <c>a = ${a.b}</c>) looks
/// into the value the field had before this definition: <see cref="Previous"/> (or nothing if it had none), then down
/// <see cref="PathInPrevious"/>.
/// </summary>
internal sealed class HoconSubstitution(HoconPosition position, IReadOnlyList<string> path, bool optional, IReadOnlyList<string> prefix)
    : HoconNode(position)
{
    public IReadOnlyList<string> Path { get; } = path;

    public bool Optional { get; } = optional;

    public IReadOnlyList<string> Prefix { get; } = prefix;

    public bool IsSelfReference { get; private set; }

    public HoconNode? Previous { get; private set; }

    public IReadOnlyList<string> PathInPrevious { get; private set; } = [];

    /// <summary>The path as written, also the name of the environment variable used when the path is absent.</summary>
    public string Name => string.Join('.', Path);

    public IReadOnlyList<string> AbsolutePath => [.. Prefix, .. Path];

    /// <summary>Whether this refers to the field at <paramref name="fieldPath"/> itself or to something inside it.</summary>
    public bool RefersTo(IReadOnlyList<string> fieldPath)
    {
        var path = AbsolutePath;
        return path.Count >= fieldPath.Count && path.Take(fieldPath.Count).SequenceEqual(fieldPath, StringComparer.Ordinal);
    }

    public void RefersToPrevious(HoconNode? previous, int fieldPathLength)
    {
        IsSelfReference = true;
        Previous = previous;
        PathInPrevious = [.. AbsolutePath.Skip(fieldPathLength)];
    }
}
