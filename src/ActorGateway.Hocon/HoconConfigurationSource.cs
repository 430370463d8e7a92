using Microsoft.Extensions.Configuration;

namespace ActorGateway.Hocon;

/// <summary>A configuration source whose data comes from one HOCON document, read when the configuration is built.</summary>
internal sealed class HoconConfigurationSource(Func<HoconData> load) : IConfigurationSource
{
    public IConfigurationProvider Build(IConfigurationBuilder builder) => new HoconConfigurationProvider(load);
}
