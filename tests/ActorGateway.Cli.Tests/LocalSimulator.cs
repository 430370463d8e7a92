using ActorGateway.Cli.Common;
using ActorGateway.Simulator;

namespace ActorGateway.Cli.Tests;

/// <summary>An in-process simulator on 127.0.0.1:0 over TLS, its certificate in a PEM file, and a folder for config files.</summary>
internal sealed class LocalSimulator : IAsyncDisposable
{
    private readonly SimulatorServer _server;
    private readonly string _directory;

    private LocalSimulator(SimulatorServer server, string directory, string certificatePath)
    {
        _server = server;
        _directory = directory;
        CertificatePath = certificatePath;
    }

    public string Endpoint => $"127.0.0.1:{_server.EndPoint.Port}";

    public string CertificatePath { get; }

    /// <summary>Fault injection: drop connections, delay replies...</summary>
    public SimulatorFaults Faults => _server.Faults;

    /// <summary>A config file with the simulator's demo application and token in its connect section.</summary>
    public Task<string> WriteCredentialsAsync(string secret = "demo-secret") => WriteConfAsync($$"""
        connect { client-id = actorgateway-demo, client-secret = "{{secret}}", access-token = demo-access-token }
        """);

    public static async Task<LocalSimulator> StartAsync()
    {
        var server = new SimulatorServer(new SimulatorOptions { Port = 0 });
        await server.StartAsync();
        var directory = Directory.CreateTempSubdirectory("cli-connect-").FullName;
        var certificate = Path.Combine(directory, "simulator.pem");
        await File.WriteAllTextAsync(certificate, server.Certificate!.ExportCertificatePem());
        return new LocalSimulator(server, directory, certificate);
    }

    public async Task<string> WriteConfAsync(string text)
    {
        var path = Path.Combine(_directory, $"{Guid.NewGuid():N}.conf");
        await File.WriteAllTextAsync(path, text);
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
