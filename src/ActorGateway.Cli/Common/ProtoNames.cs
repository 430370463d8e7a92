using System.Reflection;
using Google.Protobuf.Reflection;

namespace ActorGateway.Cli.Common;

/// <summary>The wire names of protobuf enum values (ORDER_FILLED rather than OrderFilled): what the reference and logs use.</summary>
internal static class ProtoNames
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var name = value.ToString();
        return typeof(TEnum).GetField(name)?.GetCustomAttribute<OriginalNameAttribute>()?.Name ?? name;
    }
}
