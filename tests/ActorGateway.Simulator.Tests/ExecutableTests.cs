using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using ActorGateway.Protocol.Messages;
using ActorGateway.Simulator.Tests.Support;
using ActorGateway.TestKit;

namespace ActorGateway.Simulator.Tests;

public sealed partial class ExecutableTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Executable_prints_its_listening_line_then_serves_on_that_port(bool tls)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "ActorGateway.Simulator.dll"), "--port", "0", "--seed", "3" },
            RedirectStandardOutput = true,
        };
        if (!tls)
        {
            start.ArgumentList.Add("--no-tls");
        }

        using var process = Process.Start(start)!;
        try
        {
            var line = await process.StandardOutput.ReadLineAsync().OrTimeout(TestTimeouts.Dilated(TimeSpan.FromSeconds(30)));
            var match = ListeningLine().Match(line ?? "");
            Assert.True(match.Success, $"Unexpected first line: {line}");
            Assert.Equal(tls ? "tls" : "tcp", match.Groups["mode"].Value);

            var endPoint = new IPEndPoint(IPAddress.Parse(match.Groups["host"].Value), int.Parse(match.Groups["port"].Value,
                System.Globalization.CultureInfo.InvariantCulture));
            await using var client = await RawClient.ConnectAsync(endPoint, tls ? _ => true : null);
            await client.SendAsync(SimulatorHost.AppAuth(), "auth");
            await client.ExpectAsync<ProtoOAApplicationAuthRes>("auth");
            await client.SendAsync(new ProtoOAVersionReq(), "v");
            await client.ExpectAsync<ProtoOAVersionRes>("v");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().OrTimeout();
        }
    }

    [GeneratedRegex(@"^listening on (?<host>[0-9.]+):(?<port>\d+) \((?<mode>tls|tcp)\)$")]
    private static partial Regex ListeningLine();
}
