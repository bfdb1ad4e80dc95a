namespace Herald.Web.Infrastructure.Files;

/// <summary>文件库（数据目录）写不进去的异常：权限、不可改、只读挂载、磁盘满、配额、I/O 错误。</summary>
public static class FileStoreErrors
{
    // errno values .NET puts in IOException.HResult on Unix: EPERM, EIO, EACCES, ENOSPC, EROFS, EDQUOT.
    private static readonly int[] StorageErrnos = [1, 5, 13, 28, 30, 122];

    public static bool IsStorageFailure(Exception exception) => exception switch
    {
        UnauthorizedAccessException => true,
        BadHttpRequestException => false,
        IOException io => StorageErrnos.Contains(io.HResult) || ThrownByFileStore(io),
        _ => false,
    };

    private static bool ThrownByFileStore(Exception exception) =>
        new System.Diagnostics.StackTrace(exception).GetFrames()
            .Any(f => f.GetMethod()?.DeclaringType?.Namespace == typeof(FileStore).Namespace);
}
