using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Citations;
using Training.Abstractions.Cli;
using Training.Abstractions.Events;
using Training.Abstractions.Navigation;
using Training.Abstractions.Security;
using Training.LegalLibrary.Api;
using Training.LegalLibrary.Citations;
using Training.LegalLibrary.Cli;
using Training.LegalLibrary.Data;
using Training.LegalLibrary.Import;
using Training.LegalLibrary.Search;
using Training.Platform.Data;
using Training.Platform.Outbox;

namespace Training.LegalLibrary;

/// <summary>The legal library: corpus import, documents and articles, the Lucene index, search, citations.</summary>
public static class LegalLibraryModule
{
    public const string Name = "legal";

    public static IServiceCollection AddLegalLibrary(this IServiceCollection services)
    {
        services.AddTrainingDbContext<LegalLibraryDbContext, LegalLibrarySqliteDbContext, LegalLibraryPostgresDbContext>(Name, order: 10);
        services.AddOutboxDispatcher<LegalLibraryDbContext>();
        services.AddDomainEvent<LegalLibraryChanged>();
        services.AddOptions<LegalLibraryOptions>().BindConfiguration(LegalLibraryOptions.Section);
        services.AddSingleton<IPermissionProvider, Permissions>();
        services.AddSingleton<IMenuProvider, LegalLibraryMenu>();
        services.AddSingleton<LegalIndex>();
        services.AddSingleton<LegalSearcher>();
        services.AddSingleton<ArticleCache>();
        services.AddSingleton<ImportStatus>();
        services.AddSingleton<CorpusLocator>();
        services.AddSingleton<CorpusFingerprint>();
        services.AddScoped<CorpusImporter>();
        services.AddScoped<DocumentMetadata>();
        services.AddScoped<LegalLibraryReader>();
        services.AddScoped<LegalSearchService>();
        services.AddScoped<ICitationResolver, CitationResolver>();
        services.AddScoped<ICitationValidity, CitationValidityService>();
        services.AddScoped<ILegalDocumentResolver, LegalDocumentResolver>();
        services.AddHostedService<CorpusImportService>();
        services.AddHostedService<IndexFollower>();
        services.AddSingleton<ICliVerb, ImportCorpusVerb>();
        services.AddSingleton<ICliVerb, ReindexVerb>();
        services.AddSingleton<ICliVerb, SearchVerb>();
        services.AddSingleton<ICliVerb, SearchEvalVerb>();
        return services;
    }

    /// <summary>Pages are discovered from this assembly; the search API is a minimal API.</summary>
    public static IEndpointRouteBuilder MapLegalLibrary(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapLegalSearchApi();
        return endpoints;
    }
}
