using CcsviBot.Core.Meaning;

namespace CcsviBot.Core.Tests;

public sealed class EmbeddingStoreTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "ccsvibot-vectors-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Vectors_added_in_one_run_are_read_in_the_next_for_their_model_only()
    {
        new EmbeddingStore(folder).AddRange("model-a", [("what is ccsvi", [0.6f, 0.8f]), ("is it safe", [1f, 0f])]);

        var next = new EmbeddingStore(folder);

        Assert.Equal([0.6f, 0.8f], next.Get("model-a", "what is ccsvi")!);
        Assert.Equal([1f, 0f], next.Get("model-a", "is it safe")!);
        Assert.Null(next.Get("model-b", "what is ccsvi"));
    }

    [Fact]
    public void A_damaged_file_is_ignored_and_written_again()
    {
        new EmbeddingStore(folder).AddRange("model", [("what is ccsvi", [0.6f, 0.8f])]);
        var file = Directory.GetFiles(folder).Single();
        File.WriteAllBytes(file, File.ReadAllBytes(file)[..^3]);

        var damaged = new EmbeddingStore(folder);
        Assert.Null(damaged.Get("model", "what is ccsvi"));
        damaged.AddRange("model", [("is it safe", [1f, 0f])]);

        Assert.Equal([1f, 0f], new EmbeddingStore(folder).Get("model", "is it safe")!);
        Assert.Single(Directory.GetFiles(folder));
    }

    [Fact]
    public void Without_a_folder_nothing_is_written()
    {
        var store = new EmbeddingStore();
        store.AddRange("model", [("what is ccsvi", [1f])]);

        Assert.NotNull(store.Get("model", "what is ccsvi"));
        Assert.False(Directory.Exists(folder));
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
