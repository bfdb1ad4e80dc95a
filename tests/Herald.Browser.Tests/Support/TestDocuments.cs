using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace Herald.Browser.Tests.Support;

/// <summary>在测试里生成的 Word 文档（.docx），与信息员从 Word/WPS 保存的一样：中文段落、加粗、一张带替代文字的插图。</summary>
public static class TestDocuments
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>
    /// 段落依次写入；pictureAfter 段之后插入一张 PNG 插图（单独成段），其替代文字（wp:docPr/@descr）为 altText。
    /// 每段中【】括起的部分加粗。
    /// </summary>
    public static byte[] Docx(IReadOnlyList<string> paragraphs, byte[] png, int widthPx, int heightPx, string altText, int pictureAfter = 1)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            for (var i = 0; i < paragraphs.Count; i++)
            {
                body.Append(TextParagraph(paragraphs[i]));
                if (i + 1 == pictureAfter)
                {
                    var image = main.AddImagePart(ImagePartType.Png);
                    using (var data = new MemoryStream(png)) image.FeedData(data);
                    body.Append(new Paragraph(new Run(Picture(main.GetIdOfPart(image), widthPx, heightPx, altText))));
                }
            }
            body.Append(new SectionProperties(new PageSize { Width = 11906U, Height = 16838U }));
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static Paragraph TextParagraph(string text)
    {
        var paragraph = new Paragraph();
        var parts = text.Split('【', '】');
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].Length == 0) continue;
            var run = new Run();
            if (i % 2 == 1) run.Append(new RunProperties(new Bold()));
            run.Append(new Text(parts[i]) { Space = SpaceProcessingModeValues.Preserve });
            paragraph.Append(run);
        }
        return paragraph;
    }

    private static Drawing Picture(string relationshipId, int widthPx, int heightPx, string altText)
    {
        const long emuPerPixel = 9525;
        long cx = widthPx * emuPerPixel, cy = heightPx * emuPerPixel;
        return new Drawing(
            new DW.Inline(
                new DW.Extent { Cx = cx, Cy = cy },
                new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
                new DW.DocProperties { Id = 1U, Name = "图片 1", Description = altText },
                new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
                new A.Graphic(
                    new A.GraphicData(
                        new PIC.Picture(
                            new PIC.NonVisualPictureProperties(
                                new PIC.NonVisualDrawingProperties { Id = 0U, Name = "image1.png", Description = altText },
                                new PIC.NonVisualPictureDrawingProperties()),
                            new PIC.BlipFill(
                                new A.Blip { Embed = relationshipId },
                                new A.Stretch(new A.FillRectangle())),
                            new PIC.ShapeProperties(
                                new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = cx, Cy = cy }),
                                new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
                    { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
            {
                DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U,
            });
    }
}
