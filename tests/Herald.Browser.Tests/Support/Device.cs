namespace Herald.Browser.Tests.Support;

/// <summary>浏览器窗口：办公电脑或手机。</summary>
public sealed record Device(string Name, int Width, int Height, bool IsMobile, float ScaleFactor)
{
    /// <summary>常见的办公电脑屏幕。</summary>
    public static Device Desktop { get; } = new("desktop", 1366, 900, IsMobile: false, ScaleFactor: 1);

    /// <summary>手机（390×844，触屏）。侧边菜单收在导航栏的菜单按钮后面。</summary>
    public static Device Phone { get; } = new("phone", 390, 844, IsMobile: true, ScaleFactor: 2);

    /// <summary>Bootstrap 的 lg 断点以下侧边菜单是 offcanvas。</summary>
    public bool HasCollapsedMenu => Width < 992;
}
