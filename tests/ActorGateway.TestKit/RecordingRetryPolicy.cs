using ActorGateway.Resilience;

namespace ActorGateway.TestKit;

/// <summary>
/// A retry policy that records every context it is asked about (also on <see cref="Calls"/>, to await) and answers
/// with a scripted decision (default: retry at once).
/// </summary>
public sealed class RecordingRetryPolicy : IRetryPolicy
{
    private readonly Func<RetryContext, TimeSpan?> _decide;
    private readonly List<RetryContext> _contexts = [];
    private readonly Lock _gate = new();

    /// <summary>Creates the policy.</summary>
    /// <param name="decide">The answer to each context; null to stop retrying.</param>
    public RecordingRetryPolicy(Func<RetryContext, TimeSpan?>? decide = null)
    {
        _decide = decide ?? (_ => TimeSpan.Zero);
    }

    /// <summary>Each context as it is asked about.</summary>
    public TestProbe<RetryContext> Calls { get; } = new();

    /// <summary>Every context asked about so far, in order.</summary>
    public IReadOnlyList<RetryContext> Contexts
    {
        get
        {
            lock (_gate)
            {
                return [.. _contexts];
            }
        }
    }

    /// <inheritdoc />
    public TimeSpan? NextRetryDelay(RetryContext context)
    {
        lock (_gate)
        {
            _contexts.Add(context);
        }

        Calls.Tell(context);
        return _decide(context);
    }
}
