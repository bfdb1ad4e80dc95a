using System.Text;
using Herald.Domain.Text;

namespace Herald.Domain.Tests.Text;

public class KeywordMatcherPropertyTests
{
    // A small alphabet makes hits, overlaps, repeats and allow-list containment frequent. It mixes
    // simplified/traditional pairs, width and case variants, separators, an emoji and an Ext-B
    // character (both surrogate pairs), a character no keyword uses and, in texts only, lone surrogates.
    private static readonly string[] KeywordLetters = ["舆", "情", "輿", "敏", "感", "他", "妈", "a", "Ａ", "B", "𠮷"];
    private static readonly string[] Separators = ["*", " ", "\u200B", "·", "😀", "\uFE0F"];
    private static readonly string[] TextOnly = ["x", "\uD800", "\uDC00"];

    [Fact]
    public void FindAll_RandomTextsAndKeywordSets_EqualNaiveSearch()
    {
        var random = new Random(20240501);
        for (var run = 0; run < 5000; run++)
        {
            var keywords = Enumerable.Range(0, random.Next(1, 7)).Select(_ => Phrase(random, 1, 4)).ToList();
            var allow = Enumerable.Range(0, random.Next(0, 3)).Select(_ => Phrase(random, 2, 5)).ToList();
            var text = Text(random, random.Next(0, 40));
            var matcher = KeywordMatcher.Build(keywords.Select(k => new KeywordDefinition(k)), allow);

            var actual = matcher.FindAll(text).Select(h => new NaiveKeywordSearch.Hit(h.Keyword.Id, h.Start, h.Length)).ToList();
            var expected = NaiveKeywordSearch.FindAll(text, keywords, allow);

            actual.ShouldBe(expected, Describe(run, text, keywords, allow));
            matcher.ContainsAny(text).ShouldBe(expected.Count > 0, Describe(run, text, keywords, allow));
            matcher.Count(text).ShouldBe(expected.Count, Describe(run, text, keywords, allow));
            foreach (var hit in actual)
            {
                // Never inside a surrogate pair at either end.
                (hit.Start > 0 && char.IsHighSurrogate(text[hit.Start - 1]) && char.IsLowSurrogate(text[hit.Start])).ShouldBeFalse();
                (hit.Start + hit.Length < text.Length && char.IsHighSurrogate(text[hit.Start + hit.Length - 1])
                    && char.IsLowSurrogate(text[hit.Start + hit.Length])).ShouldBeFalse();
            }
        }
    }

    [Fact]
    public void FindAll_ManyKeywordsSharingPrefixesAndSuffixes_EqualNaiveSearch()
    {
        // Larger keyword sets exercise failure chains and shared output lists in the double array.
        var random = new Random(7);
        for (var run = 0; run < 300; run++)
        {
            var keywords = Enumerable.Range(0, random.Next(20, 80)).Select(_ => Phrase(random, 1, 6)).ToList();
            var allow = Enumerable.Range(0, random.Next(0, 5)).Select(_ => Phrase(random, 2, 6)).ToList();
            var text = Text(random, random.Next(50, 200));
            var matcher = KeywordMatcher.Build(keywords.Select(k => new KeywordDefinition(k)), allow);

            var actual = matcher.FindAll(text).Select(h => new NaiveKeywordSearch.Hit(h.Keyword.Id, h.Start, h.Length)).ToList();

            actual.ShouldBe(NaiveKeywordSearch.FindAll(text, keywords, allow), Describe(run, text, keywords, allow));
        }
    }

    private static string Phrase(Random random, int minLetters, int maxLetters)
    {
        var sb = new StringBuilder();
        var letters = random.Next(minLetters, maxLetters + 1);
        for (var i = 0; i < letters; i++)
        {
            if (i > 0 && random.Next(8) == 0)
            {
                sb.Append(Separators[random.Next(Separators.Length)]);
            }
            sb.Append(KeywordLetters[random.Next(KeywordLetters.Length)]);
        }
        return sb.ToString();
    }

    private static string Text(Random random, int units)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < units; i++)
        {
            var roll = random.Next(20);
            sb.Append(roll switch
            {
                < 14 => KeywordLetters[random.Next(KeywordLetters.Length)],
                < 19 => Separators[random.Next(Separators.Length)],
                _ => TextOnly[random.Next(TextOnly.Length)],
            });
        }
        return sb.ToString();
    }

    private static string Describe(int run, string text, List<string> keywords, List<string> allow) =>
        $"run {run}: text=[{Escape(text)}] keywords=[{string.Join(", ", keywords.Select(Escape))}] allow=[{string.Join(", ", allow.Select(Escape))}]";

    private static string Escape(string s) =>
        string.Concat(s.Select(c => c < 0x80 && !char.IsControl(c) ? c.ToString() : $"\\u{(int)c:X4}"));
}
