namespace ActorGateway.Cli.Common;

/// <summary>A mistake the user can fix (missing credentials, an unknown symbol); shown as its message alone.</summary>
internal sealed class CliException(string message) : Exception(message);
