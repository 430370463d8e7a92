using Google.Protobuf;

namespace ActorGateway.Publishing;

/// <summary>
/// A run of inbound events the publisher offers to every subscriber in turn, reused from run to run. An event's account
/// and symbol are read once per run, and only when some subscriber's filter needs them.
/// </summary>
internal sealed class InboundBatch(int capacity)
{
    private readonly IMessage[] _messages = new IMessage[capacity];
    private readonly uint[] _payloadTypes = new uint[capacity];
    private readonly long?[] _accounts = new long?[capacity];
    private readonly long?[] _symbols = new long?[capacity];
    private bool _keysRead;

    public int Count { get; private set; }

    public bool IsFull => Count == _messages.Length;

    public void Add(IMessage message, uint payloadType)
    {
        _messages[Count] = message;
        _payloadTypes[Count] = payloadType;
        Count++;
    }

    public IMessage MessageAt(int index) => _messages[index];

    /// <summary>True when the event at <paramref name="index"/> passes <paramref name="filter"/>.</summary>
    public bool Passes(int index, SubscriptionFilter filter) =>
        filter.WantsType(_payloadTypes[index]) && (!filter.NeedsKeys || filter.WantsKeys(_accounts[index], _symbols[index]));

    /// <summary>Reads every event's account and symbol, once per batch, when some subscriber filters on them.</summary>
    public void ReadKeys(EventKeys keys)
    {
        if (_keysRead)
        {
            return;
        }

        for (var i = 0; i < Count; i++)
        {
            (_accounts[i], _symbols[i]) = keys.Of(_messages[i]);
        }

        _keysRead = true;
    }

    public void Clear()
    {
        Array.Clear(_messages, 0, Count);
        Count = 0;
        _keysRead = false;
    }
}
