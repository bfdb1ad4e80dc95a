using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Herald.Browser.Tests.Support;

/// <summary>舆情页面上的常用操作：按名称选单位、打开通知、时限行、从地址取舆情编号。</summary>
public static partial class OpinionPages
{
    /// <summary>在下拉框中选文字为 text 的一项（单位下拉按组织树用全角空格缩进，这里去掉缩进再比）。</summary>
    public static async Task SelectOptionByTextAsync(this ILocator select, string text)
    {
        var values = await select.Locator("option").EvaluateAllAsync<string[]>(
            "(options, text) => options.filter(o => o.textContent.replace(/^[\\s\\u3000]+/, '').trim() === text).map(o => o.value)", text);
        values.Length.ShouldBe(1, $"the select should have exactly one option named {text}");
        await select.SelectOptionAsync(values[0]);
    }

    /// <summary>在通知页点开种类为 kind、含有 text 的那条通知（跳到相关页面）。</summary>
    public static async Task OpenNotificationAsync(this IPage page, string kind, string text, string expectedText)
    {
        await page.GotoAsync("/notifications");
        var notification = page.Locator($"[data-testid=notification][data-kind={kind}]", new() { HasTextString = text });
        await Expect(notification).ToHaveCountAsync(1);
        await Expect(notification).ToContainTextAsync(expectedText);
        await notification.Locator("button[type=submit]").ClickAsync();
    }

    /// <summary>舆情详情页"时限"中种类为 kind（如 authoritative_info）的那一行（含依据）。</summary>
    public static ILocator CaseClock(this IPage page, string kind) =>
        page.GetByTestId("clocks").Locator("li", new() { Has = page.Locator($"[data-testid=clock][data-kind={kind}]") });

    /// <summary>舆情详情页上某个表单所在的折叠块（点它的标题展开）。</summary>
    public static ILocator DetailsOf(this IPage page, string formTestId) =>
        page.Locator("details", new() { Has = page.GetByTestId(formTestId) });

    /// <summary>当前舆情详情页地址中的编号。</summary>
    public static long CaseId(this IPage page)
    {
        var match = CasePath().Match(new Uri(page.Url).AbsolutePath);
        if (!match.Success) throw new InvalidOperationException($"not on a case page: {page.Url}");
        return long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>当前舆情信息页地址中的编号。</summary>
    public static long OpinionItemId(this IPage page)
    {
        var match = ItemPath().Match(new Uri(page.Url).AbsolutePath);
        if (!match.Success) throw new InvalidOperationException($"not on an opinion item page: {page.Url}");
        return long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^/opinion/cases/(\d+)$")]
    private static partial Regex CasePath();

    [GeneratedRegex(@"^/opinion/items/(\d+)$")]
    private static partial Regex ItemPath();
}

/// <summary>经 API 准备舆情数据（截图用）：监测词表、推送信息、立案、交办、回应、审核、反馈、办结。每一步都断言状态码。</summary>
public static class OpinionApi
{
    /// <summary>新建一张舆情监测词表（words：词、权重、分类）。</summary>
    public static async Task CreateWatchListAsync(HttpClient office, string name, params (string Text, int Weight, string Category)[] words)
    {
        using var response = await office.PostAsJsonAsync("/api/v1/keyword-lists", new
        {
            name, purpose = "watch", description = "浏览器测试准备的词表",
            words = words.Select(w => new { text = w.Text, weight = w.Weight, category = w.Category }).ToArray(),
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    /// <summary>以宣传办的完整令牌推送一条信息（与监测厂商相同的接口），返回编号。</summary>
    public static async Task<long> PushAsync(HttpClient office, string platform, string source, string title, string content, string publishedAt)
    {
        using var response = await office.PostAsJsonAsync("/api/v1/opinion/items", new
        {
            source, platform, url = $"https://opinion.example.invalid/p/{Guid.NewGuid():N}", title, content,
            author = "网友", publishedAt,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    public static async Task<long> UnitIdAsync(HttpClient client, string name)
    {
        var units = await client.GetFromJsonAsync<JsonElement>("/api/v1/units");
        foreach (var unit in units.EnumerateArray())
            if (unit.GetProperty("name").GetString() == name) return unit.GetProperty("id").GetInt64();
        throw new InvalidOperationException($"no unit named {name}");
    }

    /// <summary>立案（宣传办），返回舆情编号。</summary>
    public static async Task<long> OpenCaseAsync(HttpClient office, long[] items, string title, string summary, string category, string severity)
    {
        using var response = await office.PostAsJsonAsync("/api/v1/opinion/cases", new
        {
            itemIds = items, title, summary, category, severity, sentiment = "negative",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    public static Task AssignAsync(HttpClient office, long caseId, long unitId, string instructions) =>
        PostAsync(office, $"/api/v1/opinion/cases/{caseId}/assign", new { unitId, instructions }, HttpStatusCode.OK);

    /// <summary>登记回应，返回回应编号（最后一份）。</summary>
    public static async Task<long> RespondAsync(HttpClient unit, long caseId, string statement, string? link)
    {
        var json = await PostAsync(unit, $"/api/v1/opinion/cases/{caseId}/responses", new { kind = "statement", statement, link }, HttpStatusCode.Created);
        return json.GetProperty("responses").EnumerateArray().Last().GetProperty("id").GetInt64();
    }

    public static Task ApproveAsync(HttpClient reviewer, long caseId, long responseId, string comment) =>
        PostAsync(reviewer, $"/api/v1/opinion/cases/{caseId}/responses/{responseId}/review", new { decision = "approve", comment }, HttpStatusCode.OK);

    public static Task CloseAsync(HttpClient office, long caseId, string summary, string lessons) =>
        PostAsync(office, $"/api/v1/opinion/cases/{caseId}/close", new { summary, lessons }, HttpStatusCode.OK);

    private static async Task<JsonElement> PostAsync(HttpClient client, string url, object body, HttpStatusCode expected)
    {
        using var response = await client.PostAsJsonAsync(url, body);
        response.StatusCode.ShouldBe(expected, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
