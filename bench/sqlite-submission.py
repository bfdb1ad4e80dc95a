#!/usr/bin/env python3
"""SQLite's own share of one API submission (issue 8), without .NET: replays the statements EF sends for
POST /api/v1/manuscripts (captured with EF's command log) against a copy of a migrated herald.db, WAL and
synchronous=NORMAL as the app runs, and prints

  * CPU µs per submission with every statement prepared from its text (as Microsoft.Data.Sqlite does: it finalizes
    statements when a command is disposed) and with a statement cache, so the difference is the preparation cost;
  * WAL frames (4 KB pages written) per submission, and which table or index each frame of one commit belongs to;
  * the same with the indexes named in --drop removed, to price an index.

  bench/sqlite-submission.py /path/to/data/herald.db            # a data directory the app has created and migrated
  bench/sqlite-submission.py herald.db --drop ix_manuscripts_status_updated_at,ix_manuscripts_status_approved_at
"""
import argparse, collections, os, shutil, sqlite3, struct, time

BODY = ("为进一步提高居民垃圾分类意识，社区近日组织网格员、志愿者深入小区开展入户宣传活动。" * 40)[:1000]  # ~3 KB UTF-8
HTML = "<p>" + BODY + "</p>"
NOW = "2026-12-07 14:47:26.66"

STATEMENTS = {
    "key": 'SELECT "m"."id" FROM "manuscripts" AS "m" WHERE "m"."author_id" = ? AND "m"."submission_key" = ? LIMIT 1',
    "category": 'SELECT "c"."id" FROM "categories" AS "c" WHERE NOT ("c"."disabled") AND "c"."name" = ? LIMIT 1',
    "sequence": 'SELECT MAX("m"."name_sequence") FROM "manuscripts" AS "m" WHERE "m"."unit_id" = ? AND "m"."name_date" = ?',
    "manuscript": 'INSERT INTO "manuscripts" ("approved_at", "author_id", "body_html", "body_text", "category_id", "created_at", '
                  '"current_step", "current_step_role", "emergency", "event_date", "follow_up_number", "follow_up_of_id", "importance", '
                  '"is_late", "known_at_utc", "last_submitted_at", "name_date", "name_sequence", "not_used_reason", "published_at", '
                  '"revision", "route_steps", "standard_name", "status", "submission_key", "submitted_at", "title", "unit_id", '
                  '"updated_at", "version_number") VALUES (' + ",".join("?" * 30) + ")",
    "key back": 'SELECT "id", "editorial" FROM "manuscripts" WHERE changes() = 1 AND "rowid" = last_insert_rowid()',
    "event": 'INSERT INTO "manuscript_events" ("action", "actor_id", "at", "comment", "from_status", "manuscript_id", "step", '
             '"step_role", "to_status", "version_number") VALUES (?,?,?,?,?,?,?,?,?,?) RETURNING "id"',
    "version": 'INSERT INTO "manuscript_versions" ("author_id", "body_html", "body_text", "created_at", "manuscript_id", "number", '
               '"photo_captions", "title") VALUES (?,?,?,?,?,?,?,?) RETURNING "id"',
    "audit": 'INSERT INTO "audit_entries" ("action", "at", "detail", "entity_id", "entity_type", "ip_address", "user_id", '
             '"user_name") VALUES (?,?,?,?,?,?,?,?) RETURNING "id"',
    "notification": 'INSERT INTO "notifications" ("actor_name", "comment", "created_at", "kind", "manuscript_id", "opinion_case_id", '
                    '"read_at", "subject", "user_id") VALUES (?,?,?,?,?,?,?,?,?) RETURNING "id"',
}


def open_copy(source, path, cached, drops):
    for ext in ("", "-wal", "-shm"):
        if os.path.exists(path + ext): os.remove(path + ext)
    shutil.copy(source, path)
    c = sqlite3.connect(path, isolation_level=None, cached_statements=128 if cached else 0)
    for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "foreign_keys=ON", "wal_autocheckpoint=100000"):
        c.execute("PRAGMA " + pragma)
    for name in drops: c.execute(f'DROP INDEX "{name}"')
    return c


def submit(c, i):
    """One submission as EF sends it: two lookups, then in one transaction the sequence, seven inserts (two saves)."""
    s = STATEMENTS
    key = f"bench-{i}"
    c.execute(s["key"], (3, key)).fetchall()
    c.execute(s["category"], ("工作动态",)).fetchall()
    c.execute("BEGIN")
    c.execute(s["sequence"], (4, "2026-12-07")).fetchall()
    cur = c.execute(s["manuscript"], (None, 3, HTML, BODY, 1, NOW, 0, 1, 0, "2026-12-06", 0, None, 0, 0, None, NOW, "2026-12-07",
                                      100000 + i, None, None, 1, "UnitHead", "示例街道党政办公室-2026年12月7日工作信息", 1, key, NOW,
                                      f"标题{i}", 4, NOW, 1))
    c.execute(s["key back"]).fetchall()
    mid = cur.lastrowid
    for action in range(2):
        c.execute(s["event"], (action, 3, NOW, None, 0, mid, 0, None, 1, 1)).fetchall()
    c.execute(s["version"], (3, HTML, BODY, NOW, mid, 1, "", f"标题{i}")).fetchall()
    for action in ("manuscript.create", "manuscript.submit"):
        c.execute(s["audit"], (action, NOW, "x" * 40, mid, "Manuscript", "127.0.0.1", 3, "officer")).fetchall()
    c.execute(s["notification"], ("李文静", None, NOW, 0, mid, None, None, f"标题{i}", 5)).fetchall()
    c.execute("COMMIT")


def measure(source, work, cached, drops, n):
    c = open_copy(source, work, cached, drops)
    for i in range(300): submit(c, i)  # warm the page cache and grow the tables a little
    wal0, t0 = os.path.getsize(work + "-wal"), time.process_time()
    for i in range(300, 300 + n): submit(c, i)
    t1, wal1 = time.process_time(), os.path.getsize(work + "-wal")
    c.close()
    return (t1 - t0) / n * 1e6, (wal1 - wal0) / n / (24 + 4096)


def frames_of_one_commit(source, work, drops):
    c = open_copy(source, work, False, drops)
    for i in range(300): submit(c, i)
    c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    submit(c, 999999)
    names = dict(c.execute("SELECT pageno, name FROM dbstat").fetchall())
    data = open(work + "-wal", "rb").read()
    counts, offset = collections.Counter(), 32
    while offset + 24 <= len(data):
        counts[names.get(struct.unpack(">I", data[offset:offset + 4])[0], "(new page)")] += 1
        offset += 24 + 4096
    c.close()
    return counts


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("db", help="a migrated herald.db (the app's data directory)")
    ap.add_argument("--drop", default="", help="comma-separated indexes to drop in a second measurement")
    ap.add_argument("-n", type=int, default=3000, help="submissions measured per configuration")
    args = ap.parse_args()
    work = "/tmp/herald-sqlite-submission.db"
    drops = [d for d in args.drop.split(",") if d]
    configs = [("prepared per statement", False, []), ("statement cache", True, [])]
    if drops: configs.append((f"prepared, {len(drops)} indexes dropped", False, drops))
    for name, cached, dropped in configs:
        us, frames = measure(args.db, work, cached, dropped, args.n)
        print(f"{name:34} {us:7.1f} µs CPU per submission, {frames:5.1f} WAL frames")
    counts = frames_of_one_commit(args.db, work, [])
    print(f"one commit: {sum(counts.values())} WAL frames")
    for name, n in counts.most_common(): print(f"  {n:3}  {name}")


if __name__ == "__main__":
    main()
