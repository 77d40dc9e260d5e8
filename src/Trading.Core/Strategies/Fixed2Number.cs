using System.Globalization;

namespace Trading.Core.Strategies;

/// <summary>
/// A double written with 2 decimals, rounded half away from zero (see <see cref="ReasonFormat.Fixed2"/>). As an
/// <see cref="ISpanFormattable"/> it formats straight into an interpolated string's buffer, with no intermediate string.
/// </summary>
public readonly struct Fixed2Number(double value) : ISpanFormattable
{
    public double Value { get; } = value;

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        var value = Value;
        if (!double.IsFinite(value) || Math.Abs(value) >= 1e15)
            return value.TryFormat(destination, out charsWritten, "F2", CultureInfo.InvariantCulture);
        var hundredths = (long)Math.Round(value * 100, MidpointRounding.AwayFromZero);
        var magnitude = Math.Abs(hundredths);
        charsWritten = 0;
        var at = 0;
        if (hundredths < 0)
        {
            if (destination.IsEmpty) return false;
            destination[at++] = '-';
        }
        if (!(magnitude / 100).TryFormat(destination[at..], out var whole, default, CultureInfo.InvariantCulture)) return false;
        at += whole;
        if (destination.Length - at < 3) return false;
        var cents = (int)(magnitude % 100);
        destination[at] = '.';
        destination[at + 1] = (char)('0' + cents / 10);
        destination[at + 2] = (char)('0' + cents % 10);
        charsWritten = at + 3;
        return true;
    }

    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, stackalloc char[32], $"{this}");
}
