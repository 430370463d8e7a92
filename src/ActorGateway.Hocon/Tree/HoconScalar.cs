using ActorGateway.Hocon.Syntax;

namespace ActorGateway.Hocon.Tree;

internal sealed class HoconScalar(HoconPosition position, HoconScalarKind kind, string text) : HoconNode(position)
{
    public HoconScalarKind Kind { get; } = kind;

    public string Text { get; } = text;
}
