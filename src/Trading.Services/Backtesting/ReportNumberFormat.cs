using System.Globalization;

namespace Trading.Services.Backtesting;

/// <summary>
/// Prints numbers at an exchange increment (a price tick or a quantity step): rounded to the nearest multiple and shown
/// with the increment's decimals, so 16581.67357143 at tick 0.01 prints 16581.67. An unknown increment (0) prints up to
/// eight decimals.
/// </summary>
public sealed record ReportNumberFormat(decimal Increment)
{
    private const int UnknownDecimals = 8;

    public int Decimals => Increment > 0 ? (Increment / 1.000000000000000000000000000000000m).Scale : UnknownDecimals;

    public decimal Round(decimal value) =>
        Increment > 0 ? Math.Round(value / Increment, MidpointRounding.AwayFromZero) * Increment : Math.Round(value, UnknownDecimals);

    public double Round(double value) =>
        double.IsFinite(value) && Math.Abs(value) < 1e20 ? (double)Round((decimal)value) : value;

    public string Text(decimal value) => Round(value).ToString(Increment > 0 ? "F" + Decimals : "0.########", CultureInfo.InvariantCulture);
}
