using Herald.Domain.Submission;
using Herald.Web.Infrastructure.Audit;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Categories;

/// <summary>新增类别，排在最后；不能与已有类别（含停用的）重名。</summary>
public sealed class AddCategory(HeraldDbContext db, CurrentUser current, AuditLog audit)
{
    /// <summary>返回新类别的编号。</summary>
    public async Task<long> HandleAsync(string? name, CancellationToken ct = default)
    {
        await current.RequireAsync(ct);
        var last = await db.Categories.MaxAsync(c => (int?)c.SortOrder, ct) ?? -1;
        var category = Category.Create(name ?? "", last + 1);
        if (await db.Categories.AnyAsync(c => c.Name == category.Name, ct))
            throw AppException.Invalid("Name", "Category.DuplicateName", category.Name);
        // 审计要记新类别的编号，须保存两次；放在一个事务里。
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Categories.Add(category);
        await db.SaveChangesAsync(ct);
        audit.Add("category.create", "Category", category.Id, category.Name);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return category.Id;
    }
}
