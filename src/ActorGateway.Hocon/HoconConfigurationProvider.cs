using Microsoft.Extensions.Configuration;

namespace ActorGateway.Hocon;

internal sealed class HoconConfigurationProvider(Func<HoconData> load) : ConfigurationProvider
{
    private HashSet<string> _fromEnvironment = [];

    public override void Load()
    {
        var data = load();
        Data = data.Values;
        _fromEnvironment = data.FromEnvironment;
    }

    /// <summary>True when the key's value is an environment variable's, substituted whole (<c>key = ${?VARIABLE}</c>).</summary>
    public bool IsFromEnvironment(string key) => _fromEnvironment.Contains(key);
}
