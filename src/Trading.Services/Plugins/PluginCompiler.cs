using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Trading.Core.Strategies;

namespace Trading.Services.Plugins;

/// <summary>
/// Compiles one strategy source file with Roslyn against the .NET framework and Trading.Core only.
/// Errors come back as "file:line:col: error CSxxxx: message", one per line.
/// </summary>
public static class PluginCompiler
{
    private const string ImplicitUsings = "global using System; global using System.Collections.Generic; global using System.Linq;";

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    public static PluginCompilation Compile(string path, string source)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var tree = CSharpSyntaxTree.ParseText(source, parseOptions, path);
        var usings = CSharpSyntaxTree.ParseText(ImplicitUsings, parseOptions, "implicit-usings.cs");
        var options = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            optimizationLevel: OptimizationLevel.Release,
            nullableContextOptions: NullableContextOptions.Enable,
            allowUnsafe: false);
        var assemblyName = "plugin_" + Path.GetFileNameWithoutExtension(path) + "_" + Guid.NewGuid().ToString("N")[..8];
        var compilation = CSharpCompilation.Create(assemblyName, [usings, tree], References.Value, options);
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        var errors = result.Diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(Format)
            .ToArray();
        return result.Success ? new PluginCompilation(stream.ToArray(), []) : new PluginCompilation(null, errors);
    }

    /// <summary>A stamp that changes whenever the compiler or Trading.Core changes, for cache keys.</summary>
    public static string EnvironmentStamp { get; } =
        typeof(StrategyBase).Assembly.ManifestModule.ModuleVersionId.ToString("N") + typeof(CSharpCompilation).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    private static string Format(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        var position = span.StartLinePosition;
        return $"{span.Path}:{position.Line + 1}:{position.Character + 1}: error {diagnostic.Id}: {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var frameworkDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var trusted = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var framework = trusted.Where(p => string.Equals(Path.GetDirectoryName(p), frameworkDir, StringComparison.Ordinal));
        return framework
            .Append(typeof(StrategyBase).Assembly.Location)
            .Distinct(StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    }
}
