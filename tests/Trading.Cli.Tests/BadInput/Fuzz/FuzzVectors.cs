namespace Trading.Cli.Tests.BadInput.Fuzz;

/// <summary>
/// Random argument vectors from <see cref="FuzzVocabulary"/>: a command (drawn in proportion to its options and arguments,
/// so a command with twenty options gets more vectors than one with none), its positional arguments, a random subset of its
/// options (each usually with one of its own values, sometimes with none or two), now and then a stray token, an option of
/// another command or the arguments reversed.
/// </summary>
internal sealed class FuzzVectors(int seed)
{
    private static readonly string[] StrayTokens = ["--help-me", "-x", "extra", "--", "--symbol", "true"];
    private static readonly string[] OptionsOfAnyCommand = [.. FuzzVocabulary.Commands.SelectMany(c => c.Options).Select(o => o.Name).Distinct()];
    private static readonly int[] Weights = [.. FuzzVocabulary.Commands.Select(c => 1 + c.Options.Count + c.Arguments.Count)];
    private readonly Random _random = new(seed);

    public IEnumerable<(FuzzVocabulary.Command Command, string[] Args)> Take(int count)
    {
        for (var i = 0; i < count; i++) yield return Next();
    }

    private (FuzzVocabulary.Command, string[]) Next()
    {
        var command = PickCommand();
        var args = new List<string>(command.Path);
        foreach (var argument in command.Arguments)
            for (var n = _random.Next(argument.IsMultiple ? 0 : 1, argument.IsMultiple ? 3 : 2); n > 0; n--) args.Add(Pick(argument.Values));
        foreach (var option in command.Options)
        {
            if (_random.NextDouble() < 0.45) continue;
            args.Add(option.Name);
            var roll = _random.NextDouble();
            if (option.IsFlag)
            {
                if (roll < 0.05) args.Add(roll < 0.025 ? "true" : "maybe");
                continue;
            }
            if (roll < 0.04) continue;
            args.Add(Pick(option.Values));
            if (roll > 0.97 || (option.IsMultiple && roll > 0.85)) args.Add(Pick(option.Values));
        }
        var fixedPart = command.Path.Length;
        if (_random.NextDouble() < 0.05) args.Insert(_random.Next(fixedPart, args.Count + 1), Pick(StrayTokens));
        if (_random.NextDouble() < 0.03) args.Add(Pick(OptionsOfAnyCommand));
        if (_random.NextDouble() < 0.02 && args.Count > fixedPart + 1) args.Reverse(fixedPart, args.Count - fixedPart);
        return (command, [.. args]);
    }

    private FuzzVocabulary.Command PickCommand()
    {
        var roll = _random.Next(Weights.Sum());
        var index = 0;
        while (roll >= Weights[index]) roll -= Weights[index++];
        return FuzzVocabulary.Commands[index];
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
