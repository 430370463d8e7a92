using Akka;
using Akka.Streams;
using Akka.Streams.Dsl;
using Akka.Streams.Stage;
using Google.Protobuf;

namespace ActorGateway.Publishing;

/// <summary>A subscription's stream as an Akka.Streams source, of items or of whole batches.</summary>
internal static class HandoffSource
{
    /// <summary>One element per event or notice.</summary>
    /// <param name="claim">Takes the subscription's one stream when the source is run (it throws if already taken).</param>
    public static Source<StreamItem<T>, NotUsed> Items<T>(Func<StreamHandoff> claim)
        where T : class, IMessage =>
        Source.FromGraph(new HandoffSourceStage<StreamItem<T>>("gatewaySubscription", claim, (shape, c) => new StreamItemsLogic<T>(shape, c)));

    /// <summary>One element per batch the publisher handed over.</summary>
    /// <param name="claim">Takes the subscription's one stream when the source is run (it throws if already taken).</param>
    public static Source<StreamBatch<T>, NotUsed> Batches<T>(Func<StreamHandoff> claim)
        where T : class, IMessage =>
        Source.FromGraph(new HandoffSourceStage<StreamBatch<T>>("gatewaySubscriptionBatches", claim, (shape, c) => new StreamBatchesLogic<T>(shape, c)));
}

/// <summary>The stage behind <see cref="HandoffSource"/>: the same whatever it emits; its logic decides what a batch becomes.</summary>
internal sealed class HandoffSourceStage<TOut> : GraphStage<SourceShape<TOut>>
{
    private readonly Func<StreamHandoff> _claim;
    private readonly Func<SourceShape<TOut>, Func<StreamHandoff>, GraphStageLogic> _logic;

    public HandoffSourceStage(string name, Func<StreamHandoff> claim, Func<SourceShape<TOut>, Func<StreamHandoff>, GraphStageLogic> logic)
    {
        _claim = claim;
        _logic = logic;
        Shape = new SourceShape<TOut>(new Outlet<TOut>(name + ".out"));
        InitialAttributes = Attributes.CreateName(name);
    }

    public override SourceShape<TOut> Shape { get; }

    protected override Attributes InitialAttributes { get; }

    protected override GraphStageLogic CreateLogic(Attributes inheritedAttributes) => _logic(Shape, _claim);
}
