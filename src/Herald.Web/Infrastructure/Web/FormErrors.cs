using Herald.Domain.Common;
using Herald.Web.Infrastructure.Localization;

namespace Herald.Web.Infrastructure.Web;

/// <summary>页面表单出错时：哪些异常是用户能改正的（重新显示表单），以及带字段名的中文说明。</summary>
public static class FormErrors
{
    /// <summary>输入不合规或状态冲突；找不到和无权仍走统一错误页。</summary>
    public static bool IsUserError(Exception exception) => exception switch
    {
        AppException app => app.Kind is ProblemKind.Validation or ProblemKind.Conflict or ProblemKind.TooLarge,
        DomainException domain => domain.Kind != DomainErrorKind.Forbidden,
        ValidationFailedException => true,
        _ => false,
    };

    /// <summary>"姓名：此项为必填项。"——只写"此项为必填项"时用户不知道是哪一项。</summary>
    public static string DescribeWithField(this Messages messages, Exception exception)
    {
        var (field, text) = exception switch
        {
            AppException app => (app.Field, messages.Error(app.Code, app.Args)),
            DomainValidationException v => (v.Field, messages.Error(v.Code, v.Args)),
            DomainException d => (null, messages.Error(d.Code, d.Args)),
            ValidationFailedException many => (null, string.Join(" ", many.Errors.Select(e => messages.WithField(e.Field, messages.Error(e.Code, e.Args))))),
            _ => (null, messages.Error("Unknown")),
        };
        return messages.WithField(field, text);
    }

    /// <summary>逐条说明（一次报告多个问题的表单，如词表、规范表述表，每条一行）。</summary>
    public static IReadOnlyList<string> DescribeEach(this Messages messages, Exception exception) => exception switch
    {
        ValidationFailedException many => many.Errors.Select(e => messages.DescribeWithField(new AppException(ProblemKind.Validation, e.Code, e.Field, e.Args))).ToList(),
        _ => [messages.DescribeWithField(exception)],
    };

    /// <summary>在说明前加上字段名（字段没有名称时原样返回，如"图片“x.png”缺少图片说明"本身已指明）。</summary>
    public static string WithField(this Messages messages, string? field, string text)
    {
        if (string.IsNullOrEmpty(field)) return text;
        var key = char.ToUpperInvariant(field[0]) + field[1..];
        var label = messages.Field(key);
        return label == key ? text : string.Format(System.Globalization.CultureInfo.CurrentCulture, messages["Form.FieldError"], label, text);
    }
}
