namespace ActorGateway.Hosting;

/// <summary>Hands out the gateways registered with <c>AddActorGateway</c>, one client per name for the host's lifetime.</summary>
public interface IGatewayClientFactory
{
    /// <summary>
    /// The names of every registered gateway (the unnamed one is <see cref="Microsoft.Extensions.Options.Options.DefaultName"/>, "").
    /// </summary>
    public IReadOnlyCollection<string> Names { get; }

    /// <summary>The client of the gateway named <paramref name="name"/>, created on first use from its validated options.</summary>
    /// <exception cref="InvalidOperationException">No gateway of that name is registered.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">
    /// Its options are not valid; the message names the key.
    /// </exception>
    /// <exception cref="ObjectDisposedException">The host has stopped and disposed its gateways.</exception>
    public IGatewayClient GetClient(string name);
}
