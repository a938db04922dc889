using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Training.Organisation.Identity;

/// <summary>A privileged user who signed in with a password but has not enrolled in two-factor sign-in yet can only
/// reach the account pages (enrolment, sign-out) until they do: every other page sends them to the enrolment.</summary>
public sealed class TwoFactorGate : IAsyncPageFilter
{
    public const string EnrolClaim = "training:enrol_2fa";
    public const string EnrolPath = "/account/two-factor";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (http.User.HasClaim(c => c.Type == EnrolClaim) && !http.Request.Path.StartsWithSegments("/account")
            && !http.Request.Path.StartsWithSegments("/error"))
        {
            context.Result = new RedirectResult(EnrolPath);
            return;
        }
        await next();
    }
}
