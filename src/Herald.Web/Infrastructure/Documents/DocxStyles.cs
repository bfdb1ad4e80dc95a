using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Herald.Web.Infrastructure.Documents;

/// <summary>What a paragraph style contributes: heading level (0 none, 1–6), title, caption, centring, inherited bold/italic.</summary>
internal readonly record struct ParagraphStyleInfo(int HeadingLevel, bool IsTitle, bool IsCaption, bool Centred, bool? Bold, bool? Italic);

/// <summary>
/// 样式表解析：沿 basedOn 链取出段落样式的标题级别、居中、加粗/倾斜，和字符样式的加粗/倾斜。
/// 按样式名识别（Word/LibreOffice 的 "heading 1"、WPS 的 "标题 1"），其次看大纲级别。
/// </summary>
internal sealed class DocxStyles
{
    private const int MaxChain = 16;

    private readonly Dictionary<string, Style> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ParagraphStyleInfo> _paragraphs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (bool? Bold, bool? Italic)> _characters = new(StringComparer.Ordinal);
    private readonly string? _defaultParagraphStyle;

    public DocxStyles(Styles? styles)
    {
        if (styles is null) return;
        foreach (var style in styles.Elements<Style>())
        {
            if (style.StyleId?.Value is not { } id) continue;
            _byId.TryAdd(id, style);
            if (DocxValues.Of(style.Type) == StyleValues.Paragraph && DocxValues.Of(style.Default) == true) _defaultParagraphStyle ??= id;
        }
        var defaults = styles.DocDefaults?.RunPropertiesDefault?.RunPropertiesBaseStyle;
        DefaultBold = IsOn(defaults?.Bold);
        DefaultItalic = IsOn(defaults?.Italic);
    }

    public bool? DefaultBold { get; }
    public bool? DefaultItalic { get; }

    /// <summary>Style of a paragraph; null id means the document's default paragraph style.</summary>
    public ParagraphStyleInfo Paragraph(string? styleId)
    {
        styleId ??= _defaultParagraphStyle;
        if (styleId is null) return default;
        if (_paragraphs.TryGetValue(styleId, out var cached)) return cached;

        var chain = Chain(styleId);
        var own = chain.Count > 0 ? chain[0] : null;
        var ownName = NormalizedName(own);
        int? outline = null;
        bool? centred = null, bold = null, italic = null;
        var caption = false;
        foreach (var style in chain)
        {
            outline ??= DocxValues.Of(style.StyleParagraphProperties?.OutlineLevel?.Val);
            if (centred is null && DocxValues.Of(style.StyleParagraphProperties?.Justification?.Val) is { } jc)
                centred = jc == JustificationValues.Center;
            bold ??= IsOn(style.StyleRunProperties?.Bold);
            italic ??= IsOn(style.StyleRunProperties?.Italic);
            caption |= NormalizedName(style) is "caption" or "题注";
        }

        var isTitle = ownName is "title" or "标题" || styleId == "Title";
        var level = isTitle ? 1 : NameLevel(ownName) ?? NameLevel(styleId.ToLowerInvariant()) ?? OutlineToLevel(outline);
        var info = new ParagraphStyleInfo(level, isTitle, caption, centred ?? false, bold, italic);
        _paragraphs[styleId] = info;
        return info;
    }

    public (bool? Bold, bool? Italic) Character(string? styleId)
    {
        if (styleId is null) return (null, null);
        if (_characters.TryGetValue(styleId, out var cached)) return cached;
        bool? bold = null, italic = null;
        foreach (var style in Chain(styleId))
        {
            bold ??= IsOn(style.StyleRunProperties?.Bold);
            italic ??= IsOn(style.StyleRunProperties?.Italic);
        }
        return _characters[styleId] = (bold, italic);
    }

    /// <summary>Outline level 0–5 (Word's Heading 1–6); 9 is "body text".</summary>
    public static int OutlineToLevel(int? outline) => outline is >= 0 and <= 5 ? outline.Value + 1 : 0;

    /// <summary>On/off property: null when absent; present without w:val means on.</summary>
    public static bool? IsOn(OnOffType? property) => property is null ? null : property.Val is null ? true : DocxValues.Of(property.Val);

    private List<Style> Chain(string styleId)
    {
        var chain = new List<Style>();
        var id = styleId;
        // basedOn cycles exist in damaged files; the cap stops them.
        while (id is not null && chain.Count < MaxChain && _byId.TryGetValue(id, out var style) && !chain.Contains(style))
        {
            chain.Add(style);
            id = style.BasedOn?.Val?.Value;
        }
        return chain;
    }

    private static string NormalizedName(Style? style) =>
        style?.StyleName?.Val?.Value is { } name ? name.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant() : "";

    /// <summary>"heading1"…"heading6" and "标题1"…"标题6" (names already lower-cased without spaces).</summary>
    private static int? NameLevel(string name)
    {
        var digits = name.StartsWith("heading", StringComparison.Ordinal) ? name["heading".Length..]
            : name.StartsWith("标题", StringComparison.Ordinal) ? name["标题".Length..]
            : null;
        return digits is { Length: 1 } && digits[0] is >= '1' and <= '6' ? digits[0] - '0' : null;
    }
}
