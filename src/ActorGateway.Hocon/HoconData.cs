namespace ActorGateway.Hocon;

/// <summary>A resolved document as configuration data, and which of its keys hold an environment variable's value.</summary>
internal sealed class HoconData
{
    public Dictionary<string, string?> Values { get; } = new(StringComparer.OrdinalIgnoreCase);

    public HashSet<string> FromEnvironment { get; } = new(StringComparer.OrdinalIgnoreCase);
}
