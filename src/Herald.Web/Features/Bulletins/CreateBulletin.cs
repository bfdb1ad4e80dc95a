using Herald.Domain.Common;
using Herald.Domain.Scoring;
using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Audit;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Time;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Bulletins;

/// <summary>
/// 宣传办新建通报草稿：版本号为同一时期、同一范围的下一个（已有草稿时 409，请修改那份）；
/// 发文机关沿用该范围上一份通报的，没有时为"某某宣传办公室"；成文日期缺省为今天（时期尚未结束时为时期结束的次日）。
/// </summary>
public sealed class CreateBulletin(HeraldDbContext db, CurrentUser current, AuditLog audit, Clock clock)
{
    public async Task<Bulletin> HandleAsync(CreateBulletinRequest request, CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        me.Require(me.IsOffice);
        var kind = ParseKind(request.Kind);
        var errors = new List<FieldError>();
        if (request.Year is null) errors.Add(new FieldError("year", "Required"));
        if (kind == BulletinKind.Quarterly && request.Quarter is null) errors.Add(new FieldError("quarter", "Required"));
        var rootUnitId = request.RootUnitId ?? DefaultRoot(me, errors);
        if (errors.Count > 0) throw new ValidationFailedException(errors);
        if (me.Tree.Find(rootUnitId!.Value) is not { } root || !UnitScope.Manuscripts(me).Contains(root.Id))
            throw AppException.Forbidden("Bulletin.UnitNotInScope");
        me.Require(BulletinAccess.CanManage(me, root.Id));

        var now = clock.UtcNow;
        var year = request.Year!.Value;
        var quarter = kind == BulletinKind.Annual ? 0 : request.Quarter!.Value;
        // 校验年份、季度（领域规则），再去查版本号。
        var probe = Bulletin.Draft(kind, year, quarter, 1, root.Id, "-", ChinaTime.DateOf(now), me.Id, now);
        var today = ChinaTime.DateOf(now);
        var issueDate = today > probe.PeriodEnd ? today : probe.PeriodEnd.AddDays(1);

        // 在事务里取版本号并保存（SQLite 的写闸使之串行）；PostgreSQL 上并发撞号时唯一索引拒绝，返回 409。
        // 草稿与最大版本号用同一条查询读（同一快照）：分两次读时，另一进程在两次之间提交的草稿会被当成已发布，多出第二份草稿。
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var versions = await db.Bulletins.Where(b => b.Kind == kind && b.Year == year && b.Quarter == quarter && b.RootUnitId == root.Id)
            .Select(b => new { b.Version, b.Status }).ToListAsync(ct);
        // 同一时期、同一范围已有草稿时直接修改它：连点两次"新建"也不会多出一份。
        if (versions.FirstOrDefault(b => b.Status == BulletinStatus.Draft) is { } draft)
            throw AppException.Conflict("Bulletin.DraftExists", draft.Version);
        var version = versions.Select(b => b.Version).DefaultIfEmpty(0).Max() + 1;
        var office = await db.Bulletins.Where(b => b.RootUnitId == root.Id).OrderByDescending(b => b.Id)
            .Select(b => b.IssuingOffice).FirstOrDefaultAsync(ct) ?? DefaultOffice(root.Name);
        var bulletin = Bulletin.Draft(kind, year, quarter, version, root.Id, office, issueDate, me.Id, now);
        db.Bulletins.Add(bulletin);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            throw AppException.Conflict("Bulletin.VersionTaken");
        }
        audit.Add("bulletin.create", "Bulletin", bulletin.Id, $"{bulletin.Title} v{bulletin.Version} ({root.Name})");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return bulletin;
    }

    private static BulletinKind ParseKind(string? kind) => kind?.Trim().ToLowerInvariant() switch
    {
        null or "" or "quarterly" => BulletinKind.Quarterly,
        "annual" => BulletinKind.Annual,
        _ => throw AppException.Invalid("kind", "Bulletin.UnknownKind", kind),
    };

    private static long? DefaultRoot(UserContext me, List<FieldError> errors)
    {
        var roots = BulletinAccess.OfficeRoots(me);
        if (roots.Count == 1) return roots[0];
        errors.Add(new FieldError("rootUnitId", "Bulletin.RootRequired"));
        return null;
    }

    /// <summary>"示例街道宣传办公室"（不超过发文机关的长度上限）。</summary>
    public static string DefaultOffice(string rootName)
    {
        var name = rootName + "宣传办公室";
        return name.Length <= 64 ? name : name[..64];
    }
}
