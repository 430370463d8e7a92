using ActorGateway.Simulator;
using ActorGateway.TestKit;

namespace ActorGateway.IntegrationTests.Support;

/// <summary>Gateway options pointed at an in-process simulator: its port, its certificate trusted, quick retries.</summary>
internal static class SimulatorClientOptions
{
    public static GatewayOptions For(SimulatorServer server, LogCollector logs) => new()
    {
        Hosts = [$"127.0.0.1:{server.EndPoint.Port}"],
        LoggerFactory = logs,
        // A short real delay between attempts, so a stopped listener is not hammered.
        RetryPolicy = new RecordingRetryPolicy(_ => TimeSpan.FromMilliseconds(20)),
        Tls = { Enabled = server.UsesTls, TrustedCertificate = server.Certificate },
    };
}
