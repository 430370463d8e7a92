using ActorGateway.Protocol.Messages;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace ActorGateway.Publishing;

/// <summary>
/// Finds the account and symbol an event concerns, for filtering. The frequent events are read directly; others by their
/// top-level <c>ctidTraderAccountId</c> and <c>symbolId</c> fields, looked up once per message type. Owned by the
/// publisher actor.
/// </summary>
internal sealed class EventKeys
{
    private readonly Dictionary<MessageDescriptor, (FieldDescriptor? Account, FieldDescriptor? Symbol)> _fields = [];

    public (long? Account, long? Symbol) Of(IMessage message) => message switch
    {
        ProtoOASpotEvent spot => (spot.CtidTraderAccountId, spot.SymbolId),
        ProtoOADepthEvent depth => (depth.CtidTraderAccountId, (long)depth.SymbolId),
        ProtoOAExecutionEvent execution => (execution.CtidTraderAccountId,
            execution.Order?.TradeData?.SymbolId ?? execution.Position?.TradeData?.SymbolId),
        _ => ByDescriptor(message),
    };

    private (long? Account, long? Symbol) ByDescriptor(IMessage message)
    {
        if (!_fields.TryGetValue(message.Descriptor, out var fields))
        {
            fields = (Find(message.Descriptor, "ctidTraderAccountId"), Find(message.Descriptor, "symbolId"));
            _fields[message.Descriptor] = fields;
        }

        return (Read(fields.Account, message), Read(fields.Symbol, message));
    }

    private static FieldDescriptor? Find(MessageDescriptor descriptor, string name) =>
        descriptor.FindFieldByName(name) is { IsRepeated: false, FieldType: FieldType.Int64 } field ? field : null;

    private static long? Read(FieldDescriptor? field, IMessage message) =>
        field is not null && field.Accessor.HasValue(message) ? (long)field.Accessor.GetValue(message) : null;
}
