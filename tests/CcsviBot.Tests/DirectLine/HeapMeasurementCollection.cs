namespace CcsviBot.Tests.DirectLine;

/// <summary>Tests that measure the process's heap run with no other test class beside them.</summary>
[CollectionDefinition(nameof(HeapMeasurementCollection), DisableParallelization = true)]
public sealed class HeapMeasurementCollection;
