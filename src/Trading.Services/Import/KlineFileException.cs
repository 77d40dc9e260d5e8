namespace Trading.Services.Import;

/// <summary>A whole file could not be read (missing, truncated zip, unknown series); the message is one line naming the file.</summary>
public sealed class KlineFileException : Exception
{
    public KlineFileException(string message) : base(message) { }

    public KlineFileException(string message, Exception inner) : base(message, inner) { }

    public KlineFileException() { }
}
