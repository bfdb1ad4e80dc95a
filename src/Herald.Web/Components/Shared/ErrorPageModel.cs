using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Components.Shared;

/// <summary>错误页（403、404 与未处理的异常）：状态码与中文说明。</summary>
public sealed record ErrorPageModel(int Status, string Message) : IPageModel<ErrorPage>;
