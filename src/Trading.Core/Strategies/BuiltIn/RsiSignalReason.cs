using System.Globalization;
using Trading.Core.Model;

namespace Trading.Core.Strategies.BuiltIn;

/// <summary>The <see cref="RsiStrategy"/> reason, formatted when first read.</summary>
internal sealed class RsiSignalReason(int period, bool levelMode, string what, string threshold, double r, double p) : DeferredSignalReason
{
    private const int ReasonBuffer = 128;

    public override string Format() => levelMode
        ? string.Create(CultureInfo.InvariantCulture, stackalloc char[ReasonBuffer], $"RSI({period}) {new Fixed2Number(r)} is {what} {threshold}")
        : string.Create(CultureInfo.InvariantCulture, stackalloc char[ReasonBuffer], $"RSI({period}) crossed {what} {threshold}: {new Fixed2Number(p)} -> {new Fixed2Number(r)}");
}
