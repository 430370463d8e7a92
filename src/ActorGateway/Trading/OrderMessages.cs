using ActorGateway.Protocol.Messages;

namespace ActorGateway.Trading;

/// <summary>
/// A step of a trading request after its reply: told to the requester for each later execution event of its order
/// (a partial fill, the fill of a resting order, a cancellation...).
/// </summary>
/// <param name="State">Where the order stands now.</param>
/// <param name="Order">The server's description of the order, when the step carried one.</param>
/// <param name="Event">The execution event; null when a reconcile found the order still working.</param>
public sealed record OrderUpdate(OrderState State, ProtoOAOrder? Order, ProtoOAExecutionEvent? Event);

/// <summary>
/// How a trading request ended, told once to the requester after its reply (and after any <see cref="OrderUpdate"/>):
/// the order's final state, or the truth found by a reconcile when the reply was lost or late.
/// </summary>
/// <param name="State">The final state.</param>
/// <param name="OrderId">The order, when known.</param>
/// <param name="Order">The server's last description of the order, when known.</param>
/// <param name="ResolvedByReconcile">True when the outcome was learnt from the server's state, not from events.</param>
public sealed record OrderOutcome(OrderState State, long? OrderId, ProtoOAOrder? Order, bool ResolvedByReconcile);
