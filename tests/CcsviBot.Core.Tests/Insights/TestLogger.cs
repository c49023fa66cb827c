using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CcsviBot.Core.Tests.Insights;

/// <summary>Keeps what was logged so that a test can check a fault was reported.</summary>
internal sealed class TestLogger<T> : ILogger<T>
{
    public ConcurrentQueue<(LogLevel Level, string Message)> Entries { get; } = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Enqueue((logLevel, formatter(state, exception)));
}
