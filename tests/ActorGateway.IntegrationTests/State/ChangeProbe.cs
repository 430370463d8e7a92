using System.Threading.Channels;
using ActorGateway.State;
using ActorGateway.TestKit;

namespace ActorGateway.IntegrationTests.State;

/// <summary>Collects a mirror's or a book's changes from a watch callback and lets a test await the next one that matches.</summary>
internal sealed class ChangeProbe
{
    private const int MaxSkipped = 100_000;

    private readonly Channel<StateChange> _changes = Channel.CreateUnbounded<StateChange>();

    /// <summary>Every change taken so far, in order, the ones skipped over included.</summary>
    public List<StateChange> Taken { get; } = [];

    public void Add(StateChange change) => _changes.Writer.TryWrite(change);

    /// <summary>A change that matches, among those taken already or the next ones; for changes whose order is not fixed.</summary>
    public async Task<StateChange> SeenAsync(Func<StateChange, bool> match) =>
        Taken.FirstOrDefault(match) ?? await NextAsync<StateChange>(match);

    /// <summary>The next change of type <typeparamref name="T"/> that matches; each read bounded, and at most 100,000 skipped.</summary>
    public async Task<T> NextAsync<T>(Func<T, bool>? match = null)
        where T : StateChange
    {
        for (var i = 0; i < MaxSkipped; i++)
        {
            var change = await _changes.Reader.ReadAsync().AsTask().OrTimeout();
            Taken.Add(change);
            if (change is T wanted && (match is null || match(wanted)))
            {
                return wanted;
            }
        }

        throw new InvalidOperationException($"No {typeof(T).Name} among {MaxSkipped} changes.");
    }
}
