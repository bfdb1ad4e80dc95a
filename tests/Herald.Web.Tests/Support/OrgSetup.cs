using Herald.Domain.Identity;
using Herald.Domain.Organization;
using Herald.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Web.Tests.Support;

/// <summary>在演示组织之外补充账号与角色（直接写库，然后让组织树快照失效）。</summary>
public static class OrgSetup
{
    /// <summary>在 parentName 下加一个单位（无人任职），返回编号。</summary>
    public static async Task<long> AddUnitAsync(this HeraldFactory factory, string name, string parentName, UnitType type = UnitType.Department)
    {
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var id = await factory.QueryAsync(async db =>
        {
            var parentId = await db.Units.Where(u => u.Name == parentName).Select(u => u.Id).SingleAsync();
            var unit = Unit.Create(name, type, parentId, 99, now);
            db.Units.Add(unit);
            await db.SaveChangesAsync();
            return unit.Id;
        });
        factory.Services.GetRequiredService<OrgDirectory>().Invalidate();
        return id;
    }

    public static async Task<long> AddUserAsync(this HeraldFactory factory, string userName, string displayName, string unitName,
        params Role[] roles)
    {
        var hashing = factory.Services.GetRequiredService<PasswordHashing>();
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var id = await factory.QueryAsync(async db =>
        {
            var unitId = await db.Units.Where(u => u.Name == unitName).Select(u => u.Id).SingleAsync();
            var user = UserAccount.Create(userName, displayName, unitId, hashing.Hash(HeraldFactory.Password), mustChangePassword: false, now);
            db.Users.Add(user);
            await db.SaveChangesAsync();
            foreach (var role in roles) db.RoleAssignments.Add(RoleAssignment.Create(user.Id, role, unitId, now));
            await db.SaveChangesAsync();
            return user.Id;
        });
        factory.Services.GetRequiredService<OrgDirectory>().Invalidate();
        return id;
    }
}
