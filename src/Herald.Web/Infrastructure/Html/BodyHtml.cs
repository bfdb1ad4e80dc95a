using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Ganss.Xss;

namespace Herald.Web.Infrastructure.Html;

/// <summary>净化后的正文：白名单 HTML 与对应的纯文本（每段一行，表格单元格以制表符分隔）。</summary>
public sealed record SanitizedBody(string Html, string Text);

/// <summary>
/// 稿件正文只保留白名单标签（段落、标题、加粗、斜体、下划线、上下标、列表、表格、引用），
/// 去掉所有属性（表格的 colspan/rowspan 除外）和脚本、样式等内容。
/// 白名单由 HtmlSanitizer 执行；这里只把它放行的结构整理成统一的正文格式（b→strong、h1→h2、散落文字成段）。
/// </summary>
public static class BodyHtml
{
    private const int MaxDepth = 64;

    /// <summary>Tags the sanitizer lets through: what the body keeps, plus block containers whose edges end a paragraph.</summary>
    private static readonly string[] AllowedTags =
    [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "b", "em", "i", "u", "sub", "sup", "br",
        "ul", "ol", "li", "table", "caption", "thead", "tbody", "tfoot", "tr", "td", "th", "blockquote",
        "div", "section", "article", "header", "footer", "main", "aside", "nav", "figure", "figcaption", "address",
        "pre", "dl", "dt", "dd", "center", "hr", "details", "summary", "hgroup", "fieldset", "legend",
    ];

    /// <summary>Removed together with their content; any other tag outside the allow-list is unwrapped, keeping its text.</summary>
    private static readonly HashSet<string> DroppedWithContent = new(StringComparer.Ordinal)
    {
        "script", "style", "template", "iframe", "object", "embed", "noscript", "head", "title", "meta", "link",
        "svg", "math", "img", "video", "audio", "canvas", "form", "input", "button", "select", "textarea", "option",
    };

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    private static readonly Dictionary<string, string> Phrasing = new(StringComparer.Ordinal)
    {
        ["strong"] = "strong", ["b"] = "strong", ["em"] = "em", ["i"] = "em", ["u"] = "u",
        ["sub"] = "sub", ["sup"] = "sup",
    };

    private static readonly Dictionary<string, string> TextBlocks = new(StringComparer.Ordinal)
    {
        ["p"] = "p", ["h1"] = "h2", ["h2"] = "h2", ["h3"] = "h3", ["h4"] = "h4", ["h5"] = "h4", ["h6"] = "h4",
    };

    private static readonly HashSet<string> LineBlocks = new(StringComparer.Ordinal) { "p", "h2", "h3", "h4", "li", "tr" };

    /// <summary>Blocks that can sit inside a list item and hold lines of their own.</summary>
    private static readonly HashSet<string> NestedBlocks = new(StringComparer.Ordinal) { "ul", "ol", "table", "blockquote" };

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer { KeepChildNodes = true };
        sanitizer.AllowedTags.Clear();
        sanitizer.AllowedTags.UnionWith(AllowedTags);
        sanitizer.AllowedAttributes.Clear();
        sanitizer.AllowedAttributes.UnionWith(["colspan", "rowspan"]);
        sanitizer.AllowedCssProperties.Clear();
        sanitizer.AllowedAtRules.Clear();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.UriAttributes.Clear();
        sanitizer.AllowedClasses.Clear();
        sanitizer.RemovingTag += (_, e) =>
        {
            // Empty first, so KeepChildNodes has nothing to keep: scripts, styles and form controls go whole.
            if (DroppedWithContent.Contains(e.Tag.LocalName))
                while (e.Tag.FirstChild is { } child) e.Tag.RemoveChild(child);
        };
        return sanitizer;
    }

    public static SanitizedBody FromPlainText(string? text)
    {
        var html = new StringBuilder();
        var lines = new List<string>();
        foreach (var raw in (text ?? "").Replace("\r\n", "\n").Replace('\r', '\n').Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0) continue;
            lines.Add(line);
            html.Append("<p>").Append(Encode(line)).Append("</p>");
        }
        return new SanitizedBody(html.ToString(), string.Join('\n', lines));
    }

    public static SanitizedBody Sanitize(string? html)
    {
        if (string.IsNullOrWhiteSpace(html)) return new SanitizedBody("", "");
        using var document = new HtmlParser().ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>");
        Sanitizer.SanitizeDom(document, document.Body);
        var output = new StringBuilder(html.Length);
        EmitFlow(document.Body!.ChildNodes, output, wrapInline: true, depth: 0);
        var clean = output.ToString();
        return new SanitizedBody(clean, ExtractText(clean));
    }

    /// <summary>纯文本：每个段落、标题、列表项、表格行一行。</summary>
    public static string ExtractText(string sanitizedHtml)
    {
        if (sanitizedHtml.Length == 0) return "";
        var document = new HtmlParser().ParseDocument("<!DOCTYPE html><html><body>" + sanitizedHtml + "</body></html>");
        var lines = new List<string>();
        Collect(document.Body!, lines);
        return string.Join('\n', lines);
    }

    public static string Encode(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                _ when char.IsControl(c) && c is not '\t' => "",
                _ => c.ToString(),
            });
        }
        return sb.ToString();
    }

    private static void Collect(IElement element, List<string> lines)
    {
        foreach (var child in element.Children)
        {
            var tag = child.LocalName;
            if (tag == "tr")
            {
                var cells = child.Children.Where(c => c.LocalName is "td" or "th").Select(CellText);
                var line = string.Join('\t', cells).TrimEnd('\t');
                if (line.Length > 0) lines.Add(line);
            }
            else if (LineBlocks.Contains(tag) && !child.Children.Any(c => LineBlocks.Contains(c.LocalName) || NestedBlocks.Contains(c.LocalName)))
            {
                var line = Normalize(LineText(child));
                if (line.Length > 0) lines.Add(line);
            }
            else if (tag == "li")
            {
                // A list item with a nested list: its own words come first, or they would be lost.
                var own = Normalize(OwnText(child));
                if (own.Length > 0) lines.Add(own);
                Collect(child, lines);
            }
            else
            {
                Collect(child, lines);
            }
        }
    }

    private static string LineText(IElement element)
    {
        var sb = new StringBuilder();
        foreach (var node in element.Descendants())
        {
            if (node is IText text) sb.Append(text.Data);
            else if (node is IElement { LocalName: "br" }) sb.Append(' ');
        }
        return sb.ToString();
    }

    /// <summary>Text of an element outside its nested lists, tables and line blocks.</summary>
    private static string OwnText(IElement element)
    {
        var sb = new StringBuilder();
        foreach (var node in element.ChildNodes)
        {
            if (node is IText text) sb.Append(text.Data);
            else if (node is IElement { LocalName: "br" }) sb.Append(' ');
            else if (node is IElement inner && !LineBlocks.Contains(inner.LocalName) && !NestedBlocks.Contains(inner.LocalName))
                sb.Append(LineText(inner));
        }
        return sb.ToString();
    }

    /// <summary>A cell's text with its paragraphs, list items and line breaks separated by spaces (TextContent would glue them).</summary>
    private static string CellText(IElement cell)
    {
        var sb = new StringBuilder();
        foreach (var node in cell.Descendants())
        {
            if (node is IText text) sb.Append(text.Data);
            else if (node is IElement element && (element.LocalName is "br" or "td" or "th" || LineBlocks.Contains(element.LocalName))) sb.Append(' ');
        }
        return Normalize(sb.ToString());
    }

    private static string Normalize(string text) =>
        string.Join(' ', text.Split([' ', '\n', '\r', '\t', '\u00a0'], StringSplitOptions.RemoveEmptyEntries));

    /// <summary>可含块级内容的上下文（正文、单元格、列表项、引用）。</summary>
    private static void EmitFlow(INodeList nodes, StringBuilder output, bool wrapInline, int depth)
    {
        var inline = new StringBuilder();
        void FlushInline()
        {
            var content = inline.ToString();
            inline.Clear();
            if (!HasText(content)) return;
            if (wrapInline) output.Append("<p>").Append(content.Trim()).Append("</p>");
            else output.Append(content.Trim());
        }

        foreach (var node in nodes)
        {
            if (node is IText text)
            {
                inline.Append(Encode(CollapseWhitespace(text.Data)));
                continue;
            }
            if (node is not IElement element) continue;
            var tag = element.LocalName;
            if (tag == "br" || Phrasing.ContainsKey(tag))
            {
                EmitPhrasing(element, inline, depth + 1);
                continue;
            }
            FlushInline();
            EmitBlock(element, output, depth + 1);
        }
        FlushInline();
    }

    private static void EmitBlock(IElement element, StringBuilder output, int depth)
    {
        var tag = element.LocalName;
        if (depth > MaxDepth)
        {
            output.Append("<p>").Append(Encode(Normalize(element.TextContent))).Append("</p>");
            return;
        }
        if (TextBlocks.TryGetValue(tag, out var mapped))
        {
            var inner = new StringBuilder();
            foreach (var child in element.ChildNodes) EmitPhrasingNode(child, inner, depth + 1);
            var content = inner.ToString().Trim();
            if (HasText(content)) output.Append('<').Append(mapped).Append('>').Append(content).Append("</").Append(mapped).Append('>');
            return;
        }
        switch (tag)
        {
            case "ul" or "ol":
            {
                var items = new StringBuilder();
                foreach (var child in element.ChildNodes)
                {
                    var item = new StringBuilder();
                    if (child is IElement { LocalName: "li" } li) EmitFlow(li.ChildNodes, item, wrapInline: false, depth + 1);
                    else EmitPhrasingNode(child, item, depth + 1);
                    if (HasText(item.ToString())) items.Append("<li>").Append(item.ToString().Trim()).Append("</li>");
                }
                if (items.Length > 0) output.Append('<').Append(tag).Append('>').Append(items).Append("</").Append(tag).Append('>');
                return;
            }
            case "table":
                EmitTable(element, output, depth);
                return;
            case "blockquote":
            {
                var inner = new StringBuilder();
                EmitFlow(element.ChildNodes, inner, wrapInline: true, depth + 1);
                if (inner.Length > 0) output.Append("<blockquote>").Append(inner).Append("</blockquote>");
                return;
            }
            default:
                // div、section 等容器：只保留其内容。
                EmitFlow(element.ChildNodes, output, wrapInline: true, depth + 1);
                return;
        }
    }

    private static void EmitTable(IElement table, StringBuilder output, int depth)
    {
        var rows = new StringBuilder();
        foreach (var row in table.QuerySelectorAll("tr").Where(r => r.Closest("table") == table))
        {
            var cells = new StringBuilder();
            foreach (var cell in row.Children.Where(c => c.LocalName is "td" or "th"))
            {
                var content = new StringBuilder();
                EmitFlow(cell.ChildNodes, content, wrapInline: false, depth + 1);
                cells.Append('<').Append(cell.LocalName);
                AppendSpan(cell, "colspan", cells);
                AppendSpan(cell, "rowspan", cells);
                cells.Append('>').Append(content).Append("</").Append(cell.LocalName).Append('>');
            }
            if (cells.Length > 0) rows.Append("<tr>").Append(cells).Append("</tr>");
        }
        if (rows.Length > 0) output.Append("<table><tbody>").Append(rows).Append("</tbody></table>");
    }

    private static void AppendSpan(IElement cell, string attribute, StringBuilder output)
    {
        if (int.TryParse(cell.GetAttribute(attribute), out var span) && span is > 1 and <= 100)
            output.Append(' ').Append(attribute).Append("=\"").Append(span).Append('"');
    }

    private static void EmitPhrasing(IElement element, StringBuilder output, int depth)
    {
        var tag = element.LocalName;
        if (tag == "br")
        {
            output.Append("<br>");
            return;
        }
        var inner = new StringBuilder();
        foreach (var child in element.ChildNodes) EmitPhrasingNode(child, inner, depth + 1);
        if (Phrasing.TryGetValue(tag, out var mapped) && depth <= MaxDepth)
        {
            if (HasText(inner.ToString())) output.Append('<').Append(mapped).Append('>').Append(inner).Append("</").Append(mapped).Append('>');
        }
        else
        {
            output.Append(inner);
        }
    }

    /// <summary>段落内：块级元素被压平为其文字内容。</summary>
    private static void EmitPhrasingNode(INode node, StringBuilder output, int depth)
    {
        if (node is IText text)
        {
            output.Append(Encode(CollapseWhitespace(text.Data)));
            return;
        }
        if (node is not IElement element) return;
        if (depth > MaxDepth)
        {
            output.Append(Encode(Normalize(element.TextContent)));
            return;
        }
        EmitPhrasing(element, output, depth);
    }

    private static string CollapseWhitespace(string text)
    {
        if (text.Length == 0) return text;
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (c is ' ' or '\n' or '\r' or '\t')
            {
                if (!space) sb.Append(' ');
                space = true;
            }
            else
            {
                sb.Append(c);
                space = false;
            }
        }
        return sb.ToString();
    }

    private static bool HasText(string html)
    {
        var inTag = false;
        foreach (var c in html)
        {
            if (c == '<') inTag = true;
            else if (c == '>') inTag = false;
            else if (!inTag && !char.IsWhiteSpace(c) && c != '\u00a0') return true;
        }
        return false;
    }
}
