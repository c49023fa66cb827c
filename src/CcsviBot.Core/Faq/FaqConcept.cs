namespace CcsviBot.Core.Faq;

/// <summary>
/// Something a question names, read by its words: a subject it is about (<c>faq/subjects.yaml</c>: CCSVI and its
/// treatment, MS in general, the service, conditions the FAQ does not cover) or what it asks for (<c>faq/asks.yaml</c>:
/// prevention, cost, a dose…). <see cref="Names"/> are the words that name it ("liberation", "multiple sclerosis",
/// "gout", "prevented"); <see cref="NotNames"/> look like names but are not ("ms society" is an organisation, not a
/// question about MS). <see cref="Declined"/>, when given, is what the bot says instead of its plain "no good answer"
/// when a question that names the concept gets none: where to ask instead ("for other questions about MS, your
/// neurologist or MS nurse…").
/// </summary>
public sealed record FaqConcept(string Id, string About, IReadOnlyList<string> Names, IReadOnlyList<string> NotNames, string? Declined = null);
