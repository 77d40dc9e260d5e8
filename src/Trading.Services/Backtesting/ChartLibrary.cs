namespace Trading.Services.Backtesting;

/// <summary>
/// The lightweight-charts standalone bundle, installed from npm at build time (see Trading.Services.csproj) and
/// embedded in this assembly, so reports work offline and the library is never committed.
/// </summary>
public static class ChartLibrary
{
    public const string ResourceName = "lightweight-charts.standalone.production.js";

    private static readonly Lazy<string> Script = new(Load);

    public static string StandaloneScript => Script.Value;

    private static string Load()
    {
        using var stream = typeof(ChartLibrary).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing; the build installs it with npm.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
