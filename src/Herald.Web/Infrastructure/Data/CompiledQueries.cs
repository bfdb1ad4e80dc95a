using System.Collections.Concurrent;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Herald.Web.Infrastructure.Data;

/// <summary>
/// EF 编译查询，按模型各编译一份：编译查询只能用于编译它的那个模型，而 SQLite 与 PostgreSQL 的模型不同。
/// 生产进程只用一种数据库；测试进程里 SQLite 的主机与 PostgreSQL 的主机（多主机、备库、迁移测试）同时存在。
/// </summary>
public static class CompiledQueries
{
    public static Func<HeraldDbContext, T1, CancellationToken, Task<TResult>> PerModel<T1, TResult>(
        Expression<Func<HeraldDbContext, T1, CancellationToken, TResult>> query)
    {
        var byModel = new ConcurrentDictionary<IModel, Func<HeraldDbContext, T1, CancellationToken, Task<TResult>>>();
        return (db, p1, ct) => byModel.GetOrAdd(db.Model, _ => EF.CompileAsyncQuery(query))(db, p1, ct);
    }

    public static Func<HeraldDbContext, T1, T2, CancellationToken, Task<TResult>> PerModel<T1, T2, TResult>(
        Expression<Func<HeraldDbContext, T1, T2, CancellationToken, TResult>> query)
    {
        var byModel = new ConcurrentDictionary<IModel, Func<HeraldDbContext, T1, T2, CancellationToken, Task<TResult>>>();
        return (db, p1, p2, ct) => byModel.GetOrAdd(db.Model, _ => EF.CompileAsyncQuery(query))(db, p1, p2, ct);
    }
}
