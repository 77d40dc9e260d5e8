namespace Trading.Cli.Commands.Service;

/// <summary>`service logs [--name X] [--follow]`: prints the local services' log files, each line after its service's name; --follow keeps printing what they append until Ctrl+C.</summary>
internal static class ServiceLogs
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    public static async Task<int> PrintAsync(LocalServices local, IReadOnlyList<string> names, bool follow, CancellationToken ct)
    {
        var present = names.Where(n => File.Exists(local.LogPath(n))).ToList();
        if (present.Count == 0 && !follow)
        {
            await Console.Error.WriteLineAsync($"error: no service logs in {local.LogDirectory}: start the services with `trading service up`");
            return 1;
        }
        var offsets = names.ToDictionary(n => n, _ => 0L);
        try
        {
            while (true)
            {
                foreach (var name in names) offsets[name] = await PrintNewAsync(local.LogPath(name), name, offsets[name], ct);
                if (!follow) return 0;
                await Task.Delay(PollInterval, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return 0;
        }
    }

    /// <summary>Prints the complete lines after <paramref name="offset"/>; returns the offset after the last one.</summary>
    private static async Task<long> PrintNewAsync(string path, string name, long offset, CancellationToken ct)
    {
        if (!File.Exists(path)) return offset;
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        if (file.Length < offset) offset = 0; // truncated or replaced
        file.Seek(offset, SeekOrigin.Begin);
        using var reader = new StreamReader(file);
        var text = await reader.ReadToEndAsync(ct);
        var end = text.LastIndexOf('\n');
        if (end < 0) return offset;
        foreach (var line in text[..end].Split('\n')) Console.WriteLine($"{name} | {line}");
        return offset + System.Text.Encoding.UTF8.GetByteCount(text.AsSpan(0, end + 1));
    }
}
