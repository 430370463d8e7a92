namespace ActorGateway.Cli.Bench;

/// <summary>How a scenario's gateway side calls the gateway.</summary>
internal enum BenchCaller
{
    /// <summary>An actor in the gateway's own system, which Tells it requests and receives the replies as messages.</summary>
    Actor,

    /// <summary>Task-based code, an awaited <c>AskAsync</c> per request.</summary>
    Task,
}

/// <summary>How the figures and the JSON name a caller.</summary>
internal static class BenchCallers
{
    /// <summary>The word for <paramref name="caller"/> in <c>--caller</c> and the JSON: "actor" or "task".</summary>
    public static string Word(this BenchCaller caller) => caller == BenchCaller.Actor ? "actor" : "task";

    /// <summary>The gateway side the figures name, e.g. "gateway actor".</summary>
    public static string Side(this BenchCaller caller) => $"gateway {caller.Word()}";
}
