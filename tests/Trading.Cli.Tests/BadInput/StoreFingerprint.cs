using System.Security.Cryptography;
using Trading.Storage;

namespace Trading.Cli.Tests.BadInput;

/// <summary>The SHA-256 of an embedded store's files (the database and a write-ahead log if one is left), to prove a command left it byte-for-byte unchanged.</summary>
internal static class StoreFingerprint
{
    public static string Of(string dataDir)
    {
        var database = Path.Combine(dataDir, TradingStoreFactory.SqliteFileName);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in new[] { database, database + "-wal" }.Where(File.Exists))
            sha.AppendData(File.ReadAllBytes(file));
        return Convert.ToHexString(sha.GetHashAndReset());
    }

    public static bool Exists(string dataDir) => File.Exists(Path.Combine(dataDir, TradingStoreFactory.SqliteFileName));
}
