using System.Globalization;
using Shouldly;
using Trading.Binance.Signing;
using Trading.TestInfrastructure;

namespace Trading.Binance.Tests.Signing;

/// <summary>The published vectors in ../shared/binance/signing-example.txt and connector-vectors.</summary>
public class BinanceSignerTests
{
    private const string DocsSecret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
    private const string DocsApiKey = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";

    private static BinanceQueryString OrderParams(string symbol) => new BinanceQueryString()
        .Add("symbol", symbol).Add("side", "BUY").Add("type", "LIMIT").Add("timeInForce", "GTC")
        .Add("quantity", 1m).Add("price", 0.1m).Add("recvWindow", 5000L).Add("timestamp", 1499827319559L);

    [Fact]
    public void SignRest_VectorR1_MatchesDocs()
    {
        var query = OrderParams("LTCBTC").ToString();
        query.ShouldBe("symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559");
        new BinanceSigner(DocsSecret).SignRest(query).ShouldBe("c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71");
    }

    [Fact]
    public void SignRest_VectorR2NonAscii_PercentEncodesBeforeSigning()
    {
        var query = OrderParams("１２３４５６").ToString();
        query.ShouldStartWith("symbol=%EF%BC%91%EF%BC%92%EF%BC%93%EF%BC%94%EF%BC%95%EF%BC%96&side=BUY");
        new BinanceSigner(DocsSecret).SignRest(query).ShouldBe("e1353ec6b14d888f1164ae9af8228a3dbd508bc82eb867db8ab6046442f33ef3");
    }

    [Fact]
    public void SignRest_VectorR3QueryPlusBody_ConcatenatesWithoutSeparator()
    {
        new BinanceSigner(DocsSecret)
            .SignRest("symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC", "quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559")
            .ShouldBe("0fd168b8ddb4876a0358a8d14d0c9f3da0e9b20c5d52b2a00fcf7d1c602f9a77");
    }

    [Fact]
    public void SignWebSocket_VectorW1_SortsParameters()
    {
        var parameters = new Dictionary<string, string>
        {
            ["symbol"] = "BTCUSDT", ["side"] = "SELL", ["type"] = "LIMIT", ["timeInForce"] = "GTC",
            ["quantity"] = "0.01000000", ["price"] = "52000.00", ["recvWindow"] = "100",
            ["timestamp"] = "1645423376532", ["apiKey"] = DocsApiKey,
        };
        new BinanceSigner(DocsSecret).SignWebSocket(parameters).ShouldBe("aa1b5712c094bc4e57c05a1a5c1fd8d88dcd628338ea863fec7b88e59fe2db24");
    }

    [Fact]
    public void SignWebSocket_VectorW2NonAscii_SignsRawUtf8()
    {
        var parameters = new Dictionary<string, string>
        {
            ["symbol"] = "１２３４５６", ["side"] = "BUY", ["type"] = "LIMIT", ["timeInForce"] = "GTC",
            ["quantity"] = "1.00000000", ["price"] = "0.10000000", ["recvWindow"] = "5000",
            ["timestamp"] = "1645423376532", ["apiKey"] = DocsApiKey,
        };
        new BinanceSigner(DocsSecret).SignWebSocket(parameters).ShouldBe("b33892ae8e687c939f4468c6268ddd4c40ac1af18ad19a064864c47bae0752cd");
    }

    [Fact]
    public void SignRest_DotNetConnectorVector_Matches()
    {
        new BinanceSigner("api-secret").SignRest(OrderParams("LTCBTC").ToString())
            .ShouldBe("dd3bf7fbce9c8dce2cf94b63f2f4973e62c938597734a4e08390a69ad513097e");
    }

    [Fact]
    public void RsaSign_ConnectorVector_Matches()
    {
        var pem = File.ReadAllText(Path.Combine(RepoPaths.SharedBinance, "connector-vectors", "rsa-test-key-unencrypted.pem"));
        using var signer = new RsaBinanceSigner(pem);
        signer.Sign(OrderParams("LTCBTC").ToString()).ShouldBe(
            "uz2xmNkOf1EEsnZoWGraxR13F4jF9JYdC68uvWqYyjFyjwDgcoiMRm23UqsxWkmA208smu7TuGVxm1cWoZa/5fLQ2T/RcfLW9sokNWDzf1vM/xEpSmQEsSyIzd/c0pMWGsUkXsYpIarp3e/KSFzgwI73qZfbalBRkkK7u3dLWRVRk4kmEVf6dQUWMyXC44X8LB0M1XFrhkqcFYdcP9NcaCZCvb8nzG/nyUPtCJdBxVn8MMgXaVCM8DIbSrUBT0ZUxFQ3gTSd929LR1Tp6P2y4pHiWSElW5nJZYRRn2zUFt4xH7wvVKvuuEi8HH0Dusf6KBcWq8/3viAcRUh1Cj4fsQ==");
    }

    [Fact]
    public void FormatDecimal_OtherCulture_UsesInvariantPointAndNoExponent()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            var commaCulture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
            commaCulture.NumberFormat.NumberDecimalSeparator = ",";
            CultureInfo.CurrentCulture = commaCulture;
            BinanceQueryString.FormatDecimal(0.45m).ShouldBe("0.45");
            BinanceQueryString.FormatDecimal(0.00000001m).ShouldBe("0.00000001");
            BinanceQueryString.FormatDecimal(70000.10m).ShouldBe("70000.1");
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Add_NullOrBlankValue_IsOmitted()
    {
        new BinanceQueryString().Add("a", (string?)null).Add("b", " ").Add("c", 1L).ToString().ShouldBe("c=1");
    }

    [Fact]
    public void Constructor_EmptySecret_Throws()
    {
        Should.Throw<ArgumentException>(() => new BinanceSigner(" "));
    }
}
