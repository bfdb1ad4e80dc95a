using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Herald.Web.Tests.Support;

/// <summary>像浏览器一样使用页面：取页面、解析 HTML、带防伪令牌提交表单。</summary>
public sealed class WebSession(HttpClient client) : IDisposable
{
    public HttpClient Client { get; } = client;

    public async Task<(HttpResponseMessage Response, IHtmlDocument Document)> GetPageAsync(string url)
    {
        var response = await Client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        return (response, new HtmlParser().ParseDocument(html));
    }

    /// <summary>从 formPage 上取防伪令牌，然后 POST 到 action。</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formPage, string action, Dictionary<string, string> fields)
    {
        var token = await TokenAsync(formPage);
        var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)));
        return await Client.PostAsync(action, content);
    }

    /// <summary>multipart 表单（报送稿件页）。</summary>
    public async Task<HttpResponseMessage> PostMultipartAsync(string formPage, string action, MultipartFormDataContent content)
    {
        content.Add(new StringContent(await TokenAsync(formPage)), "__RequestVerificationToken");
        return await Client.PostAsync(action, content);
    }

    public async Task<string> TokenAsync(string formPage)
    {
        var (response, document) = await GetPageAsync(formPage);
        if (response.StatusCode != HttpStatusCode.OK && response.StatusCode != HttpStatusCode.Unauthorized)
            throw new InvalidOperationException($"GET {formPage} returned {(int)response.StatusCode}");
        var input = document.QuerySelector("input[name=__RequestVerificationToken]") as IHtmlInputElement
                    ?? throw new InvalidOperationException($"no antiforgery token on {formPage}");
        return input.Value;
    }

    /// <summary>解析任意响应的 HTML（如表单出错时重新显示的页面）。</summary>
    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

    public void Dispose() => Client.Dispose();
}
