using Herald.Web.Features.Account;
using Herald.Web.Features.Bulletins;
using Herald.Web.Features.Keywords;
using Herald.Web.Features.Manuscripts;
using Herald.Web.Features.Notifications;
using Herald.Web.Features.OpinionCases;
using Herald.Web.Features.OpinionIntake;
using Herald.Web.Features.Organization;
using Herald.Web.Features.Publishing;
using Herald.Web.Features.Reports;
using Herald.Web.Features.Scoring;
using Herald.Web.Infrastructure.Auth;
using Microsoft.OpenApi;

namespace Herald.Web.Features;

public static class ApiServices
{
    public static IServiceCollection AddHeraldApi(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.SnakeCaseLower));
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
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
                                  "调用者看不到的对象一律 404；无权执行的操作 403。",
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

    /// <summary>API：/api/v1，只认 Bearer 令牌，因此不需要防 CSRF。OpenAPI 文档在 /openapi/v1.json。</summary>
    public static WebApplication MapHeraldApi(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        var api = app.MapGroup("/api/v1").RequireAuthorization(AuthSchemes.ApiPolicy).DisableAntiforgery();
        api.MapAccountApi();
        api.MapManuscriptApi();
        api.MapNotificationApi();
        api.MapUnitApi();
        api.MapUserApi();
        api.MapPublishingApi();
        api.MapScoringApi();
        api.MapReportsApi();
        api.MapBulletinsApi();
        api.MapKeywordsApi();
        api.MapOpinionIntakeApi();
        api.MapOpinionCasesApi();
        return app;
    }
}
