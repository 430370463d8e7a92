namespace ActorGateway.Hocon.Resolution;

/// <summary>
/// A string, number or boolean as text; null for HOCON's <c>null</c>. <see cref="Literal"/> text came (at least partly)
/// from quotes and is never converted as a duration or size. <see cref="FromEnvironment"/> text is an environment
/// variable's value, whole (a concatenation is not): how a secret may reach the configuration without being in a file.
/// </summary>
internal sealed record HoconText(string? Text, bool Literal, bool FromEnvironment = false) : HoconValue;
