using ActorGateway.Hocon.Syntax;

namespace ActorGateway.Hocon.Tree;

/// <summary>
/// Values written side by side (<c>foo bar</c>, <c>${a} [1]</c>, <c>{x=1} {y=2}</c>): strings join with the whitespace
/// between them, arrays append and objects merge. Which it is is known only after substitution.
/// </summary>
internal sealed class HoconConcatenation(HoconPosition position, IReadOnlyList<HoconNode> parts) : HoconNode(position)
{
    public IReadOnlyList<HoconNode> Parts { get; } = parts;
}
