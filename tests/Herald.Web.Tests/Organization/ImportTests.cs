using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Herald.Domain.Organization;
using Herald.Web.Infrastructure.Spreadsheets;
using Herald.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Tests.Organization;

public sealed class ImportTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    [Fact]
    public async Task Template_Downloads_IsValidOpenXmlWithHeadersAndTypeList()
    {
        using var admin = await factory.SignInAsync("admin");

        var response = await admin.Client.GetAsync("/org/import/template");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using (var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false))
        {
            new OpenXmlValidator().Validate(document).Select(e => e.Description).ShouldBeEmpty();
            var workbook = document.WorkbookPart!;
            workbook.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ShouldBe(["说明", "单位", "账号"]);
            var unitSheet = (WorksheetPart)workbook.GetPartById(workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == "单位").Id!);
            var validation = unitSheet.Worksheet.Descendants<DataValidation>().Single();
            validation.SequenceOfReferences!.InnerText.ShouldBe("C2:C2000");
            validation.Formula1!.Text.ShouldBe("\"机关/单位,街道/乡镇,科室/部门,村/社区,直属单位,学会/协会\"");
        }
        var sheets = XlsxReader.Read(bytes, new XlsxLimits(10_000_000, 100, 200, 100));
        sheets.Single(s => s.Name == "单位").Rows.Single().Cells.Values.ShouldBe(ImportFiles.UnitHeader);
        sheets.Single(s => s.Name == "账号").Rows.Single().Cells.Values.ShouldBe(ImportFiles.UserHeader);
        var guide = string.Join("\n", sheets.Single(s => s.Name == "说明").Rows.SelectMany(r => r.Cells.Values));
        guide.ShouldContain("街道/乡镇");
        guide.ShouldContain("分管领导");
        guide.ShouldContain("城关镇党政办公室");

        var unchanged = await admin.PostMultipartAsync("/org/import", "/org/import", ImportFiles.Upload(bytes));
        await unchanged.ShouldFailWithAsync("文件中没有要导入的数据行。");
    }

    [Fact]
    public async Task Import_ValidFile_CreatesUnitsUsersAndRolesExactly_PasswordsShownOnce()
    {
        using var admin = await factory.SignInAsync("admin");
        var file = ImportFiles.Workbook(
            units:
            [
                ["城关镇", "", "街道/乡镇"],
                ["城关镇党政办公室", "城关镇", "科室/部门"],
                ["东关社区", "城关镇", "村/社区"],
                ["幸福社区第一网格", "示例街道/幸福社区", "Community"],
                ["创新服务科", "示例县科学技术局", "科室"],
            ],
            users:
            [
                ["ZhangWei", "张伟", "城关镇/东关社区", "信息员", "", "13800000000", "zw@example.invalid"],
                ["lina", "李娜", "城关镇党政办公室", "单位负责人、信息员", "", "", ""],
                ["wangqiang", "王强", "城关镇", "分管领导", "城关镇/东关社区", "", ""],
                ["audit2", "审计员二", "", "", "", "", ""],
                ["grid1", "网格员", "幸福社区第一网格", "correspondent", "", "", ""],
            ]);
        var unitsBefore = await factory.QueryAsync(db => db.Units.CountAsync());

        var response = await admin.PostMultipartAsync("/org/import", "/org/import", ImportFiles.Upload(file));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var page = OrgTestData.Parse(await response.Content.ReadAsStringAsync());
        page.QuerySelector("[data-testid=alert-success]")!.TextContent.ShouldContain("已导入 5 个单位、5 个账号、5 个角色。");

        (await factory.QueryAsync(db => db.Units.CountAsync())).ShouldBe(unitsBefore + 5);
        var town = await factory.UnitIdAsync("城关镇");
        var townOffice = await factory.UnitIdAsync("城关镇党政办公室");
        var donguan = await factory.UnitIdAsync("东关社区");
        var grid = await factory.UnitIdAsync("幸福社区第一网格");
        var units = await factory.QueryAsync(db => db.Units.Where(u => u.Id >= town).ToDictionaryAsync(u => u.Name));
        (units["城关镇"].ParentId, units["城关镇"].Type).ShouldBe(((long?)null, UnitType.Street));
        (units["城关镇党政办公室"].ParentId, units["城关镇党政办公室"].Type).ShouldBe(((long?)town, UnitType.Department));
        (units["东关社区"].ParentId, units["东关社区"].Type).ShouldBe(((long?)town, UnitType.Community));
        (units["幸福社区第一网格"].ParentId, units["幸福社区第一网格"].Type).ShouldBe(((long?)await factory.UnitIdAsync("幸福社区"), UnitType.Community));
        (units["创新服务科"].ParentId, units["创新服务科"].Type).ShouldBe(((long?)await factory.UnitIdAsync("示例县科学技术局"), UnitType.Department));
        units["城关镇党政办公室"].SortOrder.ShouldBeLessThan(units["东关社区"].SortOrder);

        var users = await factory.QueryAsync(db => db.Users.Where(u => new[] { "zhangwei", "lina", "wangqiang", "audit2", "grid1" }.Contains(u.UserName))
            .ToDictionaryAsync(u => u.UserName));
        users.Count.ShouldBe(5);
        users.Values.ShouldAllBe(u => u.MustChangePassword && !u.Disabled);
        (users["zhangwei"].DisplayName, users["zhangwei"].UnitId, users["zhangwei"].Phone, users["zhangwei"].Email)
            .ShouldBe(("张伟", (long?)donguan, "13800000000", "zw@example.invalid"));
        users["audit2"].UnitId.ShouldBeNull();
        var ids = users.Values.Select(u => u.Id).ToArray();
        var roles = await factory.QueryAsync(db => db.RoleAssignments.Where(r => ids.Contains(r.UserId))
            .Select(r => new { r.UserId, r.Role, r.UnitId }).ToListAsync());
        roles.Select(r => (users.Values.Single(u => u.Id == r.UserId).UserName, r.Role, r.UnitId)).ShouldBe(
        [
            ("zhangwei", Role.Correspondent, (long?)donguan),
            ("lina", Role.UnitHead, (long?)townOffice),
            ("lina", Role.Correspondent, (long?)townOffice),
            ("wangqiang", Role.SupervisingLeader, (long?)donguan),
            ("grid1", Role.Correspondent, (long?)grid),
        ], ignoreOrder: true);
        (await factory.AuditDetailsAsync("org.import")).ShouldBe(["导入.xlsx: units 5, users 5, roles 5"]);

        var shown = page.QuerySelectorAll("[data-testid=imported-user]")
            .ToDictionary(r => r.GetAttribute("data-user-name")!, r => r.QuerySelector("[data-testid=imported-password]")!.TextContent.Trim());
        shown.Keys.ShouldBe(["zhangwei", "lina", "wangqiang", "audit2", "grid1"]);
        using var zhang = factory.AnonymousSession();
        (await zhang.PostFormAsync("/signin", "/signin", new() { ["UserName"] = "zhangwei", ["Password"] = shown["zhangwei"], ["ReturnUrl"] = "/" }))
            .ShouldRedirectTo("/account/password");

        var href = page.QuerySelector("[data-testid=download-passwords]")!.GetAttribute("href")!;
        href.ShouldStartWith("data:application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;base64,");
        var downloaded = Convert.FromBase64String(href[(href.IndexOf(',') + 1)..]);
        using (var document = SpreadsheetDocument.Open(new MemoryStream(downloaded), false))
            new OpenXmlValidator().Validate(document).Select(e => e.Description).ShouldBeEmpty();
        var download = XlsxReader.Read(downloaded, new XlsxLimits(10_000_000, 100, 200, 100));
        var rows = download.Single().Rows.Skip(1).ToDictionary(r => r.Get(1), r => r.Get(5));
        rows.ShouldBe(shown);
    }

    [Fact]
    public async Task Import_FileWithErrors_ImportsNothingAndListsEveryRowError()
    {
        using var admin = await factory.SignInAsync("admin");
        var file = ImportFiles.Workbook(
            units:
            [
                ["", "示例街道", "村/社区"],
                ["新社区", "不存在的街道", "村/社区"],
                ["幸福社区", "示例街道", "村/社区"],
                ["甲村", "示例街道", "城中村"],
                ["乙村", "丙镇", "村/社区"],
                ["丙镇", "", "街道/乡镇"],
                ["丙镇", "", "街道/乡镇"],
                ["a/b", "", "街道/乡镇"],
            ],
            users:
            [
                ["officer", "重名", "", "", "", "", ""],
                ["新人", "新人", "", "", "", "", ""],
                ["dup1", "甲", "", "", "", "", ""],
                ["DUP1", "乙", "", "", "", "", ""],
                ["norole", "丙", "", "信息员", "", "", ""],
                ["badrole", "丁", "示例街道", "书记", "", "", ""],
                ["glob", "戊", "", "审计管理员", "示例街道", "", ""],
                ["phone", "己", "", "", "", "电话号码", "邮箱"],
                [null, null, null, null, null, null, null],
                ["nobody", "", "不存在", "", "", "", ""],
            ]);
        var before = await factory.QueryAsync(async db => (await db.Units.CountAsync(), await db.Users.CountAsync(), await db.RoleAssignments.CountAsync()));

        var response = await admin.PostMultipartAsync("/org/import", "/org/import", ImportFiles.Upload(file));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = OrgTestData.Parse(await response.Content.ReadAsStringAsync());
        var errors = page.QuerySelectorAll("[data-testid=import-error]")
            .Select(e => $"{e.GetAttribute("data-sheet")}!{e.GetAttribute("data-row")}!{e.GetAttribute("data-column")}!{e.GetAttribute("data-code")}")
            .ToList();
        errors.ShouldBe(
        [
            "单位!2!1!Required",
            "单位!3!2!Import.UnknownParent",
            "单位!4!1!Import.DuplicateUnit",
            "单位!5!3!Import.UnknownType",
            "单位!6!2!Import.ParentDefinedLater",
            "单位!8!1!Import.DuplicateUnitInFile",
            "单位!9!1!Import.UnitNameSlash",
            "账号!2!1!User.DuplicateUserName",
            "账号!3!1!User.InvalidUserName",
            "账号!5!1!Import.DuplicateUserInFile",
            "账号!6!5!Import.RoleNeedsUnit",
            "账号!7!4!Import.UnknownRole",
            "账号!8!4!Import.AdminRoleNeedsApproval",
            "账号!9!6!Phone.Invalid",
            "账号!9!7!Email.Invalid",
            "账号!11!2!Required",
            "账号!11!3!Import.UnknownUnit",
        ]);
        page.QuerySelector("[data-testid=import-rejected]")!.TextContent.ShouldContain("发现 17 处错误，未导入任何内容。");
        var text = page.QuerySelector("[data-testid=import-errors]")!.TextContent;
        text.ShouldContain("上级单位“丙镇”在第 7 行，须写在本行之前。");
        text.ShouldContain("单位类型“城中村”无效，应为：机关/单位、街道/乡镇、科室/部门、村/社区、直属单位、学会/协会。");
        text.ShouldContain("用户名“dup1”在第 4 行已出现。");
        text.ShouldContain("B（上级单位）");
        var after = await factory.QueryAsync(async db => (await db.Units.CountAsync(), await db.Users.CountAsync(), await db.RoleAssignments.CountAsync()));
        after.ShouldBe(before);
        (await factory.QueryAsync(db => db.Users.AnyAsync(u => u.UserName == "dup1"))).ShouldBeFalse();
        (await factory.AuditDetailsAsync("org.import")).ShouldNotContain(d => d.Contains("units 0"));
    }

    [Fact]
    public async Task Import_InlineStringsAndNumericPhone_Read()
    {
        using var admin = await factory.SignInAsync("admin");
        var file = ImportFiles.WithNumber(
            ImportFiles.Workbook(users: [["inline1", "内联", "示例街道/李家村", "信息员", "", "0", ""]], sharedStrings: false),
            "账号", "F2", "13812345678");

        var response = await admin.PostMultipartAsync("/org/import", "/org/import", ImportFiles.Upload(file));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var user = await factory.QueryAsync(db => db.Users.SingleAsync(u => u.UserName == "inline1"));
        (user.DisplayName, user.Phone, user.UnitId).ShouldBe(("内联", "13812345678", (long?)await factory.UnitIdAsync("李家村")));
    }

    [Theory]
    [InlineData("ole", "“旧表.xls”是旧版 Excel（.xls）文件，请在 Excel 或 WPS 中另存为 .xlsx 后再上传。")]
    [InlineData("text", "“旧表.xls”不是 Excel 工作簿（.xlsx）")]
    [InlineData("docx-like", "“旧表.xls”不是 Excel 工作簿（.xlsx）")]
    [InlineData("garbage-workbook", "“旧表.xls”已损坏或不是有效的 .xlsx 工作簿，无法读取，未导入任何内容。")]
    [InlineData("truncated", "“旧表.xls”已损坏或不是有效的 .xlsx 工作簿")]
    public async Task Import_BadFile_RefusedWithChineseMessage_NothingImported(string kind, string message)
    {
        using var admin = await factory.SignInAsync("admin");
        var valid = ImportFiles.Workbook(units: [["不应导入的单位", "", "街道/乡镇"]]);
        var content = kind switch
        {
            "ole" => ImportFiles.Ole2(),
            "text" => "单位名称,上级单位,单位类型\n不应导入的单位,,街道/乡镇\n"u8.ToArray(),
            "docx-like" => ImportFiles.Zip(("word/document.xml", "<w:document/>"), ("[Content_Types].xml", "<Types/>")),
            "garbage-workbook" => ImportFiles.Zip(("xl/workbook.xml", "<<不是 XML"), ("[Content_Types].xml", "<Types/>")),
            _ => valid[..(valid.Length / 2)],
        };

        var response = await admin.PostMultipartAsync("/org/import", "/org/import", ImportFiles.Upload(content, "旧表.xls"));

        await response.ShouldFailWithAsync(message);
        (await factory.QueryAsync(db => db.Units.AnyAsync(u => u.Name == "不应导入的单位"))).ShouldBeFalse();
    }

    [Fact]
    public async Task Import_NoFile_AskedToChooseOne()
    {
        using var admin = await factory.SignInAsync("admin");

        var response = await admin.PostMultipartAsync("/org/import", "/org/import", new MultipartFormDataContent());

        await response.ShouldFailWithAsync("请选择要上传的 .xlsx 文件。");
    }

    [Fact]
    public async Task Import_Office_Forbidden()
    {
        using var office = await factory.SignInAsync("office");
        var file = ImportFiles.Workbook(units: [["越权导入", "", "街道/乡镇"]]);

        var response = await office.PostMultipartAsync("/", "/org/import", ImportFiles.Upload(file));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await factory.QueryAsync(db => db.Units.AnyAsync(u => u.Name == "越权导入"))).ShouldBeFalse();
    }
}

/// <summary>单个上传文件上限设为 1 MB 的实例。</summary>
public sealed class SmallUploadFactory : HeraldFactory
{
    public SmallUploadFactory() => Settings["Herald:Uploads:MaxFileBytes"] = (1024 * 1024).ToString();
}

public sealed class ImportSizeLimitTests(SmallUploadFactory factory) : IClassFixture<SmallUploadFactory>
{
    [Fact]
    public async Task Import_OversizeFile_RefusedBeforeReading()
    {
        using var admin = await factory.SignInAsync("admin");
        var content = new byte[1024 * 1024 + 1];
        ImportFiles.Zip(("xl/workbook.xml", "<workbook/>")).CopyTo(content, 0);

        var response = await admin.PostMultipartAsync("/org/import", "/org/import", ImportFiles.Upload(content, "大文件.xlsx"));

        await response.ShouldFailWithAsync("文件“大文件.xlsx”超过 1 MB 的上限。");
    }
}
