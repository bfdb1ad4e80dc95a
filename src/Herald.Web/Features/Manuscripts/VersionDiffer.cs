using DiffPlex;
using Herald.Domain.Submission;

namespace Herald.Web.Features.Manuscripts;

/// <summary>两个版本逐段比对；改动的段落再逐字比对（中文没有空格分词，按字比最直观）。</summary>
public static class VersionDiffer
{
    private static readonly Differ Diff = new();

    public static VersionDiff Compare(ManuscriptVersion from, ManuscriptVersion to) => new(
        from.Number,
        to.Number,
        Lines(from.Title, to.Title),
        Lines(from.BodyText, to.BodyText),
        Lines(from.PhotoCaptions, to.PhotoCaptions));

    public static IReadOnlyList<DiffLine> Lines(string oldText, string newText)
    {
        var result = Diff.CreateLineDiffs(oldText, newText, ignoreWhitespace: false);
        var lines = new List<DiffLine>();
        var oldPos = 0;
        foreach (var block in result.DiffBlocks)
        {
            for (; oldPos < block.DeleteStartA; oldPos++)
                lines.Add(Plain(DiffKind.Unchanged, result.PiecesOld[oldPos]));
            var paired = Math.Min(block.DeleteCountA, block.InsertCountB);
            for (var i = 0; i < paired; i++)
                lines.Add(Modified(result.PiecesOld[block.DeleteStartA + i], result.PiecesNew[block.InsertStartB + i]));
            for (var i = paired; i < block.DeleteCountA; i++)
                lines.Add(Plain(DiffKind.Deleted, result.PiecesOld[block.DeleteStartA + i]));
            for (var i = paired; i < block.InsertCountB; i++)
                lines.Add(Plain(DiffKind.Inserted, result.PiecesNew[block.InsertStartB + i]));
            oldPos = block.DeleteStartA + block.DeleteCountA;
        }
        for (; oldPos < result.PiecesOld.Length; oldPos++)
            lines.Add(Plain(DiffKind.Unchanged, result.PiecesOld[oldPos]));
        return lines.Where(l => l.Segments.Any(s => s.Text.Length > 0)).ToList();
    }

    private static DiffLine Plain(DiffKind kind, string text) => new(kind, [new DiffSegment(kind, text)]);

    private static DiffLine Modified(string oldLine, string newLine)
    {
        var chars = Diff.CreateCharacterDiffs(oldLine, newLine, ignoreWhitespace: false);
        var segments = new List<DiffSegment>();
        var a = 0;
        foreach (var block in chars.DiffBlocks)
        {
            if (block.DeleteStartA > a) Add(segments, DiffKind.Unchanged, oldLine[a..block.DeleteStartA]);
            if (block.DeleteCountA > 0) Add(segments, DiffKind.Deleted, oldLine.Substring(block.DeleteStartA, block.DeleteCountA));
            if (block.InsertCountB > 0) Add(segments, DiffKind.Inserted, newLine.Substring(block.InsertStartB, block.InsertCountB));
            a = block.DeleteStartA + block.DeleteCountA;
        }
        if (a < oldLine.Length) Add(segments, DiffKind.Unchanged, oldLine[a..]);
        return new DiffLine(DiffKind.Modified, segments);
    }

    private static void Add(List<DiffSegment> segments, DiffKind kind, string text)
    {
        if (text.Length == 0) return;
        if (segments.Count > 0 && segments[^1].Kind == kind)
            segments[^1] = segments[^1] with { Text = segments[^1].Text + text };
        else
            segments.Add(new DiffSegment(kind, text));
    }
}
