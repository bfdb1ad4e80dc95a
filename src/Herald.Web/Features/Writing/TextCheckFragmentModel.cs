using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.Writing;

/// <summary>文字检查结果一块：结果、检查的标题与正文、这次检查的文字指纹（不改文字再点报送即照常报送）。</summary>
public sealed record TextCheckFragmentModel(TextCheckResult Result, string? Title, string? Body, string? ConfirmRevision)
    : IPageModel<TextCheckFragment>;
