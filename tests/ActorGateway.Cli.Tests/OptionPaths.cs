using System.Reflection;

namespace ActorGateway.Cli.Tests;

/// <summary>
/// The configuration paths of an options class, found by reflection: every settable property whose value configuration
/// can express (numbers, text, durations, enums, lists), nested option classes followed. Services such as clocks,
/// loggers and certificates are left out: configuration cannot set them.
/// </summary>
internal static class OptionPaths
{
    public static IEnumerable<(string Path, Func<object, object?> Read)> Of(Type type, string prefix = "")
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var path = prefix.Length == 0 ? property.Name : $"{prefix}:{property.Name}";
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (IsValue(propertyType) || IsList(propertyType))
            {
                yield return (path, property.GetValue);
            }
            else if (propertyType is { IsClass: true, IsAbstract: false }
                && propertyType.Namespace?.StartsWith("ActorGateway", StringComparison.Ordinal) == true)
            {
                foreach (var (childPath, read) in Of(propertyType, path))
                {
                    yield return (childPath, o => property.GetValue(o) is { } child ? read(child) : null);
                }
            }
        }
    }

    private static bool IsValue(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan)
        || type == typeof(DateTimeOffset);

    private static bool IsList(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() is var definition
        && (definition == typeof(List<>) || definition == typeof(IList<>));
}
