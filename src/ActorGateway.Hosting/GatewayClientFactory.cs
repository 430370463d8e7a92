using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace ActorGateway.Hosting;

/// <summary>
/// Creates each registered gateway's client once, from its validated options, and disposes them all when the host stops.
/// </summary>
internal sealed class GatewayClientFactory(GatewayRegistry registry, IOptionsMonitor<GatewayOptions> options)
    : IGatewayClientFactory, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<GatewayClient>> _clients = new(StringComparer.Ordinal);
    private int _disposed;

    public IReadOnlyCollection<string> Names => registry.Names;

    public IGatewayClient GetClient(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (!registry.Contains(name))
        {
            throw new InvalidOperationException(
                $"No gateway named '{name}' is registered; the registered ones are: {string.Join(", ", registry.Names.Select(Quote))}.");
        }

        // Lazy, so two callers racing for the same name share one client instead of opening two connections.
        return _clients.GetOrAdd(name, n => new Lazy<GatewayClient>(() => new GatewayClient(options.Get(n)))).Value;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        foreach (var client in _clients.Values.Where(c => c.IsValueCreated))
        {
            await client.Value.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static string Quote(string name) => $"'{name}'";
}
