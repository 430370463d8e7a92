namespace ActorGateway.Tests;

public sealed class GatewayOptionsTests
{
    [Fact]
    public void Defaults_match_the_documented_values()
    {
        var options = new GatewayOptions();

        Assert.Empty(options.Hosts);
        Assert.Equal([new GatewayEndpoint(OpenApiEndpoints.DemoHost, 5035)], GatewaySettings.From(options).Endpoints);
        Assert.Equal(TimeSpan.FromSeconds(10), options.HeartbeatInterval);
        Assert.Equal(TimeSpan.FromSeconds(30), options.ServerSilenceTimeout);
        Assert.Equal((50, 5), (options.Throttle.StandardPerSecond, options.Throttle.HistoricalPerSecond));
        Assert.True(options.Tls.Enabled);
        Assert.False(options.Tls.AllowUntrustedCertificate);
        Assert.Equal(QueuedRequestPolicy.WaitForReconnect, options.QueuedRequests);
        options.Validate();
    }

    [Theory]
    [InlineData("RequestTimeout")]
    [InlineData("Hosts")]
    [InlineData("Host:port")]
    [InlineData("StandardPerSecond")]
    [InlineData("MaxDelay")]
    [InlineData("Untrusted")]
    public void Validate_setting_out_of_range_names_it(string setting)
    {
        var options = new GatewayOptions();
        var expected = setting switch
        {
            "RequestTimeout" => Set(() => options.RequestTimeout = TimeSpan.Zero, nameof(GatewayOptions.RequestTimeout)),
            "Hosts" => Set(() => options.Hosts = [" "], "host must not be empty"),
            "Host:port" => Set(() => options.Hosts = ["demo:notaport"], "notaport"),
            "StandardPerSecond" => Set(() => options.Throttle.StandardPerSecond = 0, "Throttle.StandardPerSecond"),
            "MaxDelay" => Set(() => options.Reconnect.MaxDelay = TimeSpan.FromMilliseconds(10), "Reconnect.MaxDelay"),
            _ => Set(() =>
            {
                options.Tls.AllowUntrustedCertificate = true;
                options.Tls.TrustedCertificatePath = "ca.pem";
            }, "Tls.AllowUntrustedCertificate"),
        };

        var error = Assert.Throws<ArgumentException>(options.Validate);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Client_copies_the_options_so_later_changes_have_no_effect()
    {
        var options = new GatewayOptions { Hosts = ["a"] };
        var settings = GatewaySettings.From(options);

        options.Hosts.Add("b");
        options.RequestTimeout = TimeSpan.FromMinutes(9);

        Assert.Equal([new GatewayEndpoint("a", 5035)], settings.Endpoints);
        Assert.Equal(TimeSpan.FromSeconds(10), settings.RequestTimeout);
    }

    [Theory]
    [InlineData("demo.ctraderapi.com", "demo.ctraderapi.com", 5035)]
    [InlineData("127.0.0.1:6000", "127.0.0.1", 6000)]
    public void GatewayEndpoint_Parse_takes_an_optional_port(string text, string host, int port)
    {
        Assert.Equal(new GatewayEndpoint(host, port), GatewayEndpoint.Parse(text, 5035));
    }

    private static string Set(Action change, string name)
    {
        change();
        return name;
    }
}
