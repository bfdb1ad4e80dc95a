using System.Globalization;
using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.OpinionIntake;

/// <summary>上报页（multipart）的输入。截图：新选的文件（screenshots）与此前已暂存的（staged，出错重显时保留）。</summary>
public sealed class ReportInput
{
    public long? UnitId { get; set; }
    public string? Platform { get; set; }
    public string? Source { get; set; }
    public string? Url { get; set; }
    public string? Title { get; set; }
    public string? Content { get; set; }
    public string? Author { get; set; }
    public string? PublishedAt { get; set; }
    public string? SubmissionKey { get; set; }
    public List<IFormFile> Screenshots { get; } = [];
    public List<long> StagedIds { get; } = [];

    public static async Task<ReportInput> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType) throw AppException.Invalid("", "Form.Expected");
        var form = await request.ReadFormAsync(ct);
        var input = new ReportInput
        {
            UnitId = long.TryParse(form["unitId"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var unit) ? unit : null,
            Platform = form["platform"],
            Source = form["source"],
            Url = form["url"],
            Title = form["title"],
            Content = form["content"],
            Author = form["author"],
            PublishedAt = form["publishedAt"],
            SubmissionKey = form["submissionKey"],
        };
        input.Screenshots.AddRange(form.Files.GetFiles("screenshots").Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)));
        foreach (var value in form["staged"])
            if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)) input.StagedIds.Add(id);
        return input;
    }
}
