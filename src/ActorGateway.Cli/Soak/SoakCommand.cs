using System.CommandLine;
using ActorGateway.Cli.Common;

namespace ActorGateway.Cli.Soak;

/// <summary>
/// <c>soak [--requests N] [--kills N] [--in-flight N] [--json FILE]</c>: the session under load through a relay that
/// cuts its connection, against the in-process simulator. Prints the figures as JSON and exits 1 when an invariant
/// fails (a hung or twice-completed request, an order executed twice...).
/// </summary>
internal static class SoakCommand
{
    public static Command Create(CliContext context, Option<bool> verbose)
    {
        var defaults = new SoakSettings();
        var requests = new Option<int>("--requests") { Description = "Requests to send in all.", DefaultValueFactory = _ => defaults.Requests };
        var kills = new Option<int>("--kills") { Description = "Connection cuts, spread over the run.", DefaultValueFactory = _ => defaults.Kills };
        var inFlight = new Option<int>("--in-flight")
        {
            Description = "Requests awaiting their outcome at once.", DefaultValueFactory = _ => defaults.InFlight,
        };
        var maxMinutes = new Option<double>("--max-minutes")
        {
            Description = "Stop sending after this long (a run cut short fails).", DefaultValueFactory = _ => defaults.MaxDuration.TotalMinutes,
        };
        var json = new Option<FileInfo?>("--json") { Description = "Also write the figures to this JSON file." };
        var command = new Command("soak", "Load the session through a relay that cuts its connection; check that nothing hangs or executes twice.")
        {
            requests, kills, inFlight, maxMinutes, json,
        };
        AtLeast(requests, 1);
        AtLeast(kills, 0);
        AtLeast(inFlight, 1);
        maxMinutes.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() <= 0)
            {
                result.AddError("--max-minutes must be positive.");
            }
        });
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(context, parse.GetValue(verbose), ct =>
        {
            var settings = defaults with
            {
                Requests = parse.GetValue(requests),
                Kills = parse.GetValue(kills),
                InFlight = parse.GetValue(inFlight),
                MaxDuration = TimeSpan.FromMinutes(parse.GetValue(maxMinutes)),
            };
            if (settings.Kills >= settings.Requests)
            {
                throw new CliException("--kills must be fewer than --requests: each cut comes before a request.");
            }

            return RunAsync(context, settings, parse.GetValue(json), ct);
        }, cancellationToken));
        return command;
    }

    private static void AtLeast(Option<int> option, int least) =>
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < least)
            {
                result.AddError($"{option.Name} must be at least {least}.");
            }
        });

    public static async Task<int> RunAsync(CliContext context, SoakSettings settings, FileInfo? json, CancellationToken cancellationToken)
    {
        context.Line($"soak: {settings.Requests:N0} requests, {settings.Kills} cuts, {settings.InFlight} in flight; "
            + $"{string.Join("; ", SoakExchange.Lifted)}");
        var result = await SoakRunner.RunAsync(settings, context.Line, cancellationToken).ConfigureAwait(false);
        var text = SoakReport.ToJson(result);
        context.Line(text);
        if (json is not null)
        {
            await File.WriteAllTextAsync(json.FullName, text, cancellationToken).ConfigureAwait(false);
            context.Line($"written to {json.FullName}");
        }

        var failed = SoakReport.Invariants(result).Where(i => !i.Holds).ToList();
        if (failed.Count == 0)
        {
            context.Line("soak passed: every invariant holds");
            return 0;
        }

        context.Line($"soak FAILED: {string.Join(", ", failed.Select(i => $"{i.Name} = {i.Value}"))}");
        return CommandRunner.Failed;
    }
}
