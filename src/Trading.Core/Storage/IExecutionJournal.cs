namespace Trading.Core.Storage;

/// <summary>The order executor's write before it sends anything: one <see cref="ExecutionRecord"/>, all of it or none, in one commit.</summary>
public interface IExecutionJournal
{
    Task RecordAsync(ExecutionRecord record, CancellationToken ct = default);
}
