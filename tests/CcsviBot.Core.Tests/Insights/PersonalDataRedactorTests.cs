using CcsviBot.Insights;

namespace CcsviBot.Core.Tests.Insights;

public sealed class PersonalDataRedactorTests
{
    [Theory]
    [InlineData("write to anna.smith+ms@example.org please", "write to [email] please")]
    [InlineData("call me back on +44 20 7946 0958 about CCSVI", "call me back on [phone] about CCSVI")]
    [InlineData("my number is (555) 123-4567", "my number is [phone]")]
    [InlineData("insurance id 1234567890123456789012", "insurance id [number]")]
    [InlineData("my name is John and I have MS", "my name is [name] and I have MS")]
    [InlineData("My name is Anna Maria Smith, is CCSVI real?", "My name is [name], is CCSVI real?")]
    [InlineData("I'm called peter. Does the liberation procedure work?", "I'm called [name]. Does the liberation procedure work?")]
    public void Removes_personal_data(string question, string expected) =>
        Assert.Equal(expected, PersonalDataRedactor.Redact(question));

    [Theory]
    [InlineData("What did the 2010-2013 studies find?")]
    [InlineData("Is venoplasty safe after 2 years of MS?")]
    [InlineData("What is CCSVI?")]
    public void Keeps_ordinary_questions(string question) =>
        Assert.Equal(question, PersonalDataRedactor.Redact(question));

    [Fact]
    public void Cuts_very_long_questions()
    {
        var redacted = PersonalDataRedactor.Redact(new string('a', 5000));
        Assert.Equal(PersonalDataRedactor.MaxStoredLength, redacted.Length);
    }
}
