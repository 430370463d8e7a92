using System.Buffers;

namespace ActorGateway.Simulator.Inbound;

/// <summary>
/// The memory pool of the connections' inbound pipes. It counts what is rented and not yet returned, so the server can
/// show (and a test can check) that a closed connection gave its buffers back. Blocks come from the shared array pool,
/// which keeps only a few arrays of each size and leaves the rest to the garbage collector: memory a storm of bad
/// connections took is not kept for the life of the process.
/// </summary>
internal sealed class CountingMemoryPool : MemoryPool<byte>
{
    private const int DefaultBlockSize = 4096;

    private long _rented;
    private long _peak;

    /// <summary>Bytes rented and not yet returned.</summary>
    public long RentedBytes => Interlocked.Read(ref _rented);

    /// <summary>The most <see cref="RentedBytes"/> has been.</summary>
    public long PeakRentedBytes => Interlocked.Read(ref _peak);

    public override int MaxBufferSize => Array.MaxLength;

    public override IMemoryOwner<byte> Rent(int minBufferSize = -1)
    {
        var array = ArrayPool<byte>.Shared.Rent(minBufferSize <= 0 ? DefaultBlockSize : minBufferSize);
        var rented = Interlocked.Add(ref _rented, array.Length);
        for (var peak = Interlocked.Read(ref _peak); rented > peak; peak = Interlocked.Read(ref _peak))
        {
            if (Interlocked.CompareExchange(ref _peak, rented, peak) == peak)
            {
                break;
            }
        }

        return new Block(this, array);
    }

    protected override void Dispose(bool disposing)
    {
        // The shared array pool outlives this pool; every block is returned by its own owner.
    }

    private sealed class Block(CountingMemoryPool pool, byte[] array) : IMemoryOwner<byte>
    {
        private byte[]? _array = array;

        public Memory<byte> Memory => _array ?? throw new ObjectDisposedException(nameof(Block));

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _array, null) is { } returned)
            {
                Interlocked.Add(ref pool._rented, -returned.Length);
                ArrayPool<byte>.Shared.Return(returned);
            }
        }
    }
}
