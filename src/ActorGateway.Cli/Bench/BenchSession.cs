namespace ActorGateway.Cli.Bench;

/// <summary>A simulator with an authenticated gateway client and an authenticated raw client on it, disposed together.</summary>
internal sealed class BenchSession : IAsyncDisposable
{
    private BenchSession(BenchServer server, GatewayClient gateway, RawClient raw)
    {
        Server = server;
        Gateway = gateway;
        Raw = raw;
    }

    public BenchServer Server { get; }

    public GatewayClient Gateway { get; }

    public RawClient Raw { get; }

    public static async Task<BenchSession> StartAsync(BenchTransport transport, CancellationToken cancellationToken)
    {
        var server = await BenchServer.StartAsync(transport, cancellationToken).ConfigureAwait(false);
        GatewayClient? gateway = null;
        try
        {
            gateway = await server.ConnectGatewayAsync(null, cancellationToken).ConfigureAwait(false);
            var raw = await server.ConnectRawAsync(cancellationToken).ConfigureAwait(false);
            return new BenchSession(server, gateway, raw);
        }
        catch
        {
            if (gateway is not null)
            {
                await gateway.DisposeAsync().ConfigureAwait(false);
            }

            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Raw.DisposeAsync().ConfigureAwait(false);
        await Gateway.DisposeAsync().ConfigureAwait(false);
        await Server.DisposeAsync().ConfigureAwait(false);
    }
}
