using System.Buffers;

namespace ActorGateway.Actors;

/// <summary>
/// The connection actor's outgoing bytes: frames are encoded here while a write may be in flight, then handed to the
/// transport together, so one write carries everything that queued up behind the last one.
/// </summary>
internal sealed class OutboundBuffer
{
    private readonly ArrayBufferWriter<byte> _buffer = new(16 * 1024);

    public IBufferWriter<byte> Writer => _buffer;

    public int Buffered => _buffer.WrittenCount;

    /// <summary>A Flush is in the actor's mailbox.</summary>
    public bool FlushScheduled { get; set; }

    /// <summary>The transport has a write that has not finished; the next one waits for it.</summary>
    public bool WriteInFlight { get; set; }

    /// <summary>The buffered bytes; valid until <see cref="Release"/>.</summary>
    public ReadOnlySpan<byte> Take() => _buffer.WrittenSpan;

    /// <summary>The bytes taken were copied by the transport: the buffer is empty again.</summary>
    public void Release() => _buffer.ResetWrittenCount();

    /// <summary>The connection is gone: what was buffered for it goes with it.</summary>
    public void Reset()
    {
        _buffer.ResetWrittenCount();
        FlushScheduled = false;
        WriteInFlight = false;
    }
}
