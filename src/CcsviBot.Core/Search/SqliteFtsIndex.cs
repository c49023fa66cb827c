using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using CcsviBot.Core.Faq;
using CcsviBot.Core.Text;
using Microsoft.Data.Sqlite;

namespace CcsviBot.Core.Search;

/// <summary>How much each field counts in the FTS5 bm25 ranking.</summary>
public sealed record FieldWeights(double Question = 10, double Alternates = 6, double Answer = 1);

/// <summary>
/// <see cref="IFaqIndex"/> over an in-memory SQLite database with an FTS5 table (porter stemming, diacritics removed)
/// holding each entry's question, alternates and answer in <see cref="TextNormalizer"/> normal form.
/// Searches run in parallel on a pool of connections to the shared-cache database, each with its prepared statements.
/// The vocabulary for spelling correction is read once from fts5vocab (an unstemmed twin table) at build time.
/// bm25 ranks only when more entries match than are wanted: on a small FAQ most questions match fewer, and bm25 first
/// counts the documents of every phrase of the query, which costs twice the match itself.
/// </summary>
public sealed class SqliteFtsIndex : IFaqIndex
{
    private readonly IReadOnlyList<FaqEntry> entries;
    private readonly string connectionString;
    private readonly string rankedSql;
    private readonly SqliteConnection keepAlive;
    private readonly ConcurrentBag<SearchSession> idleSessions = [];
    private readonly SpellingDictionary vocabulary;
    private readonly Dictionary<string, int> documentFrequencyOfStem;

    // One reference for the owner plus one per search in flight; the database closes when it reaches zero.
    private int references = 1;
    private int disposed;

    private SqliteFtsIndex(
        IReadOnlyList<FaqEntry> entries,
        string connectionString,
        SqliteConnection keepAlive,
        FieldWeights weights,
        SpellingDictionary vocabulary,
        Dictionary<string, int> documentFrequencyOfStem)
    {
        this.entries = entries;
        this.connectionString = connectionString;
        this.keepAlive = keepAlive;
        this.vocabulary = vocabulary;
        this.documentFrequencyOfStem = documentFrequencyOfStem;
        rankedSql = string.Create(
            CultureInfo.InvariantCulture,
            $"SELECT rowid FROM faq WHERE faq MATCH $query ORDER BY bm25(faq, {weights.Question:0.###}, {weights.Alternates:0.###}, {weights.Answer:0.###}) LIMIT $limit");
    }

    public int Count => entries.Count;

    public static SqliteFtsIndex Build(IReadOnlyList<FaqEntry> entries, FieldWeights? weights = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = $"faq-index-{Guid.NewGuid():N}",
            Mode = SqliteOpenMode.Memory,
            Cache = SqliteCacheMode.Shared,
            Pooling = false,
        }.ToString();

        var keepAlive = new SqliteConnection(connectionString);
        try
        {
            keepAlive.Open();
            Execute(keepAlive, """
                CREATE VIRTUAL TABLE faq USING fts5(question, alternates, answer, content='', tokenize='porter unicode61 remove_diacritics 2');
                CREATE VIRTUAL TABLE words USING fts5(text, content='', detail=none, tokenize='unicode61 remove_diacritics 2');
                CREATE VIRTUAL TABLE words_vocab USING fts5vocab(words, row);
                CREATE VIRTUAL TABLE faq_vocab USING fts5vocab(faq, row);
                """);

            InsertEntries(keepAlive, entries);
            var vocabulary = ReadVocabulary(keepAlive, "words_vocab");
            var stems = ReadVocabulary(keepAlive, "faq_vocab").ToDictionary(v => v.Word, v => v.Frequency, StringComparer.Ordinal);

            // The word table only served to read the vocabulary; the ranking table stays, merged into one b-tree
            // (FTS5 'optimize'): a search then reads one segment instead of many, about ten times faster.
            Execute(keepAlive, "DROP TABLE faq_vocab; DROP TABLE words_vocab; DROP TABLE words; INSERT INTO faq(faq) VALUES('optimize');");
            return new SqliteFtsIndex(entries, connectionString, keepAlive, weights ?? new FieldWeights(), new SpellingDictionary(vocabulary), stems);
        }
        catch
        {
            keepAlive.Dispose();
            throw;
        }
    }

    public IReadOnlyList<FaqEntry> Candidates(AnalyzedQuery query, int limit)
    {
        ArgumentNullException.ThrowIfNull(query);
        var searched = WithoutCommonTerms(query);
        var match = ToMatchExpression(searched);
        if (match.Length == 0 || limit <= 0 || !TryAddReference())
        {
            return [];
        }

        try
        {
            var session = idleSessions.TryTake(out var idle) ? idle : new SearchSession(connectionString, rankedSql);
            try
            {
                // When the limit holds every entry, all matches fit: no count, no ranking.
                return limit >= entries.Count
                    ? session.Run(match, entries.Count, rankFirst: false, entries)
                    : session.Run(match, limit, rankFirst: MatchesMoreThan(searched, limit), entries);
            }
            finally
            {
                idleSessions.Add(session);
            }
        }
        finally
        {
            Release();
        }
    }

    public bool ContainsTerm(string term) => vocabulary.Contains(term);

    public IReadOnlyList<string> SimilarTerms(string term, int maxEdits) => vocabulary.Similar(term, maxEdits);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0)
        {
            Release();
        }
    }

    /// <summary>
    /// Every form is a quoted FTS5 string (a phrase when multi-word), so nothing the user typed is ever read as
    /// FTS5 syntax. Normal form holds only letters, digits and single spaces, and quotes are doubled all the same.
    /// </summary>
    internal static string ToMatchExpression(AnalyzedQuery query)
    {
        var builder = new StringBuilder();
        foreach (var term in query.Terms.Where(t => t.Known))
        {
            var forms = term.Forms.Select(TextNormalizer.Normalize).Where(f => f.Length > 0).Distinct(StringComparer.Ordinal).ToList();

            // A phrase holding a word that is a form on its own matches nothing more ("balloon angioplasty" beside
            // "angioplasty"): leaving it out keeps big synonym groups cheap to search.
            var singleWords = forms.Where(f => !f.Contains(' ', StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
            forms.RemoveAll(f => f.Contains(' ', StringComparison.Ordinal) && f.Split(' ').Any(singleWords.Contains));
            if (forms.Count == 0)
            {
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append(" OR ");
            }

            builder.Append('(');
            for (var i = 0; i < forms.Count; i++)
            {
                if (i > 0)
                {
                    builder.Append(" OR ");
                }

                builder.Append('"').Append(forms[i].Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }

            builder.Append(')');
        }

        return builder.ToString();
    }

    /// <summary>
    /// On a large corpus, a term found in a large share of the entries ("symptoms", "treatment") makes FTS5 score
    /// thousands of rows while barely changing which entries come first; the engine still weighs every term when it
    /// re-scores the candidates. So such terms are left out of the FTS5 query unless nothing rarer is left.
    /// </summary>
    internal AnalyzedQuery WithoutCommonTerms(AnalyzedQuery query)
    {
        if (entries.Count < CommonTermMinimumCorpus)
        {
            return query;
        }

        var known = query.Terms.Where(t => t.Known).Select(t => (Term: t, Frequency: DocumentFrequency(t))).OrderBy(t => t.Frequency).ToList();
        var rare = known.Where(t => t.Frequency <= entries.Count * CommonTermShare).Take(MaxSearchTerms).Select(t => t.Term).ToList();
        return rare.Count > 0 ? new AnalyzedQuery(rare) : new AnalyzedQuery(known.Take(2).Select(t => t.Term).ToList());
    }

    private const int CommonTermMinimumCorpus = 2000;
    private const double CommonTermShare = 0.05;
    private const int MaxSearchTerms = 12;

    /// <summary>
    /// True when one word of the query alone is in more than <paramref name="count"/> entries, so the search must rank.
    /// False only means "maybe not": the unranked search then tells.
    /// </summary>
    private bool MatchesMoreThan(AnalyzedQuery query, int count) =>
        query.Terms.Where(t => t.Known).SelectMany(t => t.Forms).Any(form => !form.Contains(' ', StringComparison.Ordinal) && EntriesWith(form) > count);

    /// <summary>How many entries hold the term (its commonest form; a phrase counts as its rarest word).</summary>
    private int DocumentFrequency(QueryTerm term) =>
        term.Forms.Max(form => form.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(EntriesWith).DefaultIfEmpty(0).Min());

    /// <summary>How many entries hold some form of <paramref name="word"/> (its stem).</summary>
    private int EntriesWith(string word) => documentFrequencyOfStem.GetValueOrDefault(PorterStemmer.Stem(word));

    private bool TryAddReference()
    {
        while (true)
        {
            var current = Volatile.Read(ref references);
            if (current == 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref references, current + 1, current) == current)
            {
                return true;
            }
        }
    }

    private void Release()
    {
        if (Interlocked.Decrement(ref references) != 0)
        {
            return;
        }

        while (idleSessions.TryTake(out var session))
        {
            session.Dispose();
        }

        keepAlive.Dispose();
    }

    private static void InsertEntries(SqliteConnection connection, IReadOnlyList<FaqEntry> entries)
    {
        using var transaction = connection.BeginTransaction();
        using var insertEntry = connection.CreateCommand();
        insertEntry.Transaction = transaction;
        insertEntry.CommandText = "INSERT INTO faq(rowid, question, alternates, answer) VALUES ($id, $question, $alternates, $answer)";
        var id = insertEntry.Parameters.Add("$id", SqliteType.Integer);
        var question = insertEntry.Parameters.Add("$question", SqliteType.Text);
        var alternates = insertEntry.Parameters.Add("$alternates", SqliteType.Text);
        var answer = insertEntry.Parameters.Add("$answer", SqliteType.Text);
        insertEntry.Prepare();

        using var insertWords = connection.CreateCommand();
        insertWords.Transaction = transaction;
        insertWords.CommandText = "INSERT INTO words(rowid, text) VALUES ($id, $text)";
        var wordsId = insertWords.Parameters.Add("$id", SqliteType.Integer);
        var wordsText = insertWords.Parameters.Add("$text", SqliteType.Text);
        insertWords.Prepare();

        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            id.Value = i + 1;
            question.Value = TextNormalizer.Normalize(entry.Question);
            alternates.Value = TextNormalizer.Normalize(string.Join(" . ", entry.Alternates));
            answer.Value = TextNormalizer.Normalize(entry.Answer);
            insertEntry.ExecuteNonQuery();

            wordsId.Value = i + 1;
            wordsText.Value = $"{question.Value} {alternates.Value} {answer.Value}";
            insertWords.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <summary>Terms and how many entries contain them, from an fts5vocab table.</summary>
    private static List<(string Word, int Frequency)> ReadVocabulary(SqliteConnection connection, string vocabularyTable)
    {
        var vocabulary = new List<(string, int)>();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT term, doc FROM {vocabularyTable}";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            vocabulary.Add((reader.GetString(0), reader.GetInt32(1)));
        }

        return vocabulary;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>One pooled connection with its prepared search statements; used by one search at a time.</summary>
    private sealed class SearchSession : IDisposable
    {
        private const string UnrankedSql = "SELECT rowid FROM faq WHERE faq MATCH $query LIMIT $limit";

        private readonly SqliteConnection connection;
        private readonly SqliteCommand unranked;
        private readonly SqliteCommand ranked;

        public SearchSession(string connectionString, string rankedSql)
        {
            connection = new SqliteConnection(connectionString);
            connection.Open();
            unranked = Prepare(UnrankedSql);
            ranked = Prepare(rankedSql);
        }

        /// <summary>All matches when at most <paramref name="limit"/>, else the best by bm25 (at once when <paramref name="rankFirst"/>).</summary>
        public IReadOnlyList<FaqEntry> Run(string match, int limit, bool rankFirst, IReadOnlyList<FaqEntry> entries)
        {
            try
            {
                if (!rankFirst)
                {
                    // One row more than wanted tells whether there are too many to keep without ranking.
                    var all = Read(unranked, match, limit + 1, entries);
                    if (all.Count <= limit)
                    {
                        return all;
                    }
                }

                return Read(ranked, match, limit, entries);
            }
            catch (SqliteException)
            {
                // The expression is built from quoted terms only, so this is not expected; a search still never throws.
                return [];
            }
        }

        public void Dispose()
        {
            unranked.Dispose();
            ranked.Dispose();
            connection.Dispose();
        }

        private static List<FaqEntry> Read(SqliteCommand command, string match, int limit, IReadOnlyList<FaqEntry> entries)
        {
            command.Parameters["$query"].Value = match;
            command.Parameters["$limit"].Value = limit;
            var found = new List<FaqEntry>(limit);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var row = reader.GetInt64(0);
                if (row >= 1 && row <= entries.Count)
                {
                    found.Add(entries[(int)row - 1]);
                }
            }

            return found;
        }

        private SqliteCommand Prepare(string sql)
        {
            var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.Add("$query", SqliteType.Text);
            command.Parameters.Add("$limit", SqliteType.Integer);
            command.Prepare();
            return command;
        }
    }
}
