using System.Diagnostics;
using System.Text.RegularExpressions;
using Shouldly;
using Trading.TestInfrastructure;

namespace Trading.Cli.Tests.Commands.Service;

/// <summary>
/// deploy/docker-compose.yml is valid for Debian's docker-compose (no engine needed), redis and postgres have healthchecks
/// and volumes, every other service waits for both to be healthy, and each runs a service that `trading` knows.
/// </summary>
public sealed partial class DeployComposeTests : IDisposable
{
    private static readonly string[] Infrastructure = ["postgres", "redis"];
    private readonly TempDirectory _dir = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ComposeFile_DockerComposeConfig_ValidAndEveryServiceIsARealServiceRunName()
    {
        Directory.CreateDirectory(Path.Combine(_dir.Path, "deploy"));
        File.Copy(Path.Combine(RepoPaths.Root, "deploy", "docker-compose.yml"), Path.Combine(_dir.Path, "deploy", "docker-compose.yml"));
        File.Copy(Path.Combine(RepoPaths.Root, ".env.example"), Path.Combine(_dir.Path, ".env"));

        var (configExit, config) = await ComposeAsync("config");
        var (servicesExit, servicesText) = await ComposeAsync("config", "--services");

        configExit.ShouldBe(0, config);
        servicesExit.ShouldBe(0, servicesText);
        var services = servicesText.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Order(StringComparer.Ordinal).ToList();
        services.ShouldBe(["bot-supervisor", "data-collector", "order-executor", "portfolio-manager", "postgres", "redis", "strategy-engine"]);
        config.ShouldContain("--appendonly");
        Regex.Matches(config, @"healthcheck:").Count.ShouldBe(2);
        foreach (var service in services.Except(Infrastructure))
        {
            config.ShouldMatch($@"(?m)^  {Regex.Escape(service)}:\n(    .*\n)*?    command:\n    - service\n    - run\n    - --name\n    - {Regex.Escape(service)}\n");
            ServiceBlock(config, service).ShouldMatch(@"depends_on:\n\s+postgres:\n\s+condition: service_healthy\n\s+redis:\n\s+condition: service_healthy");
            var known = await CliProcess.RunAsync(["service", "status", "--name", service, "--check", "--data-dir", Path.Combine(_dir.Path, "data")], ct: Ct);
            known.ExitCode.ShouldBe(1, $"{service}: {known.Error}");
        }
        var unknown = await CliProcess.RunAsync(["service", "run", "--name", "no-such-service", "--data-dir", Path.Combine(_dir.Path, "data")], ct: Ct);
        unknown.ExitCode.ShouldBe(2);
        unknown.ErrorLines.ShouldHaveSingleItem().ShouldStartWith("error: unknown service 'no-such-service'");
    }

    private static string ServiceBlock(string config, string service)
    {
        var start = config.IndexOf($"\n  {service}:\n", StringComparison.Ordinal);
        var next = ServiceHeader().Match(config, start + service.Length + 4);
        return next.Success ? config[start..next.Index] : config[start..];
    }

    private async Task<(int Exit, string Output)> ComposeAsync(params string[] args)
    {
        var info = new ProcessStartInfo("docker-compose") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _dir.Path };
        foreach (var arg in new[] { "-f", "deploy/docker-compose.yml" }.Concat(args)) info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var error = process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        return (process.ExitCode, process.ExitCode == 0 ? await output : await output + await error);
    }

    [GeneratedRegex(@"\n  [a-z-]+:\n")]
    private static partial Regex ServiceHeader();

    public void Dispose() => _dir.Dispose();
}
