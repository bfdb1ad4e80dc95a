using Herald.Domain.Organization;

namespace Herald.Web.Features.Organization;

/// <summary>审计记录里的角色说明："li: unit_head @ 示例街道 / 幸福社区"（代码而非界面文字，便于检索）。</summary>
public static class RoleText
{
    public static string Describe(string userName, Role role, long? unitId, OrgTree tree) =>
        unitId is { } id ? $"{userName}: {role.Code()} @ {tree.PathName(id)}" : $"{userName}: {role.Code()}";
}
