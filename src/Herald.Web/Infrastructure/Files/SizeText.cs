using System.Globalization;

namespace Herald.Web.Infrastructure.Files;

/// <summary>文件大小的可读写法（用于"超过 20 MB 上限"之类的提示）：不足 1 MB 时用 KB，避免写成"0 MB"。</summary>
public static class SizeText
{
    public static string Format(long bytes) => bytes switch
    {
        >= 1024L * 1024 * 1024 => (bytes / (1024d * 1024 * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " GB",
        >= 1024L * 1024 => (bytes / (1024d * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " MB",
        >= 1024 => (bytes / 1024d).ToString("0.#", CultureInfo.InvariantCulture) + " KB",
        _ => bytes.ToString(CultureInfo.InvariantCulture) + " B",
    };
}
