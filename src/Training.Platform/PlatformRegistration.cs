using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Training.Abstractions.Hosting;
using Training.Abstractions.Storage;
using Training.Platform.Cluster;
using Training.Platform.Data;
using Training.Platform.Mail;
using Training.Platform.Storage;

namespace Training.Platform;

public static class PlatformRegistration
{
    /// <summary>What lets several nodes share one PostgreSQL database and still behaves as one node on SQLite: the
    /// platform tables, cluster locks, events and singleton jobs, the blob store and the data-protection keys.</summary>
    public static IServiceCollection AddTrainingPlatform(this IServiceCollection services)
    {
        services.AddTrainingDbContext<PlatformDbContext, PlatformSqliteDbContext, PlatformPostgresDbContext>(PlatformDbContext.Module, order: -100);
        services.AddTrainingCluster();
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section);
        services.TryAddSingleton<FileSystemBlobStore>();
        services.TryAddSingleton<DatabaseBlobStore>();
        services.AddOptions<S3Options>().BindConfiguration(S3Options.Section);
        services.TryAddSingleton<S3BlobStore>();
        services.TryAddSingleton<IBlobStore>(sp => BlobStoreKindFor(sp) switch
        {
            BlobStoreKind.Database => sp.GetRequiredService<DatabaseBlobStore>(),
            BlobStoreKind.S3 => sp.GetRequiredService<S3BlobStore>(),
            _ => sp.GetRequiredService<FileSystemBlobStore>(),
        });
        services.TryAddScoped<BlobSweeper>();
        services.AddSingletonJob<BlobSweepJob>();
        services.AddSingleton<Training.Abstractions.Cli.ICliVerb, SweepBlobsVerb>();
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section);
        services.TryAddSingleton<SmtpMailer>();
        services.AddDataProtection().SetApplicationName("Training");
        services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider>((o, sp) => o.XmlRepository = KeyRepository(sp));
        return services;
    }

    private static BlobStoreKind BlobStoreKindFor(IServiceProvider sp) => sp.GetRequiredService<IOptions<StorageOptions>>().Value.Provider switch
    {
        BlobStoreKind.Auto when IsPostgres(sp) => BlobStoreKind.Database,
        BlobStoreKind.Auto => BlobStoreKind.FileSystem,
        var chosen => chosen,
    };

    /// <summary>Keys in the database on PostgreSQL (every node signs and reads the same cookies and antiforgery
    /// tokens); in the data folder on SQLite, as before.</summary>
    private static IXmlRepository KeyRepository(IServiceProvider sp)
    {
        var logs = sp.GetRequiredService<ILoggerFactory>();
        return IsPostgres(sp)
            ? new EntityFrameworkCoreXmlRepository<PlatformDbContext>(sp, logs)
            : new FileSystemXmlRepository(new DirectoryInfo(sp.GetRequiredService<TrainingPaths>().Folder("keys")), logs);
    }

    private static bool IsPostgres(IServiceProvider sp) => sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider == DatabaseProvider.Postgres;
}
