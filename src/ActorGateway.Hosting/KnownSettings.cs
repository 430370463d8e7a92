using System.Collections.Frozen;
using System.Reflection;

namespace ActorGateway.Hosting;

/// <summary>
/// The configuration keys a gateway section may hold (every settable property of <see cref="GatewayOptions"/>, nested
/// option classes followed, and of <see cref="GatewayHostOptions"/>, and a hosted session's <see cref="SessionHostOptions"/> under <c>Session</c>), so a misspelt key is reported instead of silently
/// ignored. Properties that configuration cannot set (clock, logging, certificates, policies) are not keys.
/// </summary>
internal static class KnownSettings
{
    private static readonly (FrozenSet<string> Values, FrozenSet<string> Lists) s_keys = Build();

    /// <summary>True when <paramref name="relativeKey"/> (e.g. <c>Reconnect:MaxDelay</c>, <c>Hosts:0</c>) is a setting.</summary>
    public static bool Contains(string relativeKey)
    {
        var (values, lists) = s_keys;
        if (values.Contains(relativeKey) || lists.Contains(relativeKey))
        {
            return true;
        }

        var lastColon = relativeKey.LastIndexOf(':');
        return lastColon > 0 && lists.Contains(relativeKey[..lastColon]);
    }

    private static (FrozenSet<string>, FrozenSet<string>) Build()
    {
        var values = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var lists = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        Collect(typeof(GatewayOptions), "", values, lists);
        Collect(typeof(GatewayHostOptions), "", values, lists);
        values.Add("Session");
        Collect(typeof(SessionHostOptions), "Session:", values, lists);
        return (values.ToFrozenSet(StringComparer.OrdinalIgnoreCase), lists.ToFrozenSet(StringComparer.OrdinalIgnoreCase));
    }

    private static void Collect(Type type, string prefix, HashSet<string> values, HashSet<string> lists)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var key = prefix + property.Name;
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (propertyType.IsPrimitive || propertyType.IsEnum || propertyType == typeof(string) || propertyType == typeof(TimeSpan))
            {
                values.Add(key);
            }
            else if (propertyType == typeof(IList<string>))
            {
                lists.Add(key);
            }
            else if (propertyType.IsSealed && propertyType.IsClass && propertyType.Namespace == typeof(GatewayOptions).Namespace)
            {
                // The object key itself (an empty `tls {}` leaves just it), then its settings.
                values.Add(key);
                Collect(propertyType, key + ":", values, lists);
            }
        }
    }
}
