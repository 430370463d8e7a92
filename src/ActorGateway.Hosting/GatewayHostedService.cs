using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ActorGateway.Hosting;

/// <summary>
/// Creates every registered gateway and session in the host's actor system when the host starts (so bad options fail
/// the start, not the first request), connects those that ask for it (a session also authenticates), and disposes them
/// all when the host stops: pending requests then fail with a <see cref="GatewayConnectionException"/> of kind
/// <see cref="ConnectionFailureKind.Disposed"/>. Registered after Akka.Hosting's service, so the system is up first and
/// stops last.
/// </summary>
internal sealed class GatewayHostedService(
    GatewayClientFactory factory,
    GatewayRegistry registry,
    IOptionsMonitor<GatewayHostOptions> hostOptions,
    ILogger<GatewayHostedService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var name in factory.Names)
        {
            factory.Create(name);
            if (!hostOptions.Get(name).ConnectOnStart)
            {
                logger.Created(Display(name));
                continue;
            }

            logger.ConnectingAtStart(Display(name));
            var connect = registry.IsSession(name)
                ? factory.GetSession(name).StartAsync(cancellationToken)
                : factory.GetClient(name).ConnectAsync(cancellationToken);
            await connect.ConfigureAwait(false);
            logger.ConnectedAtStart(Display(name));
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        logger.Stopping(factory.Names.Count);
        await factory.DisposeAsync().ConfigureAwait(false);
    }

    private static string Display(string name) => name.Length == 0 ? "(default)" : name;
}
