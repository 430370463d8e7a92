using Akka.Actor;

namespace ActorGateway.State;

/// <summary>A callback's subscription to a mirror's or a book's changes; disposing it ends the subscription.</summary>
public sealed class ChangeWatch : IDisposable
{
    private readonly ActorSystem _system;
    private readonly IActorRef _actor;

    internal ChangeWatch(ActorSystem system, IActorRef actor)
    {
        _system = system;
        _actor = actor;
    }

    /// <summary>Starts a callback on an actor of its own; completes once <paramref name="source"/> has it as a subscriber.</summary>
    internal static async Task<ChangeWatch> StartAsync(ActorSystem system, IActorRef source, Action<StateChange> callback,
        Microsoft.Extensions.Logging.ILogger log, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var subscribed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var watch = new ChangeWatch(system, system.ActorOf(ChangeCallbackActor.Props(source, callback, log, subscribed)));
        try
        {
            await subscribed.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            watch.Dispose();
            if (e is TimeoutException)
            {
                throw new GatewayTimeoutException("Watching the state", timeout, written: false);
            }

            throw;
        }

        return watch;
    }

    /// <summary>Stops the callback; changes already being handed to it may still arrive once.</summary>
    public void Dispose() => _system.Stop(_actor);
}
