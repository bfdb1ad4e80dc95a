using Herald.Domain.Publishing;
using Herald.Domain.Tests.Support;

namespace Herald.Domain.Tests.Publishing;

/// <summary>Channel and Outlet registry entries: required fields, lengths, web addresses, disable/enable.</summary>
public class ChannelOutletTests
{
    [Fact]
    public void ChannelCreate_TrimsAndKeepsFields()
    {
        var c = Channel.Create(TestOrg.Street, " 示例街道门户网站 ", ChannelType.Website, " https://street.example.invalid/ ", " 周敏 ", " 0537 ", 500, TestClock.Now);

        (c.UnitId, c.Name, c.Type, c.Url, c.ResponsibleName, c.ResponsiblePhone, c.ResponsibleUserId, c.Disabled, c.CreatedAt)
            .ShouldBe((TestOrg.Street, "示例街道门户网站", ChannelType.Website, "https://street.example.invalid/", "周敏", "0537", (long?)500, false, TestClock.Now));
    }

    [Theory]
    [InlineData("", "周敏", "Name", "Required")]
    [InlineData("公众号", "", "ResponsibleName", "Required")]
    [InlineData("公众号", "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三", "ResponsibleName", "TooLong")]
    public void ChannelCreate_MissingOrLongFields_Refused(string name, string responsible, string field, string code)
    {
        Expect.Validation(() => Channel.Create(TestOrg.Street, name, ChannelType.WeChat, null, responsible, null, null, TestClock.Now), code, field);
    }

    [Fact]
    public void ChannelCreate_NameOver64Characters_TooLong()
    {
        Expect.Validation(() => Channel.Create(TestOrg.Street, new string('渠', 65), ChannelType.WeChat, null, "周敏", null, null, TestClock.Now), "TooLong", "Name");
    }

    [Fact]
    public void ChannelCreate_NonHttpUrl_Refused()
    {
        Expect.Validation(() => Channel.Create(TestOrg.Street, "网站", ChannelType.Website, "javascript:alert(1)", "周敏", null, null, TestClock.Now), "Url.Invalid", "Url");
    }

    [Fact]
    public void Channel_DisableThenEnable()
    {
        var c = Channel.Create(TestOrg.Street, "宣传栏", ChannelType.BulletinBoard, null, "周敏", null, null, TestClock.Now);

        c.Disable();
        c.Disabled.ShouldBeTrue();
        c.Enable();
        c.Disabled.ShouldBeFalse();
    }

    [Fact]
    public void OutletCreateAndUpdate_TrimmedAndChanged()
    {
        var o = Outlet.Create(" 济宁日报 ", MediaLevel.Municipal, OutletType.Newspaper, TestClock.Now);
        o.Name.ShouldBe("济宁日报");

        o.Update(" 济宁新闻网 ", MediaLevel.Municipal, OutletType.Web);

        (o.Name, o.Level, o.Type).ShouldBe(("济宁新闻网", MediaLevel.Municipal, OutletType.Web));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void OutletCreate_NoName_Required(string name)
    {
        Expect.Validation(() => Outlet.Create(name, MediaLevel.County, OutletType.Tv, TestClock.Now), "Required", "Name");
    }
}
