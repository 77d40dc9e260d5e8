namespace Trading.Services.Plugins;

/// <summary>
/// A plugin strategy as its source declares it, read without running any of its code: the class, the Name and Description
/// when they are string literals, and each StrategyParameter call as written.
/// </summary>
public sealed record PluginDeclaration(string Path, string ClassName, string? Name, string Description, IReadOnlyList<string> Parameters);
