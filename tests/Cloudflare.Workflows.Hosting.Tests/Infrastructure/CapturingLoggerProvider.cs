using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Cloudflare.Workflows.Hosting.Tests.Infrastructure;

/// <summary>One log entry with everything a sink could write: the message, every state value and the exception.</summary>
public sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyDictionary<string, string?> State, string? Exception)
{
    /// <summary>All the text of the entry, as the most verbose sink would write it.</summary>
    public string AllText => $"{Category} {EventId} {Message} {string.Join(" ", State.Select(kv => kv.Key + "=" + kv.Value))} {Exception}";
}

/// <summary>Keeps every entry logged at any level, from every category.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider, ILoggerFactory
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => _entries.ToArray();

    public IReadOnlyList<LogEntry> Of(string category) => Entries.Where(e => e.Category == category).ToArray();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.ToDictionary(p => p.Key, p => p.Value?.ToString())
                : new Dictionary<string, string?>();
            owner._entries.Enqueue(new LogEntry(category, logLevel, eventId, formatter(state, exception), values, exception?.ToString()));
        }
    }
}
