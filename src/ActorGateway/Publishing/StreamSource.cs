using Akka.Streams;
using Akka.Streams.Stage;
using Google.Protobuf;

namespace ActorGateway.Publishing;

/// <summary>
/// A subscription's stream as an Akka.Streams source that reads its <see cref="StreamHandoff"/> directly: within a batch
/// each pull is answered at once from the batch's array; only at a batch's end does it wait, and then on the handoff
/// itself, with no per-element task or enumerator in between.
/// </summary>
internal sealed class StreamSource<T> : GraphStage<SourceShape<StreamItem<T>>>
    where T : class, IMessage
{
    private readonly Func<StreamHandoff> _claim;
    private readonly Outlet<StreamItem<T>> _out = new("gatewaySubscription.out");

    /// <param name="claim">Takes the subscription's one stream when the source is run (it throws if already taken).</param>
    public StreamSource(Func<StreamHandoff> claim)
    {
        _claim = claim;
        Shape = new SourceShape<StreamItem<T>>(_out);
    }

    public override SourceShape<StreamItem<T>> Shape { get; }

    protected override Attributes InitialAttributes { get; } = Attributes.CreateName("gatewaySubscription");

    protected override GraphStageLogic CreateLogic(Attributes inheritedAttributes) => new Logic(this);

    private sealed class Logic : OutGraphStageLogic
    {
        private readonly StreamSource<T> _stage;
        private StreamHandoff _handoff = null!;
        private Action<bool> _waited = null!;
        private Action<Exception> _failed = null!;
        private IReadOnlyList<StreamItem<IMessage>> _items = [];
        private int _index;

        public Logic(StreamSource<T> stage)
            : base(stage.Shape)
        {
            _stage = stage;
            SetHandler(stage._out, this);
        }

        public override void PreStart()
        {
            _waited = GetAsyncCallback<bool>(OnWaited);
            _failed = GetAsyncCallback<Exception>(FailStage);
            try
            {
                _handoff = _stage._claim();
            }
            catch (InvalidOperationException e)
            {
                FailStage(e);
            }
        }

        public override void OnPull()
        {
            if (_index < _items.Count)
            {
                Push(_stage._out, StreamItems.As<T>(_items[_index++]));
                return;
            }

            WaitForBatch();
        }

        private void WaitForBatch()
        {
            var waiting = _handoff.WaitAsync(CancellationToken.None);
            if (waiting.IsCompletedSuccessfully)
            {
                OnWaited(waiting.Result);
                return;
            }

            waiting.AsTask().ContinueWith(
                static (task, state) =>
                {
                    var logic = (Logic)state!;
                    if (task.IsCompletedSuccessfully)
                    {
                        logic._waited(task.Result);
                    }
                    else
                    {
                        logic._failed(task.Exception?.InnerException ?? new OperationCanceledException());
                    }
                },
                this,
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }

        private void OnWaited(bool available)
        {
            if (!available)
            {
                CompleteStage();
                return;
            }

            _items = _handoff.Take().Items;
            _index = 0;
            if (_items.Count == 0)
            {
                WaitForBatch();
                return;
            }

            Push(_stage._out, StreamItems.As<T>(_items[_index++]));
        }
    }
}
