using Akka.Streams;
using Akka.Streams.Stage;
using Google.Protobuf;

namespace ActorGateway.Publishing;

/// <summary>
/// The part every Akka.Streams source over a <see cref="StreamHandoff"/> shares: it claims the subscription's one stream
/// when run and waits on the handoff itself for the next batch, so a source costs no task or enumerator per element.
/// What a batch becomes downstream (its items one by one, or the batch whole) is the derived stage's business.
/// </summary>
internal abstract class HandoffSourceLogic<TOut> : OutGraphStageLogic
{
    private readonly Func<StreamHandoff> _claim;
    private StreamHandoff _handoff = null!;
    private Action<bool> _waited = null!;
    private Action<Exception> _failed = null!;

    /// <param name="shape">The stage's shape; its outlet gets this logic as handler.</param>
    /// <param name="claim">Takes the subscription's one stream (it throws if already taken).</param>
    protected HandoffSourceLogic(SourceShape<TOut> shape, Func<StreamHandoff> claim)
        : base(shape)
    {
        _claim = claim;
        Out = shape.Outlet;
        SetHandler(Out, this);
    }

    protected Outlet<TOut> Out { get; }

    public override void PreStart()
    {
        _waited = GetAsyncCallback<bool>(OnWaited);
        _failed = GetAsyncCallback<Exception>(FailStage);
        try
        {
            _handoff = _claim();
        }
        catch (InvalidOperationException e)
        {
            FailStage(e);
        }
    }

    /// <summary>Called with each batch that has at least one item, on the stage's turn, once downstream has pulled.</summary>
    protected abstract void OnBatch(IReadOnlyList<StreamItem<IMessage>> items);

    /// <summary>Waits for the next non-empty batch and hands it to <see cref="OnBatch"/>; completes the stage at the stream's end.</summary>
    protected void WaitForBatch()
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
                var logic = (HandoffSourceLogic<TOut>)state!;
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

        var items = _handoff.Take().Items;
        if (items.Count == 0)
        {
            WaitForBatch();
            return;
        }

        OnBatch(items);
    }
}
