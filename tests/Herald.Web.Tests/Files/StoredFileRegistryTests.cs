using Herald.Web.Infrastructure.Data;
using Herald.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Web.Tests.Files;

/// <summary>
/// 文件库引用登记的完整性：EF 模型里每一列名字像文件库键的字段都已登记（或明确列为别的散列），登记的都是映射过的文本列。
/// 后来的模块加了一列文件键却忘了登记时，这里失败。
/// </summary>
public sealed class StoredFileRegistryTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    [Fact]
    public async Task EfModel_EveryColumnNamedLikeAStoredFileKey_IsRegistered()
    {
        var keyLike = await factory.QueryAsync(db => Task.FromResult(StoredFileColumns.StringColumns(db.Model)
            .Where(c => StoredFileColumns.KeyLikeColumnName().IsMatch(c.Column)).Select(c => c.Name).ToList()));

        keyLike.Except(StoredFileColumns.NotStoredFileKeys).Except(StoredFileColumns.Registered(factory)).ShouldBeEmpty();
        keyLike.ShouldContain("Adoption.ProofHash");
        StoredFileColumns.NotStoredFileKeys.Except(keyLike).ShouldBeEmpty("an exception that no longer exists");
    }

    [Fact]
    public async Task Registry_EveryKindOfAttachment_RegisteredAsAMappedTextColumn()
    {
        var mapped = await factory.QueryAsync(db => Task.FromResult(StoredFileColumns.StringColumns(db.Model).Select(c => c.Name).ToHashSet()));
        var registered = StoredFileColumns.Registered(factory);

        registered.ShouldBe([
            "StagedUpload.Hash", "ManuscriptAttachment.FileHash", "Adoption.ProofHash", "Bulletin.DocumentHash", "Bulletin.WorkbookHash",
            "OpinionItemAttachment.FileHash", "OpinionCaseAttachment.FileHash",
        ], ignoreOrder: true);
        registered.Except(mapped).ShouldBeEmpty();
    }
}
