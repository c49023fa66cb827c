namespace CcsviBot.Core.Evaluation;

/// <summary>
/// Reads <c>questions.tsv</c> or <c>real-questions.tsv</c>: a header starting <c>question&lt;TAB&gt;expected</c>, then one
/// case per line; further columns (a source URL, a split) are the reader's, except that a <c>split</c> column named in
/// the header can select one part (real-questions.tsv: <c>tune</c>, which may be tuned on, or <c>report</c>, which is only reported).
/// </summary>
public static class EvaluationSet
{
    public const string None = "none";
    public const string Urgent = "urgent";

    /// <summary>The cases, or an error message naming the line.</summary>
    public static (IReadOnlyList<EvaluationCase> Cases, string? Error) Parse(IEnumerable<string> lines, string? split = null)
    {
        var cases = new List<EvaluationCase>();
        var lineNumber = 0;
        var splitColumn = -1;
        foreach (var raw in lines)
        {
            lineNumber++;
            var line = raw.TrimEnd('\r');
            if (lineNumber == 1)
            {
                if (!line.StartsWith("question\texpected", StringComparison.OrdinalIgnoreCase))
                {
                    return ([], "line 1: expected the header 'question<TAB>expected'");
                }

                splitColumn = Array.FindIndex(line.Split('\t'), c => string.Equals(c.Trim(), "split", StringComparison.OrdinalIgnoreCase));
                if (split is not null && splitColumn < 0)
                {
                    return ([], "line 1: no 'split' column to select a part by");
                }

                continue;
            }

            if (string.IsNullOrWhiteSpace(line) || line.StartsWith('#'))
            {
                continue;
            }

            // Columns after the first two (real-questions.tsv: source, split) are the reader's, not the evaluation's.
            var fields = line.Split('\t');
            if (fields.Length < 2 || fields[0].Trim().Length == 0 || fields[1].Trim().Length == 0)
            {
                return ([], $"line {lineNumber}: expected 'question<TAB>expected'");
            }

            if (split is not null && (fields.Length <= splitColumn || !string.Equals(fields[splitColumn].Trim(), split, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var question = fields[0].Trim();
            var expected = fields[1].Trim();
            var isNone = string.Equals(expected, None, StringComparison.OrdinalIgnoreCase);
            var isUrgent = string.Equals(expected, Urgent, StringComparison.OrdinalIgnoreCase);
            var ids = isNone || isUrgent ? [] : expected.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            cases.Add(new EvaluationCase(lineNumber, question, ids, isNone, isUrgent));
        }

        return (cases, null);
    }
}
