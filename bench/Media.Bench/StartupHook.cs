using System.Runtime.Loader;

/// <summary>Runs in the site process when run.sh names this assembly in <c>DOTNET_STARTUP_HOOKS</c>: the assembly is not
/// in the site's dependencies, so resolve its name to the copy already loaded, for the host's hosting-startup lookup.</summary>
internal static class StartupHook
{
    public static void Initialize()
    {
        var self = typeof(StartupHook).Assembly;
        AssemblyLoadContext.Default.Resolving += (_, name) => name.Name == self.GetName().Name ? self : null;
    }
}
