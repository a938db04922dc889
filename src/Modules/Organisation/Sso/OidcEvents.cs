using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Logging;

namespace Training.Organisation.Sso;

/// <summary>What the site does around the OpenID Connect handler: keeps the subject as the login key, turns every
/// refused callback (state, nonce, signature, audience, provider error) into a logged warning and a Vietnamese page,
/// and sends the id_token as a hint when ending the provider's session.</summary>
internal sealed class OidcEvents(ILogger<OidcEvents> log) : OpenIdConnectEvents
{
    public const string IdTokenItem = "sso.id_token";

    public override Task TokenValidated(TokenValidatedContext context)
    {
        // Claims keep their OpenID names (MapInboundClaims off); Identity's external login needs the subject under
        // NameIdentifier.
        if (context.Principal?.Identity is ClaimsIdentity identity && identity.FindFirst("sub") is { } sub
            && identity.FindFirst(ClaimTypes.NameIdentifier) is null)
            identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, sub.Value));
        return Task.CompletedTask;
    }

    public override Task RemoteFailure(RemoteFailureContext context)
    {
        log.LogWarning(context.Failure, "Single sign-on callback refused from {Client}: {Reason}",
            context.HttpContext.Connection.RemoteIpAddress, context.Failure?.Message);
        context.Response.Redirect("/account/sso/error?reason=" + SsoErrors.ReasonOf(context.Failure));
        context.HandleResponse();
        return Task.CompletedTask;
    }

    public override Task RedirectToIdentityProviderForSignOut(RedirectContext context)
    {
        if (context.Properties.Items.TryGetValue(IdTokenItem, out var idToken) && !string.IsNullOrEmpty(idToken))
            context.ProtocolMessage.IdTokenHint = idToken;
        return Task.CompletedTask;
    }
}
