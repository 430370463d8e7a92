using System.Globalization;

namespace ActorGateway.TestKit;

/// <summary>
/// Bounds for awaiting things in tests. Every bound is multiplied by the time factor read from the
/// <c>ACTORGATEWAY_TEST_TIMEFACTOR</c> environment variable (default 1), so a slow or loaded machine can be given more
/// room without touching the tests.
/// </summary>
public static class TestTimeouts
{
    /// <summary>The multiplier applied to every bound.</summary>
    public static double TimeFactor { get; } =
        double.TryParse(Environment.GetEnvironmentVariable("ACTORGATEWAY_TEST_TIMEFACTOR"), NumberStyles.Float,
            CultureInfo.InvariantCulture, out var factor) && factor > 0 ? factor : 1.0;

    /// <summary>The default bound for one awaited step: 10 seconds times the factor.</summary>
    public static TimeSpan Default => Dilated(TimeSpan.FromSeconds(10));

    /// <summary>Scales a bound by the time factor.</summary>
    public static TimeSpan Dilated(TimeSpan bound) => bound * TimeFactor;

    /// <summary>Awaits <paramref name="task"/> for at most <paramref name="bound"/> (default <see cref="Default"/>).</summary>
    /// <exception cref="TimeoutException">The task did not finish in time; the message says how long was waited.</exception>
    public static async Task OrTimeout(this Task task, TimeSpan? bound = null)
    {
        var limit = bound ?? Default;
        try
        {
            await task.WaitAsync(limit).ConfigureAwait(false);
        }
        catch (TimeoutException) when (!task.IsCompleted)
        {
            throw new TimeoutException($"The awaited operation did not complete within {limit}.");
        }
    }

    /// <summary>Awaits <paramref name="task"/> for at most <paramref name="bound"/> (default <see cref="Default"/>).</summary>
    /// <exception cref="TimeoutException">The task did not finish in time; the message says how long was waited.</exception>
    public static async Task<T> OrTimeout<T>(this Task<T> task, TimeSpan? bound = null)
    {
        await ((Task)task).OrTimeout(bound).ConfigureAwait(false);
        return await task.ConfigureAwait(false);
    }

    /// <summary>Awaits <paramref name="task"/> for at most <paramref name="bound"/> (default <see cref="Default"/>).</summary>
    public static Task<T> OrTimeout<T>(this ValueTask<T> task, TimeSpan? bound = null) => task.AsTask().OrTimeout(bound);
}
