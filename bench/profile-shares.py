#!/usr/bin/env python3
"""CPU shares of a submission from `perf script` stacks (bench/profile-submit.sh).

Each sample counts once for every part whose pattern matches any frame of its stack (inclusive share), so the parts
overlap (SaveChanges includes SQLite). Also prints the functions with the most samples at the top of the stack (self).
"""
import collections, re, sys

# (part, regex over frame names). Async continuations run on the thread pool, so a part is seen from its MoveNext frames.
PARTS = [
    ("request total (Kestrel HTTP/1 processing)", r"HttpProtocol.*ProcessRequests"),
    # Middleware frames (AuthenticationMiddleware, AntiforgeryMiddleware) sit under the whole rest of the request: match handlers.
    ("authentication (bearer token handler)", r"TokenAuthenticationHandler|AuthenticationHandler`1"),
    ("cookie authentication / antiforgery", r"CookieAuthenticationHandler|DefaultAntiforgery"),
    ("multipart form parsing (ReadFormAsync)", r"FormFeature|MultipartReader|FormReader|ManuscriptInput"),
    ("SaveManuscript (whole handler)", r"SaveManuscript"),
    ("CurrentUser / org tree", r"CurrentUser|OrgDirectory|OrgTree"),
    ("submission-key lookup", r"FindBySubmissionKey"),
    ("staging uploads", r"ManuscriptStager"),
    ("body sanitizing/plain text (BodyHtml)", r"BodyHtml|AngleSharp"),
    ("SubmitWorkflow (route, standard name)", r"SubmitWorkflow"),
    ("notifications", r"Notifier"),
    ("audit", r"AuditLog"),
    ("sensitive words / keyword matcher", r"Keyword|Sensitive"),
    ("version diff", r"VersionDiffer|DiffPlex"),
    ("GetManuscript view (BuildAsync)", r"GetManuscript"),
    ("EF SaveChanges", r"SaveChanges"),
    ("EF change tracking (DetectChanges/StateManager)", r"DetectChanges|StateManager|InternalEntityEntry|ChangeTracker"),
    ("EF query compile/execute", r"QueryCompiler|QueryingEnumerable|ShapedQuery|CompiledQuery"),
    ("EF command building/SQL generation", r"CommandBatchPreparer|ModificationCommand|UpdateSqlGenerator|RelationalCommandBuilder"),
    ("EF transactions (Begin/Commit)", r"BeginTransaction|RelationalTransaction|CommitAsync|SqliteTransaction"),
    ("write gate / connection interceptors", r"SqliteWriteGate|ConnectionPragmas"),
    ("EF connection open/close", r"RelationalConnection.*Open|RelationalConnection.*Close|SqliteConnection.Open|SqliteConnection.Close"),
    ("SQLite native (libe_sqlite3)", r"\[libe_sqlite3|sqlite3[A-Za-z_]*\b"),
    ("Microsoft.Data.Sqlite managed", r"Microsoft\.Data\.Sqlite"),
    ("JSON output", r"System\.Text\.Json|JsonSerializer|WriteAsJson"),
    ("logging", r"Microsoft\.Extensions\.Logging|Logger`1|LoggerMessage"),
    ("DI scope / DbContext pool", r"ServiceProvider|DbContextPool|ResetState|DbContextLease"),
    ("GC (runtime)", r"WKS::|gc_heap|GCHeap|GarbageCollect"),
    ("JIT / tiering", r"\[libclrjit|TieredCompilation|CallCountingManager"),
    ("kernel", r"\[kernel"),
]


def samples(path):
    """Yields (comm, [frames leaf first]) for each sample of `perf script -F comm,tid,ip,sym,dso`."""
    comm, frames = None, []
    for line in open(path, encoding="utf-8", errors="replace"):
        if not line.strip():
            if comm is not None: yield comm, frames
            comm, frames = None, []
        elif not line[0].isspace():
            comm = line.split()[0]
        else:
            parts = line.strip().split(" ", 1)
            frames.append(parts[1] if len(parts) > 1 else parts[0])
    if comm is not None: yield comm, frames


APP = re.compile(r"\[(Herald\.[A-Za-z.]+)\] ([^\s(]+?)(?:\+<([A-Za-z_]+)>d__\d+)?(?:::|\()")
FRAMEWORK = [("Kestrel/sockets", r"Kestrel|System\.Net\.Sockets"), ("EF Core", r"EntityFrameworkCore"),
             ("Microsoft.Data.Sqlite", r"Microsoft\.Data\.Sqlite|libe_sqlite3"), ("ASP.NET Core", r"Microsoft\.AspNetCore"),
             ("JIT", r"libclrjit"), ("GC/runtime", r"libcoreclr|WKS::"), ("thread pool", r"ThreadPool"), ("kernel", r"\[kernel")]


# Exclusive shares (they add up to 100%): where the CPU was burnt (the leaf: SQLite, kernel by system call, runtime),
# else which managed part was running (the innermost frame that belongs to one). Native SQLite and the kernel
# are taken from the leaf because perf cannot unwind through libe_sqlite3 (no frame pointers) to its managed caller.
LAYERS_BY_STACK = [
    ("JIT (tiering, background)", r"libclrjit"),
    ("thread pool spin-wait", r"LowLevelLifoSemaphore"),
    ("WAL checkpoints (background)", r"SqliteCheckpointer"),
]
KERNEL_CALLS = [("kernel: file writes (WAL, checkpoint)", r"sys_pwrite|sys_write\b|ksys_write"), ("kernel: file reads", r"sys_pread|ksys_read"),
                ("kernel: fsync", r"sys_fsync|sys_fdatasync"), ("kernel: network", r"sendmsg|recvmsg|sys_sendto|sys_recvfrom|tcp_"),
                ("kernel: scheduling, futex, yield", r"sys_futex|sched_yield|epoll_wait|schedule")]
LAYERS_BY_PART = [
    ("managed: EF SaveChanges", r"SaveChanges"),
    ("managed: EF queries", r"QueryCompiler|QueryingEnumerable|CompiledQuery|ToListAsync|ToDictionaryAsync|FirstOrDefaultAsync"),
    ("managed: EF transactions, connections", r"RelationalTransaction|RelationalConnection|BeginTransaction"),
    ("managed: multipart form", r"FormFeature|MultipartReader|FormReader"),
    ("managed: JSON response", r"System\.Text\.Json"),
    ("managed: Herald handler and view", r"\[Herald\."),
    ("managed: Kestrel, ASP.NET Core, DI", r"Kestrel|Microsoft\.AspNetCore|Microsoft\.Extensions|System\.Net\.Sockets"),
]


def layer(frames):
    text = "\n".join(frames)
    for name, rx in LAYERS_BY_STACK:
        if re.search(rx, text): return name
    leaf = frames[0] if frames else ""
    if "libe_sqlite3" in leaf: return "SQLite (native)"
    if "[kernel" in leaf or "[vdso]" in leaf:
        for name, rx in KERNEL_CALLS:
            if re.search(rx, text): return name
        return "kernel: other"
    if "libcoreclr" in leaf or "libc.so" in leaf or "ld-linux" in leaf: return "runtime, GC, libc"
    # The innermost recognised part: async continuations carry the frames of whatever resumed them further out.
    for frame in frames:
        for name, rx in LAYERS_BY_PART:
            if re.search(rx, frame): return name
    return "other"


def owner(frames):
    for f in frames:
        m = APP.search(f)
        if m: return m.group(2).replace("Herald.Web.", "").replace("Herald.Domain.", "Domain.") + ("." + m.group(3) if m.group(3) else "")
    text = "\n".join(frames)
    for name, rx in FRAMEWORK:
        if re.search(rx, text): return "(" + name + ")"
    return "(other)"


def main():
    path = sys.argv[1]
    top = int(sys.argv[sys.argv.index("--top") + 1]) if "--top" in sys.argv else 30
    regexes = [(name, re.compile(rx)) for name, rx in PARTS]
    total, parts, selfs, comms = 0, collections.Counter(), collections.Counter(), collections.Counter()
    owners, layers = collections.Counter(), collections.Counter()
    for comm, frames in samples(path):
        total += 1
        comms[comm] += 1
        text = "\n".join(frames)
        for name, rx in regexes:
            if rx.search(text): parts[name] += 1
        leaf = frames[0] if frames else "?"
        owners[owner(frames)] += 1
        layers[layer(frames)] += 1
        selfs[re.sub(r"\+0x[0-9a-f]+", "", leaf)] += 1
    print(f"   {total} samples")
    print("   threads: " + ", ".join(f"{c} {100 * n / total:.1f}%" for c, n in comms.most_common(8)))
    print("   inclusive CPU share by part:")
    for name, _ in PARTS:
        print(f"   {100 * parts[name] / max(total, 1):6.1f}%  {name}")
    print("   exclusive CPU share by layer (adds up to 100%):")
    for name, n in layers.most_common():
        print(f"   {100 * n / total:6.1f}%  {name}")
    print(f"   by the innermost Herald method on the stack (else the innermost framework part):")
    for name, n in owners.most_common(top):
        print(f"   {100 * n / total:6.2f}%  {name[:150]}")
    print(f"   top {top} functions (self):")
    for name, n in selfs.most_common(top):
        print(f"   {100 * n / total:6.2f}%  {name[:150]}")


main()
