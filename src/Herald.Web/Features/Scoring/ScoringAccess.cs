using Herald.Domain.Organization;
using Herald.Web.Infrastructure.Auth;

namespace Herald.Web.Features.Scoring;

/// <summary>计分规则：宣传办维护；主要负责人和领导（查看）可以看；其他人无权。</summary>
public static class ScoringAccess
{
    public static bool CanRead(UserContext me) => me.IsOffice || me.HasAny(Role.Principal, Role.Viewer);

    public static bool CanEdit(UserContext me) => me.IsOffice;
}
