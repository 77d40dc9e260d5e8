using Microsoft.Data.Sqlite;

namespace Trading.Storage.Sqlite;

/// <summary>A pooled connection that gives back the file's in-process write turn (<paramref name="exitWrite"/>) when it is disposed.</summary>
internal sealed class SqliteWriterConnection(string connectionString, Action exitWrite) : SqliteConnection(connectionString)
{
    private int _released;

    protected override void Dispose(bool disposing)
    {
        try
        {
            base.Dispose(disposing);
        }
        finally
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) exitWrite();
        }
    }
}
