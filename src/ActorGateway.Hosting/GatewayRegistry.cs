using Microsoft.Extensions.Configuration;

namespace ActorGateway.Hosting;

/// <summary>
/// The gateways registered in one service collection: each name with the configuration section it binds. Filled while
/// services are added, read-only once the provider is built.
/// </summary>
internal sealed class GatewayRegistry
{
    private readonly Dictionary<string, (string Path, IConfiguration? Section)> _sections = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Names => _sections.Keys;

    public bool Contains(string name) => _sections.ContainsKey(name);

    /// <summary>The configuration path the gateway's options come from, e.g. <c>ActorGateway:Gateways:live</c>.</summary>
    public string SectionOf(string name) => _sections[name].Path;

    /// <summary>The section given to <c>AddActorGateway</c>; null when the host's configuration is read at that path.</summary>
    public IConfiguration? ExplicitSectionOf(string name) => _sections[name].Section;

    /// <exception cref="InvalidOperationException">A gateway of that name was registered already.</exception>
    public void Add(string name, string sectionPath, IConfiguration? section)
    {
        if (!_sections.TryAdd(name, (sectionPath, section)))
        {
            throw new InvalidOperationException(
                $"A gateway named '{name}' is registered already; give each AddActorGateway a distinct name.");
        }
    }
}
