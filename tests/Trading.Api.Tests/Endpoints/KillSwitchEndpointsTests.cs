using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;
using Trading.Core.Risk;
using Trading.Core.Storage;
using Trading.Services.Execution;
using Trading.TestInfrastructure;

namespace Trading.Api.Tests.Endpoints;

/// <summary>POST /kill-switch does what `trade stop-all` does; DELETE /kill-switch resumes. Paper mode over a real Kestrel server.</summary>
public sealed class KillSwitchEndpointsTests(ApiServer server) : IClassFixture<ApiServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PostKillSwitch_RestingOrderAndRunningBot_HaltsCancelsStopsAndDeniesNewOrders()
    {
        await server.Store.Candles.UpsertAsync(TestCandles.Generate(300), Ct);
        await server.Store.Bots.SaveAsync(new BotDefinition { Id = "api-bot", Strategy = "rsi", Symbols = ["BTCUSDT"], Status = BotStatuses.Running }, Ct);
        using var client = server.Client();
        using var placed = await client.PostAsJsonAsync("/orders", new { symbol = "BTCUSDT", side = "BUY", quantity = 0.01m, price = 30_000m }, Ct);
        placed.StatusCode.ShouldBe(HttpStatusCode.Created, await placed.Content.ReadAsStringAsync(Ct));
        (await server.Store.Orders.ListAsync(openOnly: true, limit: 10, ct: Ct)).ShouldHaveSingleItem();

        using var engaged = await client.PostAsJsonAsync("/kill-switch", new { reason = "test halt" }, Ct);

        var text = await engaged.Content.ReadAsStringAsync(Ct);
        engaged.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        var body = JsonDocument.Parse(text).RootElement;
        body.GetProperty("tradingState").GetString().ShouldBe("HALTED");
        body.GetProperty("botsStopped").GetInt32().ShouldBe(1);
        body.GetProperty("ordersCancelled").GetInt32().ShouldBe(1);
        body.GetProperty("problems").GetArrayLength().ShouldBe(0);
        var actions = body.GetProperty("actions").EnumerateArray().Select(a => a.GetString()!).ToList();
        actions[0].ShouldBe("trading state: HALTED (test halt)");
        actions.ShouldContain(a => a.StartsWith("bot api-bot: set stopped", StringComparison.Ordinal), text);
        actions.ShouldContain(a => a.StartsWith("cancelled ", StringComparison.Ordinal) && a.Contains("Buy 0.01 BTCUSDT Limit @ 30000", StringComparison.Ordinal), text);
        (await new KillSwitch(server.Store.SystemState).LoadAsync(Ct)).ShouldBe(TradingState.Halted);
        (await server.Store.Orders.ListAsync(openOnly: true, limit: 10, ct: Ct)).ShouldBeEmpty();
        (await server.Store.Bots.GetAsync("api-bot", Ct))!.Status.ShouldBe(BotStatuses.Stopped);
        using var denied = await client.PostAsJsonAsync("/orders", new { symbol = "BTCUSDT", side = "BUY", quantity = 0.01m }, Ct);
        denied.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await denied.Content.ReadAsStringAsync(Ct)).ShouldContain("HALTED");

        using var resumed = await client.DeleteAsync("/kill-switch", Ct);

        resumed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await new KillSwitch(server.Store.SystemState).LoadAsync(Ct)).ShouldBe(TradingState.Active);
    }
}
