using System.Globalization;
using ActorGateway.Hocon.Resolution;

namespace ActorGateway.Hocon;

/// <summary>
/// Turns the resolved document into configuration key/value pairs: <c>a:b:c</c> for nested keys, <c>a:0</c>, <c>a:1</c>
/// for array elements, dashes removed from keys so kebab-case binds to PascalCase, and unquoted durations and sizes
/// converted. An empty object or array gives its key a null value, as the JSON provider does.
/// </summary>
internal static class HoconFlattener
{
    private const string ConfigurationPathSeparator = ":";

    public static HoconData Flatten(HoconMap root)
    {
        var data = new HoconData();
        foreach (var (key, value) in root.Fields)
        {
            Add(data, KeyOf(key), value);
        }

        return data;
    }

    private static void Add(HoconData data, string key, HoconValue value)
    {
        if (value is HoconText { FromEnvironment: true })
        {
            data.FromEnvironment.Add(key);
        }

        switch (value)
        {
            case HoconText { Text: null }:
                data.Values[key] = null;
                break;
            case HoconText text:
                data.Values[key] = text.Literal ? text.Text : HoconUnits.TryConvert(text.Text) ?? text.Text;
                break;
            case HoconList { Items.Count: 0 } or HoconMap { Fields.Count: 0 }:
                data.Values[key] = null;
                break;
            case HoconList list:
                for (var i = 0; i < list.Items.Count; i++)
                {
                    Add(data, key + ConfigurationPathSeparator + i.ToString(CultureInfo.InvariantCulture), list.Items[i]);
                }

                break;
            case HoconMap map:
                foreach (var (childKey, child) in map.Fields)
                {
                    Add(data, key + ConfigurationPathSeparator + KeyOf(childKey), child);
                }

                break;
            default:
                throw new InvalidOperationException($"Unknown value type {value.GetType().Name}.");
        }
    }

    private static string KeyOf(string hoconKey) => hoconKey.Replace("-", string.Empty, StringComparison.Ordinal);
}
