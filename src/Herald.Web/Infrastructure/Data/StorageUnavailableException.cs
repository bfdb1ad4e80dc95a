using System.Data.Common;

namespace Herald.Web.Infrastructure.Data;

/// <summary>
/// 数据库文件不能写，写入在开始前被拒绝（见 <see cref="StorageGuard"/>）。是 DbException：后台任务像对待其他数据库故障一样
/// 记日志、下一轮再试；请求得到 503 Storage.Unavailable。
/// </summary>
public sealed class StorageUnavailableException(string problem)
    : DbException($"The database cannot be written: {problem}");
