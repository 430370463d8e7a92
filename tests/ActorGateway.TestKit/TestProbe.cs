using System.Threading.Channels;

namespace ActorGateway.TestKit;

/// <summary>
/// Collects messages or events handed to it (from any thread) so a test can await them one by one, each within a
/// bound: the way to wait for something without sleeping.
/// </summary>
/// <typeparam name="T">What the probe receives.</typeparam>
public sealed class TestProbe<T>
{
    private readonly Channel<T> _received = Channel.CreateUnbounded<T>();

    /// <summary>Hands the probe an item; never blocks.</summary>
    public void Tell(T item) => _received.Writer.TryWrite(item);

    /// <summary>Awaits the next item and checks that it is a <typeparamref name="TSpecific"/>.</summary>
    /// <param name="within">The bound (default: <see cref="TestTimeouts.Default"/>), scaled by the time factor only when defaulted.</param>
    /// <exception cref="TestKitException">Nothing came in time, or something else came first.</exception>
    public async Task<TSpecific> ExpectAsync<TSpecific>(TimeSpan? within = null)
        where TSpecific : T
    {
        var bound = within ?? TestTimeouts.Default;
        using var timeout = new CancellationTokenSource(bound);
        T item;
        try
        {
            item = await _received.Reader.ReadAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TestKitException($"Expected a {typeof(TSpecific).Name} within {bound}, but nothing came.");
        }

        return item is TSpecific specific
            ? specific
            : throw new TestKitException($"Expected a {typeof(TSpecific).Name}, but got {Describe(item)}.");
    }

    /// <summary>Awaits the next item, whatever it is.</summary>
    /// <exception cref="TestKitException">Nothing came in time.</exception>
    public Task<T> ExpectAsync(TimeSpan? within = null) => ExpectAsync<T>(within);

    /// <summary>
    /// Checks that nothing arrives during <paramref name="within"/>. This waits out the whole span, so keep it short
    /// and use it only to show an absence, never to wait for something to happen.
    /// </summary>
    /// <exception cref="TestKitException">Something arrived.</exception>
    public async Task ExpectNoMessageAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        try
        {
            var item = await _received.Reader.ReadAsync(timeout.Token).ConfigureAwait(false);
            throw new TestKitException($"Expected nothing within {within}, but got {Describe(item)}.");
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            // Nothing came: as expected.
        }
    }

    /// <summary>Takes an item already received without waiting; false when there is none.</summary>
    public bool TryTake(out T item) => _received.Reader.TryRead(out item!);

    private static string Describe(T? item) => item is null ? "null" : $"{item.GetType().Name} ({item})";
}
