namespace ActorGateway.Protocol;

/// <summary>
/// Exceptions that say the process is in trouble, not the bytes: decoding never turns these into a protocol error, so
/// they reach whoever can still decide to stop.
/// </summary>
internal static class FatalExceptions
{
    public static bool Is(Exception exception) =>
        exception is OutOfMemoryException or StackOverflowException or AccessViolationException
            or System.Runtime.InteropServices.SEHException;
}
