using System.Text.RegularExpressions;
using ActorGateway.TestKit;

namespace ActorGateway.Cli.Tests;

/// <summary><c>connect spots</c> rides out dropped connections: the session re-authorizes and re-subscribes by itself.</summary>
public sealed partial class ConnectDropTests
{
    private const int Drops = 2;

    [Fact]
    public async Task Connect_spots_keeps_showing_spots_after_each_dropped_connection_and_says_it_reconnected()
    {
        await using var simulator = await LocalSimulator.StartAsync();
        var config = await simulator.WriteCredentialsAsync();
        var writer = new WatchedWriter();
        using var stop = new CancellationTokenSource();
        var run = CliRun.InvokeAsync(writer,
            ["connect", "--config", config, "--host", simulator.Endpoint, "--trust-cert", simulator.CertificatePath,
                "spots", "EURUSD", "--seconds", "0"], stop.Token);

        var spot = await writer.WaitForAsync(SpotLine(), 0).OrTimeout();
        for (var drop = 1; drop <= Drops; drop++)
        {
            simulator.Faults.DropAllConnections();

            // The same stream carries notices and spots in order, so a spot printed after the line came on the new connection.
            var lost = await writer.WaitForAsync(Lost(), spot.Index + spot.Length).OrTimeout();
            var restored = await writer.WaitForAsync(new Regex($@"reconnected: session restored, subscriptions renewed \(reconnect {drop}\)"),
                lost.Index).OrTimeout();
            spot = await writer.WaitForAsync(SpotLine(), restored.Index + restored.Length).OrTimeout();
        }

        await stop.CancelAsync();
        var (exitCode, output) = await run.OrTimeout();

        Assert.True(exitCode == 0, output);
        Assert.DoesNotContain("error:", output, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^EURUSD bid \d+\.\d{5} ask \d+\.\d{5}\r?$", RegexOptions.Multiline)]
    private static partial Regex SpotLine();

    [GeneratedRegex(@"^connection lost \(\w+\); reconnecting\.\.\.", RegexOptions.Multiline)]
    private static partial Regex Lost();
}
