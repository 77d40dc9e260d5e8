namespace Trading.Services.Configuration;

/// <summary>One configuration problem. <see cref="Message"/> is safe to print: it never contains a secret.</summary>
public sealed record ConfigProblem(string Key, string Message)
{
    public override string ToString() => Message;
}
