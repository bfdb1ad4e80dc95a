using Herald.Domain.Publishing;

namespace Herald.Web.Features.Publishing;

public sealed record ChannelDto(long Id, long UnitId, string UnitName, string Name, ChannelType Type, string? Url, string ResponsibleName,
    string? ResponsiblePhone, bool Disabled, DateTime CreatedAt);

/// <summary>新建或修改渠道（表单与 API 同名字段）。type 为 website|we_chat|weibo|short_video|xuexi|led_screen|bulletin_board|internal_bulletin。</summary>
public sealed class ChannelForm
{
    public long? UnitId { get; set; }
    public string? Name { get; set; }
    public string? Type { get; set; }
    public string? Url { get; set; }
    public string? ResponsibleName { get; set; }
    public string? ResponsiblePhone { get; set; }
}

public sealed record OutletDto(long Id, string Name, MediaLevel Level, OutletType Type, bool Disabled, DateTime CreatedAt);

/// <summary>新建或修改媒体。level 为 central|provincial|municipal|county|internal；type 为 newspaper|tv|radio|web|newmedia|xuexi|gov_bulletin。</summary>
public sealed class OutletForm
{
    public string? Name { get; set; }
    public string? Level { get; set; }
    public string? Type { get; set; }
}

public sealed record PublishRequest(long? ChannelId, string? Url, string? PublishedAt);

public sealed record ReasonRequest(string? Reason);

/// <summary>登记或申报媒体用稿（JSON；multipart 时字段相同，另加 proof 文件）。adoptedOn 为 yyyy-MM-dd。</summary>
public sealed record AdoptionRequest(long? OutletId, string? AdoptedOn, string? Column, string? Url, bool FrontPage);

/// <summary>登记或申报领导批示。leader 为姓名和职务，level 同媒体级别，instructedOn 为 yyyy-MM-dd。</summary>
public sealed record InstructionRequest(string? Leader, string? Level, string? InstructedOn, string? Url);

/// <summary>仅用于 OpenAPI 文档：multipart 登记用稿的字段。</summary>
public sealed class AdoptionApiForm
{
    public long? OutletId { get; set; }
    public string? AdoptedOn { get; set; }
    public string? Column { get; set; }
    public string? Url { get; set; }
    public bool? FrontPage { get; set; }
    public IFormFile? Proof { get; set; }
}

/// <summary>仅用于 OpenAPI 文档：multipart 登记批示的字段。</summary>
public sealed class InstructionApiForm
{
    public string? Leader { get; set; }
    public string? Level { get; set; }
    public string? InstructedOn { get; set; }
    public string? Url { get; set; }
    public IFormFile? Proof { get; set; }
}
