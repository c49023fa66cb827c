using System.Text.RegularExpressions;
using CcsviBot.Insights;
using Xunit.Abstractions;

namespace CcsviBot.Core.Tests.Insights;

public sealed partial class PersonalDataRedactorTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("I am John Smith", "I am [name]")]
    [InlineData("this is Dr. Peter Jones", "this is Dr. [name]")]
    [InlineData("I'm Anna", "I'm [name]")]
    [InlineData("my name\u2019s Lisa M\u00fcller", "my name's [name]")]
    [InlineData("john dot smith at example dot com", "[email]")]
    [InlineData("anna\uFF20example.org", "[email]")]
    [InlineData("I live at 12 High Street", "I live at [address]")]
    public void Removes_what_the_security_review_found_stored(string question, string expected) =>
        Assert.Equal(expected, PersonalDataRedactor.Redact(question));

    /// <summary>
    /// Precision and recall over a labelled list of realistic messages: a mark the redactor writes where the label has
    /// one is a true positive, an extra mark a false positive, a missing one a false negative; messages with nothing
    /// personal (medical words, capitalised diagnoses and drugs, Dr Zamboni) must come back unchanged.
    /// </summary>
    [Fact]
    public void Precision_and_recall_on_the_labelled_messages()
    {
        var rows = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Insights", "redaction-labelled.tsv"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .ToList();
        int truePositives = 0, falsePositives = 0, falseNegatives = 0, exact = 0, changedClean = 0;
        foreach (var row in rows)
        {
            var expected = row[1] == "=" ? row[0] : row[1];
            var actual = PersonalDataRedactor.Redact(row[0]);
            foreach (var mark in new[] { PersonalDataRedactor.NameMark, PersonalDataRedactor.EmailMark, PersonalDataRedactor.PhoneMark, PersonalDataRedactor.NumberMark, PersonalDataRedactor.AddressMark })
            {
                var want = Count(expected, mark);
                var got = Count(actual, mark);
                truePositives += Math.Min(want, got);
                falsePositives += Math.Max(0, got - want);
                falseNegatives += Math.Max(0, want - got);
            }

            exact += actual == expected ? 1 : 0;
            changedClean += row[1] == "=" && actual != row[0] ? 1 : 0;
            if (actual != expected)
            {
                output.WriteLine($"{row[0]}\n  want {expected}\n  got  {actual}");
            }
        }

        var precision = (double)truePositives / (truePositives + falsePositives);
        var recall = (double)truePositives / (truePositives + falseNegatives);
        output.WriteLine($"{rows.Count} messages, {rows.Count(r => r[1] != "=")} with personal data: precision {precision:P1}, recall {recall:P1}, exact {exact}/{rows.Count}");
        Assert.True(rows.Count >= 100);
        Assert.True(changedClean <= 2, $"{changedClean} messages without personal data were changed");
        Assert.True(precision >= 0.95, $"precision {precision:P1}");
        Assert.True(recall >= 0.90, $"recall {recall:P1}");
    }

    [Theory]
    [InlineData("I am Diagnosed with RRMS and on Ocrevus")]
    [InlineData("This is MS, isn't it?")]
    [InlineData("I'm Relapsing again, is it CCSVI?")]
    [InlineData("I am Numb in both legs")]
    [InlineData("this is Venoplasty, right?")]
    [InlineData("Dr Zamboni's Liberation procedure")]
    public void Medical_words_are_never_taken_for_names(string question) =>
        Assert.Equal(question.Replace('\u2019', '\''), PersonalDataRedactor.Redact(question));

    private static int Count(string text, string mark) => Regex.Count(text, Regex.Escape(mark));

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
