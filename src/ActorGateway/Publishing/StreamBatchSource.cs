using Akka.Streams;
using Akka.Streams.Stage;
using Google.Protobuf;

namespace ActorGateway.Publishing;

/// <summary>
/// A subscription's stream as an Akka.Streams source of whole batches: one element per batch the publisher handed over,
/// so a feed of a million events a second costs the interpreter a few thousand elements, not a million.
/// </summary>
internal sealed class StreamBatchSource<T> : GraphStage<SourceShape<StreamBatch<T>>>
    where T : class, IMessage
{
    private readonly Func<StreamHandoff> _claim;

    /// <param name="claim">Takes the subscription's one stream when the source is run (it throws if already taken).</param>
    public StreamBatchSource(Func<StreamHandoff> claim)
    {
        _claim = claim;
        Shape = new SourceShape<StreamBatch<T>>(new Outlet<StreamBatch<T>>("gatewaySubscriptionBatches.out"));
    }

    public override SourceShape<StreamBatch<T>> Shape { get; }

    protected override Attributes InitialAttributes { get; } = Attributes.CreateName("gatewaySubscriptionBatches");

    protected override GraphStageLogic CreateLogic(Attributes inheritedAttributes) => new Logic(Shape, _claim);

    private sealed class Logic(SourceShape<StreamBatch<T>> shape, Func<StreamHandoff> claim)
        : HandoffSourceLogic<StreamBatch<T>>(shape, claim)
    {
        public override void OnPull() => WaitForBatch();

        protected override void OnBatch(IReadOnlyList<StreamItem<IMessage>> items) => Push(Out, new StreamBatch<T>(items));
    }
}
