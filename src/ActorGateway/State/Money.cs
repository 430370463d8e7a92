namespace ActorGateway.State;

/// <summary>
/// The protocol's money is an integer scaled by 10^moneyDigits, sent beside it; amounts here are decimals in the
/// account's deposit currency, exact for every digit count the server uses.
/// </summary>
public static class Money
{
    private static readonly decimal[] Scales = [1m, 10m, 100m, 1_000m, 10_000m, 100_000m, 1_000_000m, 10_000_000m, 100_000_000m];

    /// <summary>The amount <paramref name="units"/> stands for at <paramref name="digits"/> money digits.</summary>
    /// <exception cref="ArgumentOutOfRangeException">More than 8 digits: no server sends that.</exception>
    public static decimal FromUnits(long units, int digits) => units / Scale(digits);

    /// <summary><paramref name="amount"/> rounded to <paramref name="digits"/> money digits (half away from zero).</summary>
    public static decimal Round(decimal amount, int digits) => Math.Round(amount, digits, MidpointRounding.AwayFromZero);

    private static decimal Scale(int digits) =>
        (uint)digits < (uint)Scales.Length
            ? Scales[digits]
            : throw new ArgumentOutOfRangeException(nameof(digits), digits, "Money digits must be between 0 and 8.");
}
