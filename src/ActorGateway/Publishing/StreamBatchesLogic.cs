using Akka.Streams;
using Google.Protobuf;

namespace ActorGateway.Publishing;

/// <summary>
/// Emits a subscription's batches whole, so a feed of a million events a second costs the stream a few thousand elements,
/// not a million.
/// </summary>
internal sealed class StreamBatchesLogic<T>(SourceShape<StreamBatch<T>> shape, Func<StreamHandoff> claim)
    : HandoffSourceLogic<StreamBatch<T>>(shape, claim)
    where T : class, IMessage
{
    public override void OnPull() => WaitForBatch();

    protected override void OnBatch(IReadOnlyList<StreamItem<IMessage>> items) => Push(Out, new StreamBatch<T>(items));
}
