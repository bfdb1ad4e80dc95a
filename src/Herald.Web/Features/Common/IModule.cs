
namespace Herald.Web.Features.Common;

/// <summary>
/// 一个功能模块：登记自己的服务、网页路由（Cookie 登录、防 CSRF）、API 路由（/api/v1，令牌）和文件下载路由（两者皆可）。
/// 每个 Features/&lt;模块&gt;/ 恰好一个实现，按 <see cref="HeraldModules.All"/> 的固定顺序登记（docs/architecture.md）。
/// </summary>
public interface IModule
{
    void AddServices(IServiceCollection services);

    void MapPages(RouteGroupBuilder pages) { }

    void MapApi(RouteGroupBuilder api) { }

    /// <summary>网页 Cookie 和 API 令牌都可访问的下载。</summary>
    void MapFiles(RouteGroupBuilder files) { }
}
