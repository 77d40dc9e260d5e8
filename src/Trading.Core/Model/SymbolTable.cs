using System.Collections.Concurrent;

namespace Trading.Core.Model;

/// <summary>
/// The process-wide intern table behind <see cref="Symbol"/>: each distinct name gets a small int id, so a Symbol (and
/// so a Candle) holds no object reference and arrays of them are never scanned by the GC. Id 0 is default(Symbol),
/// whose name is null. Adding takes a lock; looking up a name or an id never does.
/// </summary>
internal static class SymbolTable
{
    private const int MaxNames = 1 << 20;
    private static readonly ConcurrentDictionary<string, int> Ids = new(StringComparer.Ordinal);
    private static readonly Lock AddLock = new();
    private static string?[] _names = new string?[256];
    private static int _count = 1;

    public static int IdOf(string name)
    {
        if (Ids.TryGetValue(name, out var id)) return id;
        lock (AddLock)
        {
            if (Ids.TryGetValue(name, out id)) return id;
            if (_count == MaxNames) throw new InvalidOperationException($"More than {MaxNames:N0} distinct symbol names in one process.");
            var names = _names;
            if (_count == names.Length)
            {
                Array.Resize(ref names, names.Length * 2);
                Volatile.Write(ref _names, names);
            }
            // The name is in every array a reader can hold before its id is published.
            names[_count] = name;
            id = _count++;
            Ids[name] = id;
            return id;
        }
    }

    public static string? NameOf(int id) => Volatile.Read(ref _names)[id];
}
