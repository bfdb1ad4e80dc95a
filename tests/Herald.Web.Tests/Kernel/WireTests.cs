using Herald.Domain.Publishing;
using Herald.Domain.Scoring;
using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Tests.Kernel;

public sealed class WireTests
{
    [Theory]
    [InlineData("gov_bulletin", OutletType.GovBulletin)]
    [InlineData(" GOV_BULLETIN ", OutletType.GovBulletin)]
    [InlineData("GovBulletin", OutletType.GovBulletin)]
    public void OptionalCode_SnakeCodeOrName_Parsed(string code, OutletType expected)
    {
        Wire.OptionalCode<OutletType>(code, "type").ShouldBe(expected);
    }

    [Fact]
    public void OptionalCode_Unknown_RejectedListingTheCodes()
    {
        var error = Should.Throw<AppException>(() => Wire.OptionalCode<CapPeriod>("weekly", "capPeriod"));

        error.Field.ShouldBe("capPeriod");
        error.Code.ShouldBe("Publishing.UnknownCode");
        error.Args[1].ShouldBe(string.Join("|", Enum.GetValues<CapPeriod>().Select(Wire.Code)));
    }

    [Fact]
    public void RequiredCode_Blank_Required()
    {
        Should.Throw<AppException>(() => Wire.RequiredCode<OutletType>(" ", "type")).Code.ShouldBe("Required");
    }

    [Theory]
    [InlineData("2026-03-05")]
    [InlineData(" 2026-03-05 ")]
    public void OptionalDate_IsoDate_Parsed(string text)
    {
        Wire.OptionalDate(text, "from").ShouldBe(new DateOnly(2026, 3, 5));
    }

    [Theory]
    [InlineData("2026/03/05")]
    [InlineData("3月5日")]
    public void OptionalDate_OtherFormats_BadDate(string text)
    {
        var error = Should.Throw<AppException>(() => Wire.OptionalDate(text, "from"));

        error.Field.ShouldBe("from");
        error.Code.ShouldBe("Form.BadDate");
    }

    [Theory]
    [InlineData("2026-03-05T10:00", "2026-03-05T02:00:00Z")]
    [InlineData("2026-03-05T10:00:00+08:00", "2026-03-05T02:00:00Z")]
    [InlineData("2026-03-05T02:00:00Z", "2026-03-05T02:00:00Z")]
    public void TryParseTime_WithOrWithoutZone_ChinaTimeByDefault(string text, string expectedUtc)
    {
        Wire.TryParseTime(text, out var utc).ShouldBeTrue();

        utc.ShouldBe(DateTime.Parse(expectedUtc, null, System.Globalization.DateTimeStyles.AdjustToUniversal));
        utc.Kind.ShouldBe(DateTimeKind.Utc);
    }

    [Fact]
    public void TimeOrNow_BlankOrBad_NowOrBadDateTime()
    {
        var now = new DateTime(2026, 3, 5, 2, 0, 0, DateTimeKind.Utc);

        Wire.TimeOrNow("", "publishedAt", now).ShouldBe(now);
        Should.Throw<AppException>(() => Wire.TimeOrNow("明天", "publishedAt", now)).Code.ShouldBe("Form.BadDateTime");
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("on", true)]
    [InlineData("是", true)]
    [InlineData("false", false)]
    [InlineData(null, false)]
    public void Flag_FormAndApiSpellings(string? text, bool expected)
    {
        Wire.Flag(text).ShouldBe(expected);
    }

    [Fact]
    public void OptionalId_NotANumber_Rejected()
    {
        Wire.OptionalId(" 42 ", "channelId").ShouldBe(42);
        Wire.OptionalId(null, "channelId").ShouldBeNull();
        Should.Throw<AppException>(() => Wire.OptionalId("四十二", "channelId")).Code.ShouldBe("Form.NotANumber");
    }

    [Fact]
    public void Code_MultiWordEnum_SnakeCase()
    {
        Wire.Code(MediaLevel.Central).ShouldBe("central");
        Wire.Code(OutletType.GovBulletin).ShouldBe("gov_bulletin");
    }
}
