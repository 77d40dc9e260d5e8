using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Trading.Binance.Signing;

namespace Trading.Binance.Simulator.Matching;

/// <summary>
/// Checks a signed REST request as Binance does: the X-MBX-APIKEY header, the HMAC-SHA256 signature over the query string
/// followed by the body exactly as received (minus the signature parameter), and the timestamp against recvWindow.
/// </summary>
internal static class SignedRequestReader
{
    public static async Task<IReadOnlyDictionary<string, string>> ReadAsync(HttpRequest request, SimulatorTradingOptions options, long nowMs)
    {
        var query = (request.QueryString.Value ?? "").TrimStart('?');
        var body = "";
        if (request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        }
        var key = request.Headers["X-MBX-APIKEY"].ToString();
        if (key.Length == 0) throw new SimulatorRejection(-2014, "API-key format invalid.", 401);
        if (key != options.ApiKey) throw new SimulatorRejection(-2015, "Invalid API-key, IP, or permissions for action.", 401);

        var parameters = Parse(body);
        foreach (var (name, value) in Parse(query)) parameters[name] = value;
        if (!parameters.TryGetValue("signature", out var signature)) throw SimulatorRejection.Mandatory("signature");
        var payload = WithoutSignature(query) + WithoutSignature(body);
        if (!string.Equals(new BinanceSigner(options.ApiSecret).Sign(payload), signature, StringComparison.OrdinalIgnoreCase))
            throw new SimulatorRejection(-1022, "Signature for this request is not valid.");
        CheckTimestamp(parameters, nowMs);
        return parameters;
    }

    /// <summary>Binance's timing rule: no more than 1 s ahead of the server, no older than recvWindow (default 5000, max 60000).</summary>
    public static void CheckTimestamp(IReadOnlyDictionary<string, string> parameters, long nowMs)
    {
        if (!parameters.TryGetValue("timestamp", out var text) || !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp))
            throw SimulatorRejection.Mandatory("timestamp");
        var recvWindow = 5000m;
        if (parameters.TryGetValue("recvWindow", out var window)
            && !decimal.TryParse(window, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out recvWindow))
            throw SimulatorRejection.Mandatory("recvWindow");
        if (recvWindow > 60_000m) throw new SimulatorRejection(-1131, "recvWindow must be less than 60000");
        if (timestamp >= nowMs + 1000) throw new SimulatorRejection(-1021, "Timestamp for this request was 1000ms ahead of the server's time.");
        if (nowMs - timestamp > recvWindow) throw new SimulatorRejection(-1021, "Timestamp for this request is outside of the recvWindow.");
    }

    private static Dictionary<string, string> Parse(string raw)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in raw.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]);
            if (result.ContainsKey(name)) throw new SimulatorRejection(-1101, "Duplicate values for a parameter detected.");
            result[name] = eq < 0 ? "" : Uri.UnescapeDataString(pair[(eq + 1)..].Replace('+', ' '));
        }
        return result;
    }

    private static string WithoutSignature(string raw) =>
        string.Join('&', raw.Split('&').Where(p => !p.StartsWith("signature=", StringComparison.Ordinal)));
}
