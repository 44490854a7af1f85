using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace AdeBot.Testing;

public sealed record CapturedLogEntry(LogLevel Level, EventId EventId, string Message, Exception? Exception)
{
    /// The message with its exception, as a log sink would write it.
    public string Text => $"{Message} {Exception}";

    /// The fields of every scope the entry was logged in (TurnId, ConversationHash…), innermost last.
    public IReadOnlyList<KeyValuePair<string, object?>> Scopes { get; init; } = [];

    public string? Scope(string name) => Scopes.LastOrDefault(s => s.Key == name).Value?.ToString();
}

/// Every log entry, with its exception and scopes: to check event ids, that no secret, token or
/// user-facing text reaches a log, and that a turn's lines carry its id.
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<CapturedLogEntry> Entries { get; } = new();

    public IReadOnlyList<int> EventIds => [.. Entries.Select(e => e.EventId.Id)];

    public string AllText => string.Join("\n", Entries.Select(e => e.Text));

    public IReadOnlyList<CapturedLogEntry> WithEventId(int id) => [.. Entries.Where(e => e.EventId.Id == id)];

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose() { }

    private List<KeyValuePair<string, object?>> CurrentScopes()
    {
        List<KeyValuePair<string, object?>> fields = [];
        _scopes.ForEachScope((scope, list) =>
        {
            if (scope is IEnumerable<KeyValuePair<string, object?>> pairs) list.AddRange(pairs);
        }, fields);
        return fields;
    }

    private sealed class Logger(CapturedLogs logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => logs._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.Entries.Enqueue(new(logLevel, eventId, formatter(state, exception), exception) { Scopes = logs.CurrentScopes() });
    }
}
