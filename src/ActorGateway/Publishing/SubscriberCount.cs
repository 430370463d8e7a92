namespace ActorGateway.Publishing;

/// <summary>
/// How many subscribers the publisher has: written by the publisher actor, read on the connection actor's turn by what
/// feeds it, so nothing is gathered for nobody.
/// </summary>
internal sealed class SubscriberCount
{
    private int _value;

    public int Value
    {
        get => Volatile.Read(ref _value);
        set => Volatile.Write(ref _value, value);
    }
}
