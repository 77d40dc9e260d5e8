using Microsoft.AspNetCore.Http;
using Shouldly;
using Trading.Api.Security;
using Trading.Services.Configuration;

namespace Trading.Api.Tests.Security;

/// <summary>The key check on its own: the exact key in X-API-Key or as a bearer token passes; anything else, or no configured key, does not.</summary>
public sealed class ApiKeyCheckTests
{
    private const string Key = "küchen-schlüssel-0123456789";

    [Theory]
    [InlineData("X-API-Key", Key, true)]
    [InlineData("Authorization", "Bearer " + Key, true)]
    [InlineData("Authorization", "bearer  " + Key + " ", true)]
    [InlineData("X-API-Key", Key + "0", false)]
    [InlineData("X-API-Key", "kuchen-schlussel-0123456789", false)]
    [InlineData("X-API-Key", "", false)]
    [InlineData("Authorization", Key, false)]
    [InlineData("X-Other", Key, false)]
    public void IsValid_PresentedKey_AcceptsOnlyTheExactKey(string header, string value, bool expected)
    {
        var check = new ApiKeyCheck(new TradingSettings { ApiKey = Key });

        check.IsValid(Request(header, value)).ShouldBe(expected);
    }

    [Fact]
    public void IsValid_KeyLongerThanTheMaximum_RefusedUnread()
    {
        var longKey = new string('k', ApiAccess.MaximumKeyLength + 1);
        var check = new ApiKeyCheck(new TradingSettings { ApiKey = longKey });

        check.IsValid(Request("X-API-Key", longKey)).ShouldBeFalse();
        ApiAccess.Problems(new TradingSettings { ApiKey = longKey }).ShouldContain(p => p.Message.Contains("at most", StringComparison.Ordinal));
    }

    [Fact]
    public void IsValid_NoKeyConfigured_RefusesEvenAnEmptyOne()
    {
        var check = new ApiKeyCheck(new TradingSettings { ApiKey = null });

        check.HasKeyConfigured.ShouldBeFalse();
        check.IsValid(Request("X-API-Key", "")).ShouldBeFalse();
        check.IsValid(Request("X-API-Key", "anything-at-all-0000")).ShouldBeFalse();
    }

    [Fact]
    public void IsValid_AskedTwice_AnswersFromTheFirstCheck()
    {
        var check = new ApiKeyCheck(new TradingSettings { ApiKey = Key });
        var context = Request("X-API-Key", Key);
        check.IsValid(context).ShouldBeTrue();

        context.Request.Headers["X-API-Key"] = "changed-after-the-check-000";

        check.IsValid(context).ShouldBeTrue();
    }

    private static DefaultHttpContext Request(string header, string value)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers[header] = value;
        return context;
    }
}
