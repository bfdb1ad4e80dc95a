using Herald.Domain.Submission;
using Herald.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Web.Tests.Support;

/// <summary>
/// 给草稿挂上 Word 原件（存入应用的文件库，经领域方法 SetDocument），不经过 .docx 导入。
/// 用于测试原件的下载与权限，与导入功能的进度无关。
/// </summary>
public static class DocumentSetup
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static async Task AttachDocumentAsync(this HeraldFactory factory, long draftId, byte[] content, string fileName)
    {
        var blob = await factory.Services.GetRequiredService<FileStore>().SaveAsync(content);
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        await factory.QueryAsync(async db =>
        {
            var m = await db.Manuscripts.Include(x => x.Attachments).SingleAsync(x => x.Id == draftId);
            m.SetDocument(m.AuthorId, new StoredFileRef(blob.Hash, fileName, DocxType, blob.Size), now);
            return await db.SaveChangesAsync();
        });
    }
}
