namespace ActorGateway.Hocon.Tests;

/// <summary>An options class shaped like the gateway's: PascalCase properties bound from kebab-case HOCON.</summary>
public sealed class SampleOptions
{
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(1);

    public int MaxRetries { get; set; }

    public bool UseTls { get; set; }

    public string[] Hosts { get; set; } = [];

    public string ClientSecret { get; set; } = string.Empty;

    public long MaxFrameSize { get; set; }

    public SampleReconnectOptions Reconnect { get; set; } = new();
}
