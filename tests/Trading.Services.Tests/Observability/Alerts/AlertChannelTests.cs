using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using netDumbster.smtp;
using Shouldly;
using Trading.Services.Configuration;
using Trading.Services.Observability.Alerts;
using Trading.TestInfrastructure;
using Trading.TestInfrastructure.Servers;

namespace Trading.Services.Tests.Observability.Alerts;

/// <summary>Each channel against a local listener: an HTTP receiver for the webhook and the Bot API, an SMTP server for e-mail.</summary>
public sealed class AlertChannelTests
{
    private const string TelegramOk = """{"ok":true,"result":{"message_id":7,"date":1767225600,"chat":{"id":42,"type":"private"},"text":"x"}}""";
    private static readonly Alert Critical = new(AlertSeverity.Critical, "drawdown_critical", "drawdown 10.5 % is over 10 %", DateTimeOffset.UnixEpoch);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Webhook_Alert_PostsItsJson()
    {
        await using var server = new RecordingHttpServer();
        using var http = new HttpClient();

        await new WebhookAlertChannel(http, new Uri(server.BaseUrl, "hook")).SendAsync(Critical, Token);

        var request = await server.Requests.ReadAsync(Token);
        request.Method.ShouldBe("POST");
        request.Path.ShouldBe("/hook");
        var body = JsonDocument.Parse(request.Body).RootElement;
        body.GetProperty("severity").GetString().ShouldBe("critical");
        body.GetProperty("rule").GetString().ShouldBe("drawdown_critical");
        body.GetProperty("message").GetString().ShouldBe(Critical.Message);
    }

    [Fact]
    public async Task Telegram_Alert_CallsSendMessageAtTheConfiguredBaseUrl()
    {
        await using var server = new RecordingHttpServer(TelegramOk);
        using var http = new HttpClient();

        await new TelegramAlertChannel(http, server.BaseUrl.ToString(), "123:abc", "42").SendAsync(Critical, Token);

        var request = await server.Requests.ReadAsync(Token);
        request.Path.ShouldBe("/bot123:abc/sendMessage");
        var body = JsonDocument.Parse(request.Body).RootElement;
        body.GetProperty("chat_id").ToString().ShouldBe("42");
        body.GetProperty("text").GetString().ShouldBe(Critical.Text);
    }

    [Fact]
    public async Task Email_Alert_IsDeliveredOverSmtp()
    {
        var port = ExternalProcess.FreeLoopbackPort();
        using var smtp = SimpleSmtpServer.Start(port);
        var settings = new AlertSettings { EmailSmtpHost = "127.0.0.1", EmailSmtpPort = port, EmailFrom = "bot@example.org", EmailTo = "ops@example.org, desk@example.org" };

        await new EmailAlertChannel(settings).SendAsync(Critical, Token);

        var mail = smtp.ReceivedEmail.ShouldHaveSingleItem();
        mail.ToAddresses.Select(a => a.Address).ShouldBe(["ops@example.org", "desk@example.org"], ignoreOrder: true);
        mail.Subject.ShouldBe("[trading] Critical: drawdown_critical");
        mail.MessageParts[0].BodyData.ShouldContain(Critical.Message);
    }

    [Fact]
    public async Task Dispatcher_ChannelFailsTwice_RetriesUntilDelivered()
    {
        await using var server = new RecordingHttpServer(failFirst: 2);
        using var http = new HttpClient();
        var dispatcher = new AlertDispatcher([new WebhookAlertChannel(http, server.BaseUrl)], 10, TimeProvider.System, NullLogger.Instance,
            new AlertRetry { Attempts = 3, FirstDelay = TimeSpan.FromMilliseconds(1) });

        await dispatcher.SendAsync(Critical, Token);

        var attempts = new[] { await server.Requests.ReadAsync(Token), await server.Requests.ReadAsync(Token), await server.Requests.ReadAsync(Token) };
        attempts.Select(a => a.Failed).ShouldBe([true, true, false]);
        server.Requests.TryRead(out _).ShouldBeFalse();
    }

    [Fact]
    public async Task Dispatcher_Storm_SendsTheLimitThenOneSummaryAfterTheMinute()
    {
        await using var server = new RecordingHttpServer();
        using var http = new HttpClient();
        var clock = new ManualTimeProvider();
        var dispatcher = new AlertDispatcher([new WebhookAlertChannel(http, server.BaseUrl)], 3, clock, NullLogger.Instance);

        for (var i = 0; i < 10; i++) await dispatcher.SendAsync(Critical with { Rule = i % 2 == 0 ? "bot_failed" : "exchange_errors" }, Token);
        await dispatcher.FlushAsync(Token);
        clock.Advance(TimeSpan.FromMinutes(1));
        await dispatcher.FlushAsync(Token);

        var received = new List<JsonElement>();
        while (server.Requests.TryRead(out var request)) received.Add(JsonDocument.Parse(request.Body).RootElement);
        received.Count.ShouldBe(4);
        received[3].GetProperty("rule").GetString().ShouldBe("summary");
        received[3].GetProperty("message").GetString().ShouldBe("7 more alert(s) held back in the last minute: bot_failed x3, exchange_errors x4");
    }
}
