using System.Diagnostics;
using ActorGateway.Publishing;
using ActorGateway.Session;
using Google.Protobuf;

namespace ActorGateway.Cli.Soak;

/// <summary>
/// The session's own word on its connection: a notices-only subscription that counts losses and keeps the time of
/// every <see cref="SessionRestored"/>, so a cut can await the restore that follows it.
/// </summary>
internal sealed class RestoreWatch : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<long> _restoredAt = [];
    private readonly GatewaySubscription<IMessage> _subscription;
    private TaskCompletionSource _next = NewSignal();
    private long _lost;

    private RestoreWatch(IGatewaySession session) =>
        // No payload type: notices only, which are never dropped.
        _subscription = session.Subscribe<IMessage>(new SubscriptionOptions { PayloadTypes = [], Capacity = 64 }, OnItem);

    /// <summary>ConnectionLost notices seen.</summary>
    public long Lost => Interlocked.Read(ref _lost);

    public static RestoreWatch Start(IGatewaySession session) => new(session);

    /// <summary>
    /// The <see cref="Stopwatch"/> timestamp of the first restore after <paramref name="since"/>, or null if none came
    /// within <paramref name="bound"/>.
    /// </summary>
    public async Task<long?> RestoredAfterAsync(long since, TimeSpan bound)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(bound.TotalSeconds * Stopwatch.Frequency);
        // Each turn waits for one more restore; a run has far fewer than this.
        for (var turn = 0; turn < 100_000; turn++)
        {
            Task next;
            lock (_gate)
            {
                foreach (var at in _restoredAt)
                {
                    if (at > since)
                    {
                        return at;
                    }
                }

                next = _next.Task;
            }

            var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
            if (left <= TimeSpan.Zero)
            {
                return null;
            }

            try
            {
                await next.WaitAsync(left).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                return null;
            }
        }

        return null;
    }

    public ValueTask DisposeAsync() => _subscription.DisposeAsync();

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void OnItem(StreamItem<IMessage> item)
    {
        switch (item.Notice)
        {
            case ConnectionLost:
                Interlocked.Increment(ref _lost);
                break;
            case SessionRestored:
                TaskCompletionSource restored;
                lock (_gate)
                {
                    _restoredAt.Add(Stopwatch.GetTimestamp());
                    restored = _next;
                    _next = NewSignal();
                }

                restored.TrySetResult();
                break;
        }
    }
}
