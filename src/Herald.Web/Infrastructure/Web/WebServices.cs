using Microsoft.AspNetCore.Server.Kestrel.Core;
using System.Globalization;
using Herald.Web.Infrastructure.Demo;
using Herald.Web.Infrastructure.Localization;
using Herald.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;

namespace Herald.Web.Infrastructure.Web;

public static class WebServices
{
    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en-US")];

    public static IServiceCollection AddHeraldWeb(this IServiceCollection services)
    {
        services.AddRazorComponents();
        // 中文原样输出，不转成 &#x...; 实体（页面更小，也便于检查）。
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddHeraldKeyRing();
        services.AddHttpContextAccessor();
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddScoped<Messages>();
        services.AddSingleton<ProblemWriter>();
        services.AddSingleton<DemoFlag>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<Clock>();
        services.AddProblemDetails();
        services.AddExceptionHandler<HeraldExceptionHandler>();
        // 绑定失败（含 [FromForm] 表单的防伪令牌无效）抛给统一错误出口，页面得到"页面已过期"而不是空白的 400。
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddHeraldForwardedHeaders();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "herald.csrf";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.HeaderName = "X-CSRF-TOKEN";
        });
        services.AddOptions<FormOptions>().Configure<IOptions<HeraldOptions>>((form, herald) =>
        {
            // 每一段（一个文件）不超过整个请求的上限；文件本身的上限由上传处理按字段给出说明。
            form.MultipartBodyLengthLimit = herald.Value.Uploads.MaxFormBytes;
            form.ValueLengthLimit = (int)UploadOptions.FormFieldsAllowance;
        });
        // 整个请求：Word 原件 + 30 张图片（每个不超过单文件上限）+ 文字字段的余量；超过时 413 和中文说明（Upload.RequestTooLarge）。
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<HeraldOptions>>((kestrel, herald) =>
            kestrel.Limits.MaxRequestBodySize = herald.Value.Uploads.MaxFormBytes);
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("zh-CN");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            // 界面默认中文，不随浏览器语言变化；用户可手动切换（Cookie）。
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        return services;
    }

    /// <summary>页面的 POST 都要校验防伪令牌；失败给出"表单已过期"提示。</summary>
    public static TBuilder RequireCsrf<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(new RequireAntiforgeryTokenAttribute());
        builder.AddEndpointFilter(async (context, next) =>
        {
            var feature = context.HttpContext.Features.Get<IAntiforgeryValidationFeature>();
            if (feature is { IsValid: false })
                throw new AppException(ProblemKind.Validation, "Csrf");
            return await next(context);
        });
        return builder;
    }
}
