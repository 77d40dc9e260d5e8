using Shouldly;
using Trading.Services.Configuration;
using Trading.TestInfrastructure;

namespace Trading.Services.Tests.Configuration;

/// <summary>The seed's alerts: block in settings.yaml is a real setting: every key maps to an ALERTS_* variable.</summary>
public sealed class AlertSettingsTests
{
    [Fact]
    public void Load_SettingsYamlAlertsBlock_SetsRulesAndChannels()
    {
        using var dir = new TempDirectory();
        dir.Write("config/settings.yaml", """
            alerts:
              daily_loss_pct: 3
              drawdown_warning_pct: 6
              drawdown_critical_pct: 12
              exchange_errors_per_minute: 8
              webhook: { url: "http://127.0.0.1:8099/hook" }
              telegram: { base_url: "http://127.0.0.1:8098", chat_id: "42" }
              email: { smtp_host: mail.example.org, smtp_port: 2525, from: bot@example.org, to: ops@example.org }
            """);
        dir.Write(".env", "ALERTS_TELEGRAM_TOKEN=123:token\n");

        var loaded = ConfigTestKit.Load(dir, []);

        loaded.Problems.ShouldBeEmpty();
        var a = loaded.Settings.Alerts;
        (a.DailyLossPct, a.DrawdownWarningPct, a.DrawdownCriticalPct, a.ExchangeErrorsPerMinute).ShouldBe((3m, 6m, 12m, 8));
        a.WebhookUrl.ShouldBe("http://127.0.0.1:8099/hook");
        (a.TelegramBaseUrl, a.TelegramChatId, a.TelegramToken).ShouldBe(("http://127.0.0.1:8098", "42", "123:token"));
        (a.EmailSmtpHost, a.EmailSmtpPort, a.EmailFrom, a.EmailTo).ShouldBe(("mail.example.org", 2525, "bot@example.org", "ops@example.org"));
        loaded.SourceOf(SettingKeys.AlertsDailyLossPct).ShouldBe(SettingSource.Yaml);
    }

    [Fact]
    public void Load_AlertSecretInSettingsYaml_IsRefusedWithoutItsValue()
    {
        using var dir = new TempDirectory();
        dir.Write("config/settings.yaml", "alerts:\n  telegram:\n    token: \"123:leaked\"\n");

        var loaded = ConfigTestKit.Load(dir, []);

        var problem = loaded.Problems.ShouldHaveSingleItem(string.Join("; ", loaded.Problems));
        problem.Key.ShouldBe(SettingKeys.AlertsTelegramToken);
        problem.Message.ShouldNotContain("leaked");
    }

    [Theory]
    [InlineData(SettingKeys.AlertsDrawdownCriticalPct, "101")]
    [InlineData(SettingKeys.AlertsMaxPerMinute, "0")]
    [InlineData(SettingKeys.AlertsWebhookUrl, "ftp://example.org")]
    [InlineData(SettingKeys.MetricsPort, "70000")]
    [InlineData(SettingKeys.LogFormat, "xml")]
    public void Load_OutOfRangeValue_IsOneProblemNamingTheSetting(string key, string value)
    {
        using var dir = new TempDirectory();

        var loaded = ConfigTestKit.Load(dir, new() { [key] = value });

        loaded.Problems.ShouldHaveSingleItem().Key.ShouldBe(key);
    }
}
