namespace ActorGateway.Trading;

/// <summary>Where an order stands, as its tracker last learnt it.</summary>
public enum OrderState
{
    /// <summary>Accepted and resting (a pending order), or partly filled and still working.</summary>
    Working,

    /// <summary>Filled in full. Final.</summary>
    Filled,

    /// <summary>Filled in part, and the rest cancelled (a market order that found too little volume, for one). Final.</summary>
    PartiallyFilledThenCancelled,

    /// <summary>Cancelled with nothing filled. Final.</summary>
    Cancelled,

    /// <summary>Refused by the server. Final.</summary>
    Rejected,

    /// <summary>Expired unfilled. Final.</summary>
    Expired,

    /// <summary>An amendment (order or position protection) the server applied. Final for that request.</summary>
    Amended,

    /// <summary>Reconciled after a doubt, and the server has no trace of it: it never executed. Final.</summary>
    NotPlaced,

    /// <summary>The truth could not be learnt (reconciling kept failing). Final for the tracker: reconcile by hand.</summary>
    Unknown,
}
