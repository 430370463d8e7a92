namespace ActorGateway.Hocon.Resolution;

internal sealed record HoconMap(IReadOnlyDictionary<string, HoconValue> Fields) : HoconValue
{
    /// <summary>Fields of <paramref name="later"/> override those of <paramref name="earlier"/>; maps under the same key merge.</summary>
    public static HoconMap Merge(HoconMap earlier, HoconMap later)
    {
        var fields = new Dictionary<string, HoconValue>(earlier.Fields, StringComparer.Ordinal);
        foreach (var (key, value) in later.Fields)
        {
            fields[key] = value is HoconMap laterMap && fields.GetValueOrDefault(key) is HoconMap earlierMap
                ? Merge(earlierMap, laterMap)
                : value;
        }

        return new HoconMap(fields);
    }
}
