using Herald.Web.Infrastructure.Web;
using Microsoft.Extensions.Options;

namespace Herald.Web.Infrastructure.Documents;

/// <summary>把 Word (.docx) 转为稿件正文。实现见后续提交。</summary>
public sealed class DocxImporter(IOptions<HeraldOptions> options)
{
    public DocxImport Import(byte[] content)
    {
        _ = options;
        _ = content;
        throw new AppException(ProblemKind.Validation, "Docx.Malformed", "document");
    }
}
