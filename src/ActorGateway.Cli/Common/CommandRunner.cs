using ActorGateway.Hocon;
using ActorGateway.Session;
using Spectre.Console;

namespace ActorGateway.Cli.Common;

/// <summary>
/// Runs a command's body and turns any failure into one clear line and a non-zero exit code; the stack trace only with
/// <c>--verbose</c>.
/// </summary>
internal static class CommandRunner
{
    public const int Failed = 1;
    public const int BadInput = 2;
    public const int ConnectionFailed = 3;
    public const int Rejected = 4;
    public const int TimedOut = 5;
    public const int Interrupted = 130;

    public static Task<int> RunAsync(CliContext context, bool verbose, Func<CancellationToken, Task<int>> body,
        CancellationToken cancellationToken) => RunAsync(context.Console, verbose, body, cancellationToken);

    public static async Task<int> RunAsync(IAnsiConsole console, bool verbose, Func<CancellationToken, Task<int>> body,
        CancellationToken cancellationToken)
    {
        try
        {
            return await body(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            console.Profile.Out.Writer.WriteLine("interrupted");
            return Interrupted;
        }
        catch (Exception e)
        {
            var (line, code) = Describe(e);

            // Written as is rather than rendered, so a narrow or redirected console cannot wrap it into several lines.
            console.Profile.Out.Writer.WriteLine($"error: {line}");
            if (verbose)
            {
                console.WriteException(e);
            }

            return code;
        }
    }

    /// <summary>One line for the user and the exit code. Messages of the gateway's exceptions never carry secrets.</summary>
    internal static (string Line, int Code) Describe(Exception error) => error switch
    {
        CliException e => (e.Message, BadInput),
        GatewayRejectedException e => ($"the server refused the request: {e.ErrorCode}"
            + (e.Description is null ? "" : $" ({e.Description})"), Rejected),
        GatewayAccountException e => (e.Message, Rejected),
        GatewayConnectionException { Kind: ConnectionFailureKind.TlsFailure } e => ($"connection failed (TlsFailure): {e.Message} "
            + "Trust the server's certificate with --trust-cert FILE (the simulator writes its own with --cert-out FILE), "
            + "or, for a local simulator only, skip the check with --insecure.", ConnectionFailed),
        GatewayConnectionException e => ($"connection failed ({e.Kind}): {e.Message}", ConnectionFailed),
        GatewayTimeoutException e => (e.Message, TimedOut),
        TimeoutException e => (e.Message, TimedOut),
        GatewayProtocolException e => ($"protocol error: {e.Message}", Failed),
        HoconParseException e => ($"configuration: {e.Message}", BadInput),
        ArgumentException e => ($"configuration: {WithoutParameter(e)}", BadInput),
        FileNotFoundException e => (e.Message, BadInput),
        InvalidDataException e => ($"configuration: {e.Message}", BadInput),
        FormatException e => ($"configuration: {e.Message}", BadInput),
        InvalidOperationException e when e.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal)
            => ($"configuration: {e.Message}", BadInput),
        _ => ($"unexpected {error.GetType().Name}: {error.Message}", Failed),
    };

    /// <summary>The message without the " (Parameter 'name')" the runtime appends: the name is the code's, not the user's.</summary>
    private static string WithoutParameter(ArgumentException e)
    {
        var suffix = $" (Parameter '{e.ParamName}')";
        return e.ParamName is not null && e.Message.EndsWith(suffix, StringComparison.Ordinal) ? e.Message[..^suffix.Length] : e.Message;
    }
}
