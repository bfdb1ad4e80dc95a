using System.Reflection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace Herald.Web.Infrastructure.Web;

/// <summary>
/// 前端文件（wwwroot 与 npm 包中用到的文件）在构建时嵌入程序集，资源名保留路径 "Herald.WebRoot/…"，
/// 因此无论从哪个目录启动都能提供静态文件。
/// </summary>
public sealed class EmbeddedWebRoot : IFileProvider
{
    private const string Prefix = "Herald.WebRoot/";
    private readonly Assembly _assembly = typeof(EmbeddedWebRoot).Assembly;
    private readonly HashSet<string> _names;
    private readonly DateTimeOffset _lastModified;

    public EmbeddedWebRoot()
    {
        _names = _assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        _lastModified = File.GetLastWriteTimeUtc(_assembly.Location);
    }

    /// <summary>随程序版本变化的查询串，用于静态文件缓存失效。</summary>
    public static string Version { get; } =
        typeof(EmbeddedWebRoot).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..10];

    public IFileInfo GetFileInfo(string subpath)
    {
        var name = Prefix + subpath.TrimStart('/');
        return _names.Contains(name)
            ? new ResourceFile(_assembly, name, Path.GetFileName(subpath), _lastModified)
            : new NotFoundFileInfo(subpath);
    }

    public IDirectoryContents GetDirectoryContents(string subpath) => NotFoundDirectoryContents.Singleton;

    public IChangeToken Watch(string filter) => NullChangeToken.Singleton;

    private sealed class ResourceFile(Assembly assembly, string resourceName, string name, DateTimeOffset lastModified) : IFileInfo
    {
        private long? _length;

        public bool Exists => true;
        public bool IsDirectory => false;
        public DateTimeOffset LastModified => lastModified;
        public string Name => name;
        public string? PhysicalPath => null;

        public long Length
        {
            get
            {
                if (_length is null)
                {
                    using var stream = CreateReadStream();
                    _length = stream.Length;
                }
                return _length.Value;
            }
        }

        public Stream CreateReadStream() =>
            assembly.GetManifestResourceStream(resourceName) ?? throw new FileNotFoundException(resourceName);
    }
}
