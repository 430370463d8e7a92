using Microsoft.Extensions.Configuration;

namespace ActorGateway.Hocon;

internal sealed class HoconConfigurationProvider(Func<Dictionary<string, string?>> load) : ConfigurationProvider
{
    public override void Load() => Data = load();
}
