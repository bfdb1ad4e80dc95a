using System.Text.Json;
using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.Publishing;

/// <summary>
/// 登记用稿或批示的输入：JSON（<see cref="AdoptionRequest"/>、<see cref="InstructionRequest"/>）或表单（multipart，可带 proof 文件；
/// 网页表单同名字段）。
/// </summary>
public sealed class AdoptionInput
{
    public long? OutletId { get; set; }
    public string? AdoptedOn { get; set; }
    public string? Column { get; set; }
    public string? Url { get; set; }
    public bool FrontPage { get; set; }
    public string? Leader { get; set; }
    public string? Level { get; set; }
    public string? InstructedOn { get; set; }
    public IFormFile? Proof { get; set; }

    /// <summary>表单原样的值：出错时重新填回页面，用户不必重填。</summary>
    public Dictionary<string, string?> Values { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static async Task<AdoptionInput> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            var input = new AdoptionInput();
            foreach (var (key, value) in form)
                if (!key.StartsWith("__", StringComparison.Ordinal)) input.Values[key] = value.Count > 0 ? value[^1] : null;
            input.OutletId = Wire.OptionalId(input.Value("outletId"), "outletId");
            input.AdoptedOn = input.Value("adoptedOn");
            input.Column = input.Value("column");
            input.Url = input.Value("url");
            input.FrontPage = Wire.Flag(input.Value("frontPage"));
            input.Leader = input.Value("leader");
            input.Level = input.Value("level");
            input.InstructedOn = input.Value("instructedOn");
            input.Proof = form.Files.GetFile(ProofUpload.Field);
            return input;
        }
        if (!request.HasJsonContentType()) throw new AppException(ProblemKind.Validation, "Publishing.BodyExpected");
        Body? body;
        try
        {
            body = await request.ReadFromJsonAsync<Body>(ct);
        }
        catch (JsonException)
        {
            throw new AppException(ProblemKind.Validation, "BadRequest");
        }
        if (body is null) throw new AppException(ProblemKind.Validation, "BadRequest");
        return new AdoptionInput
        {
            OutletId = body.OutletId, AdoptedOn = body.AdoptedOn, Column = body.Column, Url = body.Url, FrontPage = body.FrontPage ?? false,
            Leader = body.Leader, Level = body.Level, InstructedOn = body.InstructedOn,
        };
    }

    public string? Value(string key) => Values.TryGetValue(key, out var value) ? value : null;

    internal sealed record Body(long? OutletId, string? AdoptedOn, string? Column, string? Url, bool? FrontPage, string? Leader, string? Level,
        string? InstructedOn);
}
