using System.Net;
using System.Text.Json;
using Herald.Web.Tests.Support;

namespace Herald.Web.Tests.Api;

/// <summary>/openapi/v1.json 描述 API 契约中的每个接口，并声明 Bearer 令牌方案。</summary>
public sealed class OpenApiTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    private async Task<JsonElement> DocumentAsync()
    {
        var response = await factory.CreateClient().GetAsync("/openapi/v1.json");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.ReadJsonAsync();
    }

    [Theory]
    [InlineData("/api/v1/auth/token", "post")]
    [InlineData("/api/v1/auth/token", "delete")]
    [InlineData("/api/v1/me", "get")]
    [InlineData("/api/v1/manuscripts", "post")]
    [InlineData("/api/v1/manuscripts", "get")]
    [InlineData("/api/v1/manuscripts/{id}", "get")]
    [InlineData("/api/v1/manuscripts/{id}/review", "post")]
    [InlineData("/api/v1/manuscripts/{id}/resubmit", "post")]
    [InlineData("/api/v1/manuscripts/{id}/diff", "get")]
    [InlineData("/api/v1/reviews/inbox", "get")]
    [InlineData("/api/v1/notifications", "get")]
    public async Task Document_ListsContractOperation(string path, string method)
    {
        var document = await DocumentAsync();

        var operation = document.GetProperty("paths").GetProperty(path).GetProperty(method);
        operation.Str("summary").ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task Document_BearerSchemeRequiredGlobally()
    {
        var document = await DocumentAsync();

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer");
        scheme.Str("type").ShouldBe("http");
        scheme.Str("scheme").ShouldBe("bearer");
        document.GetProperty("security").EnumerateArray().Count(r => r.TryGetProperty("bearer", out var requirement) && requirement.ValueKind == JsonValueKind.Array).ShouldBe(1);
        document.GetProperty("info").Str("title").ShouldBe("先声 Herald API");
    }

    [Fact]
    public async Task Document_OnlyApiPaths()
    {
        var document = await DocumentAsync();

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.ShouldAllBe(p => p.StartsWith("/api/v1/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Document_CreateManuscriptAcceptsMultipartAndDocumentsErrors()
    {
        var document = await DocumentAsync();

        var post = document.GetProperty("paths").GetProperty("/api/v1/manuscripts").GetProperty("post");
        var schema = post.GetProperty("requestBody").GetProperty("content").GetProperty("multipart/form-data").GetProperty("schema");
        if (schema.StrOrNull("$ref") is { } reference)
            schema = document.GetProperty("components").GetProperty("schemas").GetProperty(reference.Split('/')[^1]);
        var fields = schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToList();
        string[] expected = ["title", "body", "category", "importance", "eventDate", "emergency", "knownAt", "document", "photos", "captions"];
        expected.Except(fields).ShouldBeEmpty();
        var responses = post.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToList();
        responses.ShouldContain("201");
        responses.ShouldContain("400");
        responses.ShouldContain("413");
    }
}
