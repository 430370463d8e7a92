using ActorGateway.Hocon.Syntax;

namespace ActorGateway.Hocon.Tree;

/// <summary>
/// A field defined again when one of the two definitions is not known until substitution: if both turn out to be
/// objects they merge, otherwise <see cref="Next"/> wins (and <see cref="Previous"/> stays if Next is an absent
/// optional substitution).
/// </summary>
internal sealed class HoconMerge(HoconNode previous, HoconNode next) : HoconNode(next.Position)
{
    public HoconNode Previous { get; } = previous;

    public HoconNode Next { get; } = next;
}
