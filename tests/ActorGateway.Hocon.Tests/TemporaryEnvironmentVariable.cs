namespace ActorGateway.Hocon.Tests;

/// <summary>
/// An environment variable with a unique name, set for the life of the object. Unique names keep tests that run in
/// parallel from seeing each other's variables.
/// </summary>
internal sealed class TemporaryEnvironmentVariable : IDisposable
{
    public TemporaryEnvironmentVariable(string? value)
    {
        Environment.SetEnvironmentVariable(Name, value);
    }

    public string Name { get; } = "HOCON_TEST_" + Guid.NewGuid().ToString("N");

    /// <summary>A name that no variable has (the variable is never set).</summary>
    public static string UnsetName() => "HOCON_UNSET_" + Guid.NewGuid().ToString("N");

    public void Dispose() => Environment.SetEnvironmentVariable(Name, null);
}
