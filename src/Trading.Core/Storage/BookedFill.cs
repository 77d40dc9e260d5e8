using Trading.Core.Model;

namespace Trading.Core.Storage;

/// <summary>A stored fill with its booking sequence: the order in which fills were stored (0 for fills stored before sequences existed).</summary>
public sealed record BookedFill(long Sequence, Fill Fill);
