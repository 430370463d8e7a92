namespace ActorGateway.Cli.Bench;

/// <summary>How the clients reach the server in a scenario.</summary>
internal enum BenchTransport
{
    Tcp,
    Tls,
}
