using Akka.Actor;

namespace ActorGateway.Cli.Bench;

/// <summary>
/// A simulator with an authenticated gateway client and an authenticated raw client on it, disposed together. The
/// gateway lives in an actor system of the session's, where a scenario starts its actor callers beside it.
/// </summary>
internal sealed class BenchSession : IAsyncDisposable
{
    private BenchSession(BenchServer server, ActorSystem system, GatewayClient gateway, RawClient raw)
    {
        Server = server;
        System = system;
        Gateway = gateway;
        Raw = raw;
    }

    public BenchServer Server { get; }

    public ActorSystem System { get; }

    public GatewayClient Gateway { get; }

    public RawClient Raw { get; }

    public static async Task<BenchSession> StartAsync(BenchTransport transport, CancellationToken cancellationToken)
    {
        var server = await BenchServer.StartAsync(transport, cancellationToken).ConfigureAwait(false);
        var system = BenchActorSystem.Create();
        GatewayClient? gateway = null;
        try
        {
            gateway = await server.ConnectGatewayInAsync(system, cancellationToken).ConfigureAwait(false);
            var raw = await server.ConnectRawAsync(cancellationToken).ConfigureAwait(false);
            return new BenchSession(server, system, gateway, raw);
        }
        catch
        {
            if (gateway is not null)
            {
                await gateway.DisposeAsync().ConfigureAwait(false);
            }

            await system.Terminate().ConfigureAwait(false);
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Raw.DisposeAsync().ConfigureAwait(false);
        await Gateway.DisposeAsync().ConfigureAwait(false);
        await System.Terminate().ConfigureAwait(false);
        await Server.DisposeAsync().ConfigureAwait(false);
    }
}
