using System.Globalization;
using System.Text;
using System.Xml;
using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Html;

namespace Herald.Web.Features.OpinionIntake.Feeds;

/// <summary>订阅源中的一个条目（正文已转成纯文本）。</summary>
public sealed record FeedEntry(string? Id, string? Title, string? Link, string? Content, string? Author, DateTime? PublishedAt);

public sealed record FeedDocument(string Format, string? Title, IReadOnlyList<FeedEntry> Entries);

/// <summary>订阅源不可用的原因：Code 对应资源 "Error.{Code}"。</summary>
public sealed class FeedException(string code, params object[] args) : Exception(code)
{
    public string Code { get; } = code;
    public object[] Args { get; } = args;
}

/// <summary>
/// 解析 RSS 2.0 与 Atom（RFC 4287）。XmlReader 禁止 DTD（实体炸弹、外部实体一律拒绝），不解析外部资源；
/// HTML 错误页、截断的 XML、根元素不对都报告具体原因。条目的 HTML 摘要转成纯文本。
/// </summary>
public static class FeedParser
{
    public const string Atom = "http://www.w3.org/2005/Atom";
    private const string DublinCore = "http://purl.org/dc/elements/1.1/";
    private const string ContentModule = "http://purl.org/rss/1.0/modules/content/";

    public static FeedDocument Parse(byte[] content, Uri? baseUri = null)
    {
        if (LooksLikeHtml(content)) throw new FeedException("Feed.Html");
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
            MaxCharactersFromEntities = 1024,
            MaxCharactersInDocument = content.LongLength * 2 + 1024,
        };
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var reader = XmlReader.Create(stream, settings);
            reader.MoveToContent();
            if (reader.NodeType != XmlNodeType.Element) throw new FeedException("Feed.UnknownFormat", reader.Name);
            if (reader.LocalName == "rss" && reader.NamespaceURI.Length == 0) return ReadRss(reader, baseUri);
            if (reader.LocalName == "feed" && reader.NamespaceURI == Atom) return ReadAtom(reader, baseUri);
            throw new FeedException("Feed.UnknownFormat", reader.Name);
        }
        catch (XmlException ex) when (ex.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
        {
            throw new FeedException("Feed.DtdProhibited");
        }
        catch (XmlException ex)
        {
            throw new FeedException("Feed.NotXml", ex.LineNumber);
        }
    }

    private static FeedDocument ReadRss(XmlReader reader, Uri? baseUri)
    {
        string? title = null;
        var entries = new List<FeedEntry>();
        ForEachChild(reader, () =>
        {
            if (reader.LocalName != "channel" || reader.NamespaceURI.Length != 0)
            {
                reader.Skip();
                return;
            }
            ForEachChild(reader, () =>
            {
                if (reader.NamespaceURI.Length == 0 && reader.LocalName == "title" && title is null) title = Text(reader);
                else if (reader.NamespaceURI.Length == 0 && reader.LocalName == "item") entries.Add(ReadRssItem(reader, baseUri));
                else reader.Skip();
            });
        });
        return new FeedDocument("rss", Blank(title), entries);
    }

    private static FeedEntry ReadRssItem(XmlReader reader, Uri? baseUri)
    {
        string? guid = null, title = null, link = null, description = null, encoded = null, author = null, date = null;
        ForEachChild(reader, () =>
        {
            var ns = reader.NamespaceURI;
            switch (reader.LocalName)
            {
                case "guid" when ns.Length == 0: guid = Text(reader); break;
                case "title" when ns.Length == 0: title = Text(reader); break;
                case "link" when ns.Length == 0: link = Text(reader); break;
                case "description" when ns.Length == 0: description = Text(reader); break;
                case "encoded" when ns == ContentModule: encoded = Text(reader); break;
                case "author" when ns.Length == 0: author ??= Text(reader); break;
                case "creator" when ns == DublinCore: author = Text(reader); break;
                case "pubDate" when ns.Length == 0: date = Text(reader); break;
                case "date" when ns == DublinCore: date ??= Text(reader); break;
                default: reader.Skip(); break;
            }
        });
        var resolved = Resolve(link, baseUri);
        return new FeedEntry(Blank(guid) ?? resolved, PlainTitle(title), resolved, Plain(encoded ?? description), Blank(author), ParseDate(date));
    }

    private static FeedDocument ReadAtom(XmlReader reader, Uri? baseUri)
    {
        string? title = null;
        var entries = new List<FeedEntry>();
        ForEachChild(reader, () =>
        {
            if (reader.NamespaceURI == Atom && reader.LocalName == "title") title = Text(reader);
            else if (reader.NamespaceURI == Atom && reader.LocalName == "entry") entries.Add(ReadAtomEntry(reader, baseUri));
            else reader.Skip();
        });
        return new FeedDocument("atom", Blank(title), entries);
    }

    private static FeedEntry ReadAtomEntry(XmlReader reader, Uri? baseUri)
    {
        string? id = null, title = null, link = null, summary = null, content = null, author = null, published = null, updated = null;
        ForEachChild(reader, () =>
        {
            if (reader.NamespaceURI != Atom)
            {
                reader.Skip();
                return;
            }
            switch (reader.LocalName)
            {
                case "id": id = Text(reader); break;
                case "title": title = Text(reader); break;
                case "link":
                    var rel = reader.GetAttribute("rel");
                    var href = reader.GetAttribute("href");
                    if ((rel is null or "alternate") && (link is null || rel == "alternate")) link = href;
                    reader.Skip();
                    break;
                case "summary": summary = Text(reader); break;
                case "content": content = Text(reader); break;
                case "author": author = ReadAtomName(reader) ?? author; break;
                case "published": published = Text(reader); break;
                case "updated": updated = Text(reader); break;
                default: reader.Skip(); break;
            }
        });
        var resolved = Resolve(link, baseUri);
        return new FeedEntry(Blank(id) ?? resolved, PlainTitle(title), resolved, Plain(content ?? summary), Blank(author),
            ParseDate(published ?? updated));
    }

    private static string? ReadAtomName(XmlReader reader)
    {
        string? name = null;
        ForEachChild(reader, () =>
        {
            if (reader.LocalName == "name" && reader.NamespaceURI == Atom) name = Text(reader);
            else reader.Skip();
        });
        return Blank(name);
    }

    /// <summary>
    /// 逐个处理当前元素的子元素。visit 必须把读取位置移到该子元素之后（Text、Skip 都是如此）；
    /// 结束时读取位置在当前元素之后。
    /// </summary>
    private static void ForEachChild(XmlReader reader, Action visit)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return;
        }
        var depth = reader.Depth;
        reader.Read();
        while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType == XmlNodeType.Element) visit();
            else reader.Read();
        }
        reader.Read();
    }

    /// <summary>元素的全部文本（含 CDATA），读取位置移到元素之后；Atom type="xhtml" 的内容取其内层标记。</summary>
    private static string Text(XmlReader reader)
    {
        if (reader.GetAttribute("type") == "xhtml") return reader.ReadInnerXml();
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return "";
        }
        var sb = new StringBuilder();
        var depth = reader.Depth;
        while (reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace) sb.Append(reader.Value);
        reader.Read();
        return sb.ToString();
    }

    private static bool LooksLikeHtml(byte[] content)
    {
        var head = Encoding.UTF8.GetString(content, 0, Math.Min(content.Length, 512)).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return head.StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static string? PlainTitle(string? title) => Blank(title) is { } t ? Blank(Plain(t)) : null;

    /// <summary>摘要多为 HTML：去掉标签，保留分段。</summary>
    private static string? Plain(string? html) => Blank(html) is { } h ? Blank(BodyHtml.Sanitize(h).Text) : null;

    private static string? Resolve(string? link, Uri? baseUri)
    {
        var trimmed = Blank(link);
        if (trimmed is null) return null;
        // Unix 上 "/a/b.html" 也能解析成 file: 绝对地址，所以非 http(s) 的一律按相对地址处理。
        if (Uri.TryCreate(trimmed, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https") return absolute.ToString();
        return baseUri is not null && Uri.TryCreate(baseUri, trimmed, out var relative) && relative.Scheme is "http" or "https"
            ? relative.ToString() : null;
    }

    /// <summary>RFC 822（RSS：Wed, 02 Oct 2002 13:00:00 GMT / +0800）、RFC 3339（Atom），以及国内常见的不带时区写法（按北京时间）。</summary>
    public static DateTime? ParseDate(string? text)
    {
        var s = Blank(text);
        if (s is null) return null;
        var comma = s.IndexOf(',', StringComparison.Ordinal);
        if (comma is > 0 and <= 4) s = s[(comma + 1)..].Trim();
        s = ReplaceZone(s);
        string[] formats = ["d MMM yyyy HH:mm:ss zzz", "d MMM yyyy HH:mm zzz", "dd MMM yyyy HH:mm:ss zzz", "d MMM yy HH:mm:ss zzz"];
        if (DateTimeOffset.TryParseExact(s, formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var rfc822))
            return rfc822.UtcDateTime;
        return Wire.TryParseTime(s, out var utc) ? utc : null;
    }

    private static string ReplaceZone(string s)
    {
        var space = s.LastIndexOf(' ');
        if (space < 0) return s;
        var zone = s[(space + 1)..];
        var offset = zone.ToUpperInvariant() switch
        {
            "GMT" or "UT" or "UTC" or "Z" => "+00:00",
            // 国内站点的 CST 指中国标准时间。
            "CST" => "+08:00", "EST" => "-05:00", "EDT" => "-04:00",
            "MST" => "-07:00", "MDT" => "-06:00", "PST" => "-08:00", "PDT" => "-07:00",
            _ when zone.Length == 5 && (zone[0] == '+' || zone[0] == '-') && zone[1..].All(char.IsAsciiDigit) => zone[..3] + ":" + zone[3..],
            _ => null,
        };
        return offset is null ? s : s[..space] + " " + offset;
    }
}
