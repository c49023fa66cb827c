using BenchmarkDotNet.Running;
using CcsviBot.Benchmarks;

if (args.Length == 3 && args[0] == "features")
{
    return FeatureDump.Run(args[1], args[2]);
}

BenchmarkSwitcher.FromAssembly(typeof(FeatureDump).Assembly).Run(args);
return 0;
