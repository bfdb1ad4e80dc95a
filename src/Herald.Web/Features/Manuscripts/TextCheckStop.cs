using Herald.Web.Features.Writing;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Html;
using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.Manuscripts;

/// <summary>
/// 报送页点“报送”时先做文字检查：有敏感词或不规范写法、而作者还没看过这段文字的检查结果时，暂不报送，
/// 把结果显示在表单上（所选文件照常暂存）。作者改了再报送会重新检查；不改再点报送即照常报送——检查只提示，不阻止。
/// </summary>
public sealed class TextCheckStop(CheckText check, CurrentUser current, ManuscriptStager stager, ManuscriptFormBuilder forms)
{
    public async Task<IResult?> ShowHitsFirstAsync(long? id, ManuscriptInput input, HttpContext http)
    {
        var title = input.Title ?? "";
        var body = !string.IsNullOrWhiteSpace(input.BodyHtml) ? BodyHtml.Sanitize(input.BodyHtml).Text : input.Body ?? "";
        if (http.Request.Form["textChecked"] == CheckText.Fingerprint(title, body)) return null;
        var result = await check.HandleAsync(new TextCheckRequest { Title = title, Body = body }, http.RequestAborted);
        if (!result.Any) return null;

        var me = await current.GetAsync(http.RequestAborted);
        var errors = new List<FieldError>();
        var state = await stager.StageAsync(me.Id, input, errors, http.RequestAborted);
        var model = await forms.FromInputAsync(id, input, state, errors, http.RequestAborted);
        model.TextCheck = result;
        model.TextCheckTitle = title;
        model.TextCheckBody = body;
        return Pages.Render(model);
    }
}
