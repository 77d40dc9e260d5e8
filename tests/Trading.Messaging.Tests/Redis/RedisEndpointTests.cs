using Shouldly;
using Trading.Messaging.Redis;

namespace Trading.Messaging.Tests.Redis;

public sealed class RedisEndpointTests
{
    [Fact]
    public void Parse_HostPortAndDatabase_ReadsEachPart()
    {
        var endpoint = RedisEndpoint.Parse("redis://127.0.0.1:6380/2");

        endpoint.ShouldBe(new RedisEndpoint("127.0.0.1", 6380, 2, null, null, UseTls: false));
    }

    [Fact]
    public void Parse_NoPortNoDatabase_Defaults6379AndDatabase0()
    {
        var endpoint = RedisEndpoint.Parse("redis://cache.internal");

        endpoint.Port.ShouldBe(RedisEndpoint.DefaultPort);
        endpoint.Database.ShouldBe(0);
    }

    [Fact]
    public void Parse_PasswordOnly_ReadsThePassword()
    {
        var endpoint = RedisEndpoint.Parse("redis://:s3cret@redis:6379/0");

        endpoint.User.ShouldBeNull();
        endpoint.Password.ShouldBe("s3cret");
    }

    [Fact]
    public void Parse_UserAndEscapedPassword_ReadsBoth()
    {
        var endpoint = RedisEndpoint.Parse("rediss://ops:p%40ss@redis.example:6390");

        endpoint.User.ShouldBe("ops");
        endpoint.Password.ShouldBe("p@ss");
        endpoint.UseTls.ShouldBeTrue();
        endpoint.ToConfiguration(TimeSpan.FromSeconds(1)).Ssl.ShouldBeTrue();
    }

    [Fact]
    public void ToString_WithPassword_NeverShowsIt()
    {
        var endpoint = RedisEndpoint.Parse("redis://:hunter2@redis:6379/3");

        endpoint.ToString().ShouldBe("redis://redis:6379/3");
    }

    [Theory]
    [InlineData("")]
    [InlineData("hunter2")]
    [InlineData("http://:hunter2@redis:6379")]
    [InlineData("redis://:hunter2@")]
    [InlineData("redis://:hunter2@redis:99999")]
    [InlineData("redis://:hunter2@redis:6379/zero")]
    [InlineData("redis://:hunter2@redis:6379/0?timeout=5")]
    public void Parse_Malformed_ThrowsFormatExceptionWithoutTheValue(string url)
    {
        var error = Should.Throw<FormatException>(() => RedisEndpoint.Parse(url));

        error.Message.ShouldStartWith("REDIS_URL is malformed: ");
        error.Message.ShouldNotContain("hunter2");
    }
}
