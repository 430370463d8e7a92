using System.CommandLine;
using System.CommandLine.Help;
using ActorGateway.Cli.Common;
using ActorGateway.Simulator;
using ActorGateway.Simulator.Hosting;
using Microsoft.Extensions.Logging;

namespace ActorGateway.Cli.Simulator;

/// <summary>
/// <c>simulator</c>: the exchange simulator standalone, with the options of its own executable (the same option objects
/// and resolution, borrowed from its command line) and <c>--cert-out</c>, which writes its certificate where a client
/// can trust it. A bad <c>--config</c> file is one line and exit code 2, as everywhere else.
/// </summary>
internal static class SimulatorCommand
{
    public static Command Create(CliContext context)
    {
        var own = SimulatorCommandLine.Build((_, _, _) => Task.FromResult(0));
        var level = own.Options.OfType<Option<LogLevel>>().Single();
        var certOut = new Option<string>("--cert-out")
        {
            Description = "Write the server's TLS certificate (PEM) to this file, for clients to trust with --trust-cert",
        };
        var command = new Command("simulator", own.Description) { certOut };
        foreach (var option in own.Options.Where(o => o is not HelpOption and not VersionOption))
        {
            command.Options.Add(option);
        }

        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(context, verbose: false, ct =>
        {
            var options = SimulatorCommandLine.Resolve(result);
            var certificateFile = result.GetValue(certOut);
            if (certificateFile is not null && !options.UseTls)
            {
                throw new CliException("--cert-out needs TLS: drop --no-tls (or use-tls = false in the configuration).");
            }

            return RunAsync(context, options, result.GetValue(level), certificateFile, ct);
        }, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, SimulatorOptions options, LogLevel level, string? certificateFile,
        CancellationToken cancellationToken)
    {
        using var logging = LoggerFactory.Create(b => b.AddSimpleConsole(c => c.SingleLine = true).SetMinimumLevel(level));
        var server = new SimulatorServer(options, context.Time, logging);
        await using var scope = server.ConfigureAwait(false);
        await server.StartAsync(cancellationToken).ConfigureAwait(false);

        // The listening line stays plain and first, so scripts can read the port from it.
        context.Line(server.ListeningLine);
        if (certificateFile is not null)
        {
            var path = Path.GetFullPath(certificateFile);
            await File.WriteAllTextAsync(path, server.Certificate!.ExportCertificatePem(), cancellationToken).ConfigureAwait(false);
            context.Line($"certificate written to {path}; connect with --trust-cert {path}");
        }

        context.Line($"application {options.Credentials.ClientId}; built-in demo token demo-access-token unless the configuration "
            + "lists tokens; Ctrl+C stops");
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, context.Time, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C or SIGTERM: the normal way to stop.
        }

        return 0;
    }
}
