using ActorGateway.Simulator.Hosting;
using Microsoft.Extensions.Logging;

namespace ActorGateway.Simulator;

/// <summary>The executable: parses the command line, starts a <see cref="SimulatorServer"/>, runs until stopped.</summary>
internal static class Program
{
    public static Task<int> Main(string[] args) => SimulatorCommandLine.Build(RunAsync).Parse(args).InvokeAsync();

    private static async Task<int> RunAsync(SimulatorOptions options, LogLevel level, CancellationToken cancellationToken)
    {
        using var logging = LoggerFactory.Create(b => b.AddSimpleConsole(c => c.SingleLine = true).SetMinimumLevel(level));
        var server = new SimulatorServer(options, TimeProvider.System, logging);
        await using var serverScope = server.ConfigureAwait(false);
        await server.StartAsync(cancellationToken).ConfigureAwait(false);
        await Console.Out.WriteLineAsync(server.ListeningLine).ConfigureAwait(false);
        await Console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C or SIGTERM: stop cleanly.
        }

        return 0;
    }
}
