using Npgsql;
using Shouldly;

namespace Trading.Storage.Tests;

public class PostgresConnectionStringTests
{
    [Theory]
    [InlineData("postgresql://trader:s3cret@db.example:6543/trading", "db.example", 6543, "trader", "s3cret", "trading")]
    [InlineData("postgres://trader:s3cret@localhost/trading", "localhost", 5432, "trader", "s3cret", "trading")]
    [InlineData("postgresql://tr%40der:p%3Ass%2Fw%25rd@10.0.0.5:5432/my%20db", "10.0.0.5", 5432, "tr@der", "p:ss/w%rd", "my db")]
    [InlineData("Host=pg;Port=5433;Username=u;Password=p;Database=d", "pg", 5433, "u", "p", "d")]
    public void FromUrl_ValidValue_MapsEveryPart(string value, string host, int port, string user, string password, string database)
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresConnectionString.FromUrl(value));

        builder.Host.ShouldBe(host);
        builder.Port.ShouldBe(port);
        builder.Username.ShouldBe(user);
        builder.Password.ShouldBe(password);
        builder.Database.ShouldBe(database);
    }

    [Fact]
    public void FromUrl_QueryOptions_AreApplied()
    {
        var builder = new NpgsqlConnectionStringBuilder(
            PostgresConnectionString.FromUrl("postgresql://u:p@h/db?sslmode=verify-full&application_name=trading&connect_timeout=7"));

        builder.SslMode.ShouldBe(SslMode.VerifyFull);
        builder.ApplicationName.ShouldBe("trading");
        builder.Timeout.ShouldBe(7);
    }

    [Fact]
    public void FromUrl_NoUserInfo_LeavesCredentialsUnset()
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresConnectionString.FromUrl("postgresql://localhost:5432/db"));

        builder.Username.ShouldBeNull();
        builder.Password.ShouldBeNull();
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("mysql://u:hunter2@h/db", "unsupported scheme 'mysql'")]
    [InlineData("postgresql://u:hunter2@:5432/db", "not a valid URL")]
    [InlineData("postgresql://u:hunter2@h:99999/db", "not a valid URL")]
    [InlineData("postgresql://u:hunter2@h/db?sslmode=sometimes", "query option 'sslmode' is not valid")]
    [InlineData("postgresql://u:hunter2@h/db?bogus=1", "unsupported query option 'bogus'")]
    [InlineData("postgresql://u:hunter2@h/a/b", "must not contain '/'")]
    [InlineData("just-a-hostname-hunter2", "expected postgresql://")]
    [InlineData("Host=h;Password=hunter2;Bogus=1", "not a valid Npgsql connection string")]
    [InlineData("Password=hunter2;Database=d", "has no Host")]
    public void FromUrl_MalformedValue_ThrowsOneLineErrorWithoutThePassword(string value, string reason)
    {
        var error = Should.Throw<FormatException>(() => PostgresConnectionString.FromUrl(value));

        error.Message.ShouldStartWith("DATABASE_URL is malformed: ");
        error.Message.ShouldContain(reason);
        error.Message.ShouldNotContain("hunter2");
        error.Message.ShouldNotContain("\n");
    }
}
