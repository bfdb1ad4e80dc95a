using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.Manuscripts;

/// <summary>上传或导入后刷新的正文与图片一块：表单状态；导入 Word 时顺带替换标题框。</summary>
public sealed record ManuscriptContentFragmentModel(ManuscriptFormModel Form, bool TitleOutOfBand) : IPageModel<ManuscriptContentFragment>;
