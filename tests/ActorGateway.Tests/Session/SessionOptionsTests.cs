using ActorGateway.Protocol.Messages;
using ActorGateway.Session;
using ActorGateway.TestKit;
using ActorGateway.Tests.Support;

namespace ActorGateway.Tests.Session;

public sealed class SessionOptionsTests
{
    [Fact]
    public void Validate_missing_secret_names_the_setting_not_a_value()
    {
        var options = new SessionOptions { ClientId = "id", AccessToken = "token-value" };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains("ClientSecret", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("token-value", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(OpenApiEndpoints.LiveHost, GatewayEnvironment.Live)]
    [InlineData(OpenApiEndpoints.DemoHost, GatewayEnvironment.Demo)]
    [InlineData("127.0.0.1:5035", GatewayEnvironment.Demo)]
    public async Task Environment_follows_the_host_unless_set(string host, GatewayEnvironment expected)
    {
        await using var session = new GatewaySession(new SessionOptions
        {
            ClientId = "id", ClientSecret = "secret", AccessToken = "token",
            Gateway = new GatewayOptions { Hosts = [host], TransportFactory = new InMemoryTransportFactory() },
        });

        Assert.Equal(expected, session.Environment);
    }

    [Fact]
    public async Task AskAsync_message_that_is_not_a_request_is_refused_at_once_without_starting_the_session()
    {
        await using var harness = new SessionHarness();

        var refused = Assert.Throws<ArgumentException>(() =>
        {
            _ = harness.Session.AskAsync<ProtoOAVersionRes>(new ProtoOASpotEvent { CtidTraderAccountId = 1, SymbolId = 1 });
        });

        Assert.Contains("ProtoOASpotEvent is not a request", refused.Message, StringComparison.Ordinal);
        Assert.Equal(ConnectionState.Idle, harness.Session.State);
    }
}
