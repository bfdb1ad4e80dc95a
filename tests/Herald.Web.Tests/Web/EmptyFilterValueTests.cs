using System.Net;
using Herald.Web.Tests.Support;

namespace Herald.Web.Tests.Web;

/// <summary>筛选表单选"全部"时提交空值（?unitId=），应与不传一样，而不是 400。</summary>
public sealed class EmptyFilterValueTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    [Theory]
    [InlineData("/pool?unitId=&categoryId=")]
    [InlineData("/manuscripts?unitId=&status=")]
    [InlineData("/reports?rootUnitId=")]
    [InlineData("/adoptions?outletId=")]
    public async Task Page_EmptyFilterValues_TreatedAsAbsent(string url)
    {
        using var office = await factory.SignInAsync("office");

        var (response, _) = await office.GetPageAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("/api/v1/manuscripts?unitId=")]
    [InlineData("/api/v1/adoptions?outletId=")]
    public async Task Api_EmptyFilterValues_TreatedAsAbsent(string url)
    {
        using var client = await factory.ApiClientAsync("office");

        var response = await client.GetAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Api_NonEmptyInvalidValue_StillRefused()
    {
        using var client = await factory.ApiClientAsync("office");

        var response = await client.GetAsync("/api/v1/manuscripts?unitId=abc");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
