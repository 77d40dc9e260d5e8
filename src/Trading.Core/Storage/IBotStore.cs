namespace Trading.Core.Storage;

public interface IBotStore
{
    Task SaveAsync(BotDefinition bot, CancellationToken ct = default);

    Task<BotDefinition?> GetAsync(string id, CancellationToken ct = default);

    Task<IReadOnlyList<BotDefinition>> ListAsync(CancellationToken ct = default);

    Task<bool> DeleteAsync(string id, CancellationToken ct = default);
}
