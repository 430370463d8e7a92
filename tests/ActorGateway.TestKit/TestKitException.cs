namespace ActorGateway.TestKit;

/// <summary>An expectation of the test kit was not met; test frameworks report it as a failed test.</summary>
public sealed class TestKitException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TestKitException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
