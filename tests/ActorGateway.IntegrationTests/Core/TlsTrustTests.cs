using ActorGateway.TestKit;

namespace ActorGateway.IntegrationTests.Core;

/// <summary>The simulator's self-signed certificate: refused by default, accepted when pinned or explicitly allowed.</summary>
public sealed class TlsTrustTests
{
    [Fact]
    public async Task An_untrusted_certificate_is_refused_by_default()
    {
        await using var exchange = await SimulatedExchange.StartAsync(tls: true);
        var client = exchange.CreateClient(o =>
        {
            o.Tls.TrustedCertificate = null;
            o.RetryPolicy = new RecordingRetryPolicy(_ => null);
        });

        var error = await Assert.ThrowsAsync<GatewayConnectionException>(() => client.ConnectAsync().OrTimeout());

        Assert.Equal(ConnectionFailureKind.TlsFailure, error.Kind);
    }

    [Fact]
    public async Task An_untrusted_certificate_is_accepted_when_explicitly_allowed()
    {
        await using var exchange = await SimulatedExchange.StartAsync(tls: true);
        var client = exchange.CreateClient(o =>
        {
            o.Tls.TrustedCertificate = null;
            o.Tls.AllowUntrustedCertificate = true;
        });

        await client.AuthorizeApplicationAsync(SimulatedExchange.ClientId, SimulatedExchange.ClientSecret).OrTimeout();

        Assert.Equal(ConnectionState.Connected, client.State);
    }
}
