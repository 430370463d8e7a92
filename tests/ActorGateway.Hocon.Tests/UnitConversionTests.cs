namespace ActorGateway.Hocon.Tests;

public sealed class UnitConversionTests
{
    [Theory]
    [InlineData("10s", "00:00:10")]
    [InlineData("250ms", "00:00:00.2500000")]
    [InlineData("2 minutes", "00:02:00")]
    [InlineData("5m", "00:05:00")]
    [InlineData("1h", "01:00:00")]
    [InlineData("1d", "1.00:00:00")]
    [InlineData("1.5 hours", "01:30:00")]
    [InlineData("3 seconds", "00:00:03")]
    [InlineData("500us", "00:00:00.0005000")]
    [InlineData("100 nanos", "00:00:00.0000001")]
    [InlineData("-2s", "-00:00:02")]
    public void Load_unquoted_duration_becomes_timespan_text(string hocon, string expected)
    {
        Assert.Equal(expected, Hocon.Load($"d = {hocon}")["d"]);
        Assert.Equal(TimeSpan.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            Hocon.Load($"d = {hocon}").GetValue<TimeSpan>("d"));
    }

    [Theory]
    [InlineData("16MiB", 16L * 1024 * 1024)]
    [InlineData("512k", 512L * 1024)]
    [InlineData("1 GB", 1_000_000_000L)]
    [InlineData("2 kibibytes", 2048L)]
    [InlineData("3M", 3L * 1024 * 1024)]
    [InlineData("10 bytes", 10L)]
    [InlineData("1.5 KiB", 1536L)]
    [InlineData("1TB", 1_000_000_000_000L)]
    public void Load_unquoted_size_becomes_a_byte_count(string hocon, long expected)
    {
        Assert.Equal(expected, Hocon.Load($"s = {hocon}").GetValue<long>("s"));
    }

    [Theory]
    [InlineData("\"10s\"", "10s")]
    [InlineData("\"16MiB\"", "16MiB")]
    [InlineData("\"2\" minutes", "2 minutes")]
    [InlineData("10 parsecs", "10 parsecs")]
    [InlineData("2b", "2b")]
    [InlineData("1.2.3", "1.2.3")]
    [InlineData("42", "42")]
    public void Load_quoted_or_unit_less_text_is_not_converted(string hocon, string expected)
    {
        Assert.Equal(expected, Hocon.Load($"v = {hocon}")["v"]);
    }

    [Fact]
    public void Load_substituted_duration_is_converted_and_quoted_one_is_not()
    {
        var config = Hocon.Load("base = 10s\nquoted = \"10s\"\na = ${base}\nb = ${quoted}");

        Assert.Equal("00:00:10", config["a"]);
        Assert.Equal("10s", config["b"]);
    }

    [Fact]
    public void Load_duration_too_large_for_a_timespan_is_left_as_text()
    {
        Assert.Equal("99999999999999 days", Hocon.Load("d = 99999999999999 days")["d"]);
    }
}
