using Herald.Domain.Identity;
using Herald.Domain.Organization;
using Herald.Web.Infrastructure;
using Herald.Web.Infrastructure.Audit;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Spreadsheets;
using Herald.Web.Infrastructure.Time;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Herald.Web.Features.Organization.Import;

/// <summary>
/// 批量导入单位与账号：按内容判断文件、限制大小、逐行校验；全部无误才在一个事务里导入。
/// 新账号的随机初始口令只在结果页出现一次，首次登录必须修改。
/// </summary>
public sealed class RunImport(
    HeraldDbContext db,
    CurrentUser current,
    OrgDirectory directory,
    PasswordHashing hashing,
    ImportVocabulary words,
    IStringLocalizer<Text> localizer,
    AuditLog audit,
    Clock clock,
    IOptions<HeraldOptions> options)
{
    /// <summary>每个工作表最多的行数：再多请分批，免得一次请求算几千个口令散列。</summary>
    public const int MaxRows = 2000;

    public async Task<ImportResult> HandleAsync(IFormFile? file, CancellationToken ct = default)
    {
        await current.ManagerTreeAsync(ct);
        if (file is null || file.Length == 0) throw AppException.Invalid("File", "Import.NoFile");
        var fileName = Path.GetFileName(file.FileName);
        var uploads = options.Value.Uploads;
        if (file.Length > uploads.MaxFileBytes)
            throw AppException.Invalid("File", "Upload.FileTooLarge", fileName, Infrastructure.Files.SizeText.Format(uploads.MaxFileBytes));
        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
            await stream.ReadExactlyAsync(content, ct);

        IReadOnlyList<XlsxSheetData> sheets;
        try
        {
            sheets = XlsxReader.Read(content, new XlsxLimits(uploads.MaxDocxUncompressedBytes, uploads.MaxDocxEntries, uploads.MaxCompressionRatio, MaxRows + 1));
        }
        catch (XlsxException ex)
        {
            throw ex.Problem switch
            {
                XlsxProblem.Legacy => AppException.Invalid("File", "Import.LegacyFormat", fileName),
                XlsxProblem.NotXlsx => AppException.Invalid("File", "Import.NotXlsx", fileName),
                XlsxProblem.TooManyRows => AppException.Invalid("File", "Import.TooManyRows", ex.Sheet ?? "", MaxRows),
                _ => AppException.Invalid("File", "Import.Malformed", fileName),
            };
        }

        var tree = await FreshUnitTree.LoadAsync(db, ct);
        var candidates = ImportPlanner.CandidateUserNames(sheets, words).ToArray();
        var taken = (await db.Users.AsNoTracking().Where(u => candidates.Contains(u.UserName)).Select(u => u.UserName).ToListAsync(ct)).ToHashSet();
        var plan = ImportPlanner.Plan(sheets, words, tree, taken);
        if (plan.Errors.Count > 0) throw new ImportRejectedException(plan.Errors);
        if (plan.IsEmpty) throw AppException.Invalid("File", "Import.Empty");

        var result = await ExecuteAsync(plan, fileName, ct);
        directory.Invalidate();
        current.Reset();
        return result;
    }

    private async Task<ImportResult> ExecuteAsync(ImportPlan plan, string fileName, CancellationToken ct)
    {
        var now = clock.UtcNow;
        // PBKDF2 较慢：在事务之外、用上所有核算好口令散列。
        var passwords = plan.Users.Select(_ => PasswordHashing.Generate()).ToArray();
        var hashes = new string[passwords.Length];
        Parallel.For(0, passwords.Length, new ParallelOptions { CancellationToken = ct }, i => hashes[i] = hashing.Hash(passwords[i]));

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var tree = await FreshUnitTree.LoadAsync(db, ct);
        var created = new long[plan.Units.Count];
        var nextSort = new Dictionary<long, int>();
        var nextRootSort = FreshUnitTree.NextSortOrder(tree, null);
        for (var i = 0; i < plan.Units.Count; i++)
        {
            var planned = plan.Units[i];
            var parentId = IdOf(planned.Parent, created);
            int sort;
            if (parentId is { } p)
            {
                // 排在同级已有单位之后，按文件中的顺序。
                sort = nextSort.TryGetValue(p, out var n) ? n : FreshUnitTree.NextSortOrder(tree, p);
                nextSort[p] = sort + 1;
            }
            else
            {
                sort = nextRootSort++;
            }
            var unit = Unit.Create(planned.Name, planned.Type, parentId, sort, now);
            db.Units.Add(unit);
            await db.SaveChangesAsync(ct);
            created[i] = unit.Id;
            audit.Add("unit.create", "Unit", unit.Id, $"{planned.Path} ({planned.Type}) [import]");
        }

        var users = new List<(UserAccount Account, PlannedUser Plan, string Password)>();
        for (var i = 0; i < plan.Users.Count; i++)
        {
            var planned = plan.Users[i];
            var user = UserAccount.Create(planned.UserName, planned.DisplayName, IdOf(planned.Home, created), hashes[i], mustChangePassword: true, now);
            user.UpdateProfile(planned.DisplayName, planned.Phone, planned.Email);
            db.Users.Add(user);
            users.Add((user, planned, passwords[i]));
        }
        await db.SaveChangesAsync(ct);

        var unitNames = await db.Units.AsNoTracking().Select(u => new UnitNode(u.Id, u.ParentId, u.Name, u.Type, u.Disabled, u.SortOrder)).ToListAsync(ct);
        var after = new OrgTree(unitNames, []);
        var roleCount = 0;
        var imported = new List<ImportedUser>();
        foreach (var (user, planned, password) in users)
        {
            audit.Add("user.create", "User", user.Id, user.UserName + " [import]");
            var roleLabels = new List<string>();
            foreach (var role in planned.Roles)
            {
                var unitId = IdOf(role.Unit, created);
                db.RoleAssignments.Add(RoleAssignment.Create(user.Id, role.Role, unitId, now));
                audit.Add("role.assign", "User", user.Id, RoleText.Describe(user.UserName, role.Role, unitId, after) + " [import]");
                roleLabels.Add(unitId is { } u ? localizer["Role." + role.Role] + " @ " + after.PathName(u) : localizer["Role." + role.Role]);
                roleCount++;
            }
            imported.Add(new ImportedUser(user.UserName, user.DisplayName, user.UnitId is { } home ? after.PathName(home) : null, roleLabels, password));
        }
        audit.Add("org.import", null, null, $"{fileName}: units {plan.Units.Count}, users {plan.Users.Count}, roles {roleCount}");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new ImportResult(fileName, plan.Units.Select(u => u.Path).ToList(), imported, roleCount);
    }

    private static long? IdOf(UnitRef? reference, long[] created) => reference switch
    {
        null => null,
        { ExistingId: { } id } => id,
        { PlannedIndex: { } index } => created[index],
        _ => null,
    };
}
