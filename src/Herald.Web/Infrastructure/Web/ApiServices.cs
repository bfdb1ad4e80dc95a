using Microsoft.OpenApi;

namespace Herald.Web.Infrastructure.Web;

/// <summary>API 的 JSON 约定与 OpenAPI 文档。</summary>
public static class ApiServices
{
    public static IServiceCollection AddHeraldApi(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.SnakeCaseLower));
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
            o.SerializerOptions.Converters.Add(new InputText.JsonConverter());
        });
        services.AddOpenApi("v1", o =>
        {
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "先声 Herald API",
                    Version = "v1",
                    Description = "信息报送与分级审核。除 POST /api/v1/auth/token 外，所有接口需要 Authorization: Bearer <accessToken>。" +
                                  "错误以 ProblemDetails（application/problem+json）返回：detail 为中文说明，code 为稳定的错误代码，errors 为各字段的错误。" +
                                  "调用者看不到的对象一律 404；无权执行的操作 403。" +
                                  "调用次数按令牌、导出与报表按用户限流（配置 Herald:RateLimits），超出时 429（code RateLimited），Retry-After 为等待秒数。",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "POST /api/v1/auth/token 取得的 accessToken",
                };
                document.Security ??= [];
                document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] });
                return Task.CompletedTask;
            });
        });
        return services;
    }
}
