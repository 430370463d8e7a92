using ActorGateway.Protocol.Messages;
using ActorGateway.Protocol.Registry;

namespace ActorGateway.Protocol.Tests;

public sealed class PayloadRegistryTests
{
    [Fact]
    public void All_covers_every_payload_type_enum_value()
    {
        var expected = Enum.GetValues<ProtoOAPayloadType>().Select(v => (uint)v)
            .Concat([(uint)ProtoPayloadType.ErrorRes, (uint)ProtoPayloadType.HeartbeatEvent])
            .Order();

        Assert.Equal(expected, PayloadRegistry.All.Select(i => i.PayloadType));
    }
}
