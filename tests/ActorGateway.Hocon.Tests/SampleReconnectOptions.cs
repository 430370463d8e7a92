namespace ActorGateway.Hocon.Tests;

public sealed class SampleReconnectOptions
{
    public TimeSpan InitialDelay { get; set; }

    public TimeSpan MaxDelay { get; set; }
}
