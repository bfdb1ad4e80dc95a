using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Herald.Web.Tests.Documents;

namespace Herald.Web.Tests.Support;

/// <summary>一张上传的图片：内容、文件名、说明（null 表示不填）。</summary>
public sealed record Upload(byte[] Content, string FileName, string ContentType = "image/png", string? Caption = null);

/// <summary>报送表单（API 与页面同名字段）。只写出设置了的字段。</summary>
public sealed class ManuscriptForm
{
    public string? Title { get; set; } = "街道开展为民服务集中活动";
    public string? Body { get; set; } = "活动现场设置政策咨询、医疗义诊等服务摊位。\n\n共接待群众300余人次。";
    public string? Category { get; set; } = "工作动态";
    public string? Importance { get; set; } = "routine";
    /// <summary>默认为测试时钟起点（2026-11-20）。</summary>
    public string? EventDate { get; set; } = "2026-11-20";
    public bool Emergency { get; set; }
    public string? KnownAt { get; set; }
    public long? FollowUpOf { get; set; }
    public long? UnitId { get; set; }
    public int? Revision { get; set; }
    public bool Draft { get; set; }
    /// <summary>页面表单的按钮：submit / save。</summary>
    public string? Action { get; set; }
    public string? SubmissionKey { get; set; }
    public List<Upload> Photos { get; } = new();
    public Upload? Document { get; set; }
    /// <summary>页面表单额外字段（stagedPhotos 等）。</summary>
    public List<KeyValuePair<string, string>> Extra { get; } = new();

    public ManuscriptForm WithPhoto(string fileName, string? caption, byte shade = 128)
    {
        Photos.Add(new Upload(TestImages.Png(4, 3, shade), fileName, "image/png", caption));
        return this;
    }

    public MultipartFormDataContent ToContent()
    {
        var content = new MultipartFormDataContent();
        void Add(string name, string? value)
        {
            if (value is not null) content.Add(new StringContent(value), name);
        }
        Add("title", Title);
        Add("body", Body);
        Add("category", Category);
        Add("importance", Importance);
        Add("eventDate", EventDate);
        if (Emergency) Add("emergency", "true");
        Add("knownAt", KnownAt);
        Add("followUpOf", FollowUpOf?.ToString(CultureInfo.InvariantCulture));
        Add("unitId", UnitId?.ToString(CultureInfo.InvariantCulture));
        Add("revision", Revision?.ToString(CultureInfo.InvariantCulture));
        if (Draft) Add("draft", "true");
        Add("action", Action);
        Add("submissionKey", SubmissionKey);
        foreach (var photo in Photos)
        {
            var file = new ByteArrayContent(photo.Content);
            file.Headers.ContentType = new MediaTypeHeaderValue(photo.ContentType);
            content.Add(file, "photos", photo.FileName);
        }
        // captions 与 photos 按顺序一一对应；不填说明的图片发空串占位。
        if (Photos.Count > 0)
            foreach (var photo in Photos) content.Add(new StringContent(photo.Caption ?? ""), "captions");
        if (Document is { } doc)
        {
            var file = new ByteArrayContent(doc.Content);
            file.Headers.ContentType = new MediaTypeHeaderValue(doc.ContentType);
            content.Add(file, "document", doc.FileName);
        }
        foreach (var (name, value) in Extra) content.Add(new StringContent(value), name);
        return content;
    }
}

/// <summary>API 的响应与解析好的 JSON。</summary>
public sealed record ApiResult(HttpResponseMessage Response, JsonElement Json)
{
    public HttpStatusCode Status => Response.StatusCode;
    public long Id => Json.Long("id");
}

/// <summary>通过 /api/v1 报送、查询、审核稿件。</summary>
public static class ManuscriptApi
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static async Task<ApiResult> PostAsync(HttpClient client, ManuscriptForm form, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/manuscripts") { Content = form.ToContent() };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        var response = await client.SendAsync(request);
        return new ApiResult(response, await response.ReadJsonAsync());
    }

    /// <summary>报送（或 Draft 时保存草稿），要求 201。</summary>
    public static async Task<JsonElement> SubmitAsync(HttpClient client, ManuscriptForm form)
    {
        var result = await PostAsync(client, form);
        result.Status.ShouldBe(HttpStatusCode.Created, $"body: {result.Json}");
        return result.Json;
    }

    public static async Task<JsonElement> SubmitAsync(HttpClient client, string title, string importance = "routine",
        bool draft = false)
    {
        return await SubmitAsync(client, new ManuscriptForm { Title = title, Importance = importance, Draft = draft });
    }

    public static async Task<ApiResult> GetAsync(HttpClient client, long id)
    {
        var response = await client.GetAsync($"/api/v1/manuscripts/{id}");
        return new ApiResult(response, await response.ReadJsonAsync());
    }

    /// <summary>取详情，要求 200。</summary>
    public static async Task<JsonElement> GetOkAsync(HttpClient client, long id)
    {
        var result = await GetAsync(client, id);
        result.Status.ShouldBe(HttpStatusCode.OK, $"body: {result.Json}");
        return result.Json;
    }

    public static async Task<ApiResult> ReviewAsync(HttpClient client, long id, string decision, string? comment = null,
        int? revision = null)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/manuscripts/{id}/review", new { decision, comment, revision });
        return new ApiResult(response, await response.ReadJsonAsync());
    }

    /// <summary>审核，要求 200。</summary>
    public static async Task<JsonElement> ReviewOkAsync(HttpClient client, long id, string decision, string? comment = null)
    {
        var result = await ReviewAsync(client, id, decision, comment);
        result.Status.ShouldBe(HttpStatusCode.OK, $"body: {result.Json}");
        return result.Json;
    }

    public static async Task<ApiResult> ResubmitAsync(HttpClient client, long id, ManuscriptForm form)
    {
        var response = await client.PostAsync($"/api/v1/manuscripts/{id}/resubmit", form.ToContent());
        return new ApiResult(response, await response.ReadJsonAsync());
    }

    public static async Task<JsonElement> ListAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/v1/manuscripts?" + query);
        var json = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"body: {json}");
        return json;
    }

    /// <summary>列表中（按标题关键词）的稿件编号。</summary>
    public static async Task<IReadOnlyList<long>> ListIdsAsync(HttpClient client, string query)
    {
        var json = await ListAsync(client, query + "&pageSize=100");
        return json.Items("items").Select(i => i.Long("id")).ToList();
    }

    /// <summary>独一无二的标题片段：列表按它过滤，只数本测试建的稿件。</summary>
    public static string Marker() => "测" + Guid.NewGuid().ToString("N")[..8];
}
