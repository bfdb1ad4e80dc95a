namespace Herald.Domain.Publishing;

/// <summary>用稿证明（版面截图或 PDF），存在文件库中。</summary>
public sealed record ProofFile(string Hash, string FileName, string ContentType, long Size);
