using System.Security.Cryptography.X509Certificates;
using ActorGateway.Protocol.Messages;
using ActorGateway.TestKit;
using ActorGateway.Tests.Support;
using ActorGateway.Transport;

namespace ActorGateway.Tests.Transport;

public sealed class SocketTransportTests
{
    [Fact]
    public async Task AskAsync_over_plain_TCP_gets_its_reply()
    {
        await using var server = new LoopbackServer();
        await using var client = Client(server, tls => tls.Enabled = false);

        var reply = await client.AskAsync<ProtoOAVersionRes>(new ProtoOAVersionReq()).OrTimeout();

        Assert.Equal("loopback", reply.Version);
    }

    [Fact]
    public async Task AskAsync_pipelined_over_TCP_each_gets_its_own_reply()
    {
        await using var server = new LoopbackServer();
        await using var client = Client(server, tls => tls.Enabled = false, throttle: false);

        var asking = Enumerable.Range(0, 2000).Select(_ => client.AskAsync<ProtoOAVersionRes>(new ProtoOAVersionReq()));
        var replies = await Task.WhenAll(asking).OrTimeout();

        Assert.Equal(2000, replies.Length);
        Assert.All(replies, r => Assert.Equal("loopback", r.Version));
    }

    [Fact]
    public async Task ConnectAsync_over_TLS_refuses_an_untrusted_certificate()
    {
        using var certificate = TestCertificates.CreateSelfSigned("localhost");
        await using var server = new LoopbackServer(certificate);
        var logs = new LogCollector().Expect(1003).Expect(1006);
        await using var client = Client(server, _ => { }, logs: logs);

        var error = await Assert.ThrowsAsync<GatewayConnectionException>(() => client.ConnectAsync().OrTimeout());

        Assert.Equal(ConnectionFailureKind.TlsFailure, error.Kind);
        logs.AssertNoUnexpectedEntries();
    }

    [Fact]
    public async Task ConnectAsync_over_TLS_accepts_an_untrusted_certificate_when_allowed()
    {
        using var certificate = TestCertificates.CreateSelfSigned("localhost");
        await using var server = new LoopbackServer(certificate);
        await using var client = Client(server, tls => tls.AllowUntrustedCertificate = true);

        var reply = await client.AskAsync<ProtoOAVersionRes>(new ProtoOAVersionReq()).OrTimeout();

        Assert.Equal("loopback", reply.Version);
    }

    [Fact]
    public async Task ConnectAsync_over_TLS_trusts_the_certificate_in_the_configured_file()
    {
        using var certificate = TestCertificates.CreateSelfSigned("localhost");
        var file = Path.Combine(Path.GetTempPath(), $"actorgateway-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(file, TestCertificates.ToPem(certificate));
        try
        {
            await using var server = new LoopbackServer(certificate);
            await using var client = Client(server, tls => tls.TrustedCertificatePath = file);

            var reply = await client.AskAsync<ProtoOAVersionRes>(new ProtoOAVersionReq()).OrTimeout();

            Assert.Equal("loopback", reply.Version);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task ConnectAsync_over_TLS_trusts_a_server_certificate_issued_by_the_configured_authority()
    {
        using var authority = TestCertificates.CreateAuthority();
        using var certificate = TestCertificates.CreateIssuedBy(authority, "localhost");
        await using var server = new LoopbackServer(certificate);
        using var publicAuthority = X509CertificateLoader.LoadCertificate(authority.RawData);
        await using var client = Client(server, tls => tls.TrustedCertificate = publicAuthority);

        var reply = await client.AskAsync<ProtoOAVersionRes>(new ProtoOAVersionReq()).OrTimeout();

        Assert.Equal("loopback", reply.Version);
    }

    [Fact]
    public async Task ConnectAsync_over_TLS_refuses_a_certificate_issued_by_another_authority()
    {
        using var authority = TestCertificates.CreateAuthority();
        using var stranger = TestCertificates.CreateAuthority("Someone Else");
        using var certificate = TestCertificates.CreateIssuedBy(stranger, "localhost");
        await using var server = new LoopbackServer(certificate);
        var logs = new LogCollector().Expect(1003).Expect(1006);
        await using var client = Client(server, tls => tls.TrustedCertificate = authority, logs: logs);

        var error = await Assert.ThrowsAsync<GatewayConnectionException>(() => client.ConnectAsync().OrTimeout());

        Assert.Equal(ConnectionFailureKind.TlsFailure, error.Kind);
    }

    [Fact]
    public void Constructor_with_an_unreadable_trusted_certificate_file_names_the_setting()
    {
        var options = new GatewayOptions { Tls = { TrustedCertificatePath = "/nonexistent/ca.pem" } };

        var error = Assert.Throws<ArgumentException>(() => new GatewayClient(options));

        Assert.Contains("TrustedCertificatePath", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectAsync_over_TLS_with_a_trusted_certificate_still_checks_the_host_name()
    {
        using var certificate = TestCertificates.CreateSelfSigned("elsewhere.example");
        await using var server = new LoopbackServer(certificate);
        var logs = new LogCollector().Expect(1003).Expect(1006);
        await using var client = Client(server, tls => tls.TrustedCertificate = certificate, logs: logs);

        var error = await Assert.ThrowsAsync<GatewayConnectionException>(() => client.ConnectAsync().OrTimeout());

        Assert.Equal(ConnectionFailureKind.TlsFailure, error.Kind);
    }

    [Fact]
    public async Task ConnectAsync_to_a_closed_port_fails_as_connect_failed()
    {
        int port;
        await using (var server = new LoopbackServer())
        {
            port = server.Port;
        }

        var logs = new LogCollector().Expect(1003).Expect(1006);
        await using var client = new GatewayClient(new GatewayOptions
        {
            Hosts = [$"127.0.0.1:{port}"], Tls = { Enabled = false }, Reconnect = { Enabled = false }, LoggerFactory = logs,
        });

        var error = await Assert.ThrowsAsync<GatewayConnectionException>(() => client.ConnectAsync().OrTimeout());
        Assert.Equal(ConnectionFailureKind.ConnectFailed, error.Kind);
    }

    [Fact]
    public async Task A_certificate_for_another_host_is_refused_naming_both_hosts()
    {
        using var certificate = TestCertificates.CreateSelfSigned("elsewhere.example");
        await using var server = new LoopbackServer(certificate);

        var error = await RefusedAsync(server, trustAnchor: certificate);

        Assert.Equal($"The TLS handshake with localhost:{server.Port} failed: the server's certificate is for "
            + "'elsewhere.example', '127.0.0.1', not 'localhost' (name mismatch).", error.Message);
    }

    [Fact]
    public async Task A_self_signed_certificate_the_system_does_not_trust_is_refused_as_an_untrusted_chain()
    {
        using var certificate = TestCertificates.CreateSelfSigned("localhost");
        await using var server = new LoopbackServer(certificate);

        var error = await RefusedAsync(server, trustAnchor: null);

        Assert.Equal($"The TLS handshake with localhost:{server.Port} failed: the server's certificate 'CN=localhost' is "
            + "self-signed and not trusted (untrusted chain).", error.Message);
    }

    [Fact]
    public async Task A_certificate_from_another_authority_is_refused_naming_that_authority()
    {
        using var authority = TestCertificates.CreateAuthority();
        using var stranger = TestCertificates.CreateAuthority("Someone Else");
        using var certificate = TestCertificates.CreateIssuedBy(stranger, "localhost");
        await using var server = new LoopbackServer(certificate);

        var error = await RefusedAsync(server, trustAnchor: authority);

        Assert.Equal($"The TLS handshake with localhost:{server.Port} failed: the server's certificate is issued by "
            + "'CN=Someone Else', which is not trusted (untrusted chain).", error.Message);
    }

    [Fact]
    public async Task An_expired_certificate_is_refused_with_the_day_it_expired()
    {
        using var certificate = TestCertificates.CreateExpired("localhost");
        await using var server = new LoopbackServer(certificate);

        var error = await RefusedAsync(server, trustAnchor: certificate);

        Assert.Equal($"The TLS handshake with localhost:{server.Port} failed: the server's certificate expired on "
            + $"{Utc(certificate.NotAfter)} (expired).", error.Message);
    }

    [Fact]
    public async Task A_certificate_not_yet_valid_is_refused_with_the_day_it_starts()
    {
        using var certificate = TestCertificates.CreateNotYetValid("localhost");
        await using var server = new LoopbackServer(certificate);

        var error = await RefusedAsync(server, trustAnchor: certificate);

        Assert.Equal($"The TLS handshake with localhost:{server.Port} failed: the server's certificate is not valid before "
            + $"{Utc(certificate.NotBefore)} (not yet valid).", error.Message);
    }

    [Fact]
    public async Task An_expired_certificate_for_another_host_is_refused_for_both_reasons()
    {
        using var certificate = TestCertificates.CreateExpired("elsewhere.example");
        await using var server = new LoopbackServer(certificate);

        var error = await RefusedAsync(server, trustAnchor: certificate);

        Assert.Contains("(name mismatch); the server's certificate expired on", error.Message, StringComparison.Ordinal);
    }

    // Straight through the socket factory, so the message is the transport's own.
    private static async Task<GatewayConnectionException> RefusedAsync(LoopbackServer server, X509Certificate2? trustAnchor)
    {
        var factory = new SocketTransportFactory(new TlsSettings(Enabled: true, AllowUntrustedCertificate: false, trustAnchor));

        var error = await Assert.ThrowsAsync<GatewayConnectionException>(
            () => factory.ConnectAsync("localhost", server.Port, CancellationToken.None).AsTask().OrTimeout());

        Assert.Equal(ConnectionFailureKind.TlsFailure, error.Kind);
        return error;
    }

    private static string Utc(DateTime local) =>
        local.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", System.Globalization.CultureInfo.InvariantCulture);

    private static GatewayClient Client(LoopbackServer server, Action<TlsOptions> tls, bool throttle = true, LogCollector? logs = null)
    {
        var options = new GatewayOptions
        {
            Hosts = [$"localhost:{server.Port}"],
            Reconnect = { Enabled = false },
            Throttle = { Enabled = throttle },
            LoggerFactory = logs,
        };
        tls(options.Tls);
        return new GatewayClient(options);
    }
}
