using System.Net;
using System.Net.Http.Json;
using Herald.Web.Tests.Support;

namespace Herald.Web.Tests.Writing;

/// <summary>POST /api/v1/text-check：敏感词与规范表述（起步表）的命中，位置指向原文。</summary>
public sealed class TextCheckApiTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    [Fact]
    public async Task TextCheck_WrongFormsAndSensitiveWord_ReportsEachWithSuggestionAndOffset()
    {
        using var officer = await factory.ApiClientAsync("officer");
        const string body = "会议传达了二十大精神。\n有人提到台独言论。";

        var response = await officer.PostAsJsonAsync("/api/v1/text-check", new { title = "学习十九届四中全会精神", body });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = await response.ReadJsonAsync();
        var errors = json.Items("errors");
        errors.Select(e => (e.Str("field"), e.Str("text"), e.Str("suggestion"), e.Int("offset"))).ShouldBe([
            ("title", "十九届四中全会", "党的十九届四中全会", 2),
            ("body", "二十大", "党的二十大", 5),
        ]);
        errors[0].Str("category").ShouldBe("会议名称");
        errors[0].Int("length").ShouldBe(7);
        var sensitive = json.Items("sensitive").ShouldHaveSingleItem();
        (sensitive.Str("field"), sensitive.Str("text"), sensitive.Int("offset"), sensitive.Bool("blocking")).ShouldBe(("body", "台独", body.IndexOf("台独", StringComparison.Ordinal), true));
    }

    [Fact]
    public async Task TextCheck_CorrectForms_NothingReported()
    {
        using var officer = await factory.ApiClientAsync("officer");

        var json = await (await officer.PostAsJsonAsync("/api/v1/text-check",
            new { title = "深入学习党的二十大精神", body = "贯彻党的十九届四中全会和中央八项规定精神，推进“十四五”规划。" })).ReadJsonAsync();

        json.Items("errors").ShouldBeEmpty();
        json.Items("sensitive").ShouldBeEmpty();
    }

    [Fact]
    public async Task TextCheck_BodyNotJson_400InChinese()
    {
        using var officer = await factory.ApiClientAsync("officer");

        var response = await officer.PostAsync("/api/v1/text-check", new StringContent("{\"title\": 5", System.Text.Encoding.UTF8, "application/json"));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "BadRequest");
    }

    [Fact]
    public async Task TextCheck_WithoutToken_401()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/v1/text-check", new { title = "二十大", body = "" });

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
