namespace Trading.Services.Configuration;

/// <summary>LOG_FORMAT: how log lines are written to stderr.</summary>
public enum LogFormat
{
    /// <summary>Text when stderr is a terminal, JSON lines otherwise.</summary>
    Auto,
    Json,
    Text,
}
