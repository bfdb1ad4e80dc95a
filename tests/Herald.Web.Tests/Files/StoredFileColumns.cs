using System.Text.RegularExpressions;
using Herald.Web.Infrastructure.Files;
using Herald.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Web.Tests.Files;

/// <summary>EF 模型里的列与文件库引用登记（<see cref="StoredFileReferences"/>）的对照。</summary>
internal static partial class StoredFileColumns
{
    /// <summary>名字像文件库键、但保存的是别的散列的列。</summary>
    public static readonly string[] NotStoredFileKeys = ["UserAccount.PasswordHash", "ApiToken.TokenHash", "PasswordHistoryEntry.PasswordHash", "RecoveryCode.CodeHash", "AuditEntry.Hash", "AuditEntry.PreviousHash"];

    [GeneratedRegex("(^|_)(hash|sha256|blob|file_key|file_id|digest)$")]
    public static partial Regex KeyLikeColumnName();

    public static IReadOnlyList<string> Registered(HeraldFactory factory) =>
        factory.Services.GetRequiredService<StoredFileReferences>().All.Select(r => r.ToString()).ToList();

    public static IEnumerable<(string Name, string Table, string Column)> StringColumns(IModel model)
    {
        foreach (var entity in model.GetEntityTypes())
        {
            if (entity.GetTableName() is not { } table) continue;
            var id = StoreObjectIdentifier.Table(table, entity.GetSchema());
            foreach (var property in entity.GetProperties().Where(p => p.ClrType == typeof(string)))
                if (property.GetColumnName(id) is { } column)
                    yield return ($"{entity.ClrType.Name}.{property.Name}", table, column);
        }
    }

    /// <summary>数据库里确实存着文件库中某个文件的键的列（按值判断：64 位十六进制且文件库里有这个文件）。</summary>
    public static Task<List<string>> HoldingStoredFilesAsync(HeraldFactory factory)
    {
        var store = factory.Services.GetRequiredService<FileStore>();
        return factory.QueryAsync(async db =>
        {
            var found = new List<string>();
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            foreach (var (name, table, column) in StringColumns(db.Model).DistinctBy(c => (c.Table, c.Column)))
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT DISTINCT \"{column}\" FROM \"{table}\" WHERE length(\"{column}\") = 64 LIMIT 500";
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                    if (!reader.IsDBNull(0) && store.Exists(reader.GetString(0)))
                    {
                        found.Add(name);
                        break;
                    }
            }
            return found;
        });
    }

    /// <summary>存着文件库键的每一列都登记了引用（否则清理会删掉它们的文件）。</summary>
    public static async Task ShouldAllBeRegisteredAsync(HeraldFactory factory)
    {
        var holding = await HoldingStoredFilesAsync(factory);
        holding.ShouldNotBeEmpty();
        holding.Except(Registered(factory)).ShouldBeEmpty("columns holding stored-file keys but missing from the registry (AddStoredFileReference)");
    }
}
