using System.Threading.Channels;

namespace Trading.Binance.UserData;

/// <summary>
/// The account's user data stream over the WebSocket API (userDataStream.subscribe.signature). It reconnects with backoff
/// and resubscribes on its own; after every reconnect it emits <see cref="UserDataReconnected"/>, on which the caller
/// reconciles its orders over REST (events sent while disconnected are lost).
/// </summary>
public interface IBinanceUserDataStream : IAsyncDisposable
{
    /// <summary>Order updates, balances, and connection notices, in arrival order.</summary>
    ChannelReader<UserDataUpdate> Updates { get; }

    /// <summary>True while a subscription is active.</summary>
    bool IsSubscribed { get; }

    /// <summary>Starts the background connection; completes once the first subscription is active.</summary>
    Task StartAsync(CancellationToken ct = default);
}
