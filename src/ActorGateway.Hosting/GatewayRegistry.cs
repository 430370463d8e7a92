using Microsoft.Extensions.Configuration;

namespace ActorGateway.Hosting;

/// <summary>
/// The gateways and sessions registered in one service collection: each name with the configuration section it binds,
/// whether it is a session, and the registry key of its actor. Filled while services are added, read-only once the
/// provider is built.
/// </summary>
internal sealed class GatewayRegistry
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Names => _entries.Keys;

    public bool Contains(string name) => _entries.ContainsKey(name);

    /// <summary>The configuration path the gateway's options come from, e.g. <c>ActorGateway:Gateways:live</c>.</summary>
    public string SectionOf(string name) => _entries[name].Path;

    /// <summary>The section given to <c>AddActorGateway</c>; null when the host's configuration is read at that path.</summary>
    public IConfiguration? ExplicitSectionOf(string name) => _entries[name].Section;

    /// <summary>True for a name added with <c>AddActorGatewaySession</c>.</summary>
    public bool IsSession(string name) => _entries[name].IsSession;

    /// <summary>The Akka.Hosting registry key of the gateway's actor; null for none.</summary>
    public Type? KeyOf(string name) => _entries[name].Key;

    /// <exception cref="InvalidOperationException">A gateway or session of that name was registered already.</exception>
    public void Add(string name, string sectionPath, IConfiguration? section, bool isSession, Type? key)
    {
        if (!_entries.TryAdd(name, new Entry(sectionPath, section, isSession, key)))
        {
            throw new InvalidOperationException(
                $"A gateway named '{name}' is registered already; give each AddActorGateway a distinct name.");
        }
    }

    private sealed record Entry(string Path, IConfiguration? Section, bool IsSession, Type? Key);
}
