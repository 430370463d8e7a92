using System.Security.Cryptography.X509Certificates;
using ActorGateway.TestKit;

namespace ActorGateway.IntegrationTests.Core;

/// <summary>
/// The gateway against the simulator over TLS: a certificate that is self-signed and not pinned, for another host,
/// expired, or another server's pinned one is refused, each naming why; the same certificate is accepted only when the
/// client explicitly allows untrusted certificates.
/// </summary>
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
        Assert.Contains("(untrusted chain)", error.Message, StringComparison.Ordinal);
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

    [Fact]
    public async Task A_pinned_certificate_for_another_host_is_refused_unless_untrusted_certificates_are_allowed()
    {
        // For elsewhere.example (and 127.0.0.1), reached as localhost: pinning the certificate does not waive the host.
        using var certificate = TestCertificates.CreateSelfSigned("elsewhere.example");

        var error = await RefusedThenAllowedAsync(certificate, pinned: certificate);

        Assert.Contains("is for 'elsewhere.example', '127.0.0.1', not 'localhost' (name mismatch)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pinned_certificate_that_expired_is_refused_unless_untrusted_certificates_are_allowed()
    {
        using var certificate = TestCertificates.CreateExpired("localhost");

        var error = await RefusedThenAllowedAsync(certificate, pinned: certificate);

        Assert.Contains("expired on", error.Message, StringComparison.Ordinal);
        Assert.Contains("(expired)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_servers_pinned_certificate_is_refused_unless_untrusted_certificates_are_allowed()
    {
        using var served = TestCertificates.CreateSelfSigned("localhost");
        using var another = TestCertificates.CreateSelfSigned("localhost");
        using var anotherPublic = X509CertificateLoader.LoadCertificate(another.RawData);

        var error = await RefusedThenAllowedAsync(served, pinned: anotherPublic);

        Assert.Contains("(untrusted chain)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_servers_own_certificate_pinned_is_accepted()
    {
        using var certificate = TestCertificates.CreateSelfSigned("localhost");
        await using var exchange = await StartWithAsync(certificate);
        var client = exchange.CreateClient(o => ReachAsLocalhost(o, exchange, certificate));

        await client.AuthorizeApplicationAsync(SimulatedExchange.ClientId, SimulatedExchange.ClientSecret).OrTimeout();

        Assert.Equal(ConnectionState.Connected, client.State);
    }

    // The simulator serves `served`; a client pinning `pinned` is refused, then one allowing untrusted certificates gets in.
    private static async Task<GatewayConnectionException> RefusedThenAllowedAsync(X509Certificate2 served, X509Certificate2 pinned)
    {
        await using var exchange = await StartWithAsync(served);
        var strict = exchange.CreateClient(o => ReachAsLocalhost(o, exchange, pinned));
        var lax = exchange.CreateClient(o =>
        {
            ReachAsLocalhost(o, exchange, null);
            o.Tls.AllowUntrustedCertificate = true;
        });

        var error = await Assert.ThrowsAsync<GatewayConnectionException>(() => strict.ConnectAsync().OrTimeout());
        await lax.AuthorizeApplicationAsync(SimulatedExchange.ClientId, SimulatedExchange.ClientSecret).OrTimeout();

        Assert.Equal(ConnectionFailureKind.TlsFailure, error.Kind);
        Assert.NotEqual(ConnectionState.Connected, strict.State);
        Assert.Equal(ConnectionState.Connected, lax.State);
        return error;
    }

    private static void ReachAsLocalhost(GatewayOptions options, SimulatedExchange exchange, X509Certificate2? pinned)
    {
        options.Hosts = [$"localhost:{exchange.Server.EndPoint.Port}"];
        options.Tls.TrustedCertificate = pinned;
        options.RetryPolicy = new RecordingRetryPolicy(_ => null);
    }

    // The simulator reads its certificate from a PKCS#12 file, as its --cert option does; the file goes once it is read.
    private static async Task<SimulatedExchange> StartWithAsync(X509Certificate2 certificate)
    {
        var file = Path.Combine(Path.GetTempPath(), $"actorgateway-tls-{Guid.NewGuid():N}.pfx");
        await File.WriteAllBytesAsync(file, certificate.Export(X509ContentType.Pkcs12));
        try
        {
            return await SimulatedExchange.StartAsync(tls: true, o => o.CertificatePath = file);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
