using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Trading.Core.Strategies;

namespace Trading.Services.Plugins;

/// <summary>
/// Compiles every *.cs file in a folder and registers each public StrategyBase subclass with a public parameterless
/// constructor. A file that fails to compile, load or construct is reported in the registry's problems and skipped;
/// the other files and the built-ins are unaffected. Compiled images are cached by source hash when a cache folder is given.
/// With <paramref name="runPluginCode"/> false (listing and describing), files are compiled for their errors and registered
/// from their declarations; no plugin type is loaded, so no plugin code (a static constructor) runs. A plugin is trusted code:
/// a file that other users may write is refused.
/// </summary>
public sealed class StrategyPluginLoader(string? cacheDir = null, bool runPluginCode = true)
{
    private readonly List<PluginLoadContext> _contexts = [];
    private readonly Dictionary<string, PluginDeclaration> _declarations = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The plugins registered from their declarations, by strategy name (only when plugin code is not run).</summary>
    public IReadOnlyDictionary<string, PluginDeclaration> Declarations => _declarations;

    public void LoadInto(StrategyRegistry registry, string strategiesDir)
    {
        ArgumentNullException.ThrowIfNull(registry);
        if (!Directory.Exists(strategiesDir)) return;
        foreach (var path in Directory.EnumerateFiles(strategiesDir, "*.cs").Order(StringComparer.Ordinal))
            LoadFile(registry, path);
    }

    public void LoadFile(StrategyRegistry registry, string path)
    {
        ArgumentNullException.ThrowIfNull(registry);
        if (PluginFilePermissions.Problem(path) is { } unsafeFile)
        {
            registry.AddProblem(unsafeFile);
            return;
        }
        string source;
        try
        {
            source = File.ReadAllText(path);
        }
        catch (IOException e)
        {
            registry.AddProblem($"{path}: cannot read: {e.Message}");
            return;
        }
        var image = CachedImage(path, source, registry);
        if (image is null) return;
        if (!runPluginCode)
        {
            RegisterDeclared(registry, path, source);
            return;
        }
        var types = LoadTypes(path, image, registry);
        if (types.Count == 0) registry.AddProblem($"{path}: no public StrategyBase subclass with a parameterless constructor found.");
        foreach (var type in types) Register(registry, path, type);
    }

    private byte[]? CachedImage(string path, string source, StrategyRegistry registry)
    {
        var cachePath = cacheDir is null ? null : Path.Combine(cacheDir, Hash(source) + ".dll");
        if (cachePath is not null && File.Exists(cachePath))
        {
            try
            {
                return File.ReadAllBytes(cachePath);
            }
            catch (IOException)
            {
                // Fall through and recompile.
            }
        }
        var compilation = PluginCompiler.Compile(path, source);
        foreach (var error in compilation.Errors) registry.AddProblem(error);
        if (compilation.Image is null || cachePath is null) return compilation.Image;
        try
        {
            Directory.CreateDirectory(cacheDir!);
            File.WriteAllBytes(cachePath, compilation.Image);
        }
        catch (IOException)
        {
            // A cache that cannot be written only costs a recompile next time.
        }
        return compilation.Image;
    }

    private List<Type> LoadTypes(string path, byte[] image, StrategyRegistry registry)
    {
        try
        {
            var context = new PluginLoadContext(Path.GetFileName(path));
            _contexts.Add(context);
            using var stream = new MemoryStream(image);
            var assembly = context.LoadFromStream(stream);
            return assembly.GetExportedTypes()
                .Where(t => t is { IsAbstract: false, IsClass: true } && typeof(StrategyBase).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
                .ToList();
        }
        catch (Exception e) when (e is BadImageFormatException or FileLoadException or ReflectionTypeLoadException or TypeLoadException)
        {
            registry.AddProblem($"{path}: cannot load the compiled strategy: {e.Message}");
            return [];
        }
    }

    private static void Register(StrategyRegistry registry, string path, Type type)
    {
        StrategyBase Create() => (StrategyBase)Activator.CreateInstance(type)!;
        try
        {
            registry.TryRegister(Create, path);
        }
        catch (Exception e)
        {
            var reason = e is TargetInvocationException { InnerException: { } inner } ? inner.Message : e.Message;
            registry.AddProblem($"{path}: strategy {type.Name} failed to start: {reason}");
        }
    }

    private void RegisterDeclared(StrategyRegistry registry, string path, string source)
    {
        var declarations = PluginDeclarationReader.Read(path, source);
        if (declarations.Count == 0) registry.AddProblem($"{path}: no public StrategyBase subclass found.");
        foreach (var declaration in declarations)
        {
            if (declaration.Name is null)
            {
                registry.AddProblem($"{path}: strategy {declaration.ClassName}: its Name is computed, so it is known only when the strategy runs.");
                continue;
            }
            if (registry.TryRegister(declaration.Name, declaration.Description, NotRun, path)) _declarations[declaration.Name] = declaration;
        }
    }

    private static StrategyBase NotRun() =>
        throw new InvalidOperationException("plugin code is not run while strategies are only listed or described");

    private static string Hash(string source) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(PluginCompiler.EnvironmentStamp + "\n" + source)))[..32];
}
