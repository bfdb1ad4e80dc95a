namespace Herald.Web;

/// <summary>界面文字资源（Resources/Text.resx 为简体中文，Text.en-US.resx 为英文）。</summary>
public sealed class Text;
