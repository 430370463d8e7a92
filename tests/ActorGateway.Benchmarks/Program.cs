using BenchmarkDotNet.Running;

// `dotnet run -c Release --project tests/ActorGateway.Benchmarks -- --filter '*'` runs them all; see README "Performance".
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
