namespace ActorGateway.Cli.Cluster;

/// <summary>
/// How to start this same CLI as another process: its own executable, or, when it runs as <c>dotnet ActorGateway.Cli.dll</c>
/// (and so in tests, where the host is dotnet too), dotnet with the CLI's assembly. The soak's node processes are then
/// exactly the code that runs the soak.
/// </summary>
internal sealed record NodeLauncher(string FileName, IReadOnlyList<string> Prefix)
{
    /// <exception cref="InvalidOperationException">The process's executable is unknown.</exception>
    public static NodeLauncher OfThisProcess()
    {
        var process = Environment.ProcessPath ?? throw new InvalidOperationException("This process's executable is unknown.");
        return string.Equals(Path.GetFileNameWithoutExtension(process), "dotnet", StringComparison.OrdinalIgnoreCase)
            ? new NodeLauncher(process, [typeof(CliRoot).Assembly.Location])
            : new NodeLauncher(process, []);
    }
}
