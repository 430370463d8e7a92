using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace ActorGateway.Protocol.Tests;

/// <summary>A message whose parsing throws the given exception, as a parser with a bug would on hostile bytes.</summary>
internal sealed class FailingMessage(Exception failure) : IMessage<FailingMessage>, IBufferMessage
{
    public MessageDescriptor Descriptor => throw new NotSupportedException();

    public static MessageParser<FailingMessage> Parser(Exception failure) => new(() => new FailingMessage(failure));

    public void InternalMergeFrom(ref ParseContext ctx) => throw failure;

    public void MergeFrom(CodedInputStream input) => throw failure;

    public void MergeFrom(FailingMessage message) => throw new NotSupportedException();

    public void InternalWriteTo(ref WriteContext ctx) => throw new NotSupportedException();

    public void WriteTo(CodedOutputStream output) => throw new NotSupportedException();

    public int CalculateSize() => 0;

    public FailingMessage Clone() => new(failure);

    public bool Equals(FailingMessage? other) => ReferenceEquals(this, other);

    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    public override int GetHashCode() => 0;
}
