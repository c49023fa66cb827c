namespace CcsviBot.Tests;

/// <summary>One authenticated single-tenant bot and its channel, shared by a test class (tests correlate replies by activity id).</summary>
public sealed class BotFixture : IDisposable
{
    public BotFixture()
    {
        Channel = new TestChannel();
        Host = new BotTestHost(Channel);
    }

    public TestChannel Channel { get; }

    public BotTestHost Host { get; }

    public void Dispose()
    {
        Host.Dispose();
        Channel.Dispose();
    }
}
