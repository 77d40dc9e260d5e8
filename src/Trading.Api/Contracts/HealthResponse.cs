namespace Trading.Api.Contracts;

public sealed record HealthResponse(string Status);

public sealed record HealthCheck(string Name, bool Ok, string Detail);

public sealed record ReadinessResponse(string Status, IReadOnlyList<HealthCheck> Checks);
