using System.CommandLine;
using System.CommandLine.Help;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using ActorGateway.Simulator;
using Microsoft.Extensions.Logging;
using ActorGateway.TestKit;
using Spectre.Console;

namespace ActorGateway.Cli.Tests;

public sealed partial class SimulatorCommandTests
{
    [Fact]
    public void Simulator_command_offers_the_options_of_the_simulator_executable_and_cert_out()
    {
        // The simulator's command line is internal to it; its executable's root command is built the way Main builds it.
        var build = typeof(SimulatorOptions).Assembly.GetType("ActorGateway.Simulator.Hosting.SimulatorCommandLine")!.GetMethod("Build")!;
        Func<SimulatorOptions, LogLevel, CancellationToken, Task<int>> run = (_, _, _) => Task.FromResult(0);
        var own = ((RootCommand)build.Invoke(null, [run])!).Options
            .Where(o => o is not HelpOption and not VersionOption).Select(o => o.Name);
        var root = CliRoot.Build(new Common.CliContext(AnsiConsole.Create(new AnsiConsoleSettings()), TimeProvider.System, Plain: true));

        var command = root.Subcommands.Single(c => c.Name == "simulator").Options.Select(o => o.Name);

        Assert.Equal(own.Append("--cert-out").Order(), command.Order());
    }

    [Fact]
    public async Task Simulator_command_serves_until_cancelled_then_exits_0()
    {
        var writer = new WatchedWriter("listening on");
        using var stop = new CancellationTokenSource();
        var run = CliRun.InvokeAsync(writer, ["simulator", "--port", "0", "--no-tls", "--seed", "3"], stop.Token);

        var text = await writer.Seen.OrTimeout();
        var port = int.Parse(Listening().Match(text).Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture);
        using (var client = new TcpClient())
        {
            await client.ConnectAsync("127.0.0.1", port);
            Assert.True(client.Connected);
        }

        await stop.CancelAsync();
        var (exitCode, _) = await run.OrTimeout();

        Assert.Equal(0, exitCode);
    }

    [GeneratedRegex(@"listening on 127\.0\.0\.1:(?<port>\d+) \(tcp\)")]
    private static partial Regex Listening();
}
