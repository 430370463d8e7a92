using System.Collections.Concurrent;
using ActorGateway.Session;
using Akka;
using Akka.Actor;

namespace ActorGateway.Hosting;

/// <summary>
/// The gateways and sessions living in one actor system, by name, as an Akka extension: what
/// <c>WithActorGateway</c> and <c>AddActorGateway</c> create, and what the system's coordinated shutdown disposes
/// (pending requests then fail with <see cref="ConnectionFailureKind.Disposed"/>) before the system stops.
/// </summary>
public sealed class ActorGateways : IExtension
{
    private readonly ActorSystem _system;
    private readonly ConcurrentDictionary<string, IAsyncDisposable> _members = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _actorNames = new(StringComparer.Ordinal);

    internal ActorGateways(ActorSystem system)
    {
        _system = system;
        CoordinatedShutdown.Get(system).AddTask(CoordinatedShutdown.PhaseServiceStop, "actorgateway-dispose", async () =>
        {
            await DisposeAllAsync().ConfigureAwait(false);
            return Done.Instance;
        });
    }

    /// <summary>The names of the gateways and sessions created so far.</summary>
    public IReadOnlyCollection<string> Names => [.. _members.Keys];

    /// <summary>The extension of <paramref name="system"/>.</summary>
    public static ActorGateways Get(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.WithExtension<ActorGateways, ActorGatewaysProvider>();
    }

    /// <summary>The gateway called <paramref name="name"/>.</summary>
    /// <exception cref="InvalidOperationException">There is none, or it is a session (see <see cref="GetSession"/>).</exception>
    public IGatewayClient GetClient(string name) => Get<GatewayClient>(name, "gateway");

    /// <summary>The session called <paramref name="name"/>.</summary>
    /// <exception cref="InvalidOperationException">There is none, or it is a bare gateway (see <see cref="GetClient"/>).</exception>
    public GatewaySession GetSession(string name) => Get<GatewaySession>(name, "session");

    /// <summary>Creates a gateway in the system, as <c>/user/gateway-{options.Name}</c>.</summary>
    /// <exception cref="ArgumentException">The options are not valid; the message names the setting.</exception>
    /// <exception cref="InvalidOperationException">The name, or the actor name, is taken.</exception>
    public GatewayClient AddClient(string name, GatewayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Add(name, options.Name, () => new GatewayClient(_system, options));
    }

    /// <summary>Creates a session whose gateway lives in the system; it connects on its first call.</summary>
    /// <exception cref="ArgumentException">The options are not valid; the message names the setting, never a secret.</exception>
    /// <exception cref="InvalidOperationException">The name, or the gateway's actor name, is taken.</exception>
    public GatewaySession AddSession(string name, SessionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.Gateway);
        return Add(name, options.Gateway.Name, () => new GatewaySession(_system, options));
    }

    /// <summary>Disposes every gateway and session (each once); what they still had pending fails as disposed.</summary>
    internal async Task DisposeAllAsync()
    {
        foreach (var name in _members.Keys.ToList())
        {
            if (_members.TryRemove(name, out var member))
            {
                await member.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private T Add<T>(string name, string actorName, Func<T> create)
        where T : class, IAsyncDisposable
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!_actorNames.TryAdd(actorName, name))
        {
            throw new InvalidOperationException($"The gateway actor name 'gateway-{actorName}' is taken by '{_actorNames[actorName]}' in "
                + $"actor system {_system.Name}; give '{name}' a distinct GatewayOptions.Name.");
        }

        if (_members.ContainsKey(name))
        {
            _actorNames.TryRemove(actorName, out _);
            throw new InvalidOperationException($"A gateway or session named '{name}' exists already in actor system {_system.Name}.");
        }

        try
        {
            var member = create();
            _members[name] = member;
            return member;
        }
        catch
        {
            _actorNames.TryRemove(actorName, out _);
            throw;
        }
    }

    private T Get<T>(string name, string kind)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(name);
        return _members.TryGetValue(name, out var member) && member is T found
            ? found
            : throw new InvalidOperationException($"Actor system {_system.Name} has no {kind} named '{name}'; it has: "
                + $"{string.Join(", ", _members.Keys.Select(n => $"'{n}'"))}.");
    }
}
