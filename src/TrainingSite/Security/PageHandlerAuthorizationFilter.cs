using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Training.Site.Security;

/// <summary>Makes <c>[Authorize]</c> on a page handler method mean what it says. Razor Pages take authorization from
/// the page model class only and silently ignore it on handlers, so a public page (class <c>[AllowAnonymous]</c>)
/// whose POST handler says <c>[Authorize(Policy = X)]</c> would run that handler for anyone. This filter evaluates the
/// handler's attributes before it runs: challenge (login or 401) or forbid (403) like the endpoint policy would.
/// Handler attributes can only add requirements; <c>[AllowAnonymous]</c> on a handler opens nothing.</summary>
internal sealed class PageHandlerAuthorizationFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var data = context.HandlerMethod?.MethodInfo.GetCustomAttributes<AuthorizeAttribute>(inherit: true).ToArray() ?? [];
        if (data.Length > 0)
        {
            var services = context.HttpContext.RequestServices;
            var policy = await AuthorizationPolicy.CombineAsync(services.GetRequiredService<IAuthorizationPolicyProvider>(), data);
            if (policy is not null)
            {
                var evaluator = services.GetRequiredService<IPolicyEvaluator>();
                var authentication = await evaluator.AuthenticateAsync(policy, context.HttpContext);
                var result = await evaluator.AuthorizeAsync(policy, authentication, context.HttpContext, context.ActionDescriptor);
                if (result.Challenged)
                {
                    context.Result = new ChallengeResult([.. policy.AuthenticationSchemes]);
                    return;
                }
                if (result.Forbidden)
                {
                    context.Result = new ForbidResult([.. policy.AuthenticationSchemes]);
                    return;
                }
            }
        }
        await next();
    }
}
