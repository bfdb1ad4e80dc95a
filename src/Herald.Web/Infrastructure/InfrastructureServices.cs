using Herald.Web.Infrastructure.Audit;
using Herald.Web.Infrastructure.Demo;
using Herald.Web.Infrastructure.Documents;
using Herald.Web.Infrastructure.Files;

namespace Herald.Web.Infrastructure;

/// <summary>各模块共用的基础设施服务：审计、文件库、Word 导入、初始数据。</summary>
public static class InfrastructureServices
{
    public static IServiceCollection AddHeraldInfrastructure(this IServiceCollection services)
    {
        services.AddScoped<AuditLog>();
        services.AddScoped<ReferenceData>();
        services.AddSingleton<FileStore>();
        services.AddStoredFileReference<StagedUpload>(s => s.Hash);
        services.AddHostedService<StagedUploadCleanup>();
        services.AddSingleton<DocxImporter>();
        services.AddScoped<UploadStaging>();
        return services;
    }
}
