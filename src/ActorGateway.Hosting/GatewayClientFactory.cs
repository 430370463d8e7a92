using System.Collections.Concurrent;
using ActorGateway.Session;
using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ActorGateway.Hosting;

/// <summary>
/// Creates each registered gateway and session once, from its validated options, in the host's one actor system (the
/// one Akka.Hosting runs), registers its actor under its key, and disposes them all when the host stops.
/// </summary>
internal sealed class GatewayClientFactory(
    GatewayRegistry registry,
    IServiceProvider services,
    IOptionsMonitor<GatewayOptions> options,
    IOptionsMonitor<SessionHostOptions> sessionOptions) : IGatewayClientFactory, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<IAsyncDisposable>> _created = new(StringComparer.Ordinal);
    private int _disposed;

    public IReadOnlyCollection<string> Names => registry.Names;

    public IGatewayClient GetClient(string name)
    {
        Check(name);
        return registry.IsSession(name)
            ? throw new InvalidOperationException($"'{name}' is a session: resolve GatewaySession (keyed '{name}') instead.")
            : (IGatewayClient)GetOrCreate(name);
    }

    /// <exception cref="InvalidOperationException">No session of that name is registered.</exception>
    public GatewaySession GetSession(string name)
    {
        Check(name);
        return registry.IsSession(name)
            ? (GatewaySession)GetOrCreate(name)
            : throw new InvalidOperationException($"'{name}' is a gateway, not a session: add it with AddActorGatewaySession.");
    }

    /// <summary>Creates the gateway or session called <paramref name="name"/> unless it exists.</summary>
    public void Create(string name) => _ = GetOrCreate(name);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        foreach (var created in _created.Values.Where(c => c.IsValueCreated))
        {
            await created.Value.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void Check(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (!registry.Contains(name))
        {
            throw new InvalidOperationException(
                $"No gateway named '{name}' is registered; the registered ones are: {string.Join(", ", registry.Names.Select(n => $"'{n}'"))}.");
        }
    }

    // Lazy, so two callers racing for the same name share one gateway instead of opening two connections.
    private IAsyncDisposable GetOrCreate(string name) =>
        _created.GetOrAdd(name, n => new Lazy<IAsyncDisposable>(() => CreateNow(n))).Value;

    private IAsyncDisposable CreateNow(string name)
    {
        var system = services.GetRequiredService<ActorSystem>();
        var gateways = ActorGateways.Get(system);
        if (registry.IsSession(name))
        {
            var session = gateways.AddSession(name, SessionOptionsOf(name));
            if (name.Length == 0)
            {
                // Actors find the unnamed session's actor in the registry, as they find the gateway's.
                services.GetRequiredService<ActorRegistry>().TryRegister<ActorGatewaySessionKey>(session.Actor);
            }

            return session;
        }

        var client = gateways.AddClient(name, options.Get(name));
        if (registry.KeyOf(name) is { } key)
        {
            if (!services.GetRequiredService<ActorRegistry>().TryRegister(key, client.Gateway))
            {
                throw new InvalidOperationException($"The actor registry holds an actor under {key.Name} already; give gateway '{name}' a key "
                    + "type of its own (AddActorGateway<TKey>).");
            }
        }

        return client;
    }

    private SessionOptions SessionOptionsOf(string name)
    {
        var who = sessionOptions.Get(name);
        return new SessionOptions
        {
            Gateway = options.Get(name),
            ClientId = who.ClientId ?? "",
            ClientSecret = who.ClientSecret ?? "",
            AccessToken = who.AccessToken ?? "",
            RefreshToken = who.RefreshToken,
            Environment = who.Environment,
        };
    }
}
