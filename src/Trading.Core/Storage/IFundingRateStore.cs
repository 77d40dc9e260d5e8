using Trading.Core.Futures;
using Trading.Core.Model;

namespace Trading.Core.Storage;

/// <summary>USDⓈ-M funding settlements keyed by (symbol, settlement time). Writing an existing key updates it.</summary>
public interface IFundingRateStore
{
    /// <summary>Upserts the settlements in one transaction: all of them are stored, or none. Returns rows written.</summary>
    Task<long> UpsertAsync(Symbol symbol, IReadOnlyCollection<FundingSettlement> settlements, CancellationToken ct = default);

    /// <summary>The settlements with fromMs ≤ time &lt; toMs, in time order.</summary>
    Task<IReadOnlyList<FundingSettlement>> ReadAsync(Symbol symbol, long fromMs, long toMs, CancellationToken ct = default);

    Task<IReadOnlyList<FundingSeriesSummary>> ListAsync(CancellationToken ct = default);
}
