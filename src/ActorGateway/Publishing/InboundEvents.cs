using ActorGateway.Protocol;

namespace ActorGateway.Publishing;

/// <summary>What one socket read brought, for the publisher.</summary>
internal sealed record InboundEvents(OpenApiMessage[] Messages);
