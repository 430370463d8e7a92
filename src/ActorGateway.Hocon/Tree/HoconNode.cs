using ActorGateway.Hocon.Syntax;

namespace ActorGateway.Hocon.Tree;

/// <summary>
/// A value as parsed, before substitutions are resolved. Plain objects, arrays and scalars hold no substitution of their
/// own; substitutions, concatenations and delayed merges are resolved once the whole document is read.
/// </summary>
internal abstract class HoconNode(HoconPosition position)
{
    public HoconPosition Position { get; } = position;
}
