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

    [Fact]
    public async Task Simulator_with_a_missing_config_file_exits_2_in_one_line()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.conf");

        var (exitCode, output) = await CliRun.InvokeAsync("simulator", "--config", missing).OrTimeout();

        Assert.Equal(2, exitCode);
        Assert.Equal($"error: The HOCON configuration file '{missing}' was not found.", output.Trim());
    }

    [Fact]
    public async Task Simulator_with_a_malformed_config_file_names_file_line_and_column()
    {
        var file = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.conf");
        await File.WriteAllTextAsync(file, "simulator {\n  port = [\n");
        try
        {
            var (exitCode, output) = await CliRun.InvokeAsync("simulator", "--config", file).OrTimeout();

            Assert.Equal(2, exitCode);
            Assert.Matches($@"^error: configuration: {Regex.Escape(file)}:\d+:\d+: [^\n]*$", output.Trim());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Simulator_cert_out_writes_the_certificate_that_connect_then_trusts()
    {
        var directory = Directory.CreateTempSubdirectory("cli-cert-out-").FullName;
        var certificate = Path.Combine(directory, "simulator.pem");
        var config = Path.Combine(directory, "credentials.conf");
        await File.WriteAllTextAsync(config,
            "connect { client-id = actorgateway-demo, client-secret = demo-secret, access-token = demo-access-token }");
        var writer = new WatchedWriter();
        using var stop = new CancellationTokenSource();
        var run = CliRun.InvokeAsync(writer, ["simulator", "--port", "0", "--cert-out", certificate], stop.Token);
        try
        {
            var written = await writer.WaitForAsync(new Regex(@"certificate written to (?<path>\S+); connect with --trust-cert"), 0).OrTimeout();
            Assert.Equal(certificate, written.Groups["path"].Value);

            var (exitCode, output) = await CliRun.InvokeAsync("connect", "--config", config, "--host", $"127.0.0.1:{TlsPort(writer.ToString())}",
                "--trust-cert", certificate, "version").OrTimeout();

            Assert.True(exitCode == 0, output);
            Assert.Contains("server version sim-91", output, StringComparison.Ordinal);
        }
        finally
        {
            await stop.CancelAsync();
            await run.OrTimeout();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Simulator_cert_out_without_tls_is_refused()
    {
        var (exitCode, output) = await CliRun.InvokeAsync("simulator", "--port", "0", "--no-tls", "--cert-out", "x.pem").OrTimeout();

        Assert.Equal(2, exitCode);
        Assert.StartsWith("error: --cert-out needs TLS", output.Trim(), StringComparison.Ordinal);
    }

    private static string TlsPort(string text) => Regex.Match(text, @"listening on 127\.0\.0\.1:(?<port>\d+) \(tls\)").Groups["port"].Value;

    [GeneratedRegex(@"listening on 127\.0\.0\.1:(?<port>\d+) \(tcp\)")]
    private static partial Regex Listening();
}
