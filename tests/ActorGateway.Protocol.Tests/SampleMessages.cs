using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace ActorGateway.Protocol.Tests;

/// <summary>Builds messages with every field set (repeated fields with two items), so a round trip exercises them all.</summary>
internal static class SampleMessages
{
    public static IMessage Full(MessageDescriptor descriptor, int depth = 0)
    {
        var message = descriptor.Parser.ParseFrom(ByteString.Empty);
        foreach (var field in descriptor.Fields.InFieldNumberOrder())
        {
            if (field.FieldType == FieldType.Message && depth > 3)
            {
                continue;
            }

            if (field.IsRepeated)
            {
                var list = (IList)field.Accessor.GetValue(message);
                list.Add(SampleValue(field, 1, depth));
                list.Add(SampleValue(field, 2, depth));
            }
            else
            {
                field.Accessor.SetValue(message, SampleValue(field, field.FieldNumber, depth));
            }
        }

        return message;
    }

    private static object SampleValue(FieldDescriptor field, int seed, int depth) => field.FieldType switch
    {
        FieldType.Bool => seed % 2 == 0,
        FieldType.String => $"{field.Name}-{seed}",
        FieldType.Bytes => ByteString.CopyFrom((byte)seed, 0xFF, 0x00),
        FieldType.Double => seed + 0.25,
        FieldType.Float => seed + 0.5f,
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => -seed,
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => -(long)seed * 1_000_000_007L,
        FieldType.UInt32 or FieldType.Fixed32 => (uint)seed,
        FieldType.UInt64 or FieldType.Fixed64 => (ulong)seed * 1_000_000_007UL,
        FieldType.Enum => Enum.ToObject(field.EnumType.ClrType, field.EnumType.Values[seed % field.EnumType.Values.Count].Number),
        FieldType.Message => Full(field.MessageType, depth + 1),
        _ => throw new NotSupportedException($"{field.FieldType} is not used by the contract."),
    };
}
