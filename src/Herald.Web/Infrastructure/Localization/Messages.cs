using Herald.Domain.Common;
using Herald.Domain.Organization;
using Herald.Domain.Submission;
using Herald.Web.Infrastructure.Web;
using Microsoft.Extensions.Localization;

namespace Herald.Web.Infrastructure.Localization;

/// <summary>把错误代码和枚举翻成当前语言的文字。</summary>
public sealed class Messages(IStringLocalizer<Text> localizer)
{
    public IStringLocalizer<Text> L => localizer;

    public string this[string key] => localizer[key];

    public string Error(string code, params object[] args)
    {
        var text = localizer["Error." + code, args.Select(Arg).ToArray()];
        return text.ResourceNotFound ? localizer["Error.Unknown"] : text.Value;
    }

    public string Describe(Exception exception) => exception switch
    {
        AppException app => Error(app.Code, app.Args),
        DomainException domain => Error(domain.Code, domain.Args),
        _ => localizer["Error.Unknown"],
    };

    public string Role(Role role) => localizer["Role." + role];

    /// <summary>"单位负责人、分管领导"</summary>
    public string Roles(IEnumerable<Role> roles) => string.Join("、", roles.Select(Role));

    public string Status(ManuscriptStatus status) => localizer["Status." + status];

    public string Importance(Importance importance) => localizer["Importance." + importance];

    public string UnitType(UnitType type) => localizer["UnitType." + type];

    public string Field(string field) => localizer["Field." + field] is { ResourceNotFound: false } text ? text.Value : field;

    private object Arg(object arg) => arg switch
    {
        Role role => Role(role),
        ManuscriptStatus status => Status(status),
        Importance importance => Importance(importance),
        UnitType type => UnitType(type),
        _ => arg,
    };
}
