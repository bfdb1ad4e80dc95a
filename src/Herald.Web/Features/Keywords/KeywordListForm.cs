using System.Text;
using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.Keywords;

/// <summary>词表编辑页的表单：词（批量粘贴的文本，或导入的 .txt 文件）、白名单、阻断类别。出错时原样填回。</summary>
public sealed class KeywordListForm
{
    public string? Name { get; set; }
    public string? Description { get; set; }
    public string? Words { get; set; }
    public string? AllowList { get; set; }
    public string? Blocking { get; set; }
    public bool Disabled { get; set; }
    public int? Revision { get; set; }
    public IFormFile? File { get; set; }
    /// <summary>导入文件时追加到现有词之后，而不是替换。</summary>
    public bool Append { get; set; }

    public static KeywordListForm From(KeywordListDetail d) => new()
    {
        Name = d.Name,
        Description = d.Description,
        Words = Domain.Keywords.KeywordListText.Format(d.Words.Select(w => new Domain.Keywords.KeywordEntry(w.Text, w.Weight, w.Category))),
        AllowList = string.Join('\n', d.AllowList),
        Blocking = string.Join('\n', d.BlockingCategories),
        Disabled = d.Disabled,
        Revision = d.Revision,
    };

    public static async Task<KeywordListForm> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        var form = await request.ReadFormAsync(ct);
        return new KeywordListForm
        {
            Name = form["Name"],
            Description = form["Description"],
            Words = form["Words"],
            AllowList = form["AllowList"],
            Blocking = form["Blocking"],
            Disabled = form["Disabled"].Any(v => v is "true" or "on"),
            Revision = int.TryParse(form["Revision"], out var r) ? r : null,
            File = form.Files.GetFile("File") is { Length: > 0 } f ? f : null,
            Append = form["Append"].Any(v => v is "true" or "on"),
        };
    }

    public async Task<KeywordListRequest> ToRequestAsync(CancellationToken ct)
    {
        var words = Words ?? "";
        if (File is not null)
        {
            var imported = await ReadTextAsync(File, ct);
            words = Append && words.Trim().Length > 0 ? words.TrimEnd() + "\n" + imported : imported;
            Words = words;
            File = null;
        }
        return new KeywordListRequest
        {
            Name = Name,
            Description = Description ?? "",
            WordsText = words,
            AllowList = Lines(AllowList),
            BlockingCategories = Lines(Blocking),
            Disabled = Disabled,
            Revision = Revision,
        };
    }

    private static List<string> Lines(string? text) =>
        (text ?? "").Split(['\n', '\r', ',', '，', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    /// <summary>只收 UTF-8 文本（Excel/记事本“另存为 UTF-8”）；别的编码会乱码，直接说明而不是存进乱码。</summary>
    internal static async Task<string> ReadTextAsync(IFormFile file, CancellationToken ct)
    {
        if (file.Length > KeywordEndpoints.MaxImportBytes)
            throw AppException.Invalid("file", "KeywordList.FileTooLarge", KeywordEndpoints.MaxImportBytes / 1024 / 1024);
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        try
        {
            var text = new UTF8Encoding(false, true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
            if (text.Contains('\0')) throw AppException.Invalid("file", "KeywordList.FileNotText");
            return text.TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            throw AppException.Invalid("file", "KeywordList.FileNotUtf8");
        }
    }
}
