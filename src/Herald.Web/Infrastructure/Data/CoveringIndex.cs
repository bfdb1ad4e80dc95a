using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Herald.Web.Infrastructure.Data;

/// <summary>
/// 覆盖索引（ADR 0028）：SQLite 没有 INCLUDE，只为覆盖而加的列接在键后面；PostgreSQL 上同名索引只以前几列为键，
/// 其余列放进 INCLUDE（键更短、上层页更小，只读索引照样取得到这些列）。
/// </summary>
internal static class CoveringIndex
{
    private const string KeyColumnsAnnotation = "Herald:CoveringKeyColumns";

    /// <summary>前 keyColumns 列用于查找和排序，其余列只为覆盖。</summary>
    public static IndexBuilder<T> CoversAfter<T>(this IndexBuilder<T> index, int keyColumns) =>
        index.HasAnnotation(KeyColumnsAnnotation, keyColumns);

    /// <summary>在 PostgreSQL 模型上把这些索引换成“键 + INCLUDE”，名称、唯一性、条件不变。</summary>
    public static void UseIncludeColumns(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var index in entity.GetIndexes().Where(i => i.FindAnnotation(KeyColumnsAnnotation) is not null).ToList())
            {
                var keyColumns = (int)index[KeyColumnsAnnotation]!;
                var (properties, name, unique, filter) = (index.Properties.ToList(), index.GetDatabaseName(), index.IsUnique, index.GetFilter());
                entity.RemoveIndex(index);
                var replaced = entity.AddIndex(properties.Take(keyColumns).ToList());
                replaced.SetDatabaseName(name);
                replaced.IsUnique = unique;
                replaced.SetFilter(filter);
                replaced.SetIncludeProperties(properties.Skip(keyColumns).Select(p => p.Name).ToList());
            }
        }
    }
}
