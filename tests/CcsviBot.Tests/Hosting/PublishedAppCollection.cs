namespace CcsviBot.Tests.Hosting;

/// <summary>The published-app test runs a second bot process: it runs with no other test class beside it.</summary>
[CollectionDefinition(nameof(PublishedAppCollection), DisableParallelization = true)]
public sealed class PublishedAppCollection;
