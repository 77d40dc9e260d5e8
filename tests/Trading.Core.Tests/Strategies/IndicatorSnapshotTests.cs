using System.Text.Json;
using Shouldly;
using Trading.Core.Model;
using Trading.Core.Strategies;

namespace Trading.Core.Tests.Strategies;

public sealed class IndicatorSnapshotTests
{
    [Fact]
    public void FiniteOf_MixedValues_KeepsFiniteOnesInInsertionOrder()
    {
        var source = new Dictionary<string, double>(StringComparer.Ordinal) { ["b"] = 2, ["nan"] = double.NaN, ["a"] = 1, ["inf"] = double.PositiveInfinity };

        var snapshot = IndicatorSnapshot.FiniteOf(source);
        source.Clear();

        snapshot.Select(p => p.Key).ShouldBe(["b", "a"]);
        snapshot.Count.ShouldBe(2);
        snapshot["a"].ShouldBe(1);
        snapshot.TryGetValue("nan", out _).ShouldBeFalse();
        snapshot.ContainsKey("B").ShouldBeFalse();
        Should.Throw<KeyNotFoundException>(() => snapshot["inf"]);
    }

    [Fact]
    public void FiniteOf_NothingFinite_IsEmpty()
    {
        IndicatorSnapshot.FiniteOf(new Dictionary<string, double> { ["x"] = double.NaN }).ShouldBeEmpty();
    }

    [Fact]
    public void Serialize_AsSignalPropertyOrAlone_WritesAJsonObjectLikeADictionary()
    {
        var snapshot = IndicatorSnapshot.FiniteOf(new Dictionary<string, double> { ["rsi"] = 12.5, ["sma"] = 3 });
        var signal = new Signal
        {
            Id = "x", Strategy = "rsi", Symbol = new Symbol("BTCUSDT"), Side = OrderSide.Buy, Price = 1m,
            CreatedAt = DateTimeOffset.UnixEpoch, Indicators = snapshot,
        };

        JsonSerializer.Serialize<object>(snapshot).ShouldBe("""{"rsi":12.5,"sma":3}""");
        JsonSerializer.Serialize(signal).ShouldContain("""
            "Indicators":{"rsi":12.5,"sma":3}
            """);
    }

    [Fact]
    public void FiniteOne_SharedKeyArray_ReadsAndSerializesLikeADictionary()
    {
        string[] key = ["rsi"];
        var snapshot = IndicatorSnapshot.FiniteOne(key, 28.5);

        snapshot.Count.ShouldBe(1);
        snapshot["rsi"].ShouldBe(28.5);
        snapshot.TryGetValue("sma", out _).ShouldBeFalse();
        snapshot.Values.ShouldBe([28.5]);
        snapshot.ShouldBe([new KeyValuePair<string, double>("rsi", 28.5)]);
        JsonSerializer.Serialize<object>(snapshot).ShouldBe("""{"rsi":28.5}""");
        IndicatorSnapshot.FiniteOne(key, double.NaN).ShouldBeSameAs(IndicatorSnapshot.Empty);
        Should.Throw<ArgumentException>(() => IndicatorSnapshot.FiniteOne(["a", "b"], 1));
    }
}
