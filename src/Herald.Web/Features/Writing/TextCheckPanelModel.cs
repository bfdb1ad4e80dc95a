using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.Writing;

public sealed record TextCheckPanelModel : IPageModel<TextCheckPanel>
{
    public required TextCheckResult Result { get; init; }
    public string? Title { get; init; }
    public string? Body { get; init; }
    /// <summary>这次检查的文字指纹：作者看过结果、不改文字再点报送即照常报送。</summary>
    public string? ConfirmRevision { get; init; }
}
