using System.Linq.Expressions;
using Herald.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Herald.Web.Infrastructure.Files;

/// <summary>
/// 一列保存文件库的键（sha256）的字段。每个模块为自己指向文件库的每一列登记一个（<see cref="StoredFileReferenceServices.AddStoredFileReference{T}"/>），
/// 文件库只删除没有任何一列引用的文件（ADR 0018）。
/// </summary>
public abstract class StoredFileReference
{
    public abstract Type Entity { get; }

    /// <summary>实体上的属性名（不是列名）。</summary>
    public abstract string Property { get; }

    public abstract Task<bool> UsesAsync(HeraldDbContext db, string hash, CancellationToken ct);

    public override string ToString() => $"{Entity.Name}.{Property}";
}

internal sealed class StoredFileReference<T>(string property) : StoredFileReference where T : class
{
    public override Type Entity => typeof(T);

    public override string Property => property;

    public override Task<bool> UsesAsync(HeraldDbContext db, string hash, CancellationToken ct) =>
        db.Set<T>().AnyAsync(row => EF.Property<string?>(row, property) == hash, ct);
}

/// <summary>全部登记过的引用：文件是否还被任何记录使用。</summary>
public sealed class StoredFileReferences(IEnumerable<StoredFileReference> all)
{
    public IReadOnlyList<StoredFileReference> All { get; } = all.ToList();

    public async Task<bool> AnyAsync(HeraldDbContext db, string hash, CancellationToken ct)
    {
        foreach (var reference in All)
            if (await reference.UsesAsync(db, hash, ct)) return true;
        return false;
    }
}

public static class StoredFileReferenceServices
{
    /// <summary>登记一列指向文件库的字段，例如 <c>services.AddStoredFileReference&lt;Adoption&gt;(a =&gt; a.ProofHash)</c>。</summary>
    public static IServiceCollection AddStoredFileReference<T>(this IServiceCollection services, Expression<Func<T, string?>> column)
        where T : class
    {
        if (column.Body is not MemberExpression { Member: var member } || member.DeclaringType?.IsAssignableFrom(typeof(T)) != true)
            throw new ArgumentException("Expected a property of the entity, e.g. a => a.FileHash.", nameof(column));
        services.AddSingleton<StoredFileReference>(new StoredFileReference<T>(member.Name));
        services.TryAddSingleton<StoredFileReferences>();
        return services;
    }
}
