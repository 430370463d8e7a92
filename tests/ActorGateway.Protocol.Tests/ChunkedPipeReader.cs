using System.Buffers;
using System.IO.Pipelines;

namespace ActorGateway.Protocol.Tests;

/// <summary>
/// A pipe reader over fixed bytes that reveals one more chunk (of the given sizes, cycling) each time the reader has
/// examined everything it was shown: deterministic reads that split frames wherever the chunk sizes fall.
/// </summary>
internal sealed class ChunkedPipeReader(byte[] data, int[] chunkSizes) : PipeReader
{
    private readonly ReadOnlySequence<byte> _all = new(data);
    private long _consumed;
    private long _examined;
    private long _available;
    private int _chunk;

    public int Reads { get; private set; }

    public override ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default) => new(Read());

    public override bool TryRead(out ReadResult result)
    {
        result = Read();
        return true;
    }

    private ReadResult Read()
    {
        if (_examined >= _available && _available < data.Length)
        {
            _available = Math.Min(data.Length, _available + chunkSizes[_chunk++ % chunkSizes.Length]);
        }

        Reads++;
        return new ReadResult(_all.Slice(_consumed, _available - _consumed), false, _available == data.Length);
    }

    public override void AdvanceTo(SequencePosition consumed) => AdvanceTo(consumed, consumed);

    public override void AdvanceTo(SequencePosition consumed, SequencePosition examined)
    {
        _consumed = _all.GetOffset(consumed);
        _examined = _all.GetOffset(examined);
    }

    public override void CancelPendingRead()
    {
    }

    public override void Complete(Exception? exception = null)
    {
    }
}
