using Npgsql;

namespace Trading.TestInfrastructure.Servers;

/// <summary>
/// A throwaway PostgreSQL server: initdb into a temporary directory, pg_ctl start on a free 127.0.0.1 port with
/// fsync off, stopped and deleted on dispose. As root it runs the tools as the `postgres` OS user (initdb refuses root).
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    public const string InstallHint = "run scripts/install-test-deps.sh to install postgresql";
    private const string OsUser = "postgres";

    private readonly string? runAs;

    private PostgresServer(string binDirectory, string rootDirectory, int port, string? runAs)
    {
        BinDirectory = binDirectory;
        RootDirectory = rootDirectory;
        Port = port;
        this.runAs = runAs;
    }

    public string BinDirectory { get; }
    public string RootDirectory { get; }
    public int Port { get; }
    public string DataDirectory => Path.Combine(RootDirectory, "data");
    public string AdminConnectionString => ConnectionStringFor("postgres");

    public string ConnectionStringFor(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = OsUser,
        Database = database,
        Pooling = true,
    }.ConnectionString;

    /// <summary>Starts a server; <paramref name="settings"/> are extra <c>-c name=value</c> server settings.</summary>
    public static async Task<PostgresServer> StartAsync(CancellationToken ct = default, params string[] settings)
    {
        var initdb = FindInitdb() ?? throw new InvalidOperationException($"PostgreSQL binaries (initdb, pg_ctl) are not on PATH or in /usr/lib/postgresql/*/bin: {InstallHint}.");
        var binDirectory = Path.GetDirectoryName(initdb)!;
        var runAs = ExternalProcess.IsRoot ? OsUser : null;
        var root = Directory.CreateTempSubdirectory("trading-pg-").FullName;
        if (runAs is not null)
        {
            await EnsureOsUserAsync(ct);
            await ExternalProcess.RunAsync("chown", ["-R", OsUser, root], ct: ct);
        }
        var server = new PostgresServer(binDirectory, root, ExternalProcess.FreeLoopbackPort(), runAs);
        try
        {
            await server.InitAndStartAsync(settings, ct);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Creates an empty database with a random name and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "test", CancellationToken ct = default)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync(ct);
        return ConnectionStringFor(name);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
                await ExternalProcess.RunAsync(Path.Combine(BinDirectory, "pg_ctl"), ["-D", DataDirectory, "-m", "immediate", "-w", "stop"], runAs);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            Directory.Delete(RootDirectory, recursive: true);
        }
    }

    private async Task InitAndStartAsync(string[] settings, CancellationToken ct)
    {
        await ExternalProcess.RunAsync(Path.Combine(BinDirectory, "initdb"),
            ["-D", DataDirectory, "-U", OsUser, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"], runAs, ct);
        var options = $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={RootDirectory} " +
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" +
            string.Concat(settings.Select(setting => $" -c {setting}"));
        await ExternalProcess.RunAsync(Path.Combine(BinDirectory, "pg_ctl"),
            ["-D", DataDirectory, "-l", Path.Combine(RootDirectory, "server.log"), "-w", "-t", "60", "-o", options, "start"], runAs, ct);
    }

    private static string? FindInitdb()
    {
        var versions = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin"))
            : [];
        var initdb = ExternalProcess.Find("initdb", versions);
        if (initdb is null) return null;
        var resolved = new FileInfo(initdb).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? initdb;
        return File.Exists(Path.Combine(Path.GetDirectoryName(resolved)!, "pg_ctl")) ? resolved : null;
    }

    private static async Task EnsureOsUserAsync(CancellationToken ct)
    {
        try
        {
            await ExternalProcess.RunAsync("id", ["-u", OsUser], ct: ct);
        }
        catch (InvalidOperationException)
        {
            await ExternalProcess.RunAsync("useradd", ["--system", "--no-create-home", "--shell", "/usr/sbin/nologin", OsUser], ct: ct);
        }
    }
}
