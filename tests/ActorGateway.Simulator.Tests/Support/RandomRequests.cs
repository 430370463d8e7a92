using System.Collections;
using ActorGateway.Protocol.Registry;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace ActorGateway.Simulator.Tests.Support;

/// <summary>
/// Well-formed requests of every type with values drawn from the edges (zero, minus one, the largest and smallest of each
/// type, NaN, infinities, empty and long strings, undefined enum values): bytes that pass the decoder and test the
/// handlers behind it. Seeded: the same seed gives the same requests.
/// </summary>
internal sealed class RandomRequests(int seed, long accountId)
{
    private static readonly MessageInfo[] Requests = PayloadRegistry.All.Where(i => i.Kind == MessageKind.Request).ToArray();

    private readonly Random _random = new(seed);

    public IMessage Next()
    {
        var info = Requests[_random.Next(Requests.Length)];
        return Build(info.Descriptor, depth: 0);
    }

    private IMessage Build(MessageDescriptor descriptor, int depth)
    {
        var message = descriptor.Parser.ParseFrom(ByteString.Empty);
        foreach (var field in descriptor.Fields.InFieldNumberOrder())
        {
            if (field.FieldNumber == 1 && field.Name == "payloadType")
            {
                continue;
            }

            if (field.IsRepeated)
            {
                var list = (IList)field.Accessor.GetValue(message);
                for (var i = _random.Next(4); i > 0; i--)
                {
                    list.Add(Value(field, depth));
                }
            }
            else if (field.IsRequired || _random.Next(2) == 0)
            {
                field.Accessor.SetValue(message, Value(field, depth));
            }
        }

        return message;
    }

    private object Value(FieldDescriptor field, int depth)
    {
        if (field.Name == "ctidTraderAccountId" && _random.Next(8) != 0)
        {
            // Mostly the authorized account, so requests get past the account check into the handlers.
            return accountId;
        }

        return field.FieldType switch
        {
            FieldType.Bool => _random.Next(2) == 0,
            FieldType.String => Pick("", "x", "EURUSD", "demo-access-token", new string('z', 2_000)),
            FieldType.Bytes => ByteString.CopyFrom((byte)_random.Next(256)),
            FieldType.Double => Pick(0d, -1d, 1.085, double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.MaxValue, -1e-300),
            FieldType.Float => Pick(0f, -1f, float.NaN, float.MaxValue),
            FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => Pick(0, 1, -1, 5, int.MaxValue, int.MinValue, _random.Next()),
            FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 =>
                Pick(0L, 1L, -1L, 100_000L, 1_700_000_000_000L, long.MaxValue, long.MinValue, _random.NextInt64()),
            FieldType.UInt32 or FieldType.Fixed32 => Pick(0u, 1u, uint.MaxValue),
            FieldType.UInt64 or FieldType.Fixed64 => Pick(0UL, 1UL, ulong.MaxValue),
            FieldType.Enum => _random.Next(6) == 0
                ? Enum.ToObject(field.EnumType.ClrType, 9_999)
                : Enum.ToObject(field.EnumType.ClrType, field.EnumType.Values[_random.Next(field.EnumType.Values.Count)].Number),
            FieldType.Message => Build(field.MessageType, depth + 1),
            _ => throw new NotSupportedException($"{field.FieldType} is not used by the contract."),
        };
    }

    private T Pick<T>(params T[] choices) => choices[_random.Next(choices.Length)];
}
