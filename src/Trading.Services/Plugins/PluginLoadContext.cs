using System.Reflection;
using System.Runtime.Loader;

namespace Trading.Services.Plugins;

/// <summary>A collectible context per plugin file; Trading.Core and the framework resolve to the host's copies.</summary>
internal sealed class PluginLoadContext(string name) : AssemblyLoadContext(name, isCollectible: true)
{
    protected override Assembly? Load(AssemblyName assemblyName) => null;
}
