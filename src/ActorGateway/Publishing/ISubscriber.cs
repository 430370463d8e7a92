using Google.Protobuf;

namespace ActorGateway.Publishing;

/// <summary>What the publisher's loop sees of a subscriber: its filter and the producing end of its queue.</summary>
internal interface ISubscriber
{
    /// <summary>The filter, checked on the publisher's loop.</summary>
    public SubscriptionFilter Filter { get; }

    /// <summary>Queues an event that passed the filter; never blocks. False once the subscriber is gone.</summary>
    public bool Offer(IMessage message);

    /// <summary>Queues a notice; notices are never dropped for lack of room.</summary>
    public void Notify(GatewayNotice notice);

    /// <summary>Ends the stream; the reader sees what is queued, then the end.</summary>
    public void Complete();
}
