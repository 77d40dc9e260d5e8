using System.Net;
using System.Text;
using System.Threading.Channels;

namespace Trading.TestInfrastructure.Servers;

/// <summary>
/// An HTTP server on a free 127.0.0.1 port that records every request (path and body) and answers with a fixed body, after
/// failing the first <see cref="FailFirst"/> requests with 500: a stand-in for a webhook receiver or the Telegram Bot API.
/// </summary>
public sealed class RecordingHttpServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Channel<RecordedRequest> _requests = Channel.CreateUnbounded<RecordedRequest>();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly string _responseBody;
    private int _failuresLeft;

    public RecordingHttpServer(string responseBody = "{}", int failFirst = 0)
    {
        _responseBody = responseBody;
        _failuresLeft = failFirst;
        FailFirst = failFirst;
        var port = ExternalProcess.FreeLoopbackPort();
        BaseUrl = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(BaseUrl.ToString());
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public Uri BaseUrl { get; }

    public int FailFirst { get; }

    /// <summary>Every request, failed ones included, in arrival order.</summary>
    public ChannelReader<RecordedRequest> Requests => _requests.Reader;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Close();
        await _loop.ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var failed = Interlocked.Decrement(ref _failuresLeft) >= 0;
            await _requests.Writer.WriteAsync(new RecordedRequest(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, body, failed));
            context.Response.StatusCode = failed ? 500 : 200;
            context.Response.ContentType = "application/json";
            var bytes = Encoding.UTF8.GetBytes(failed ? "{\"ok\":false}" : _responseBody);
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }
}

public sealed record RecordedRequest(string Method, string Path, string Body, bool Failed);
