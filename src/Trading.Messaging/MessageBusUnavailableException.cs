namespace Trading.Messaging;

/// <summary>The bus's server could not be reached; the message is one line that names the server without credentials.</summary>
public sealed class MessageBusUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
