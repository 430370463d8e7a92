namespace ActorGateway.Cluster.Tests.Support;

/// <summary>
/// TestKit's AwaitAssert for state only a query can show (which node runs which entity): asks again every 100 ms until
/// the answer holds, within a bound. Each round awaits the query's own answer; the pause only spaces the queries.
/// </summary>
internal static class Eventually
{
    public static async Task<T> MatchAsync<T>(Func<Task<T>> query, Func<T, bool> holds, TimeSpan bound, string what)
    {
        var deadline = DateTime.UtcNow + bound;
        var last = await query();
        while (!holds(last))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{what} did not happen within {bound.TotalSeconds:0.#} s (last seen: {Describe(last)}).");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
            last = await query();
        }

        return last;
    }

    private static string? Describe<T>(T value) =>
        value is System.Collections.IEnumerable items and not string ? string.Join(", ", items.Cast<object>()) : value?.ToString();
}
