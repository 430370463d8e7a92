using System.Collections;
using System.Collections.Frozen;
using ActorGateway.Protocol.Messages;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace ActorGateway.Protocol.Registry;

/// <summary>
/// Enforces proto2 <c>required</c> labels, which the C# runtime neither checks on write nor on parse. The server's
/// parsers reject a message missing a required field, so the client finds out here, with the field's name, instead.
/// </summary>
public static class RequiredFields
{
    // Per message type: the fields to look at (required ones, and message fields whose type has required fields inside).
    private static readonly FrozenDictionary<MessageDescriptor, FieldDescriptor[]> Checks = BuildChecks();

    /// <summary>Throws when a required field of the message, or of a message nested in it, is not set.</summary>
    /// <exception cref="ProtocolException">Kind <see cref="ProtocolErrorKind.MissingRequiredField"/>, naming the field.</exception>
    public static void ThrowIfMissing(IMessage message)
    {
        if (FindMissing(message) is { } path)
        {
            throw new ProtocolException(ProtocolErrorKind.MissingRequiredField, $"{path} is required but not set.");
        }
    }

    /// <summary>The dotted path of the first required field that is not set, or null when the message is complete.</summary>
    public static string? FindMissing(IMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!Checks.TryGetValue(message.Descriptor, out var fields))
        {
            return null;
        }

        foreach (var field in fields)
        {
            if (field.IsRequired && !field.Accessor.HasValue(message))
            {
                return $"{message.Descriptor.Name}.{field.Name}";
            }

            if (field.FieldType != FieldType.Message)
            {
                continue;
            }

            if (field.IsRepeated)
            {
                // Indexed, not enumerated: the list is only known as an IList here, and its enumerator would be boxed for
                // every message decoded (most repeated fields are empty on most messages).
                var items = (IList)field.Accessor.GetValue(message);
                for (var i = 0; i < items.Count; i++)
                {
                    if (FindMissing((IMessage)items[i]!) is { } nested)
                    {
                        return nested;
                    }
                }
            }
            else if (field.Accessor.HasValue(message) && FindMissing((IMessage)field.Accessor.GetValue(message)) is { } nested)
            {
                return nested;
            }
        }

        return null;
    }

    private static FrozenDictionary<MessageDescriptor, FieldDescriptor[]> BuildChecks()
    {
        var all = new[]
        {
            OpenApiCommonMessagesReflection.Descriptor, OpenApiMessagesReflection.Descriptor, OpenApiModelMessagesReflection.Descriptor,
        }.SelectMany(f => f.MessageTypes).ToList();

        var hasRequired = new Dictionary<MessageDescriptor, bool>();
        bool HasRequired(MessageDescriptor d)
        {
            if (hasRequired.TryGetValue(d, out var known))
            {
                return known;
            }

            hasRequired[d] = false; // the contract has no recursive messages; this only guards against one appearing
            var result = d.Fields.InFieldNumberOrder().Any(f => f.IsRequired || (f.FieldType == FieldType.Message && HasRequired(f.MessageType)));
            hasRequired[d] = result;
            return result;
        }

        return all.Where(HasRequired).ToFrozenDictionary(
            d => d,
            d => d.Fields.InFieldNumberOrder()
                .Where(f => f.IsRequired || (f.FieldType == FieldType.Message && HasRequired(f.MessageType)))
                .ToArray());
    }
}
