using ActorGateway.Protocol;
using ActorGateway.Protocol.Registry;
using Google.Protobuf;

namespace ActorGateway.Correlation;

/// <summary>Checks that a message is a request the gateway can send, whoever sends it.</summary>
internal static class RequestInfo
{
    /// <summary>What the registry knows of <paramref name="request"/>.</summary>
    /// <exception cref="ArgumentException">The message is no payload of the protocol, or not a request.</exception>
    public static MessageInfo Of(IMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        MessageInfo info;
        try
        {
            info = PayloadRegistry.Of(request);
        }
        catch (ProtocolException e)
        {
            throw new ArgumentException(e.Message, nameof(request), e);
        }

        return info.Kind == MessageKind.Request
            ? info
            : throw new ArgumentException($"{info.Name} is not a request.", nameof(request));
    }

    /// <summary>The trading account <paramref name="request"/> names, or null when it names none.</summary>
    public static long? AccountOf(IMessage request, MessageInfo info)
    {
        if (!info.HasAccountId)
        {
            return null;
        }

        var field = request.Descriptor.FindFieldByName("ctidTraderAccountId");
        return field.Accessor.HasValue(request)
            ? Convert.ToInt64(field.Accessor.GetValue(request), System.Globalization.CultureInfo.InvariantCulture)
            : null;
    }
}
