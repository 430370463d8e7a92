using System.CommandLine;
using Spectre.Console;

namespace ActorGateway.Cli.Bench;

/// <summary>
/// <c>bench [scenario] [--caller actor|task|both] [--json FILE]</c>: the load tool. Every scenario runs against an
/// in-process simulator on 127.0.0.1, is bounded in count and time, and stops by itself.
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var scenario = new Argument<string>("scenario")
        {
            Description = $"One of {string.Join(", ", BenchScenarios.Names)}, or {BenchScenarios.All} (the default).",
            DefaultValueFactory = _ => BenchScenarios.All,
        };
        scenario.AcceptOnlyFromAmong([.. BenchScenarios.Names, BenchScenarios.All]);
        var json = new Option<FileInfo?>("--json") { Description = "Also write the results to this JSON file." };
        var seconds = new Option<double>("--seconds") { Description = "Length of one measured round.", DefaultValueFactory = _ => 2 };
        var rounds = new Option<int>("--rounds") { Description = "Measured rounds per side.", DefaultValueFactory = _ => 5 };
        var window = new Option<int>("--window", "-w") { Description = "Requests in flight (pipelined).", DefaultValueFactory = _ => 64 };
        var inFlight = new Option<int>("--in-flight") { Description = "Requests held unanswered.", DefaultValueFactory = _ => 100_000 };
        var pacedRate = new Option<int>("--paced-rate")
        {
            Description = "Events per second of the paced fan-out run.", DefaultValueFactory = _ => 1_000_000,
        };
        var transport = new Option<string>("--transport") { Description = "tcp, tls or both.", DefaultValueFactory = _ => "both" };
        transport.AcceptOnlyFromAmong("tcp", "tls", "both");
        var caller = new Option<string>("--caller")
        {
            Description = "How the gateway is called: actor (an actor Telling it), task (awaited AskAsync) or both.",
            DefaultValueFactory = _ => "both",
        };
        caller.AcceptOnlyFromAmong([.. Enum.GetValues<BenchCaller>().Select(value => value.Word()), "both"]);

        var subscriber = new Option<string>("--subscriber")
        {
            Description = "How fan-out subscribers get events: actor, stream (await foreach), source (Akka.Streams, one event per element), batches (Akka.Streams, one batch per element), callback or all.",
            DefaultValueFactory = _ => "all",
        };
        subscriber.AcceptOnlyFromAmong([.. Enum.GetValues<FanOutSubscriber>().Select(value => value.Word()), "all"]);

        var command = new Command("bench", "Measure the gateway against a raw-socket client on the simulator.")
        {
            scenario, json, seconds, rounds, window, inFlight, pacedRate, transport, caller, subscriber,
        };
        RequirePositive(seconds);
        RequirePositive(rounds);
        RequirePositive(window);
        RequirePositive(inFlight);
        RequirePositive(pacedRate);
        command.SetAction((parse, cancellationToken) =>
        {
            var settings = new BenchSettings
            {
                Duration = TimeSpan.FromSeconds(parse.GetValue(seconds)),
                Rounds = parse.GetValue(rounds),
                Window = parse.GetValue(window),
                InFlight = parse.GetValue(inFlight),
                PacedEventsPerSecond = parse.GetValue(pacedRate),
                Transports = parse.GetValue(transport) switch
                {
                    "tcp" => [BenchTransport.Tcp],
                    "tls" => [BenchTransport.Tls],
                    _ => [BenchTransport.Tcp, BenchTransport.Tls],
                },
                Callers = Callers(parse.GetValue(caller)!),
                SubscriberKinds = [.. Enum.GetValues<FanOutSubscriber>().Where(k => parse.GetValue(subscriber) is "all" || k.Word() == parse.GetValue(subscriber))],
            };
            return RunAsync(parse.GetValue(scenario)!, settings, parse.GetValue(json), AnsiConsole.Console, cancellationToken);
        });
        return command;
    }

    /// <summary>The callers <c>--caller</c> names: one of them, or both.</summary>
    internal static IReadOnlyList<BenchCaller> Callers(string word) =>
        [.. Enum.GetValues<BenchCaller>().Where(caller => word == "both" || caller.Word() == word)];

    private static void RequirePositive<T>(Option<T> option)
        where T : struct, IComparable<T> =>
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<T>().CompareTo(default) <= 0)
            {
                result.AddError($"{option.Name} must be positive.");
            }
        });

    /// <summary>Runs the scenarios, printing each result as it comes, and writes the JSON file if asked.</summary>
    public static async Task<int> RunAsync(string scenario, BenchSettings settings, FileInfo? json, IAnsiConsole console,
        CancellationToken cancellationToken)
    {
        console.MarkupLine($"[grey]{Environment.ProcessorCount} cores, {Markup.Escape(Environment.OSVersion.ToString())}, "
            + $".NET {Environment.Version}; loopback 127.0.0.1[/]");
        var results = new List<ScenarioResult>();
        await BenchScenarios.RunAsync(scenario, settings, result =>
        {
            results.Add(result);
            BenchReport.Print(console, result);
        }, cancellationToken).ConfigureAwait(false);

        if (json is not null)
        {
            await BenchReport.WriteJsonAsync(json.FullName, results, cancellationToken).ConfigureAwait(false);
            console.MarkupLine($"[grey]written to {Markup.Escape(json.FullName)}[/]");
        }

        return 0;
    }
}
