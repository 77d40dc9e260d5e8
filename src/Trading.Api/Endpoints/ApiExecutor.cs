using Microsoft.Extensions.Logging;
using Trading.Api.Hosting;
using Trading.Core.Execution;
using Trading.Core.Messaging;
using Trading.Core.Storage;
using Trading.Services.Configuration;
using Trading.Services.Execution;

namespace Trading.Api.Endpoints;

/// <summary>The order executor an API action uses: the host's venue, if it has one, in the API's mode (as the CLI's).</summary>
internal static class ApiExecutor
{
    public static Task<OrderExecutor> CreateAsync(ITradingStore store, IMessageBus bus, TradingSettings settings, ApiRuntime runtime,
        TimeProvider time, ILoggerFactory loggers, IServiceProvider services, string category, CancellationToken ct) =>
        ManualOrders.CreateExecutorAsync(store, bus, settings, runtime.Options.Mode, loggers.CreateLogger(category), time,
            services.GetService(typeof(IExecutionVenue)) as IExecutionVenue, ct);
}
