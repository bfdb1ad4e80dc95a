using Herald.Web.Features.Keywords;

namespace Herald.Web.Features.Writing;

/// <summary>规范表述表页的表单：粘贴的文本或导入的 .txt 文件（追加或替换）。出错时原样填回。</summary>
public sealed class UsageRulesForm
{
    public string? Rules { get; set; }
    public string? Revision { get; set; }
    public IFormFile? File { get; set; }
    public bool Append { get; set; }

    public static UsageRulesForm From(UsageRulesView view) => new() { Rules = view.Text, Revision = view.Revision };

    public static async Task<UsageRulesForm> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        var form = await request.ReadFormAsync(ct);
        return new UsageRulesForm
        {
            Rules = form["Rules"],
            Revision = form["Revision"],
            File = form.Files.GetFile("File") is { Length: > 0 } f ? f : null,
            Append = form["Append"].Any(v => v is "true" or "on"),
        };
    }

    public async Task<UsageRulesRequest> ToRequestAsync(CancellationToken ct)
    {
        var rules = Rules ?? "";
        if (File is not null)
        {
            var imported = await KeywordListForm.ReadTextAsync(File, ct);
            rules = Append && rules.Trim().Length > 0 ? rules.TrimEnd() + "\n" + imported : imported;
            Rules = rules;
            File = null;
        }
        return new UsageRulesRequest { RulesText = rules, Revision = Revision };
    }
}
