namespace CcsviBot.Tests.DirectLine;

/// <summary>One live bot for the Node, browser and pipeline tests, which then run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class LiveBotCollection : ICollectionFixture<LiveBotHost>
{
    public const string Name = "Live bot on a loopback port";
}
