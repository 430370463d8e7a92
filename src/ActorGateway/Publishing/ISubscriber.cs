namespace ActorGateway.Publishing;

/// <summary>What the publisher's loop sees of a subscriber: its filter and the producing end of its queue.</summary>
internal interface ISubscriber
{
    /// <summary>The filter, checked on the publisher's loop.</summary>
    public SubscriptionFilter Filter { get; }

    /// <summary>Queues the events of <paramref name="batch"/> that pass the filter; never blocks.</summary>
    /// <returns>How many events the overflow policy dropped meanwhile.</returns>
    public long Offer(EventBatch batch);

    /// <summary>Queues a notice; notices are never dropped for lack of room.</summary>
    public void Notify(GatewayNotice notice);

    /// <summary>Ends the stream; the reader sees what is queued, then the end.</summary>
    public void Complete();
}
