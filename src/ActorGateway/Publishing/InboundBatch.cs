using Google.Protobuf;

namespace ActorGateway.Publishing;

/// <summary>
/// What one socket read brought, as the publisher offers it to every subscriber in turn; reused from read to read and
/// grown to the largest read. An event's account and symbol are read once per read, and only when some subscriber's
/// filter needs them; the read as stream items is made once, and only when some subscriber takes all of it.
/// </summary>
internal sealed class InboundBatch(int capacity)
{
    private IMessage[] _messages = new IMessage[capacity];
    private uint[] _payloadTypes = new uint[capacity];
    private long?[] _accounts = new long?[capacity];
    private long?[] _symbols = new long?[capacity];
    private StreamItem<IMessage>[]? _items;
    private bool _keysRead;

    public int Count { get; private set; }

    /// <summary>Takes the messages of one read, forgetting the last.</summary>
    public void Load(ReadOnlySpan<Protocol.OpenApiMessage> messages)
    {
        Clear();
        if (messages.Length > _messages.Length)
        {
            _messages = new IMessage[messages.Length];
            _payloadTypes = new uint[messages.Length];
            _accounts = new long?[messages.Length];
            _symbols = new long?[messages.Length];
        }

        foreach (ref readonly var message in messages)
        {
            Add(message.Payload, message.PayloadType);
        }
    }

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

    /// <summary>True when every event passes <paramref name="filter"/>, so the subscriber can take the read as it is.</summary>
    public bool AllPass(SubscriptionFilter filter)
    {
        for (var i = 0; i < Count; i++)
        {
            if (!Passes(i, filter))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The whole read as stream items, made once and shared by every subscriber that takes it all (never changed).</summary>
    public StreamItem<IMessage>[] AsItems()
    {
        if (_items is null)
        {
            _items = new StreamItem<IMessage>[Count];
            for (var i = 0; i < Count; i++)
            {
                _items[i] = new StreamItem<IMessage>(_messages[i], null);
            }
        }

        return _items;
    }

    /// <summary>Reads every event's account and symbol, once per read, when some subscriber filters on them.</summary>
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
        _items = null;
    }
}
