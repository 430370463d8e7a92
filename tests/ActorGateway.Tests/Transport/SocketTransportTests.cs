using System.Security.Cryptography.X509Certificates;
using ActorGateway.Protocol.Messages;
using ActorGateway.TestKit;
using ActorGateway.Tests.Support;

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
