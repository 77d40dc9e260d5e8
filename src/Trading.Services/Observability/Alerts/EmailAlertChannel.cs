using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Trading.Services.Configuration;

namespace Trading.Services.Observability.Alerts;

/// <summary>Mails each alert over SMTP (STARTTLS when the server offers it, TLS on 465), logging in when a user name is set.</summary>
public sealed class EmailAlertChannel(AlertSettings settings) : IAlertChannel
{
    public string Name => "email";

    public override string ToString() =>
        $"email {settings.EmailSmtpHost}:{settings.EmailSmtpPort} from {settings.EmailFrom} to {settings.EmailTo}"
        + (settings.EmailUsername is null ? "" : $" login {settings.EmailUsername}") + (settings.EmailPassword is null ? "" : " with password");

    public async Task SendAsync(Alert alert, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.EmailFrom!));
        foreach (var to in settings.EmailTo!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            message.To.Add(MailboxAddress.Parse(to));
        message.Subject = $"[trading] {alert.Severity}: {alert.Rule}";
        message.Body = new TextPart("plain") { Text = $"{alert.Message}\n\n{alert.Time:u}" };
        using var smtp = new SmtpClient();
        await smtp.ConnectAsync(settings.EmailSmtpHost!, settings.EmailSmtpPort, SecureSocketOptions.Auto, ct);
        if (settings.EmailUsername is not null) await smtp.AuthenticateAsync(settings.EmailUsername, settings.EmailPassword ?? "", ct);
        await smtp.SendAsync(message, ct);
        await smtp.DisconnectAsync(quit: true, ct);
    }
}
