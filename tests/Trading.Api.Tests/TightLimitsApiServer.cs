using Trading.Api.Hosting;

namespace Trading.Api.Tests;

/// <summary>The API of <see cref="ApiServer"/> with rate limits a test reaches in a few requests (per minute, so never by chance).</summary>
public sealed class TightLimitsApiServer : ApiServer
{
    public const int AnonymousPerMinute = 3;
    public const int ActionsPerMinute = 2;

    protected override ApiOptions Options => base.Options with { AnonymousPerMinute = AnonymousPerMinute, ActionsPerMinute = ActionsPerMinute };
}
