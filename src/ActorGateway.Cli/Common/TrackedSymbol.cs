using ActorGateway.Protocol.Messages;

namespace ActorGateway.Cli.Common;

/// <summary>A symbol whose prices are being shown: its full specification and its name (which only the light list carries).</summary>
internal sealed record TrackedSymbol(ProtoOASymbol Spec, string Name);
