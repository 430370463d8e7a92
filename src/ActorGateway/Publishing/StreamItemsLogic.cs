using Akka.Streams;
using Google.Protobuf;

namespace ActorGateway.Publishing;

/// <summary>
/// Emits a subscription's items one by one: within a batch each pull is answered at once from the batch's array; only at
/// a batch's end does it wait on the handoff.
/// </summary>
internal sealed class StreamItemsLogic<T>(SourceShape<StreamItem<T>> shape, Func<StreamHandoff> claim)
    : HandoffSourceLogic<StreamItem<T>>(shape, claim)
    where T : class, IMessage
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
