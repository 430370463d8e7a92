using ActorGateway.Hocon.Syntax;

namespace ActorGateway.Hocon.Tree;

/// <summary>
/// <c>${path}</c> or <c>${?path}</c>. <see cref="Prefix"/> is where an included file was included, so its paths are
/// tried relative to that place first. A self-reference (<c>a = ${a} [x]</c>, <c>a += x</c>) means the value the field
/// had before this definition: <see cref="Previous"/>, or nothing if it had none.
/// </summary>
internal sealed class HoconSubstitution(HoconPosition position, IReadOnlyList<string> path, bool optional, IReadOnlyList<string> prefix)
    : HoconNode(position)
{
    public IReadOnlyList<string> Path { get; } = path;

    public bool Optional { get; } = optional;

    public IReadOnlyList<string> Prefix { get; } = prefix;

    public bool IsSelfReference { get; private set; }

    public HoconNode? Previous { get; private set; }

    /// <summary>The path as written, also the name of the environment variable used when the path is absent.</summary>
    public string Name => string.Join('.', Path);

    public IReadOnlyList<string> AbsolutePath => [.. Prefix, .. Path];

    public void RefersToPrevious(HoconNode? previous)
    {
        IsSelfReference = true;
        Previous = previous;
    }
}
