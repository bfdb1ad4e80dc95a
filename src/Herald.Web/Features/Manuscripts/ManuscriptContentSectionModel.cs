using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.Manuscripts;

/// <summary>正文与图片一块（表单页的一部分，上传后单独刷新）：表单状态；导入 Word 时顺带替换标题框。</summary>
public sealed record ManuscriptContentSectionModel(ManuscriptFormModel Form, bool TitleOutOfBand = false) : IPageModel<ManuscriptContentSection>;
