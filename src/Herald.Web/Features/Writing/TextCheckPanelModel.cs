using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.Writing;

public sealed record TextCheckPanelModel : IPageModel<TextCheckPanel>
{
    public required TextCheckResult Result { get; init; }
    public string? Title { get; init; }
    public string? Body { get; init; }
    /// <summary>这次检查的文字指纹：作者看过结果、不改文字再点报送即照常报送。</summary>
    public string? ConfirmRevision { get; init; }
    /// <summary>结果下方的提示（默认是报送页的“再点报送即可”）。</summary>
    public string? Hint { get; init; }
}
