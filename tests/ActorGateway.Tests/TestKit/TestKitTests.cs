using ActorGateway.Protocol.Messages;
using ActorGateway.TestKit;
using Microsoft.Extensions.Logging;

namespace ActorGateway.Tests.TestKit;

public sealed class TestKitTests
{
    [Fact]
    public async Task TestProbe_ExpectAsync_returns_items_in_order_and_fails_on_the_wrong_type_or_silence()
    {
        var probe = new TestProbe<object>();
        probe.Tell("first");
        probe.Tell(2);

        Assert.Equal("first", await probe.ExpectAsync<string>());
        var wrong = await Assert.ThrowsAsync<TestKitException>(() => probe.ExpectAsync<string>());
        Assert.Contains("Int32", wrong.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<TestKitException>(() => probe.ExpectAsync(TimeSpan.FromMilliseconds(20)));
    }

    [Fact]
    public async Task TestProbe_ExpectNoMessageAsync_fails_when_something_arrives()
    {
        var probe = new TestProbe<int>();
        await probe.ExpectNoMessageAsync(TimeSpan.FromMilliseconds(20));
        probe.Tell(1);

        await Assert.ThrowsAsync<TestKitException>(() => probe.ExpectNoMessageAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void LogCollector_fails_on_an_undeclared_warning_but_not_on_a_declared_one_or_on_information()
    {
        var logs = new LogCollector();
        var logger = logs.CreateLogger("test");
        Write(logger, LogLevel.Information, 6, "fine");
        Write(logger, LogLevel.Warning, 7, "declared");
        logs.Expect(7);
        logs.AssertNoUnexpectedEntries();

        Write(logger, LogLevel.Error, 8, "surprise");

        var error = Assert.Throws<TestKitException>(logs.AssertNoUnexpectedEntries);
        Assert.Contains("surprise", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, logs.Entries.Count);
    }

    [Fact]
    public async Task InMemoryServer_reads_the_exact_frames_the_client_wrote_and_sees_it_close()
    {
        var factory = new InMemoryTransportFactory();
        await using var client = await factory.ConnectAsync("h", 1, CancellationToken.None);
        var server = await factory.AcceptAsync();

        Protocol.Framing.FrameCodec.WriteMessage(client.Output, new ProtoOAVersionReq(), "9");
        await client.Output.FlushAsync();
        var (_, id) = await server.ExpectAsync<ProtoOAVersionReq>();
        Protocol.Framing.FrameCodec.WriteMessage(client.Output, new ProtoOAVersionReq(), "10");
        await client.Output.FlushAsync();
        var wrong = await Assert.ThrowsAsync<TestKitException>(() => server.ExpectAsync<ProtoOATraderReq>());
        await client.Output.CompleteAsync();

        Assert.Equal("9", id);
        Assert.Contains("ProtoOAVersionReq", wrong.Message, StringComparison.Ordinal);
        await server.ExpectClosedAsync();
        Assert.Equal(new GatewayEndpoint("h", 1), server.Endpoint);
    }

    [Fact]
    public async Task TestTimeouts_OrTimeout_throws_a_timeout_naming_the_bound()
    {
        var never = new TaskCompletionSource();

        var error = await Assert.ThrowsAsync<TimeoutException>(() => never.Task.OrTimeout(TimeSpan.FromMilliseconds(10)));

        Assert.Contains("00:00:00.01", error.Message, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(10) * TestTimeouts.TimeFactor, TestTimeouts.Default);
    }

    [Fact]
    public void TestCertificates_CreateSelfSigned_has_a_private_key_and_the_host_name()
    {
        using var certificate = TestCertificates.CreateSelfSigned("sim.local");

        Assert.True(certificate.HasPrivateKey);
        Assert.Equal("CN=sim.local", certificate.Subject);
        Assert.StartsWith("-----BEGIN CERTIFICATE-----", TestCertificates.ToPem(certificate), StringComparison.Ordinal);
    }

    private static void Write(ILogger logger, LogLevel level, int id, string message) =>
        logger.Log(level, new EventId(id), message, null, static (m, _) => m);
}
