using ActorGateway.Publishing;
using ActorGateway.TestKit;
using Google.Protobuf;

namespace ActorGateway.IntegrationTests.Support;

/// <summary>Collects a subscription's items so a test can await the next one of a kind, skipping the rest.</summary>
internal sealed class StreamProbe
{
    public TestProbe<StreamItem<IMessage>> Items { get; } = new();

    public void Tell(StreamItem<IMessage> item) => Items.Tell(item);

    /// <summary>Awaits the next notice of type <typeparamref name="T"/>, skipping events and other notices.</summary>
    public async Task<T> NoticeAsync<T>()
        where T : GatewayNotice
    {
        while (true)
        {
            if ((await Items.ExpectAsync()).Notice is T notice)
            {
                return notice;
            }
        }
    }

    /// <summary>Awaits the next event of type <typeparamref name="T"/>, skipping everything else.</summary>
    public async Task<T> MessageAsync<T>()
        where T : class, IMessage
    {
        while (true)
        {
            if ((await Items.ExpectAsync()).Message is T message)
            {
                return message;
            }
        }
    }
}
