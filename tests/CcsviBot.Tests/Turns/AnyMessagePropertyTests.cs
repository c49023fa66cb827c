using System.Net;
using FsCheck;
using FsCheck.Fluent;

namespace CcsviBot.Tests.Turns;

public sealed class AnyMessagePropertyTests(BotFixture fixture) : IClassFixture<BotFixture>
{
    [Fact]
    public void Any_message_text_gets_200_and_a_reply_with_the_disclaimer()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), text =>
        {
            var message = TestChannel.Message(text);
            using var response = fixture.Host.PostActivityAsync(message).GetAwaiter().GetResult();
            var reply = fixture.Channel.ReplyToAsync(message.Id!).GetAwaiter().GetResult();
            return response.StatusCode == HttpStatusCode.OK
                && reply.Activity.Text!.Contains(TestKnowledgeBase.Disclaimer, StringComparison.Ordinal);
        }).QuickCheckThrowOnFailure();
    }
}
