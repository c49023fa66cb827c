namespace CcsviBot.Core.Faq;

/// <summary>
/// Something a question can be about (<c>faq/subjects.yaml</c>): CCSVI and its treatment, MS in general, the service,
/// or conditions the FAQ does not cover. <see cref="Names"/> are the words by which a question names it ("liberation",
/// "multiple sclerosis", "gout"); <see cref="NotNames"/> look like names but are not ("ms society" is an organisation,
/// not a question about MS). A subject that no entry has is one the FAQ declines.
/// </summary>
public sealed record FaqSubject(string Id, string About, IReadOnlyList<string> Names, IReadOnlyList<string> NotNames);
