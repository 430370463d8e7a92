using Google.Protobuf;

namespace ActorGateway.Publishing;

/// <summary>
/// One item of a subscriber's stream: either an event of the type asked for, or a <see cref="GatewayNotice"/> (a gap,
/// a reconnect, a reconciliation). Exactly one of <see cref="Message"/> and <see cref="Notice"/> is set.
/// </summary>
/// <typeparam name="T">The event type.</typeparam>
public readonly struct StreamItem<T>
    where T : class, IMessage
{
    internal StreamItem(T? message, GatewayNotice? notice)
    {
        Message = message;
        Notice = notice;
    }

    /// <summary>The event, or null for a notice.</summary>
    public T? Message { get; }

    /// <summary>The notice, or null for an event.</summary>
    public GatewayNotice? Notice { get; }

    /// <summary>True when this item is an event.</summary>
    public bool IsMessage => Message is not null;

    /// <inheritdoc />
    public override string ToString() => Message is { } m ? m.Descriptor.Name : Notice?.ToString() ?? "(empty)";
}

/// <summary>Makes stream items, for code that relays a stream (across cluster nodes, say) or adds a notice of its own.</summary>
public static class StreamItem
{
    /// <summary>An item carrying the event <paramref name="message"/>.</summary>
    public static StreamItem<T> OfMessage<T>(T message)
        where T : class, IMessage => new(message ?? throw new ArgumentNullException(nameof(message)), null);

    /// <summary>An item carrying <paramref name="notice"/>.</summary>
    public static StreamItem<T> OfNotice<T>(GatewayNotice notice)
        where T : class, IMessage => new(null, notice ?? throw new ArgumentNullException(nameof(notice)));
}

/// <summary>Conversions between the publisher's items and a subscription's typed ones.</summary>
internal static class StreamItems
{
    /// <summary>The item typed for a subscription; its filter lets through only events of <typeparamref name="T"/>.</summary>
    public static StreamItem<T> As<T>(in StreamItem<IMessage> item)
        where T : class, IMessage => new((T?)item.Message, item.Notice);
}
