using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Training.Reporting.Api;

/// <summary>Declares the X-Api-Key scheme in the OpenAPI document and requires it on exactly the operations whose
/// endpoint demands the key (the HR API's policy); the public endpoints under /api need nothing.</summary>
internal sealed class ApiKeySecurityTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiKeyHandler.SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = ApiKeyHandler.Header,
            Description = "Khóa API tạo tại /admin/api-keys; mỗi khóa giới hạn trong một cây đơn vị.",
        };
        var keyed = context.DescriptionGroups.SelectMany(g => g.Items)
            .Where(d => d.ActionDescriptor.EndpointMetadata.OfType<AuthorizationPolicy>().Any(p => p.AuthenticationSchemes.Contains(ApiKeyHandler.SchemeName)))
            .Select(d => ("/" + d.RelativePath?.Trim('/'), d.HttpMethod?.ToUpperInvariant()))
            .ToHashSet();
        var requirement = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyHandler.SchemeName, document)] = [] };
        foreach (var (path, item) in document.Paths)
        {
            if (item.Operations is null) continue;
            foreach (var (method, operation) in item.Operations)
            {
                if (!keyed.Contains((path, method.Method.ToUpperInvariant()))) continue;
                operation.Security ??= [];
                operation.Security.Add(requirement);
            }
        }
        return Task.CompletedTask;
    }
}
