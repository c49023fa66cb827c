using System.CommandLine;
using CcsviBot.Core.Answering;
using CcsviBot.Core.Configuration;
using CcsviBot.Core.Faq;
using CcsviBot.Core.Meaning;
using CcsviBot.Core.Search;
using CcsviBot.Meaning;
using Microsoft.Extensions.Configuration;
using CcsviBot.Core.Text;

namespace CcsviBot.Cli.Commands;

/// <summary>
/// The options every content command shares (<c>--faq</c>, <c>--json</c>) and the settings behind them: the repository's
/// appsettings.json, found with <see cref="SettingsLocator"/> exactly as the bot finds it.
/// </summary>
internal sealed class CliSettings
{
    public const string FaqPathKey = "Faq:Path";

    private CliSettings(string? settingsDirectory, IConfiguration configuration)
    {
        SettingsDirectory = settingsDirectory;
        Configuration = configuration;
    }

    public string? SettingsDirectory { get; }

    public IConfiguration Configuration { get; }

    /// <summary>The configured faq/ folder (default content and support files), if there is one.</summary>
    public string? ConfiguredFaqPath =>
        Configuration[FaqPathKey] is { Length: > 0 } path ? SettingsLocator.ResolvePath(path, SettingsDirectory) : null;

    public static Option<string?> FaqOption() => new("--faq")
    {
        Description = "FAQ folder (like faq/) or JSON Lines file (.jsonl, .jsonl.gz); default: Faq:Path in appsettings.json.",
    };

    public static Option<bool> JsonOption() => new("--json") { Description = "Write JSON (one object per line)." };

    /// <summary>
    /// The question of <c>ask</c> and <c>search</c>: any words, or none to read questions from standard input. A word that
    /// looks like an option is an error, or a mistyped option ("--jsno") would be asked as a question.
    /// </summary>
    public static Argument<string[]> QuestionArgument(string description)
    {
        var question = new Argument<string[]>("question") { Arity = ArgumentArity.ZeroOrMore, Description = description };
        question.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string[]>()?.FirstOrDefault(w => w.StartsWith("--", StringComparison.Ordinal)) is { } unknown)
            {
                result.AddError($"unknown option: {unknown}");
            }
        });
        return question;
    }

    public static CliSettings Load(CliConsole console)
    {
        var directory = SettingsLocator.FindSettingsDirectory(console.WorkingDirectory, AppContext.BaseDirectory);
        var builder = new ConfigurationBuilder();
        if (directory is not null)
        {
            builder.AddJsonFile(Path.Combine(directory, SettingsLocator.FileName), optional: false, reloadOnChange: false);
        }

        return new CliSettings(directory, builder.AddEnvironmentVariables().Build());
    }

    /// <summary>The meaning model's settings; null when it is off.</summary>
    public MeaningOptions? MeaningOptions()
    {
        var options = new MeaningOptions();
        Configuration.GetSection(Meaning.MeaningOptions.SectionName).Bind(options);
        var problems = Meaning.MeaningOptions.Problems(options).ToList();
        if (problems.Count > 0)
        {
            throw new CliUsageException(string.Join(" ", problems));
        }

        return options.Enabled ? options : null;
    }

    public AnsweringOptions AnsweringOptions()
    {
        var options = new AnsweringOptions();
        Configuration.GetSection(Core.Answering.AnsweringOptions.SectionName).Bind(options);
        var problems = Core.Answering.AnsweringOptions.Problems(options).ToList();
        if (problems.Count > 0)
        {
            throw new CliUsageException(string.Join(" ", problems));
        }

        return options;
    }

    /// <summary>The FAQ path to use: the option (relative to the working directory), else the configured one.</summary>
    public string FaqPath(string? option, CliConsole console)
    {
        if (!string.IsNullOrWhiteSpace(option))
        {
            return Path.GetFullPath(option, console.WorkingDirectory);
        }

        return ConfiguredFaqPath ?? throw new CliUsageException("no FAQ: pass --faq PATH, or run inside the repository (appsettings.json next to faq/).");
    }

    /// <summary>Loads the FAQ; problems go to stderr, and nothing usable is a usage error.</summary>
    public FaqLoadResult LoadFaq(string path, CliConsole console, bool reportProblems)
    {
        var result = FaqLoader.Load(path, ConfiguredFaqPath);
        if (result.Content is null)
        {
            throw new CliUsageException($"cannot load the FAQ at {path}: {string.Join("; ", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(3))}");
        }

        if (reportProblems)
        {
            var errors = result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
            if (errors > 0)
            {
                console.Error.WriteLine($"warning: the FAQ at {path} has {Counted.Of(errors, "error")}; run 'ccsvibot faq check' for details.");
            }
        }

        return result;
    }

    /// <summary>Loads the FAQ and builds the engine snapshot for ask, search and eval.</summary>
    /// <param name="answers">
    /// Whether the command gives answers, which take the second opinion from meaning as the bot's do. The word-based
    /// ranking (search) and the safety screen never use it, so their commands do not load the model.
    /// </param>
    public KnowledgeBase BuildKnowledgeBase(string? faqOption, CliConsole console, bool answers = true)
    {
        var options = AnsweringOptions();
        var content = LoadFaq(FaqPath(faqOption, console), console, reportProblems: true).Content!;
        var meaning = answers ? MeaningOptions() : null;
        var vectorFolder = meaning is null ? null : SettingsLocator.ResolvePath(meaning.VectorFolder, SettingsDirectory);
        var factory = meaning is null
            ? KnowledgeBaseFactory.Default
            : new KnowledgeBaseFactory(new LuceneFaqIndexBuilder(), new MiniLmEmbedder(meaning.CachedQuestions), new EmbeddingStore(vectorFolder));
        var knowledgeBase = factory.Build(content, options, version: 1);
        try
        {
            // A command answers once and exits: it waits for the second opinion rather than answering without it.
            if (!knowledgeBase.MeaningReady.Wait(TimeSpan.FromSeconds(2)))
            {
                console.Error.WriteLine($"embedding the FAQ's phrasings for the second opinion from meaning (the first run on this machine takes about half a minute; they are kept in {vectorFolder})…");
            }

            knowledgeBase.MeaningReady.GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            console.Error.WriteLine($"warning: the meaning model failed ({e.Message}); answering by the words alone.");
        }

        return knowledgeBase;
    }
}
