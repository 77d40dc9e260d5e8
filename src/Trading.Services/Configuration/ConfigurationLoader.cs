using System.Collections;

namespace Trading.Services.Configuration;

/// <summary>
/// Loads settings from, lowest precedence first: defaults, appsettings.json, config/settings.yaml and
/// config/risk_limits.yaml, .env, environment variables, command-line options. Then reads the optional
/// config/symbols.yaml, config/strategies.yaml and config/bots/*.json, and validates everything.
/// </summary>
public static class ConfigurationLoader
{
    public static LoadedConfiguration Load(ConfigurationLoadOptions? options = null)
    {
        options ??= new ConfigurationLoadOptions();
        var problems = new List<ConfigProblem>();
        var layers = new SettingLayers();
        var dir = options.WorkingDirectory;

        var appSettings = Path.Combine(dir, "appsettings.json");
        if (File.Exists(appSettings))
            layers.Apply(SecretSources.WithoutSecrets(AppSettingsFile.Read(appSettings, "appsettings.json", problems), "appsettings.json", problems), SettingSource.AppSettings);
        var dotEnv = Path.Combine(dir, ".env");
        var dotEnvValues = File.Exists(dotEnv) ? DotEnvParser.Parse(File.ReadAllText(dotEnv), ".env", problems) : [];
        var environment = EnvironmentValues(options.Environment);
        var commandLine = options.CommandLine.Select(p => new KeyValuePair<string, string>(p.Key, p.Value ?? ""));

        // The config directory itself may come from any non-YAML source, so resolve it before reading the YAML.
        var configDirLayers = layers.Copy();
        configDirLayers.Apply(dotEnvValues, SettingSource.DotEnv);
        configDirLayers.Apply(environment, SettingSource.Environment);
        configDirLayers.Apply(commandLine, SettingSource.Cli);
        var configDirText = configDirLayers.Value(SettingKeys.ConfigDir);
        var configDir = Path.Combine(dir, string.IsNullOrWhiteSpace(configDirText) ? new TradingSettings().ConfigDir : configDirText);
        var configDisplay = string.IsNullOrWhiteSpace(configDirText) ? "config" : configDirText.TrimEnd('/');

        foreach (var (file, prefix) in new[] { ("settings.yaml", (string?)null), ("risk_limits.yaml", "RISK") })
        {
            var path = Path.Combine(configDir, file);
            if (File.Exists(path))
                layers.Apply(SecretSources.WithoutSecrets(YamlSettingsFile.Read(path, $"{configDisplay}/{file}", prefix, problems), $"{configDisplay}/{file}", problems),
                    SettingSource.Yaml);
        }
        layers.Apply(dotEnvValues, SettingSource.DotEnv);
        layers.Apply(environment, SettingSource.Environment);
        layers.Apply(commandLine, SettingSource.Cli);

        var settings = new SettingsBinder(layers.Values, problems).Bind();
        settings = ReadListFiles(settings, configDir, configDisplay, layers, problems);
        SettingsValidator.Validate(settings, problems);
        SecretSources.CheckValues(settings, problems);
        return new LoadedConfiguration(settings, layers.Sources, problems);
    }

    private static TradingSettings ReadListFiles(TradingSettings settings, string configDir, string display, SettingLayers layers, List<ConfigProblem> problems)
    {
        var symbolsPath = Path.Combine(configDir, "symbols.yaml");
        if (File.Exists(symbolsPath))
        {
            settings = settings with { Symbols = YamlListFiles.ReadSymbols(symbolsPath, $"{display}/symbols.yaml", problems) };
            layers.MarkFileSource(ConfigFileKeys.Symbols, SettingSource.Yaml);
        }
        var strategiesPath = Path.Combine(configDir, "strategies.yaml");
        if (File.Exists(strategiesPath))
        {
            settings = settings with { Strategies = YamlListFiles.ReadStrategies(strategiesPath, $"{display}/strategies.yaml", problems) };
            layers.MarkFileSource(ConfigFileKeys.Strategies, SettingSource.Yaml);
        }
        var botsDir = Path.Combine(configDir, "bots");
        if (Directory.Exists(botsDir))
        {
            var bots = BotDefinitionFiles.ReadAllWithSources(botsDir, $"{display}/bots", problems);
            settings = settings with { Bots = bots.Select(b => b.Bot).ToList(), BotSources = bots.ToDictionary(b => b.Bot.Id, b => b.Source) };
            layers.MarkFileSource(ConfigFileKeys.Bots, SettingSource.BotFiles);
        }
        return settings;
    }

    private static List<KeyValuePair<string, string>> EnvironmentValues(IReadOnlyDictionary<string, string?>? given)
    {
        if (given is not null) return given.Select(p => new KeyValuePair<string, string>(p.Key, p.Value ?? "")).ToList();
        var values = new List<KeyValuePair<string, string>>();
        foreach (DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
            values.Add(new((string)entry.Key, entry.Value as string ?? ""));
        return values;
    }
}
