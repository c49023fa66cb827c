using BenchmarkDotNet.Running;
using CcsviBot.Benchmarks;
using CcsviBot.Benchmarks.Calibration;

// dotnet run -c Release --project tests/CcsviBot.Benchmarks -- --filter '*'     (BenchmarkDotNet)
// dotnet run -c Release --project tests/CcsviBot.Benchmarks -- memory           (memory after load)
// dotnet run -c Release --project tests/CcsviBot.Benchmarks -- features FAQ TSV (ranking features per question)
// dotnet run -c Release --project tests/CcsviBot.Benchmarks -- calibrate [--misses] (fit weights, confidence, thresholds on training data)
if (args.Length == 1 && args[0] == "memory")
{
    return MemoryAfterLoad.Run();
}

if (args.Length is 1 or 2 && args[0] == "calibrate")
{
    return Calibration.Run(showMisses: args.Length == 2 && args[1] == "--misses");
}

// dotnet run -c Release --project tests/CcsviBot.Benchmarks -- calibrate-safety [--misses] (safety screen thresholds, leave one writer out)
if (args.Length is 1 or 2 && args[0] == "calibrate-safety")
{
    return SafetyCalibration.Run(showMisses: args.Length == 2 && args[1] == "--misses");
}

// dotnet run -c Release --project tests/CcsviBot.Benchmarks -- safety-explain TEXT [WRITER] (why the safety screen reads TEXT so; trained without WRITER)
if (args.Length is 2 or 3 && args[0] == "safety-explain")
{
    return SafetyExplain.Run(args[1], args.Length == 3 ? args[2] : null);
}

// dotnet run -c Release --project tests/CcsviBot.Benchmarks -- safety-scan FILE (each line's urgent score, danger concepts and verdict)
if (args.Length == 2 && args[0] == "safety-scan")
{
    return SafetyScan.Run(args[1]);
}

// dotnet run -c Release --project tests/CcsviBot.Benchmarks -- meaning (the second opinion's cost: model, vectors, latency, throughput)
if (args.Length == 1 && args[0] == "meaning")
{
    return MeaningCost.Run();
}

if (args.Length == 3 && args[0] == "features")
{
    return FeatureDump.Run(args[1], args[2]);
}

// dotnet run -c Release --project tests/CcsviBot.Benchmarks -- reload ccsvi|medquad-16k [ROUNDS] [ASKERS] [--change-phrasings] (hot reload under load)
if (args.Length is >= 2 and <= 5 && args[0] == "reload")
{
    var changePhrasings = args[^1] == "--change-phrasings";
    var numbers = changePhrasings ? args[..^1] : args;
    int Number(int index, int fallback) => numbers.Length > index ? int.Parse(numbers[index], System.Globalization.CultureInfo.InvariantCulture) : fallback;
    return await ReloadUnderLoad.RunAsync(args[1], Number(2, 10), Number(3, Environment.ProcessorCount), changePhrasings);
}

// dotnet run -c Release --project tests/CcsviBot.Benchmarks -- scale [COPIES] [--decisions FILE] [--parts] (MedQuAD build, latency, reworded decisions;
// --parts: only each build part timed alone, for a profiler)
if (args.Length is >= 1 and <= 5 && args[0] == "scale")
{
    var copies = args.Length > 1 && !args[1].StartsWith("--", StringComparison.Ordinal) ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1;
    var decisions = Array.IndexOf(args, "--decisions") is var at && at > 0 && at + 1 < args.Length ? args[at + 1] : null;
    return ScaleRun.Run(copies, decisions, partsOnly: args.Contains("--parts"));
}

// dotnet run -c Release --project tests/CcsviBot.Benchmarks -- soak MINUTES [WORKERS] (Direct Line soak against 127.0.0.1, memory sampled)
if (args.Length is 2 or 3 && args[0] == "soak")
{
    var minutes = double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
    var workers = args.Length == 3 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 4;
    if (minutes is <= 0 or > 120 || workers is < 1 or > 64)
    {
        Console.Error.WriteLine("soak MINUTES (0-120] [WORKERS 1-64]");
        return 2;
    }

    return await DirectLineSoak.RunAsync(minutes, workers);
}

// dotnet run -c Release --project tests/CcsviBot.Benchmarks -- load SECONDS CONNECTIONS [--host DLL --root DIR --url URL --ready PATH] [--redis HOST:PORT] (Direct Line turns per second;
//   with --redis, also two instances sharing that Redis, half the connections on each, and the memory Redis holds per conversation)
if (args.Length >= 3 && args[0] == "load")
{
    return await DirectLineLoad.RunAsync(args[1..]);
}

// dotnet run -c Release --project tests/CcsviBot.Benchmarks -- askloop ccsvi|medquad-16k [ROUNDS] (one short question on one thread: wall, processor time, bytes)
if (args.Length is 2 or 3 && args[0] == "askloop")
{
    return AskLoop.Run(args[1], args.Length == 3 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 50);
}

BenchmarkSwitcher.FromAssembly(typeof(Corpora).Assembly).Run(args);
return 0;
