using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace AdeBot.Testing;

/// Every log entry, formatted with its exception: to check event ids, and that no secret,
/// token or user-facing text reaches a log.
public sealed class CapturedLogs : ILoggerProvider
{
    public ConcurrentQueue<(LogLevel Level, EventId EventId, string Text)> Entries { get; } = new();

    public IReadOnlyList<int> EventIds => [.. Entries.Select(e => e.EventId.Id)];

    public string AllText => string.Join("\n", Entries.Select(e => e.Text));

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose() { }

    private sealed class Logger(CapturedLogs logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.Entries.Enqueue((logLevel, eventId, $"{formatter(state, exception)} {exception}"));
    }
}
