using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using ActorGateway.TestKit;

namespace ActorGateway.Cli.Tests;

public sealed class ConnectCommandTests
{
    private const string WrongSecret = "not-the-demo-secret";

    [Fact]
    public async Task Connect_version_prints_the_server_version()
    {
        var (exitCode, output) = await ConnectAsync("demo-secret", ["version"]);

        Assert.True(exitCode == 0, output);
        Assert.Contains("server version sim-91", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_accounts_lists_the_accounts_of_the_token()
    {
        var (exitCode, output) = await ConnectAsync("demo-secret", ["accounts"]);

        Assert.True(exitCode == 0, output);
        Assert.Matches(@"1001\s.*5001001\s.*demo", output);
        Assert.Matches(@"2001\s.*7002001\s.*live", output);
    }

    [Fact]
    public async Task Connect_symbols_lists_the_symbols_of_the_account()
    {
        var (exitCode, output) = await ConnectAsync("demo-secret", ["symbols"]);

        Assert.True(exitCode == 0, output);
        Assert.Matches(@"1\s.*EURUSD", output);
        Assert.Matches(@"13\s.*ETHUSD", output);
    }

    [Fact]
    public async Task Connect_spots_shows_bid_and_ask_of_the_symbols()
    {
        var (exitCode, output) = await ConnectAsync("demo-secret", ["spots", "eurusd", "XAUUSD", "--seconds", "1"]);

        Assert.True(exitCode == 0, output);
        Assert.Matches(@"EURUSD\s.*\d\.\d{5}\s.*\d\.\d{5}", output);
        Assert.Matches(@"XAUUSD\s.*\d\.\d{2}\s", output);
    }

    [Fact]
    public async Task Connect_order_places_a_market_order_and_shows_its_fill()
    {
        var (exitCode, output) = await ConnectAsync("demo-secret", ["order", "EURUSD", "buy", "1000"]);

        Assert.True(exitCode == 0, output);
        Assert.Contains("account 1001 authorized", output, StringComparison.Ordinal);
        Assert.Contains("ORDER_FILLED", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_with_a_wrong_secret_fails_in_one_line_without_the_secret()
    {
        var (exitCode, output) = await ConnectAsync(WrongSecret, ["version"]);

        Assert.Equal(4, exitCode);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith("error: the server refused the request: CH_CLIENT_AUTH_FAILURE", lines[^1], StringComparison.Ordinal);
        Assert.Single(lines, l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("at ", StringComparison.Ordinal));
        Assert.DoesNotContain(WrongSecret, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_with_verbose_shows_the_whole_exception()
    {
        var (exitCode, output) = await ConnectAsync(WrongSecret, ["version", "--verbose"]);

        Assert.Equal(4, exitCode);
        Assert.Contains(nameof(GatewayRejectedException), output, StringComparison.Ordinal);
        Assert.DoesNotContain(WrongSecret, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_with_a_malformed_config_file_names_file_line_and_column()
    {
        await using var simulator = await LocalSimulator.StartAsync();
        var config = await simulator.WriteConfAsync("connect {\n  client-id = [\n");

        var (exitCode, output) = await CliRun.InvokeAsync("connect", "--config", config, "version").OrTimeout();

        Assert.Equal(2, exitCode);
        Assert.Matches($@"^error: configuration: {Regex.Escape(config)}:\d+:\d+: ", output.Trim());
    }

    [Fact]
    public async Task Connect_to_a_closed_port_fails_in_one_line()
    {
        var (exitCode, output) = await ConnectAsync("demo-secret", ["version"], ClosedEndpoint());

        Assert.Equal(3, exitCode);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith("error: connection failed (ConnectFailed)", lines[^1], StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.StartsWith("at ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Connect_with_an_unknown_symbol_names_it()
    {
        var (exitCode, output) = await ConnectAsync("demo-secret", ["spots", "NOPE"]);

        Assert.Equal(2, exitCode);
        Assert.Contains("error: Unknown symbol 'NOPE'.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_with_a_host_whose_port_is_not_a_number_says_what_host_takes()
    {
        var (exitCode, output) = await ConnectAsync("demo-secret", ["version"], "127.0.0.1:abc");

        Assert.Equal(2, exitCode);
        Assert.Equal("error: --host takes HOST or HOST:PORT (a port from 1 to 65535), not '127.0.0.1:abc'.", output.Trim());
    }

    [Theory]
    [InlineData("-1000")]
    [InlineData("0")]
    public async Task Connect_order_with_a_volume_that_is_not_positive_is_refused_before_connecting(string volume)
    {
        // A closed port: had the command tried to send the order, it would have failed to connect (exit 3) instead.
        var (exitCode, output) = await ConnectAsync("demo-secret", ["order", "EURUSD", "buy", volume], ClosedEndpoint());

        Assert.Equal(2, exitCode);
        Assert.Equal($"error: The volume must be a positive number of units, not {volume}.", output.Trim());
    }

    [Fact]
    public async Task Connect_order_below_the_symbols_minimum_is_refused_in_units()
    {
        var (exitCode, output) = await ConnectAsync("demo-secret", ["order", "EURUSD", "buy", "5"]);

        Assert.Equal(2, exitCode);
        Assert.Contains("error: EURUSD takes at least 1000 units; 5 is too little.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_order_shows_the_volume_in_the_units_it_was_given()
    {
        var (exitCode, output) = await ConnectAsync("demo-secret", ["order", "EURUSD", "sell", "2000"]);

        Assert.True(exitCode == 0, output);
        Assert.Matches(@"ORDER_FILLED\s.*SELL\s.*\s2000\s", output);
        Assert.DoesNotMatch(@"\s200000\s", output);
    }

    [Fact]
    public async Task Connect_to_a_server_whose_certificate_is_not_trusted_hints_at_trust_cert_and_insecure()
    {
        await using var simulator = await LocalSimulator.StartAsync();
        var config = await simulator.WriteCredentialsAsync();

        var (exitCode, output) = await CliRun.InvokeAsync("connect", "--config", config, "--host", simulator.Endpoint, "version")
            .OrTimeout();

        Assert.Equal(3, exitCode);
        var error = Assert.Single(output.Split('\n'), l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.StartsWith("error: connection failed (TlsFailure)", error, StringComparison.Ordinal);
        Assert.Contains("--trust-cert FILE", error, StringComparison.Ordinal);
        Assert.Contains("--cert-out FILE", error, StringComparison.Ordinal);
        Assert.Contains("--insecure", error, StringComparison.Ordinal);
    }

    private static string ClosedEndpoint()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var closedPort = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return $"127.0.0.1:{closedPort}";
    }

    private static async Task<(int ExitCode, string Output)> ConnectAsync(string secret, string[] command, string? host = null)
    {
        await using var simulator = await LocalSimulator.StartAsync();
        var config = await simulator.WriteCredentialsAsync(secret);
        return await CliRun.InvokeAsync(
            ["connect", "--config", config, "--host", host ?? simulator.Endpoint, "--trust-cert", simulator.CertificatePath, .. command])
            .OrTimeout();
    }
}
