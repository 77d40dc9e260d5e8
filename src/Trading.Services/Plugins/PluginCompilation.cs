namespace Trading.Services.Plugins;

/// <summary>The compiled image of a plugin file, or its compile errors.</summary>
public sealed record PluginCompilation(byte[]? Image, IReadOnlyList<string> Errors)
{
    public bool Success => Image is not null;
}
