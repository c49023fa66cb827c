namespace CcsviBot.Core.Safety;

/// <summary>
/// One labelled message the learned screen trains on (<c>faq/safety-examples.tsv</c>). <paramref name="Writer"/> names
/// who wrote it, so that calibration can hold out whole writers: lines of one writer on both sides of a split would
/// measure how well the screen remembers that writer, not how it reads people it has never seen.
/// </summary>
public sealed record SafetyExample(string Text, SafetyLabel Label, string Category, string Writer);
