using Herald.Domain.Identity;
using Microsoft.AspNetCore.Authorization;

namespace Herald.Web.Infrastructure.Auth;

/// <summary>端点元数据：范围受限的令牌（如 opinion.intake）也可以调用这个端点。</summary>
public sealed class AllowTokenScopeMetadata(string scope)
{
    public string Scope { get; } = scope;
}

public static class TokenScopeEndpoints
{
    public static TBuilder AllowTokenScope<TBuilder>(this TBuilder builder, string scope) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AllowTokenScopeMetadata(scope));
}

/// <summary>范围不是 full 的令牌只能调用标明允许该范围的端点，其余一律 403。Cookie 登录没有范围，不受限制。</summary>
public sealed class TokenScopeRequirement : IAuthorizationRequirement;

internal sealed class TokenScopeHandler : AuthorizationHandler<TokenScopeRequirement>
{
    public const string Claim = "scope";

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, TokenScopeRequirement requirement)
    {
        var scope = context.User.FindFirst(Claim)?.Value;
        if (scope is null || scope == ApiToken.FullScope)
        {
            context.Succeed(requirement);
            return Task.CompletedTask;
        }
        var endpoint = context.Resource switch
        {
            HttpContext http => http.GetEndpoint(),
            Endpoint e => e,
            _ => null,
        };
        if (endpoint?.Metadata.GetOrderedMetadata<AllowTokenScopeMetadata>().Any(m => m.Scope == scope) == true)
            context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
