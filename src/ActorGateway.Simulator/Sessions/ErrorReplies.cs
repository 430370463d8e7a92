using System.Collections.Frozen;
using ActorGateway.Protocol.Messages;
using Google.Protobuf.Reflection;

namespace ActorGateway.Simulator.Sessions;

/// <summary>Builds the two error replies; error codes travel as their proto enum names ("CH_CLIENT_AUTH_FAILURE").</summary>
internal static class ErrorReplies
{
    private static readonly FrozenDictionary<int, string> OANames = NamesOf(nameof(ProtoOAErrorCode));
    private static readonly FrozenDictionary<int, string> CommonNames = NamesOf(nameof(ProtoErrorCode));

    public static string NameOf(ProtoOAErrorCode code) => OANames[(int)code];

    public static string NameOf(ProtoErrorCode code) => CommonNames[(int)code];

    public static ProtoOAErrorRes OA(ProtoOAErrorCode code, string description, long? accountId = null) =>
        OA(NameOf(code), description, accountId);

    public static ProtoOAErrorRes OA(string code, string description, long? accountId = null)
    {
        var error = new ProtoOAErrorRes { ErrorCode = code, Description = description };
        if (accountId is { } id)
        {
            error.CtidTraderAccountId = id;
        }

        return error;
    }

    public static ProtoErrorRes Common(ProtoErrorCode code, string description) =>
        new() { ErrorCode = NameOf(code), Description = description };

    private static FrozenDictionary<int, string> NamesOf(string enumName)
    {
        var files = new[] { OpenApiModelMessagesReflection.Descriptor, OpenApiCommonModelMessagesReflection.Descriptor };
        EnumDescriptor descriptor = files.SelectMany(f => f.EnumTypes).Single(e => e.Name == enumName);
        return descriptor.Values.ToFrozenDictionary(v => v.Number, v => v.Name);
    }
}
