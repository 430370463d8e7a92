using ActorGateway.Cluster.Wire;
using ActorGateway.Protocol.Registry;
using ActorGateway.Publishing;
using Google.Protobuf;

namespace ActorGateway.Cluster.Serialization;

/// <summary>
/// The core's <see cref="EventBatch"/> to and from <see cref="EventBatchData"/>: each event as its payload type and bytes,
/// as on the cTrader wire (so proto2 field presence survives), each notice through <see cref="NoticeCodec"/>, in order.
/// </summary>
internal static class EventBatchCodec
{
    public static EventBatchData Encode(EventBatch batch)
    {
        var data = new EventBatchData();
        foreach (var item in batch.Items)
        {
            data.Items.Add(item.Message is { } message
                ? new StreamItemData { Event = new EventData { PayloadType = PayloadRegistry.Of(message).PayloadType, Payload = message.ToByteString() } }
                : new StreamItemData { Notice = NoticeCodec.Encode(item.Notice!) });
        }

        return data;
    }

    public static EventBatch Decode(EventBatchData data)
    {
        var items = new StreamItem<IMessage>[data.Items.Count];
        for (var i = 0; i < items.Length; i++)
        {
            var item = data.Items[i];
            items[i] = item.ItemCase switch
            {
                StreamItemData.ItemOneofCase.Event => Event(item.Event),
                StreamItemData.ItemOneofCase.Notice => StreamItem.OfNotice<IMessage>(NoticeCodec.Decode(item.Notice)),
                // An item kind of a newer peer: a gap in the stream is what it may stand for.
                _ => StreamItem.OfNotice<IMessage>(new EventsLost(1, GapReason.Reconnect)),
            };
        }

        return new EventBatch(items);
    }

    // An event this node's version does not know becomes a gap of one rather than a failed batch: a batch that never
    // arrives would never be acknowledged, and the publisher would wait for that forever.
    private static StreamItem<IMessage> Event(EventData data) =>
        PayloadRegistry.TryGet(data.PayloadType, out var info)
            ? StreamItem.OfMessage(info.Parser.ParseFrom(data.Payload))
            : StreamItem.OfNotice<IMessage>(new EventsLost(1, GapReason.Reconnect));
}
