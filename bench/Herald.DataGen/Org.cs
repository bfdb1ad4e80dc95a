using Herald.Domain.Organization;

namespace Herald.DataGen;

public sealed record GenUnit(long Id, long? ParentId, string Name, UnitType Type, int SortOrder, int Level);

public sealed record GenUser(long Id, string UserName, string DisplayName, long? UnitId);

/// <summary>
/// A province-sized organisation: the province (root) with its departments and directly affiliated units,
/// 12 cities with their bureaus, 10 counties per city, each county with bureaus and streets/towns, each street
/// with a party-and-government office and communities/villages. Every unit has a correspondent; heads almost
/// everywhere (some villages have none, so review goes up to the street head); supervising leaders on county,
/// city and province level, each supervising roughly 15–20 units; principals at county, city and province.
/// </summary>
public sealed class Org
{
    // 5,000 units exactly: 1 + 1 + 82×3 + 12 × (1 + 15×3 + 10 × (1 + 10 + 4 × (1 + 1 + 4))).
    private const int ProvinceAgencies = 82;
    private const int Cities = 12;
    private const int CityAgencies = 15;
    private const int CountiesPerCity = 10;
    private const int CountyAgencies = 10;
    private const int StreetsPerCounty = 4;
    private const int CommunitiesPerStreet = 4;

    private static readonly string[] Bureaus =
    [
        "发展和改革局", "教育局", "科学技术局", "工业和信息化局", "民政局", "司法局", "财政局", "人力资源和社会保障局",
        "自然资源局", "生态环境局", "住房和城乡建设局", "交通运输局", "水利局", "农业农村局", "商务局", "文化和旅游局",
        "卫生健康委员会", "应急管理局", "市场监督管理局", "统计局", "医疗保障局", "林业局", "信访局", "退役军人事务局", "城市管理局",
    ];

    private static readonly string[] ProvinceDepartments =
    [
        "发展和改革委员会", "教育厅", "科学技术厅", "工业和信息化厅", "民政厅", "司法厅", "财政厅", "人力资源和社会保障厅",
        "自然资源厅", "生态环境厅", "住房和城乡建设厅", "交通运输厅", "水利厅", "农业农村厅", "商务厅", "文化和旅游厅",
        "卫生健康委员会", "应急管理厅", "市场监督管理局", "统计局", "医疗保障局", "林业局", "信访局", "退役军人事务厅", "广播电视局",
    ];

    private static readonly string[] ProvinceAffiliates =
    [
        "社会科学院", "农业科学院", "科学技术协会", "档案馆", "图书馆", "博物馆", "科技馆", "美术馆", "地质调查院",
        "疾病预防控制中心", "信息中心", "广播电视台", "日报社", "科技创新服务中心", "技术市场服务中心", "科技情报研究所",
        "农业技术推广总站", "气象局", "地震局", "林业科学研究院", "水利科学研究院", "环境科学研究院", "建筑科学研究院",
        "交通科学研究院", "标准化研究院", "计量测试研究院", "质量检验检测研究院",
    ];

    private static readonly string[] Societies =
    [
        "计算机学会", "化学化工学会", "物理学会", "数学会", "生物工程学会", "农学会", "林学会", "水利学会", "电子学会", "机械工程学会",
        "土木建筑学会", "医学会", "药学会", "营养学会", "心理学会", "气象学会", "地理学会", "环境科学学会", "汽车工程学会", "航空学会",
        "光学学会", "力学学会", "金属学会", "自动化学会", "图书馆学会", "档案学会", "法学会", "经济学会", "统计学会", "科普作家协会",
    ];

    private static readonly string[] CityNames = ["临江", "青山", "东平", "南湖", "西岭", "北川", "金沙", "云溪", "龙泉", "安平", "丰源", "明湖"];

    private static readonly string[] Syllable1 =
        ["长", "宁", "平", "安", "永", "兴", "清", "河", "东", "西", "南", "北", "新", "华", "丰", "泰", "康", "和", "富", "阳", "昌", "乐", "德", "明", "秀", "仁", "武", "文", "江", "山", "桃", "柳", "杏", "松", "梅", "石", "金", "玉", "青", "白"];

    private static readonly string[] Syllable2 =
        ["宁", "平", "安", "兴", "阳", "丰", "城", "河", "川", "源", "泉", "林", "溪", "湖", "坪", "岭", "州", "口", "桥", "原", "庄", "集", "店", "湾", "营", "寨", "园", "塘", "岗", "埠"];

    private static readonly string[] Surnames =
        ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧", "程", "曹", "袁", "邓", "许", "傅", "沈", "曾", "彭", "吕"];

    private static readonly string[] Given =
        ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "霞", "平", "刚", "桂英", "建国", "文静", "海涛", "红梅", "志强", "立新", "晓东", "雪梅", "国华", "春燕", "振华", "思远", "佳怡", "子涵", "浩然", "欣怡", "俊杰", "雨涵"];

    private readonly Random _random;
    private readonly HashSet<string> _placeNames = new(StringComparer.Ordinal);
    private long _nextUserId = 1;

    public List<GenUnit> Units { get; } = new();
    public List<GenUser> Users { get; } = new();
    public List<Assignment> Assignments { get; } = new();

    /// <summary>Correspondents of each unit (submitting authors).</summary>
    public Dictionary<long, List<long>> CorrespondentsOf { get; } = new();

    public GenUser Office { get; private set; } = default!;
    public GenUser Principal { get; private set; } = default!;

    public Org(Random random)
    {
        _random = random;
        Build();
    }

    private void Build()
    {
        var root = AddUnit("示例省", UnitType.Agency, null, 0);
        var general = AddUnit("示例省人民政府办公厅", UnitType.Department, root.Id, 1);

        Office = AddUser("office", root.Id);
        Assign(Office, Role.Office, root.Id);
        Principal = AddUser("principal", root.Id);
        Assign(Principal, Role.Principal, root.Id);
        var viewer = AddUser("viewer", root.Id);
        Assign(viewer, Role.Viewer, root.Id);
        var admin = AddUser("admin", null);
        Assign(admin, Role.SysAdmin, null);
        Assign(admin, Role.SecAdmin, null);
        var provinceLeader = AddUser("leader-p0", root.Id);
        Assign(provinceLeader, Role.SupervisingLeader, root.Id);
        StaffUnit(root, head: true);
        StaffUnit(general, head: true);

        // Province departments, affiliates and societies, each with an office and one more division.
        var provinceUnits = new List<GenUnit>();
        var names = ProvinceDepartments.Select(n => ("示例省" + n, UnitType.Agency))
            .Concat(ProvinceAffiliates.Select(n => ("示例省" + n, UnitType.Affiliate)))
            .Concat(Societies.Select(n => ("示例省" + n, UnitType.Society)))
            .Take(ProvinceAgencies).ToList();
        for (var i = 0; i < names.Count; i++)
        {
            var agency = AddUnit(names[i].Item1, names[i].Item2, root.Id, i + 2);
            provinceUnits.Add(agency);
            StaffUnit(agency, head: true);
            var second = names[i].Item2 == UnitType.Society ? "学术部" : Pick(["政策法规处", "综合处", "规划处", "科技处", "宣传处"]);
            foreach (var (division, sort) in new[] { ("办公室", 0), (second, 1) })
                StaffUnit(AddUnit(agency.Name + division, UnitType.Department, agency.Id, sort), head: true);
        }
        // Province leaders supervise about 7 agencies each (with their divisions: about 20 units).
        for (var i = 0; i < provinceUnits.Count; i += 7)
        {
            var leader = AddUser($"leader-p{i / 7 + 1}", root.Id);
            foreach (var agency in provinceUnits.Skip(i).Take(7)) Assign(leader, Role.SupervisingLeader, agency.Id);
        }

        for (var c = 0; c < Cities; c++)
        {
            var cityName = CityNames[c] + "市";
            _placeNames.Add(CityNames[c]);
            var city = AddUnit(cityName, UnitType.Agency, root.Id, 100 + c);
            StaffUnit(city, head: true);
            var cityOffice = AddUser($"office-{c + 1}", city.Id);
            Assign(cityOffice, Role.Office, city.Id);
            var cityPrincipal = AddUser($"principal-{c + 1}", city.Id);
            Assign(cityPrincipal, Role.Principal, city.Id);
            var cityLeader = AddUser($"leader-{c + 1}", city.Id);
            Assign(cityLeader, Role.SupervisingLeader, city.Id);

            var bureaus = Shuffle(Bureaus).Take(CityAgencies).ToList();
            var cityAgencies = new List<GenUnit>();
            for (var i = 0; i < bureaus.Count; i++)
            {
                var agency = AddUnit(cityName + bureaus[i], UnitType.Agency, city.Id, i);
                cityAgencies.Add(agency);
                StaffUnit(agency, head: true);
                StaffUnit(AddUnit(agency.Name + "办公室", UnitType.Department, agency.Id, 0), head: true);
                StaffUnit(AddUnit(agency.Name + Pick(["综合科", "政策法规科", "规划科", "宣传科"]), UnitType.Department, agency.Id, 1), head: true);
            }
            for (var i = 0; i < cityAgencies.Count; i += 5)
            {
                var leader = AddUser($"leader-{c + 1}-{i / 5 + 1}", city.Id);
                foreach (var agency in cityAgencies.Skip(i).Take(5)) Assign(leader, Role.SupervisingLeader, agency.Id);
            }

            for (var k = 0; k < CountiesPerCity; k++)
                BuildCounty(city, c, k);
        }
    }

    private void BuildCounty(GenUnit city, int c, int k)
    {
        var countyName = PlaceName() + (k % 3 == 0 ? "区" : "县");
        var county = AddUnit(countyName, UnitType.Agency, city.Id, 50 + k);
        StaffUnit(county, head: true);
        var tag = $"{c + 1}-{k + 1}";
        var principal = AddUser($"principal-{tag}", county.Id);
        Assign(principal, Role.Principal, county.Id);

        var agencies = Shuffle(Bureaus).Take(CountyAgencies)
            .Select((b, i) => AddUnit(countyName + b, UnitType.Agency, county.Id, i)).ToList();
        foreach (var agency in agencies) StaffUnit(agency, head: true);

        var streets = new List<GenUnit>();
        for (var s = 0; s < StreetsPerCounty; s++)
        {
            var street = AddUnit(PlaceName() + (s % 2 == 0 ? "街道" : "镇"), UnitType.Street, county.Id, 20 + s);
            streets.Add(street);
            StaffUnit(street, head: true);
            StaffUnit(AddUnit(street.Name + "党政办公室", UnitType.Department, street.Id, 0), head: true);
            for (var v = 0; v < CommunitiesPerStreet; v++)
            {
                var community = AddUnit(PlaceName() + (v % 2 == 0 ? "社区" : "村"), UnitType.Community, street.Id, 1 + v);
                // Some villages have no head of their own: their manuscripts go to the street head.
                StaffUnit(community, head: _random.NextDouble() < 0.7);
            }
        }

        // Two supervising leaders per county, each over half the bureaus and half the streets (about 17 units).
        for (var half = 0; half < 2; half++)
        {
            var leader = AddUser($"leader-{tag}-{half + 1}", county.Id);
            foreach (var agency in agencies.Skip(half * 5).Take(5)) Assign(leader, Role.SupervisingLeader, agency.Id);
            foreach (var street in streets.Skip(half * 2).Take(2)) Assign(leader, Role.SupervisingLeader, street.Id);
        }
    }

    /// <summary>A correspondent (one in five units has two) and, usually, a head.</summary>
    private void StaffUnit(GenUnit unit, bool head)
    {
        var list = CorrespondentsOf[unit.Id] = new List<long>();
        var count = _random.NextDouble() < 0.2 ? 2 : 1;
        for (var i = 0; i < count; i++)
        {
            var user = AddUser(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"c{unit.Id:D4}{(i == 0 ? "" : "b")}"), unit.Id);
            Assign(user, Role.Correspondent, unit.Id);
            list.Add(user.Id);
        }
        if (head)
        {
            var user = AddUser(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"h{unit.Id:D4}"), unit.Id);
            Assign(user, Role.UnitHead, unit.Id);
        }
    }

    private GenUnit AddUnit(string name, UnitType type, long? parentId, int sort)
    {
        var level = parentId is { } p ? Units[(int)p - 1].Level + 1 : 0;
        var unit = new GenUnit(Units.Count + 1, parentId, name, type, sort, level);
        Units.Add(unit);
        return unit;
    }

    private GenUser AddUser(string userName, long? unitId)
    {
        var user = new GenUser(_nextUserId++, userName, PersonName(), unitId);
        Users.Add(user);
        return user;
    }

    private void Assign(GenUser user, Role role, long? unitId) => Assignments.Add(new Assignment(user.Id, role, unitId));

    private string PersonName() => Pick(Surnames) + Pick(Given);

    /// <summary>A two-character place name not used before (counties, streets, communities are unique province-wide).</summary>
    private string PlaceName()
    {
        while (true)
        {
            var name = Pick(Syllable1) + Pick(Syllable2);
            if (name[0] != name[1] && _placeNames.Add(name)) return name;
            if (_placeNames.Count > Syllable1.Length * Syllable2.Length - 50)
            {
                // Out of two-character names: three characters.
                name = Pick(Syllable1) + Pick(Syllable1) + Pick(Syllable2);
                if (_placeNames.Add(name)) return name;
            }
        }
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private List<T> Shuffle<T>(IEnumerable<T> items)
    {
        var list = items.ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = _random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
        return list;
    }
}
