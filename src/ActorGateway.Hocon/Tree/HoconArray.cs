using ActorGateway.Hocon.Syntax;

namespace ActorGateway.Hocon.Tree;

internal sealed class HoconArray(HoconPosition position, IReadOnlyList<HoconNode> elements) : HoconNode(position)
{
    public IReadOnlyList<HoconNode> Elements { get; } = elements;
}
