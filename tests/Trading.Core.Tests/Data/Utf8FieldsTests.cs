using System.Globalization;
using System.Text;
using Shouldly;
using Trading.Core.Data;

namespace Trading.Core.Tests.Data;

public class Utf8FieldsTests
{
    [Theory]
    [InlineData("46216.93000000")]
    [InlineData("0.00000001")]
    [InlineData("-12.5")]
    [InlineData("1875978.44269790")]
    [InlineData("123456789012345678")]
    [InlineData("1234567890.1234567890123")]
    [InlineData("7.5E-05")]
    [InlineData(" 42 ")]
    public void TryDecimal_NumberText_EqualsDecimalParse(string text)
    {
        Utf8Fields.TryDecimal(Encoding.UTF8.GetBytes(text), out var value).ShouldBeTrue();
        value.ShouldBe(decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData(".")]
    [InlineData("1.2.3")]
    [InlineData("12a")]
    [InlineData("NaN")]
    public void TryDecimal_Garbage_ReturnsFalse(string text) =>
        Utf8Fields.TryDecimal(Encoding.UTF8.GetBytes(text), out _).ShouldBeFalse();

    [Theory]
    [InlineData("1704067200000", 1704067200000)]
    [InlineData("1735689600000000", 1735689600000)]
    [InlineData("1704067200", 1704067200000)]
    [InlineData("2024-01-01T00:00:00Z", 1704067200000)]
    [InlineData("2018-01-01 23:59:59.999000 UTC", 1514851199999)]
    public void TryParse_TimestampForms_GiveUnixMilliseconds(string text, long expected)
    {
        Utf8Timestamp.TryParse(Encoding.UTF8.GetBytes(text), out var ms).ShouldBeTrue();
        ms.ShouldBe(expected);
    }

    [Theory]
    [InlineData("2024-13-01")]
    [InlineData("2024-02-30 00:00")]
    [InlineData("2024-01-01 00:00:00 PST")]
    [InlineData("yesterday")]
    public void TryParse_BadTimestamp_ReturnsFalse(string text) =>
        Utf8Timestamp.TryParse(Encoding.UTF8.GetBytes(text), out _).ShouldBeFalse();
}
