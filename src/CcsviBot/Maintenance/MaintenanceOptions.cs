using System.ComponentModel.DataAnnotations;

namespace CcsviBot.Maintenance;

/// <summary>Hot reload of the FAQ (section <c>Maintenance</c>).</summary>
public sealed class MaintenanceOptions
{
    public const string SectionName = "Maintenance";

    /// <summary>False: the FAQ is loaded once at start-up; <c>POST /admin/reload</c> still works.</summary>
    public bool WatchFaq { get; set; } = true;

    /// <summary>
    /// True: an edit is published only if it passes every <c>faq check</c> rule (sources, related ids, word limits…).
    /// False: only content that cannot be loaded is refused — for bulk corpora that are not curated entry by entry.
    /// </summary>
    public bool CheckContent { get; set; } = true;

    /// <summary>Quiet time after the last file change before reloading, so that a multi-file save reloads once.</summary>
    [Range(0, 60_000)]
    public int DebounceMilliseconds { get; set; } = 300;

    /// <summary>Fallback check for changes the file watcher misses (network drives, containers, a re-created folder).</summary>
    [Range(1, 3600)]
    public int PollSeconds { get; set; } = 5;

    /// <summary>
    /// How long a replaced snapshot stays alive before its index is disposed. A turn reads the snapshot once and is
    /// done in milliseconds; this margin covers the slowest request by orders of magnitude.
    /// </summary>
    [Range(1, 3600)]
    public int RetireAfterSeconds { get; set; } = 30;
}
