using System.Globalization;
using System.Runtime.CompilerServices;
using Trading.Binance.UserData;
using Trading.Core.Execution;

namespace Trading.Binance.Execution;

/// <summary>The user data stream as domain events: each Binance event translated into its <see cref="VenueEvent"/>.</summary>
public sealed class BinanceVenueEvents(IBinanceUserDataStream stream) : IVenueEventStream
{
    public Task StartAsync(CancellationToken ct) => stream.StartAsync(ct);

    public async IAsyncEnumerable<VenueEvent> ReadAllAsync([EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var update in stream.Updates.ReadAllAsync(ct))
        {
            if (Translate(update) is { } translated) yield return translated;
        }
    }

    public static VenueEvent? Translate(UserDataUpdate update) => update switch
    {
        OrderUpdate report => new BinanceOrderReport(report),
        AccountPositionUpdate position => new VenueBalancesChanged([.. position.Balances.Select(b => new VenueBalance(b.Asset, b.Free, b.Locked))]),
        BalanceDelta delta => new VenueTransfer(
            string.Create(CultureInfo.InvariantCulture, $"transfer:{delta.Asset}:{delta.ClearTimeMs}:{delta.Delta}"), delta.Asset, delta.Delta,
            DateTimeOffset.FromUnixTimeMilliseconds(delta.ClearTimeMs > 0 ? delta.ClearTimeMs : delta.EventTimeMs)),
        UserDataReconnected reconnected => new VenueStreamRestored(reconnected.Reconnects, reconnected.Cause),
        UserDataDisconnected lost => new VenueStreamLost(lost.Cause),
        UserDataMalformed malformed => new VenueStreamMalformed(malformed.Reason),
        _ => null,
    };

    public ValueTask DisposeAsync() => stream.DisposeAsync();
}
