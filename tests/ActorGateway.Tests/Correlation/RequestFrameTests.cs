using System.Buffers;
using System.Globalization;
using ActorGateway.Correlation;
using ActorGateway.Protocol;
using ActorGateway.Protocol.Framing;
using ActorGateway.Protocol.Messages;
using FsCheck;
using FsCheck.Fluent;

namespace ActorGateway.Tests.Correlation;

public sealed class RequestFrameTests
{
    [Fact]
    public void Write_produces_the_bytes_the_protocol_layer_writes_for_the_id_as_text()
    {
        Prop.ForAll<long, long, string>((id, accountId, comment) =>
        {
            var request = new ProtoOANewOrderReq
            {
                CtidTraderAccountId = accountId, SymbolId = 1, OrderType = ProtoOAOrderType.Market, TradeSide = ProtoOATradeSide.Buy,
                Volume = 100, Comment = comment ?? "",
            };
            var key = id == long.MinValue ? long.MaxValue : Math.Abs(id);
            return Encode(w => RequestFrame.Write(w, 2106, request, key))
                .SequenceEqual(Encode(w => FrameCodec.WriteMessage(w, request, key.ToString(CultureInfo.InvariantCulture))));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Write_of_a_request_missing_a_required_field_throws_and_writes_nothing()
    {
        var output = new ArrayBufferWriter<byte>();

        var error = Assert.Throws<ProtocolException>(() => RequestFrame.Write(output, 2121, new ProtoOATraderReq(), 1));

        Assert.Equal(ProtocolErrorKind.MissingRequiredField, error.Kind);
        Assert.Equal(0, output.WrittenCount);
    }

    private static byte[] Encode(Func<IBufferWriter<byte>, int> write)
    {
        var output = new ArrayBufferWriter<byte>();
        Assert.Equal(write(output), output.WrittenCount);
        return output.WrittenSpan.ToArray();
    }
}
