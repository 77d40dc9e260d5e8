using System.Text.RegularExpressions;

namespace Trading.Core.Strategies;

/// <summary>
/// Strategy name → factory, for built-ins and plugins. The first registration of a name wins; a later one with the
/// same name is refused and recorded in <see cref="Problems"/> (built-ins register first, so they always win).
/// </summary>
public sealed partial class StrategyRegistry
{
    private readonly Dictionary<string, StrategyRegistration> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<StrategyRegistration> _ordered = [];
    private readonly List<string> _problems = [];

    public IReadOnlyList<StrategyRegistration> Registrations => _ordered;

    /// <summary>Clashes, invalid names and plugin load errors, one line each, e.g. "strategies/x.cs:3:5: error CS1002: ; expected".</summary>
    public IReadOnlyList<string> Problems => _problems;

    public static bool IsValidName(string? name) => name is not null && NamePattern().IsMatch(name);

    /// <summary>Registers <paramref name="factory"/> under the name its instances report. Returns false (and records why) on a clash.</summary>
    public bool TryRegister(Func<StrategyBase> factory, string source)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var sample = factory();
        return TryRegister(sample.Name, sample.Description, factory, source);
    }

    /// <summary>Registers <paramref name="factory"/> under a known name without creating an instance (a plugin described, not run).</summary>
    public bool TryRegister(string name, string description, Func<StrategyBase> factory, string source)
    {
        ArgumentNullException.ThrowIfNull(factory);
        if (!IsValidName(name))
            return Refuse($"{source}: strategy name '{name}' is invalid: use lower snake_case like my_strategy (letters, digits, _; 64 at most).");
        if (_byName.TryGetValue(name, out var existing))
            return Refuse($"{source}: strategy name '{name}' clashes with the one from {existing.Source}; skipped.");
        var registration = new StrategyRegistration(name, source, description, factory);
        _byName[name] = registration;
        _ordered.Add(registration);
        return true;
    }

    public void AddProblem(string problem) => _problems.Add(problem);

    public bool Contains(string name) => _byName.ContainsKey(name);

    public StrategyRegistration? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>A new, configured instance. Throws <see cref="StrategyConfigurationException"/> for an unknown name or bad values.</summary>
    public StrategyBase Create(string name, IReadOnlyDictionary<string, string>? values = null)
    {
        var registration = Find(name) ?? throw new StrategyConfigurationException(
            $"Unknown strategy '{name}'; known: {string.Join(", ", _ordered.Select(r => r.Name))}.");
        var strategy = registration.Factory();
        strategy.Configure(values);
        return strategy;
    }

    private bool Refuse(string problem)
    {
        _problems.Add(problem);
        return false;
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,63}$")]
    private static partial Regex NamePattern();
}
