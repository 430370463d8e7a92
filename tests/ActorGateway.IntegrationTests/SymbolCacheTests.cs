using ActorGateway.IntegrationTests.Support;
using ActorGateway.TestKit;

namespace ActorGateway.IntegrationTests;

public sealed class SymbolCacheTests
{
    [Fact]
    public async Task GetSymbolIdAsync_maps_names_to_ids_and_details_are_asked_once()
    {
        await using var host = await SessionHost.StartAsync();
        var session = host.CreateSession();

        var eurusd = await session.GetSymbolIdAsync(SessionHost.Demo1, "eurusd").OrTimeout();
        var details = await session.GetSymbolAsync(SessionHost.Demo1, eurusd).OrTimeout();
        var again = await session.GetSymbolAsync(SessionHost.Demo1, eurusd).OrTimeout();

        Assert.Equal(1, eurusd);
        Assert.Equal(5, details.Digits);
        Assert.Same(details, again);
        await Assert.ThrowsAsync<ArgumentException>(() => session.GetSymbolIdAsync(SessionHost.Demo1, "NOPE").OrTimeout());
    }
}
