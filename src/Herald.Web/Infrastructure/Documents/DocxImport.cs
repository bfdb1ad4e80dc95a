using Herald.Web.Infrastructure.Html;

namespace Herald.Web.Infrastructure.Documents;

/// <summary>从 .docx 中取出的图片（保留为稿件图片）。Caption 取自图片的替代文字或紧随其后的图注段落。</summary>
public sealed record DocxImage(byte[] Content, string ContentType, string? Caption, int Width, int Height);

/// <summary>
/// .docx 导入结果：标题（文档第一个标题，若有）、净化后的正文、图片；
/// SkippedImages 是未能导入的图片数（EMF/WMF/GIF 等格式、外链图片、图表），界面据此提示用户另行上传。
/// </summary>
public sealed record DocxImport(string? Title, SanitizedBody Body, IReadOnlyList<DocxImage> Images, int SkippedImages);
