using System.CommandLine;
using ActorGateway.Cli.Common;

namespace ActorGateway.Cli.Demo;

/// <summary><c>demo</c>: trade against the embedded simulator, end to end.</summary>
internal static class DemoCommand
{
    public static Command Create(CliContext context, Option<bool> verbose)
    {
        var duration = new Option<int?>("--duration")
        {
            Description = "Run for this many seconds, then exit (0 on success); without it, run until Ctrl+C",
        };
        var seed = new Option<int>("--seed") { Description = "Seed of the simulated market (default 1)", DefaultValueFactory = _ => 1 };
        var command = new Command("demo", "Start the exchange simulator in-process and trade against it through the gateway")
        {
            duration, seed,
        };
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(context, result.GetValue(verbose), ct =>
        {
            var seconds = result.GetValue(duration);
            if (seconds is < 1)
            {
                throw new CliException("--duration must be at least 1 second.");
            }

            var runner = new DemoRunner(context);
            return runner.RunAsync(seconds is { } s ? TimeSpan.FromSeconds(s) : null, result.GetValue(seed), ct);
        }, cancellationToken));
        return command;
    }
}
