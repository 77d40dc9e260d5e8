using System.CommandLine;

namespace Trading.Cli;

/// <summary>
/// Turns System.CommandLine's parse errors into one line: an unknown command is named with the nearest known one, a
/// missing command lists the choices, and every missing option is reported at once.
/// </summary>
public static class ParseErrorMessage
{
    private const string Unrecognized = "Unrecognized command or argument '";

    public static string Describe(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var command = parse.CommandResult.Command;
        var path = CommandPath(parse);
        var unknown = parse.Errors.Select(e => e.Message).FirstOrDefault(m => m.StartsWith(Unrecognized, StringComparison.Ordinal));
        if (unknown is not null)
        {
            var token = unknown[Unrecognized.Length..].TrimEnd('.').TrimEnd('\'');
            var nearest = Nearest(token, command.Subcommands.Select(c => c.Name).Concat(command.Options.Select(o => o.Name)));
            return $"unknown command or argument '{token}' for '{path}'{(nearest is null ? "" : $"; did you mean '{nearest}'?")}";
        }
        var missing = parse.Errors.Select(e => e.Message).Where(m => m.StartsWith("Option '", StringComparison.Ordinal) && m.EndsWith("' is required.", StringComparison.Ordinal))
            .Select(m => m["Option '".Length..^"' is required.".Length]).ToList();
        if (missing.Count > 0) return $"'{path}' needs {string.Join(", ", missing)}";
        var other = parse.Errors.FirstOrDefault(e => !e.Message.StartsWith("Required command", StringComparison.Ordinal));
        if (other is not null || command.Subcommands.Count == 0) return WithoutTypeNames((other ?? parse.Errors[0]).Message);
        return $"'{path}' needs a command: {string.Join(", ", command.Subcommands.Select(c => c.Name))}";
    }

    /// <summary>"Cannot parse argument 'abc' for option '--quantity' as expected type 'System.Decimal'" in the user's words.</summary>
    private static string WithoutTypeNames(string message)
    {
        var match = System.Text.RegularExpressions.Regex.Match(message,
            "^Cannot parse argument '(?<value>.*)' for option '(?<option>[^']*)' as expected type '(?<type>[^']*)'");
        if (!match.Success) return message;
        var expected = match.Groups["type"].Value switch
        {
            "System.Int32" or "System.Int64" => "a whole number",
            "System.Boolean" => "true or false",
            var type when type.StartsWith("System.Nullable", StringComparison.Ordinal) || type is "System.Decimal" or "System.Double" => "a number",
            _ => "a valid value",
        };
        return $"{match.Groups["option"].Value} must be {expected}, got '{match.Groups["value"].Value}'";
    }

    private static string CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = parse.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
            names.Add(result.Command is RootCommand ? "trading" : result.Command.Name);
        names.Reverse();
        return string.Join(' ', names);
    }

    /// <summary>The candidate within edit distance 2 (or sharing the first three letters), if any.</summary>
    private static string? Nearest(string token, IEnumerable<string> candidates) =>
        candidates.Select(c => (Name: c, Distance: Distance(token.ToLowerInvariant(), c.ToLowerInvariant())))
            .Where(c => c.Distance <= 2 || (token.Length >= 3 && c.Name.StartsWith(token[..3], StringComparison.OrdinalIgnoreCase)))
            .OrderBy(c => c.Distance).Select(c => c.Name).FirstOrDefault();

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            previous = current;
        }
        return previous[b.Length];
    }
}
