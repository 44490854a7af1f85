using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace AdeBot.Testing;

public sealed record CapturedLogEntry(LogLevel Level, EventId EventId, string Message, Exception? Exception)
{
    /// The message with its exception, as a log sink would write it.
    public string Text => $"{Message} {Exception}";
}

/// Every log entry, with its exception: to check event ids, and that no secret,
/// token or user-facing text reaches a log.
public sealed class CapturedLogs : ILoggerProvider
{
    public ConcurrentQueue<CapturedLogEntry> Entries { get; } = new();

    public IReadOnlyList<int> EventIds => [.. Entries.Select(e => e.EventId.Id)];

    public string AllText => string.Join("\n", Entries.Select(e => e.Text));

    public IReadOnlyList<CapturedLogEntry> WithEventId(int id) => [.. Entries.Where(e => e.EventId.Id == id)];

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose() { }

    private sealed class Logger(CapturedLogs logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.Entries.Enqueue(new(logLevel, eventId, formatter(state, exception), exception));
    }
}
