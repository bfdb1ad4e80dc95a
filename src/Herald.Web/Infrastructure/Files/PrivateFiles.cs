using System.Runtime.InteropServices;

namespace Herald.Web.Infrastructure.Files;

/// <summary>
/// 数据目录只给运行 Herald 的账号：目录 0700、文件 0600（数据库、文件库、密钥）。进程的 umask 设为 077，
/// SQLite、数据保护等自己创建的文件也是 0600；已有的数据目录启动时收紧为 0700。另有目录的 fsync（改名后落盘）。
/// 只在 Linux/macOS 上起作用，Windows 靠目录的 ACL。
/// </summary>
public static class PrivateFiles
{
    public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private static int _umaskSet;

    /// <summary>此后本进程新建的文件和目录，组和其他人没有任何权限。</summary>
    public static void RestrictUmask()
    {
        if (OperatingSystem.IsWindows() || Interlocked.Exchange(ref _umaskSet, 1) == 1) return;
        umask(0b000_111_111);
    }

    /// <summary>建目录（已有的也收紧为 0700）并返回它。</summary>
    public static string Directory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            System.IO.Directory.CreateDirectory(path);
            return path;
        }
        System.IO.Directory.CreateDirectory(path, DirectoryMode);
        File.SetUnixFileMode(path, DirectoryMode);
        return path;
    }

    /// <summary>已有的文件收紧为 0600（不存在就跳过）。</summary>
    public static void Restrict(string file)
    {
        if (!OperatingSystem.IsWindows() && File.Exists(file)) File.SetUnixFileMode(file, FileMode);
    }

    /// <summary>把目录项（新建、改名）写到盘上：文件本身 fsync 之后，改名要 fsync 所在目录才算落盘。</summary>
    public static void SyncDirectory(string path)
    {
        if (OperatingSystem.IsWindows()) return;
        // O_RDONLY opens a directory on Linux and macOS; O_DIRECTORY's value differs between architectures.
        var fd = open(path, OpenReadOnly);
        if (fd < 0) throw new IOException($"open({path}) for fsync failed: errno {Marshal.GetLastWin32Error()}");
        try
        {
            if (fsync(fd) != 0) throw new IOException($"fsync({path}) failed: errno {Marshal.GetLastWin32Error()}");
        }
        finally
        {
            _ = close(fd);
        }
    }

    private const int OpenReadOnly = 0;

    [DllImport("libc", SetLastError = true)]
    private static extern uint umask(uint mask);

    [DllImport("libc", SetLastError = true)]
    private static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", SetLastError = true)]
    private static extern int fsync(int fd);

    [DllImport("libc", SetLastError = true)]
    private static extern int close(int fd);
}
