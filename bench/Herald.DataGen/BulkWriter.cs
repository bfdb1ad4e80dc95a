using System.Diagnostics;
using System.Globalization;
using Herald.Domain.Common;
using Herald.Domain.Notifications;
using Herald.Domain.Organization;
using Herald.Domain.Publishing;
using Herald.Domain.Review;
using Herald.Domain.Submission;
using Herald.Web.Infrastructure.Html;
using Microsoft.Data.Sqlite;

namespace Herald.DataGen;

/// <summary>Writes the organisation and the manuscripts with prepared commands in large transactions.</summary>
public sealed class BulkWriter(SqliteConnection connection, GenOptions options, Org org, TextGen text, Random random, string passwordHash)
{
    private const int Batch = 20_000;
    private static readonly string[] Categories = ["经济发展", "品牌建设", "创新工作", "亮点特色", "工作动态"];
    private static readonly double[] CategoryWeights = [0.15, 0.10, 0.15, 0.20, 0.40];
    private static readonly string[] BigTables = ["manuscripts", "manuscript_events", "manuscript_versions", "notifications"];

    private readonly DateTime _anchor = DateTime.SpecifyKind(options.Anchor.ToDateTime(new TimeOnly(2, 0)), DateTimeKind.Utc);
    private readonly Dictionary<long, string> _names = new();
    private readonly Dictionary<long, int> _byAuthor = new();
    private readonly Dictionary<long, int> _byUnit = new();
    private readonly Dictionary<(Role, long), int> _awaiting = new();
    private readonly Dictionary<long, int> _sequence = new();
    private readonly List<ApprovedItem> _approved = new();
    private OrgTree _tree = default!;
    private long _events;
    private long _notifications;

    public void Run()
    {
        var watch = Stopwatch.StartNew();
        foreach (var u in org.Users) _names[u.Id] = u.DisplayName;
        _tree = new OrgTree(org.Units.Select(u => new UnitNode(u.Id, u.ParentId, u.Name, u.Type, false, u.SortOrder)), org.Assignments);

        // Indexes on the big tables are dropped during the load and re-created afterwards from the migration's own
        // definitions (faster than maintaining them row by row; the schema ends up identical).
        var indexes = new List<(string Name, string Sql)>();
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('"
                              + string.Join("','", BigTables) + "')";
            using var reader = cmd.ExecuteReader();
            while (reader.Read()) indexes.Add((reader.GetString(0), reader.GetString(1)));
        }
        foreach (var (name, _) in indexes) DataGenProgram.Exec(connection, $"DROP INDEX \"{name}\"");

        WriteOrganisation();
        Console.WriteLine($"organisation written in {watch.Elapsed.TotalSeconds:F1} s");
        WriteManuscripts(watch);
        var published = new PublishingWriter(connection, org, random, options.Anchor).Run(_approved);
        Console.WriteLine($"publishing written in {watch.Elapsed.TotalSeconds:F0} s: {published.Outlets} outlets, {published.Channels} channels, " +
                          $"{published.Publications:N0} publications, {published.Adoptions:N0} adoptions");

        var indexWatch = Stopwatch.StartNew();
        foreach (var (_, sql) in indexes) DataGenProgram.Exec(connection, sql);
        Console.WriteLine($"{indexes.Count} indexes re-created in {indexWatch.Elapsed.TotalSeconds:F0} s");
        // The scenario users are the busiest reviewers; with --manuscripts 0 (the intake data set) there are none.
        if (_byAuthor.Count > 0) PrintScenarios();
    }

    private void WriteOrganisation()
    {
        using var tx = connection.BeginTransaction();
        var now = Bulk.Text(_anchor.AddDays(-800));
        using (var cmd = Bulk.Prepare(connection, tx, "INSERT INTO app_settings (key, value) VALUES ($1, $2)", 2))
        {
            Bulk.Run(cmd, "demo.organization", "true");
            Bulk.Run(cmd, "bench.dataset", $"province: {org.Units.Count} units, {options.Manuscripts} manuscripts, seed {options.Seed}, anchor {options.Anchor:yyyy-MM-dd}");
        }
        using (var cmd = Bulk.Prepare(connection, tx, "INSERT INTO categories (id, name, sort_order, disabled) VALUES ($1, $2, $3, 0)", 3))
            for (var i = 0; i < Categories.Length; i++) Bulk.Run(cmd, i + 1, Categories[i], i);
        using (var cmd = Bulk.Prepare(connection, tx, "INSERT INTO units (id, name, parent_id, type, sort_order, disabled, created_at) VALUES ($1, $2, $3, $4, $5, 0, $6)", 6))
            foreach (var u in org.Units) Bulk.Run(cmd, u.Id, u.Name, u.ParentId, (int)u.Type, u.SortOrder, now);
        using (var cmd = Bulk.Prepare(connection, tx, """
                INSERT INTO users (id, user_name, display_name, password_hash, phone, email, unit_id, disabled, must_change_password,
                                   failed_sign_in_count, lockout_end_utc, security_stamp, created_at, last_sign_in_at)
                VALUES ($1, $2, $3, $4, NULL, NULL, $5, 0, 0, 0, NULL, $6, $7, NULL)
                """, 7))
        {
            foreach (var u in org.Users)
                Bulk.Run(cmd, u.Id, u.UserName, u.DisplayName, passwordHash, u.UnitId, random.Next().ToString("x8", CultureInfo.InvariantCulture) + u.Id.ToString("x8", CultureInfo.InvariantCulture), now);
        }
        using (var cmd = Bulk.Prepare(connection, tx, "INSERT INTO role_assignments (user_id, role, unit_id, created_at) VALUES ($1, $2, $3, $4)", 4))
            foreach (var a in org.Assignments) Bulk.Run(cmd, a.UserId, (int)a.Role, a.UnitId, now);
        using (var cmd = Bulk.Prepare(connection, tx, """
                INSERT INTO correspondent_records (unit_id, user_id, name, phone, email, position, appointed_on, ended_on, created_at)
                VALUES ($1, $2, $3, $4, NULL, '信息员', $5, NULL, $6)
                """, 6))
        {
            foreach (var (unitId, users) in org.CorrespondentsOf)
                foreach (var userId in users)
                    Bulk.Run(cmd, unitId, userId, _names[userId], "138" + (10_000_000 + userId).ToString(CultureInfo.InvariantCulture), options.Anchor.AddDays(-800 + (int)(userId % 300)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), now);
        }
        using (var cmd = Bulk.Prepare(connection, tx, "INSERT INTO audit_entries (at, user_id, user_name, action, entity_type, entity_id, detail, ip_address) VALUES ($1, NULL, 'system', 'system.seed', NULL, NULL, $2, NULL)", 2))
            Bulk.Run(cmd, now, "benchmark data set (Herald.DataGen)");
        tx.Commit();
    }

    private void WriteManuscripts(Stopwatch watch)
    {
        // Submitting units weighted by kind (bureaus and streets write more than divisions and villages), with noise.
        var units = org.Units.Where(u => org.CorrespondentsOf.ContainsKey(u.Id)).ToArray();
        var cumulative = new double[units.Length];
        var sum = 0.0;
        for (var i = 0; i < units.Length; i++)
        {
            var weight = units[i].Type switch
            {
                UnitType.Agency => units[i].Level <= 1 ? 0.4 : 1.6,
                UnitType.Street => 1.6,
                UnitType.Affiliate => 1.0,
                UnitType.Society => 0.6,
                UnitType.Department => 0.5,
                _ => 0.8,
            };
            sum += weight * Math.Exp(0.6 * Gaussian());
            cumulative[i] = sum;
        }

        // Creation times over two years, working hours and weekdays preferred; ids follow time like a real database.
        var span = TimeSpan.FromDays(730);
        var times = new long[options.Manuscripts];
        for (var i = 0; i < times.Length; i++)
        {
            DateTime t;
            do
            {
                var day = _anchor.Date.AddDays(-random.Next(730));
                var china = day.AddHours(random.NextDouble() < 0.9 ? 8.5 + random.NextDouble() * 9.5 : random.NextDouble() * 24);
                t = china - ChinaTime.Offset;
                if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday && random.NextDouble() < 0.75) t = DateTime.MaxValue;
            } while (t >= _anchor || t < _anchor - span);
            times[i] = t.Ticks;
        }
        Array.Sort(times);

        var mCmd = Bulk.Prepare(connection, null, """
            INSERT INTO manuscripts (id, unit_id, author_id, title, body_html, body_text, category_id, importance, event_date, emergency,
                known_at_utc, follow_up_of_id, follow_up_number, status, route_steps, current_step, current_step_role, version_number,
                revision, standard_name, name_date, name_sequence, submitted_at, last_submitted_at, is_late, approved_at, created_at,
                updated_at, submission_key, editorial, published_at, not_used_reason)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, NULL, 0, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $21, $22, $23, $24, $25, NULL, $26, $27, $28)
            """, 28);
        var eCmd = Bulk.Prepare(connection, null, """
            INSERT INTO manuscript_events (manuscript_id, at, actor_id, action, from_status, to_status, step, step_role, comment, version_number)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
            """, 10);
        var vCmd = Bulk.Prepare(connection, null, """
            INSERT INTO manuscript_versions (manuscript_id, number, title, body_html, body_text, photo_captions, author_id, created_at)
            VALUES ($1, 1, $2, $3, $4, '', $5, $6)
            """, 6);
        var nCmd = Bulk.Prepare(connection, null, """
            INSERT INTO notifications (user_id, kind, manuscript_id, subject, actor_name, comment, created_at, read_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            """, 8);
        SqliteTransaction? tx = null;
        var statusCounts = new int[5];
        for (var i = 0; i < times.Length; i++)
        {
            if (i % Batch == 0)
            {
                tx?.Commit();
                tx = connection.BeginTransaction();
                foreach (var c in new[] { mCmd, eCmd, vCmd, nCmd }) c.Transaction = tx;
                if (i > 0 && i % 100_000 == 0)
                    Console.WriteLine($"  {i:N0} manuscripts, {_events:N0} events, {_notifications:N0} notifications ({watch.Elapsed.TotalSeconds:F0} s)");
            }
            var unit = units[LowerBound(cumulative, random.NextDouble() * sum)];
            var status = WriteOne(i + 1, new DateTime(times[i], DateTimeKind.Utc), unit, mCmd, eCmd, vCmd, nCmd);
            statusCounts[(int)status]++;
        }
        tx?.Commit();
        foreach (var c in new[] { mCmd, eCmd, vCmd, nCmd }) c.Dispose();
        Console.WriteLine($"manuscripts written in {watch.Elapsed.TotalSeconds:F0} s: " + string.Join(", ",
            Enum.GetValues<ManuscriptStatus>().Select(s => $"{s.Code()} {statusCounts[(int)s]:N0}")) + $"; {_events:N0} events, {_notifications:N0} notifications");
    }

    private ManuscriptStatus WriteOne(long id, DateTime created, GenUnit unit, SqliteCommand mCmd, SqliteCommand eCmd, SqliteCommand vCmd, SqliteCommand nCmd)
    {
        var authors = org.CorrespondentsOf[unit.Id];
        var author = authors[random.Next(authors.Count)];
        var age = _anchor - created;
        var status = DrawStatus(age);
        var importanceRoll = random.NextDouble();
        var importance = importanceRoll < 0.62 ? Importance.Routine : importanceRoll < 0.89 ? Importance.Important : Importance.Major;
        var category = DrawCategory();
        var emergency = random.NextDouble() < 0.015;
        var topic = text.Topic();
        var createdChina = ChinaTime.DateOf(created);
        var eventDate = createdChina.AddDays(random.NextDouble() < 0.08 ? -(3 + random.Next(5)) : -random.Next(3));
        DateTime? knownAt = emergency ? created.AddMinutes(-(10 + random.Next(170))) : null;
        var title = text.Title(unit.Name, topic);
        var body = BodyHtml.FromPlainText(text.Body(unit.Name, topic, eventDate));

        _byAuthor[author] = _byAuthor.GetValueOrDefault(author) + 1;
        Bulk.Run(eCmd, id, Bulk.Text(created), author, (int)ManuscriptEventAction.Created, 0, 0, null, null, null, 0);
        _events++;

        if (status == ManuscriptStatus.Draft)
        {
            Bulk.Run(mCmd, id, unit.Id, author, title, body.Html, body.Text, category, (int)importance, Bulk.Date(eventDate), emergency ? 1 : 0,
                Bulk.Text(knownAt), (int)status, "", null, null, 0, 1, null, null, 0, null, 0, null, Bulk.Text(created), Bulk.Text(created), 0, null, null);
            return status;
        }
        _byUnit[unit.Id] = _byUnit.GetValueOrDefault(unit.Id) + 1;

        var route = RoutePolicy.Default.RouteFor(importance, unit.Type);
        var steps = route.Steps;
        // How far the review went: in review at step k (k approved before), stopped (returned/rejected) at step k, or all approved.
        var stopAt = status switch
        {
            ManuscriptStatus.Approved => steps.Count,
            _ => random.Next(steps.Count),
        };
        var reviewActions = status == ManuscriptStatus.InReview ? stopAt : status == ManuscriptStatus.Approved ? steps.Count : stopAt + 1;

        // Timeline: submit soon after creation, each review takes from 20 minutes to a day and a half; squeezed to end before the anchor.
        var gaps = new double[1 + reviewActions];
        gaps[0] = random.NextDouble() < 0.9 ? 5 + random.NextDouble() * 360 : 1440 + random.NextDouble() * 4320;
        for (var g = 1; g < gaps.Length; g++) gaps[g] = 20 + random.NextDouble() * 2160;
        var room = (_anchor - created).TotalMinutes * 0.98;
        var needed = gaps.Sum();
        if (needed > room) for (var g = 0; g < gaps.Length; g++) gaps[g] *= room / needed;
        var at = created;
        var times = new DateTime[gaps.Length];
        for (var g = 0; g < gaps.Length; g++) times[g] = at = at.AddMinutes(gaps[g]);

        var submitted = times[0];
        var isLate = TimelinessPolicy.Default.IsLate(eventDate, emergency, knownAt, submitted);
        var reportDate = ChinaTime.DateOf(submitted);
        var key = unit.Id << 20 | (long)reportDate.DayNumber;
        var sequence = _sequence[key] = _sequence.GetValueOrDefault(key) + 1;
        var standardName = StandardName.For(unit.Name, reportDate, sequence);

        Bulk.Run(eCmd, id, Bulk.Text(submitted), author, (int)ManuscriptEventAction.Submitted, (int)ManuscriptStatus.Draft, (int)ManuscriptStatus.InReview, null, null, null, 1);
        _events++;
        var recent = _anchor - submitted < TimeSpan.FromDays(60);
        for (var s = 0; s < reviewActions; s++)
        {
            var role = steps[s];
            var reviewers = _tree.ResolveReviewers(role, unit.Id).UserIds;
            if (reviewers.Count == 0) throw new InvalidOperationException($"No {role} for unit {unit.Id} {unit.Name}");
            var actor = reviewers[random.Next(reviewers.Count)];
            var when = times[s + 1];
            if (recent)
                foreach (var r in reviewers) Notify(nCmd, r, NotificationKind.ReviewRequested, id, title, _names[author], null, times[s], when);
            var last = s == reviewActions - 1;
            if (last && status == ManuscriptStatus.Returned)
            {
                var reason = text.ReturnReason();
                Bulk.Run(eCmd, id, Bulk.Text(when), actor, (int)ManuscriptEventAction.Returned, 1, 2, s + 1, (int)role, reason, 1);
                if (recent) Notify(nCmd, author, NotificationKind.Returned, id, title, _names[actor], reason, when, when.AddHours(4));
            }
            else if (last && status == ManuscriptStatus.Rejected)
            {
                var reason = text.RejectReason();
                Bulk.Run(eCmd, id, Bulk.Text(when), actor, (int)ManuscriptEventAction.Rejected, 1, 3, s + 1, (int)role, reason, 1);
                if (recent) Notify(nCmd, author, NotificationKind.Rejected, id, title, _names[actor], reason, when, when.AddHours(4));
            }
            else
            {
                var to = s == steps.Count - 1 ? ManuscriptStatus.Approved : ManuscriptStatus.InReview;
                Bulk.Run(eCmd, id, Bulk.Text(when), actor, (int)ManuscriptEventAction.Approved, 1, (int)to, s + 1, (int)role,
                    random.NextDouble() < 0.3 ? "同意报送。" : null, 1);
                if (recent && to == ManuscriptStatus.Approved)
                    Notify(nCmd, author, NotificationKind.Approved, id, title, _names[actor], null, when, when.AddHours(4));
            }
            _events++;
        }

        int? currentStep = null;
        int? currentRole = null;
        if (status == ManuscriptStatus.InReview)
        {
            currentStep = stopAt;
            currentRole = (int)steps[stopAt];
            var waitingSince = times[^1];
            foreach (var r in _tree.ResolveReviewers(steps[stopAt], unit.Id).UserIds)
                Notify(nCmd, r, NotificationKind.ReviewRequested, id, title, _names[author], null, waitingSince,
                    _anchor - waitingSince > TimeSpan.FromDays(10) ? waitingSince.AddDays(1) : null);
            _awaiting[(steps[stopAt], unit.Id)] = _awaiting.GetValueOrDefault((steps[stopAt], unit.Id)) + 1;
        }
        var updated = times[^1];
        // Approved items enter the office pool; older ones were mostly published on the unit's website or marked not used.
        var editorial = EditorialStatus.None;
        DateTime? publishedAt = null;
        if (status == ManuscriptStatus.Approved)
        {
            var roll = random.NextDouble();
            var settled = _anchor - updated > TimeSpan.FromDays(7);
            editorial = settled && roll < 0.45 ? EditorialStatus.Published : settled && roll < 0.50 ? EditorialStatus.NotUsed : EditorialStatus.Pending;
            if (editorial == EditorialStatus.Published) publishedAt = updated.AddHours(1 + random.NextDouble() * 47);
            _approved.Add(new ApprovedItem(id, unit.Id, author, updated.Ticks, publishedAt?.Ticks ?? 0));
        }
        Bulk.Run(mCmd, id, unit.Id, author, title, body.Html, body.Text, category, (int)importance, Bulk.Date(eventDate), emergency ? 1 : 0,
            Bulk.Text(knownAt), (int)status, route.Serialize(), currentStep, currentRole, 1, 2 + reviewActions, standardName, Bulk.Date(reportDate),
            sequence, Bulk.Text(submitted), isLate ? 1 : 0, status == ManuscriptStatus.Approved ? Bulk.Text(updated) : null, Bulk.Text(created), Bulk.Text(updated),
            (int)editorial, Bulk.Text(publishedAt), editorial == EditorialStatus.NotUsed ? "与近期已发布稿件内容重复，不予采用。" : null);
        Bulk.Run(vCmd, id, title, body.Html, body.Text, author, Bulk.Text(submitted));
        return status;
    }

    private void Notify(SqliteCommand cmd, long userId, NotificationKind kind, long manuscriptId, string subject, string actor, string? comment,
        DateTime at, DateTime? readAt)
    {
        if (readAt is { } r && r >= _anchor) readAt = null;
        Bulk.Run(cmd, userId, (int)kind, manuscriptId, subject, actor, comment, Bulk.Text(at), Bulk.Text(readAt));
        _notifications++;
    }

    private ManuscriptStatus DrawStatus(TimeSpan age)
    {
        // Recent work is still moving through review; older work is mostly settled, with a few forgotten items.
        double[] p = age.TotalDays switch
        {
            < 3 => [0.15, 0.60, 0.08, 0.02, 0.15],
            < 21 => [0.06, 0.25, 0.06, 0.05, 0.58],
            _ => [0.025, 0.012, 0.02, 0.05, 0.893],
        };
        var roll = random.NextDouble();
        for (var i = 0; i < p.Length; i++)
        {
            if (roll < p[i]) return (ManuscriptStatus)i;
            roll -= p[i];
        }
        return ManuscriptStatus.Approved;
    }

    private int DrawCategory()
    {
        var roll = random.NextDouble();
        for (var i = 0; i < CategoryWeights.Length; i++)
        {
            if (roll < CategoryWeights[i]) return i + 1;
            roll -= CategoryWeights[i];
        }
        return CategoryWeights.Length;
    }

    private void PrintScenarios()
    {
        int Visible(long userId) => _tree.ManuscriptUnits(userId).Sum(u => _byUnit.GetValueOrDefault(u));
        int Inbox(long userId) => new[] { Role.UnitHead, Role.SupervisingLeader, Role.Principal }
            .Sum(role => _tree.ReviewUnits(userId, role).Sum(u => _awaiting.GetValueOrDefault((role, u))));
        GenUser User(long id) => org.Users[(int)id - 1];

        var byRole = org.Assignments.GroupBy(a => a.Role).ToDictionary(g => g.Key, g => g.Select(a => a.UserId).Distinct().ToList());
        var correspondent = User(_byAuthor.MaxBy(kv => kv.Value).Key);
        // The busiest of each kind: the head and the leader (of about 20 units) with the most manuscripts awaiting them.
        var head = User(byRole[Role.UnitHead].MaxBy(h => (Inbox(h), Visible(h))));
        var leader = User(byRole[Role.SupervisingLeader].Where(l => _tree.ManuscriptUnits(l).Count is >= 17 and <= 24).MaxBy(l => (Inbox(l), Visible(l))));
        var principal = org.Principal;
        var countyPrincipal = User(byRole[Role.Principal].Where(p => p != principal.Id).MaxBy(Inbox));

        Console.WriteLine();
        Console.WriteLine($"Sign in with password {options.Password}. Scenario users (visible = non-draft manuscripts in scope, inbox = awaiting them):");
        void Line(string scenario, GenUser u) => Console.WriteLine(
            $"  {scenario,-14} {u.UserName,-14} {u.DisplayName,-6} units {_tree.ManuscriptUnits(u.Id).Count,5}  visible {Visible(u.Id),9:N0}  inbox {Inbox(u.Id),6:N0}");
        Line("correspondent", correspondent);
        Line("head", head);
        Line("leader", leader);
        Line("principal", principal);
        Line("principal-2", countyPrincipal);
        Line("office", org.Office);
        Console.WriteLine($"SCENARIO_USERS correspondent={correspondent.UserName} head={head.UserName} leader={leader.UserName} principal={principal.UserName} office={org.Office.UserName}");
    }

    private static int LowerBound(double[] cumulative, double value)
    {
        var index = Array.BinarySearch(cumulative, value);
        return Math.Min(index >= 0 ? index : ~index, cumulative.Length - 1);
    }

    private double Gaussian() =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
