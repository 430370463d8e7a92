using System.Globalization;

namespace ActorGateway.Protocol.Tests.Fuzzing;

/// <summary>
/// How many cases the fuzzer runs, from which seed. The normal test run takes 100,000 cases from a fixed seed;
/// <c>ACTORGATEWAY_FUZZ_CASES</c> and <c>ACTORGATEWAY_FUZZ_SEED</c> change either (e.g. 1,000,000 for the full run, or
/// a failure's seed to replay it).
/// </summary>
internal static class FuzzSettings
{
    public const int DefaultCases = 100_000;
    public const int DefaultSeed = 15_2026;

    public static int Cases => Read("ACTORGATEWAY_FUZZ_CASES", DefaultCases);

    public static int Seed => Read("ACTORGATEWAY_FUZZ_SEED", DefaultSeed);

    private static int Read(string variable, int fallback) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } text
            ? int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture)
            : fallback;
}
