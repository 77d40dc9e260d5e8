using Shouldly;
using Trading.TestInfrastructure;

namespace Trading.Cli.Tests.BadInput;

/// <summary>
/// Every row of <see cref="BadInputCases"/>: one <c>error:</c> line, the documented exit code, no stack trace; on a fresh
/// machine no store is created, and an existing store is left byte-for-byte unchanged (SHA-256 before and after).
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class BadInputSuiteTests(BadInputStore existing) : IClassFixture<BadInputStore>, IDisposable
{
    private readonly TempDirectory _scratch = new();

    public static TheoryData<string> Cases => BadInputCases.Names();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Run_BadInputOnAFreshMachine_OneErrorLineAndNoStore(string name)
    {
        var dataDir = Path.Combine(_scratch.Path, "fresh-data");

        await RunAsync(BadInputCases.Named(name), dataDir);

        Directory.Exists(dataDir).ShouldBeFalse($"{name} created {dataDir}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Run_BadInputOnAnExistingStore_OneErrorLineAndStoreUnchanged(string name)
    {
        var before = StoreFingerprint.Of(existing.DataDir);

        await RunAsync(BadInputCases.Named(name), existing.DataDir);

        StoreFingerprint.Of(existing.DataDir).ShouldBe(before, $"{name} changed the store");
    }

    private async Task RunAsync(BadInputCase bad, string dataDir)
    {
        BadInputFiles.WriteTo(_scratch.Path);
        var args = bad.Expand(_scratch.Path, Path.Combine(dataDir, Storage.TradingStoreFactory.SqliteFileName));
        if (!args.Contains("--data-dir")) args = [.. args, "--data-dir", dataDir];

        var result = await InProcessCli.RunAsync(args);

        result.ExitCode.ShouldBe(bad.ExitCode, $"{bad.Name}: {result.Error}");
        var errors = result.ErrorLines.Where(l => l.StartsWith("error:", StringComparison.Ordinal)).ToList();
        errors.ShouldHaveSingleItem($"{bad.Name}: {result.Error}").ShouldContain(bad.Reason, Case.Insensitive, $"{bad.Name}: {result.Error}");
        result.Error.ShouldNotContain("   at ", customMessage: $"{bad.Name} printed a stack trace");
    }

    public void Dispose() => _scratch.Dispose();
}
