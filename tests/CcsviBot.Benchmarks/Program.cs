using BenchmarkDotNet.Running;
using CcsviBot.Benchmarks;

// dotnet run -c Release --project tests/CcsviBot.Benchmarks -- --filter '*'     (BenchmarkDotNet)
// dotnet run -c Release --project tests/CcsviBot.Benchmarks -- memory           (memory after load)
// dotnet run -c Release --project tests/CcsviBot.Benchmarks -- features FAQ TSV (calibration features)
if (args.Length == 1 && args[0] == "memory")
{
    return MemoryAfterLoad.Run();
}

if (args.Length == 3 && args[0] == "features")
{
    return FeatureDump.Run(args[1], args[2]);
}

BenchmarkSwitcher.FromAssembly(typeof(Corpora).Assembly).Run(args);
return 0;
