using System.Text;
using ActorGateway.Hocon.Tree;

namespace ActorGateway.Hocon.Resolution;

/// <summary>
/// Joins the resolved parts of a concatenation: strings with the whitespace between them, arrays end to end, objects by
/// merging. Absent optional parts count as empty. Mixing kinds is an error that names the kinds, never the values.
/// </summary>
internal static class HoconConcatenator
{
    public static HoconValue? Concatenate(HoconConcatenation concatenation, Func<HoconNode, HoconValue?> resolve)
    {
        var parts = concatenation.Parts
            .Select(part => (Node: part, Value: part is HoconScalar { Kind: HoconScalarKind.Whitespace } ? null : resolve(part)))
            .ToList();
        var values = parts.Select(part => part.Value).OfType<HoconValue>().ToList();
        if (values.Count == 0)
        {
            return null;
        }

        if (values.TrueForAll(value => value is HoconText))
        {
            return JoinText(parts);
        }

        if (values.TrueForAll(value => value is HoconList))
        {
            return new HoconList([.. values.Cast<HoconList>().SelectMany(list => list.Items)]);
        }

        if (values.TrueForAll(value => value is HoconMap))
        {
            return values.Cast<HoconMap>().Aggregate(HoconMap.Merge);
        }

        var first = values[0];
        var other = values.First(value => value.GetType() != first.GetType());
        throw concatenation.Position.Error($"cannot concatenate {KindOf(first)} with {KindOf(other)}");
    }

    private static HoconText JoinText(List<(HoconNode Node, HoconValue? Value)> parts)
    {
        var text = new StringBuilder();
        var literal = false;
        foreach (var (node, value) in parts)
        {
            if (node is HoconScalar { Kind: HoconScalarKind.Whitespace } space)
            {
                text.Append(space.Text);
            }
            else if (value is HoconText part)
            {
                // null joined into a string reads as the word it was written as.
                text.Append(part.Text ?? "null");
                literal |= part.Literal;
            }
        }

        return new HoconText(text.ToString(), literal);
    }

    private static string KindOf(HoconValue value) => value switch
    {
        HoconList => "an array",
        HoconMap => "an object",
        _ => "a string",
    };
}
