using Microsoft.AspNetCore.Http;

namespace Trading.Binance.Simulator;

/// <summary>Binance-shaped JSON answers for simulator endpoints.</summary>
public static class SimulatorResults
{
    public static IResult Json(byte[] body, int status = StatusCodes.Status200OK) => new JsonBytesResult(body, status);

    public static IResult Error(int code, string message, int status = StatusCodes.Status400BadRequest) =>
        new JsonBytesResult(SimulatorJson.Error(code, message), status);

    public static IResult Mandatory(string parameter) =>
        Error(-1102, $"Mandatory parameter '{parameter}' was not sent, was empty/null, or malformed.");

    public static IResult InvalidSymbol() => Error(-1121, "Invalid symbol.");

    private sealed class JsonBytesResult(byte[] body, int status) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            httpContext.Response.ContentType = "application/json;charset=UTF-8";
            httpContext.Response.ContentLength = body.Length;
            await httpContext.Response.Body.WriteAsync(body, httpContext.RequestAborted);
        }
    }
}
