using System.Text;

namespace Trading.Services.Configuration;

/// <summary>
/// Parses a .env file: KEY=VALUE lines, blank lines and # comments, an optional <c>export </c> prefix,
/// single quotes (literal), double quotes (\n \t \" \\ escapes), and # comments after unquoted values.
/// A malformed line becomes a problem naming the file and line; its text is never echoed, as it may hold a secret.
/// </summary>
public static class DotEnvParser
{
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(string text, string fileName, List<ConfigProblem> problems)
    {
        var values = new List<KeyValuePair<string, string>>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var error = TryParseLine(lines[i].TrimEnd('\r'), out var pair);
            if (error is not null) problems.Add(new ConfigProblem(fileName, $"{fileName} line {i + 1}: {error}"));
            else if (pair is { } kv) values.Add(kv);
        }
        return values;
    }

    private static string? TryParseLine(string line, out KeyValuePair<string, string>? pair)
    {
        pair = null;
        var trimmed = line.Trim();
        if (trimmed.Length == 0 || trimmed[0] == '#') return null;
        if (trimmed.StartsWith("export ", StringComparison.Ordinal)) trimmed = trimmed["export ".Length..].TrimStart();

        var equals = trimmed.IndexOf('=', StringComparison.Ordinal);
        if (equals < 0) return "expected KEY=VALUE but found no '='";
        var key = trimmed[..equals].Trim();
        if (!IsValidKey(key)) return "the name before '=' must be letters, digits and '_' and not start with a digit";

        var error = TryParseValue(trimmed[(equals + 1)..].Trim(), out var value);
        if (error is not null) return $"{key}: {error}";
        pair = new(key, value);
        return null;
    }

    private static string? TryParseValue(string raw, out string value)
    {
        value = "";
        if (raw.Length == 0) return null;
        if (raw[0] is '"' or '\'') return TryParseQuoted(raw, out value);

        var comment = raw.IndexOf(" #", StringComparison.Ordinal);
        var tab = raw.IndexOf("\t#", StringComparison.Ordinal);
        if (tab >= 0 && (comment < 0 || tab < comment)) comment = tab;
        value = (comment >= 0 ? raw[..comment] : raw).TrimEnd();
        return value.Contains('"') || value.Contains('\'') ? "quotes must enclose the whole value" : null;
    }

    private static string? TryParseQuoted(string raw, out string value)
    {
        var quote = raw[0];
        var builder = new StringBuilder();
        value = "";
        for (var i = 1; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == quote)
            {
                var rest = raw[(i + 1)..].Trim();
                if (rest.Length > 0 && rest[0] != '#') return "unexpected text after the closing quote";
                value = builder.ToString();
                return null;
            }
            if (c == '\\' && quote == '"' && i + 1 < raw.Length)
            {
                i++;
                builder.Append(raw[i] switch { 'n' => '\n', 't' => '\t', 'r' => '\r', var other => other });
                continue;
            }
            builder.Append(c);
        }
        return "the quoted value has no closing quote";
    }

    private static bool IsValidKey(string key) =>
        key.Length > 0 && !char.IsAsciiDigit(key[0]) && key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
