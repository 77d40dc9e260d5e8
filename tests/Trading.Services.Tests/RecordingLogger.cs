using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Trading.Services.Tests;

/// <summary>Keeps every log line so a failing test can show what the component did.</summary>
public sealed class RecordingLogger<T> : ILogger<T>
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Lines.Enqueue($"{logLevel}: {formatter(state, exception)}");

    public override string ToString() => string.Join(Environment.NewLine, Lines);
}
