using System.Globalization;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Herald.Web.Features.Bulletins.Documents;

/// <summary>通报 Word 文件的样式与字体表：正文、标题、各级标题、表格、落款、页码、草稿标记。</summary>
public static partial class BulletinDocument
{
    private const string TitleFont = "方正小标宋简体";
    private const string BodyFont = "仿宋_GB2312";
    private const string HeadingFont = "黑体";
    private const string SubheadingFont = "楷体_GB2312";
    private const string PageNumberFont = "宋体";
    private const string LatinFont = "Times New Roman";
    private const string Red = "FF0000";

    private static class StyleIds
    {
        public const string Normal = "Normal";
        public const string IssuerMark = "IssuerMark";
        public const string Title = "Title";
        public const string Salutation = "Salutation";
        public const string Heading1 = "Heading1";
        public const string Heading2 = "Heading2";
        public const string TableText = "TableText";
        public const string TableHeader = "TableHeader";
        public const string Signature = "Signature";
        public const string PageNumber = "PageNumber";
        public const string DraftHeader = "DraftHeader";
    }

    private static RunFonts FontsOf(string eastAsia, string? latin = null) => new()
    {
        Ascii = latin ?? eastAsia,
        HighAnsi = latin ?? eastAsia,
        EastAsia = eastAsia,
        ComplexScript = latin ?? eastAsia,
        Hint = FontTypeHintValues.EastAsia,
    };

    private static Styles StyleSheet()
    {
        var styles = new Styles(new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                FontsOf(BodyFont, LatinFont),
                new Kern { Val = 2U },
                new FontSize { Val = "32" },
                new FontSizeComplexScript { Val = "32" },
                new Languages { Val = "en-US", EastAsia = "zh-CN", Bidi = "ar-SA" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { Before = "0", After = "0", Line = LinePitch.ToString(CultureInfo.InvariantCulture), LineRule = LineSpacingRuleValues.Exact }))));

        styles.Append(ParagraphStyle(StyleIds.Normal, "Normal", null, isDefault: true,
            new StyleParagraphProperties(
                new Indentation { FirstLine = (2 * CharWidth).ToString(CultureInfo.InvariantCulture), FirstLineChars = 200 },
                new Justification { Val = JustificationValues.Both }),
            null));
        styles.Append(ParagraphStyle(StyleIds.IssuerMark, "发文机关标志", StyleIds.Normal, false,
            new StyleParagraphProperties(
                new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 12, Space = 8, Color = Red }),
                new SnapToGrid { Val = false },
                new SpacingBetweenLines { After = "600", Line = "240", LineRule = LineSpacingRuleValues.Auto },
                new Indentation { FirstLine = "0", FirstLineChars = 0 },
                new Justification { Val = JustificationValues.Center }),
            new StyleRunProperties(FontsOf(TitleFont), new Color { Val = Red }, new Spacing { Val = 20 },
                new FontSize { Val = "52" }, new FontSizeComplexScript { Val = "52" })));
        styles.Append(ParagraphStyle(StyleIds.Title, "title", StyleIds.Normal, false,
            new StyleParagraphProperties(
                new SpacingBetweenLines { After = LinePitch.ToString(CultureInfo.InvariantCulture), Line = "700", LineRule = LineSpacingRuleValues.Exact },
                new Indentation { FirstLine = "0", FirstLineChars = 0 },
                new Justification { Val = JustificationValues.Center }),
            new StyleRunProperties(FontsOf(TitleFont), new FontSize { Val = "44" }, new FontSizeComplexScript { Val = "44" })));
        styles.Append(ParagraphStyle(StyleIds.Salutation, "主送机关", StyleIds.Normal, false,
            new StyleParagraphProperties(new Indentation { FirstLine = "0", FirstLineChars = 0 }), null));
        styles.Append(ParagraphStyle(StyleIds.Heading1, "heading 1", StyleIds.Normal, false,
            new StyleParagraphProperties(new KeepNext(), new OutlineLevel { Val = 0 }),
            new StyleRunProperties(FontsOf(HeadingFont))));
        styles.Append(ParagraphStyle(StyleIds.Heading2, "heading 2", StyleIds.Normal, false,
            new StyleParagraphProperties(new KeepNext(), new OutlineLevel { Val = 1 }),
            new StyleRunProperties(FontsOf(SubheadingFont))));
        styles.Append(ParagraphStyle(StyleIds.TableText, "表格文字", StyleIds.Normal, false,
            new StyleParagraphProperties(
                new SnapToGrid { Val = false },
                new SpacingBetweenLines { Line = "240", LineRule = LineSpacingRuleValues.Auto },
                new Indentation { FirstLine = "0", FirstLineChars = 0 },
                new Justification { Val = JustificationValues.Center }),
            new StyleRunProperties(new FontSize { Val = "21" }, new FontSizeComplexScript { Val = "21" })));
        styles.Append(ParagraphStyle(StyleIds.TableHeader, "表头", StyleIds.TableText, false, null,
            new StyleRunProperties(FontsOf(HeadingFont))));
        styles.Append(ParagraphStyle(StyleIds.Signature, "落款", StyleIds.Normal, false,
            new StyleParagraphProperties(new Indentation { FirstLine = "0", FirstLineChars = 0 },
                new Justification { Val = JustificationValues.Right }),
            null));
        styles.Append(ParagraphStyle(StyleIds.PageNumber, "页码", StyleIds.Normal, false,
            new StyleParagraphProperties(
                new SnapToGrid { Val = false },
                new SpacingBetweenLines { Line = "240", LineRule = LineSpacingRuleValues.Auto },
                new Indentation { FirstLine = "0", FirstLineChars = 0 },
                new Justification { Val = JustificationValues.Center }),
            new StyleRunProperties(FontsOf(PageNumberFont), new FontSize { Val = "28" }, new FontSizeComplexScript { Val = "28" })));
        styles.Append(ParagraphStyle(StyleIds.DraftHeader, "草稿标记", StyleIds.Normal, false,
            new StyleParagraphProperties(
                new SnapToGrid { Val = false },
                new SpacingBetweenLines { Line = "240", LineRule = LineSpacingRuleValues.Auto },
                new Indentation { FirstLine = "0", FirstLineChars = 0 },
                new Justification { Val = JustificationValues.Right }),
            new StyleRunProperties(FontsOf(HeadingFont), new Color { Val = "C00000" }, new FontSize { Val = "21" },
                new FontSizeComplexScript { Val = "21" })));
        return styles;
    }

    private static Style ParagraphStyle(string id, string name, string? basedOn, bool isDefault, StyleParagraphProperties? paragraph,
        StyleRunProperties? run)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
        if (isDefault) style.Default = true;
        style.Append(new StyleName { Val = name });
        if (basedOn is not null) style.Append(new BasedOn { Val = basedOn });
        style.Append(new PrimaryStyle());
        if (paragraph is not null) style.Append(paragraph);
        if (run is not null) style.Append(run);
        return style;
    }

    /// <summary>字体表：公文字体缺失时的替代字体（altName）和 GB2312 字符集，WPS、Word、LibreOffice 都据此替换。</summary>
    private static Fonts FontTable()
    {
        static Font Entry(string name, string alt, FontFamilyValues family) => new(
            new AltName { Val = alt },
            new FontCharSet { Val = "86" },
            new FontFamily { Val = family },
            new Pitch { Val = FontPitchValues.Variable })
        { Name = name };
        return new Fonts(
            Entry(TitleFont, "宋体", FontFamilyValues.Roman),
            Entry(BodyFont, "仿宋", FontFamilyValues.Modern),
            Entry(HeadingFont, "SimHei", FontFamilyValues.Modern),
            Entry(SubheadingFont, "楷体", FontFamilyValues.Modern),
            Entry(PageNumberFont, "SimSun", FontFamilyValues.Auto),
            new Font(new FontCharSet { Val = "00" }, new FontFamily { Val = FontFamilyValues.Roman }, new Pitch { Val = FontPitchValues.Variable })
            { Name = LatinFont });
    }
}
