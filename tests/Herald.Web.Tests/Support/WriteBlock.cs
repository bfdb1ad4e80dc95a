using System.Diagnostics;

namespace Herald.Web.Tests.Support;

/// <summary>
/// 让文件和目录写不进去，连 root 也不行：root 用 chattr +i（要 CAP_LINUX_IMMUTABLE 和支持它的文件系统，如 ext4、xfs），
/// 非 root 用 chmod a-w。两样都拦不住时跳过测试并说明原因（例如容器里的 root 没有 CAP_LINUX_IMMUTABLE）。Dispose 时恢复。
/// </summary>
public sealed class WriteBlock : IDisposable
{
    private readonly string[] _paths;
    private readonly bool _immutable;
    private readonly Dictionary<string, UnixFileMode> _modes = new();

    private WriteBlock(string[] paths, bool immutable)
    {
        _paths = paths;
        _immutable = immutable;
    }

    public static WriteBlock Apply(params string[] paths)
    {
        if (OperatingSystem.IsWindows()) throw new SkipException("needs chattr or Unix file modes");
        var existing = paths.Where(p => File.Exists(p) || Directory.Exists(p)).ToArray();
        var block = new WriteBlock(existing, Environment.IsPrivilegedProcess);
        if (block._immutable)
        {
            if (Chattr("+i", existing) is { } error)
                throw new SkipException($"chattr +i is not available here ({error}); root can only be kept from writing with it");
        }
        else
        {
            foreach (var path in existing)
            {
                block._modes[path] = File.GetUnixFileMode(path);
                File.SetUnixFileMode(path, block._modes[path] & ~(UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite));
            }
        }
        if (existing.FirstOrDefault(IsWritable) is { } writable)
        {
            block.Dispose();
            throw new SkipException($"{writable} is still writable after {(block._immutable ? "chattr +i" : "chmod a-w")}");
        }
        return block;
    }

    public void Dispose()
    {
        if (_immutable) Chattr("-i", _paths);
        if (OperatingSystem.IsWindows()) return;
        foreach (var (path, mode) in _modes) File.SetUnixFileMode(path, mode);
    }

    private static bool IsWritable(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                var probe = Path.Combine(path, ".probe-" + Guid.NewGuid().ToString("N"));
                File.WriteAllBytes(probe, []);
                File.Delete(probe);
            }
            else
            {
                File.OpenHandle(path, FileMode.Open, FileAccess.Write).Dispose();
            }
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static string? Chattr(string flag, string[] paths)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("chattr", [flag, .. paths]) { RedirectStandardError = true })!;
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? null : error.Trim();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return ex.Message;
        }
    }
}
