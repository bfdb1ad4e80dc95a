namespace Herald.Web.Tests.Scoring;

/// <summary>PUT /api/v1/scoring-rules 的请求体：默认取种子规则的值（中央 10、省 5、市 3、县 1、内部 0.5），可逐项改。</summary>
public static class RuleBodies
{
    public static readonly string[] Levels = ["central", "provincial", "municipal", "county", "internal"];
    public static readonly string[] Types = ["newspaper", "tv", "radio", "web", "newmedia", "xuexi", "gov_bulletin"];

    public static Dictionary<string, object?> Body(string effectiveFrom, decimal central = 10m, decimal provincial = 5m, decimal municipal = 3m,
        decimal county = 1m, decimal @internal = 0.5m, decimal frontPageMultiplier = 2m, string multiAdoption = "highest_only",
        decimal? capPoints = null, string capPeriod = "month", int monthlyQuota = 2, decimal missingPenalty = 1m, decimal latePenalty = 0m,
        string? note = null, long? basedOn = null)
    {
        var byLevel = new Dictionary<string, decimal>
        {
            ["central"] = central, ["provincial"] = provincial, ["municipal"] = municipal, ["county"] = county, ["internal"] = @internal,
        };
        return new Dictionary<string, object?>
        {
            ["effectiveFrom"] = effectiveFrom,
            ["points"] = Levels.ToDictionary(l => l, l => Types.ToDictionary(t => t, _ => (decimal?)byLevel[l])),
            ["frontPageMultiplier"] = frontPageMultiplier,
            ["instructionBonus"] = new Dictionary<string, decimal> { ["central"] = 20m, ["provincial"] = 10m, ["municipal"] = 5m, ["county"] = 2m, ["internal"] = 0m },
            ["multiAdoption"] = multiAdoption,
            ["capPoints"] = capPoints,
            ["capPeriod"] = capPeriod,
            ["monthlyQuota"] = monthlyQuota,
            ["missingPenalty"] = missingPenalty,
            ["latePenalty"] = latePenalty,
            ["note"] = note,
            ["basedOn"] = basedOn,
        };
    }
}
