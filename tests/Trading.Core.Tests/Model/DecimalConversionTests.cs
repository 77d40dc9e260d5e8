using System.Globalization;
using System.IO.Compression;
using Shouldly;
using Trading.Core.Model;
using Trading.TestInfrastructure;

namespace Trading.Core.Tests.Model;

public class DecimalConversionTests
{
    [Fact]
    public void ToDouble_EveryPriceAndVolumeOfTheSharedKlines_MatchesRuntimeBitForBit()
    {
        var checkedValues = 0L;
        foreach (var dir in new[] { RepoPaths.BtcUsdt1mDir, RepoPaths.BtcUsdt1hDir })
        {
            foreach (var path in Directory.GetFiles(dir, "*.zip"))
            {
                using var zip = ZipFile.OpenRead(path);
                using var reader = new StreamReader(zip.Entries[0].Open());
                while (reader.ReadLine() is { Length: > 0 } line)
                {
                    var fields = line.Split(',', 8);
                    for (var f = 1; f <= 5; f++)
                    {
                        if (!decimal.TryParse(fields[f], NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) continue;
                        AssertSame(value);
                        checkedValues++;
                    }
                }
            }
        }
        checkedValues.ShouldBeGreaterThan(6_500_000);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-0.00")]
    [InlineData("1")]
    [InlineData("-42069.01000000")]
    [InlineData("0.00000001")]
    [InlineData("18446744073709551615")]
    [InlineData("18446744073709551616")]
    [InlineData("79228162514264337593543950335")]
    [InlineData("-79228162514264337593543950335")]
    [InlineData("0.0000000000000000000000000001")]
    [InlineData("1.0000000000000000000000000001")]
    [InlineData("123456789.0123456789012345678")]
    [InlineData("9007199254740993")]
    [InlineData("0.1234567890123456789012")]
    [InlineData("0.12345678901234567890123")]
    public void ToDouble_EdgeValues_MatchesRuntimeBitForBit(string text)
    {
        AssertSame(decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void ToDouble_RandomCoefficientsAtEveryScale_MatchesRuntimeBitForBit()
    {
        var random = new Random(20261121);
        for (var i = 0; i < 200_000; i++)
        {
            var lo = random.Next(int.MinValue, int.MaxValue);
            var mid = random.Next(int.MinValue, int.MaxValue);
            var hi = i % 4 == 0 ? random.Next(0, 1000) : 0;
            var scale = (byte)random.Next(0, 29);
            AssertSame(new decimal(lo, mid, hi, isNegative: i % 3 == 0, scale));
        }
    }

    private static void AssertSame(decimal value)
    {
        var fast = BitConverter.DoubleToInt64Bits(DecimalConversion.ToDouble(value));
        var runtime = BitConverter.DoubleToInt64Bits((double)value);
        if (fast != runtime) fast.ShouldBe(runtime, $"{value.ToString(CultureInfo.InvariantCulture)}");
    }
}
