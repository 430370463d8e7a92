using Akka.Streams;
using Akka.Streams.Stage;
using Google.Protobuf;

namespace ActorGateway.Publishing;

/// <summary>
/// A subscription's stream as an Akka.Streams source of single items: within a batch each pull is answered at once from
/// the batch's array; only at a batch's end does it wait on the handoff.
/// </summary>
internal sealed class StreamSource<T> : GraphStage<SourceShape<StreamItem<T>>>
    where T : class, IMessage
{
    private readonly Func<StreamHandoff> _claim;

    /// <param name="claim">Takes the subscription's one stream when the source is run (it throws if already taken).</param>
    public StreamSource(Func<StreamHandoff> claim)
    {
        _claim = claim;
        Shape = new SourceShape<StreamItem<T>>(new Outlet<StreamItem<T>>("gatewaySubscription.out"));
    }

    public override SourceShape<StreamItem<T>> Shape { get; }

    protected override Attributes InitialAttributes { get; } = Attributes.CreateName("gatewaySubscription");

    protected override GraphStageLogic CreateLogic(Attributes inheritedAttributes) => new Logic(Shape, _claim);

    private sealed class Logic(SourceShape<StreamItem<T>> shape, Func<StreamHandoff> claim)
        : HandoffSourceLogic<StreamItem<T>>(shape, claim)
    {
        private IReadOnlyList<StreamItem<IMessage>> _items = [];
        private int _index;

        public override void OnPull()
        {
            if (_index < _items.Count)
            {
                Push(Out, StreamItems.As<T>(_items[_index++]));
                return;
            }

            WaitForBatch();
        }

        protected override void OnBatch(IReadOnlyList<StreamItem<IMessage>> items)
        {
            _items = items;
            _index = 1;
            Push(Out, StreamItems.As<T>(items[0]));
        }
    }
}
