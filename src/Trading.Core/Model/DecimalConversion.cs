using System.Runtime.CompilerServices;

namespace Trading.Core.Model;

/// <summary>
/// decimal → double for hot loops (indicators fed from candle prices). It gives exactly what <c>(double)value</c> gives,
/// bit for bit: the runtime computes (double)coefficient / 10^scale, and when the coefficient fits 64 bits and
/// 10^scale is an exact double (scale ≤ 22) this does the same two correctly rounded operations inline instead of a call.
/// Other values take the runtime conversion.
/// </summary>
public static class DecimalConversion
{
    private const int MaxExactScale = 22;
    private const int SignBit = unchecked((int)0x80000000);

    private static readonly double[] PowersOf10 =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double ToDouble(decimal value)
    {
        ref readonly var bits = ref Unsafe.As<decimal, DecimalBits>(ref value);
        var scale = (bits.Flags >> 16) & 0xFF;
        if (bits.High != 0 || scale > MaxExactScale) return (double)value;
        var magnitude = (double)bits.Low64 / PowersOf10[scale];
        return (bits.Flags & SignBit) != 0 ? -magnitude : magnitude;
    }

    // System.Decimal's field layout (flags, high 32 bits, low 64 bits), stable since .NET Core 3.0 and checked by a test.
    private readonly struct DecimalBits
    {
        public readonly int Flags;
        public readonly uint High;
        public readonly ulong Low64;
    }
}
