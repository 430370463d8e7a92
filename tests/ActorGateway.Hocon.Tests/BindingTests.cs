namespace ActorGateway.Hocon.Tests;

public sealed class BindingTests
{
    private const string Reference = """
        # every key, its default and why
        gateway {
          heartbeat-interval = 10s   // the server drops a silent client after about 30 s
          max-retries = 3
          use-tls = true
          hosts = [ "demo.ctraderapi.com", "live.ctraderapi.com" ]
          client-secret = ${?SECRET_VARIABLE}
          max-frame-size = 16MiB
          reconnect { initial-delay = 250ms, max-delay = 1 minute }
        }
        """;

    [Fact]
    public void Bind_reference_document_fills_timespan_int_bool_array_long_and_nested_options()
    {
        var text = Reference.Replace("SECRET_VARIABLE", TemporaryEnvironmentVariable.UnsetName(), StringComparison.Ordinal);

        var options = new ConfigurationBuilder().AddHoconString(text).Build().GetSection("gateway").Get<SampleOptions>()!;

        Assert.Equal(TimeSpan.FromSeconds(10), options.HeartbeatInterval);
        Assert.Equal(3, options.MaxRetries);
        Assert.True(options.UseTls);
        Assert.Equal(["demo.ctraderapi.com", "live.ctraderapi.com"], options.Hosts);
        Assert.Equal(string.Empty, options.ClientSecret);
        Assert.Equal(16L * 1024 * 1024, options.MaxFrameSize);
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.Reconnect.InitialDelay);
        Assert.Equal(TimeSpan.FromMinutes(1), options.Reconnect.MaxDelay);
    }

    [Fact]
    public void Bind_user_file_including_the_reference_overrides_it_and_secret_comes_from_the_environment()
    {
        using var secret = new TemporaryEnvironmentVariable("s3cr3t");
        using var directory = new TempDirectory();
        directory.Write("reference.conf", Reference.Replace("SECRET_VARIABLE", secret.Name, StringComparison.Ordinal));
        var user = directory.Write("gateway.conf", """
            include required("reference.conf")
            gateway { max-retries = 7, hosts = [ localhost ], reconnect.max-delay = 30s }
            """);

        var options = Hocon.LoadFile(user).GetSection("gateway").Get<SampleOptions>()!;

        Assert.Equal("s3cr3t", options.ClientSecret);
        Assert.Equal(7, options.MaxRetries);
        Assert.Equal(["localhost"], options.Hosts);
        Assert.Equal(TimeSpan.FromSeconds(10), options.HeartbeatInterval);
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.Reconnect.InitialDelay);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Reconnect.MaxDelay);
    }
}
