using Training.Abstractions.Security;

namespace Training.LegalLibrary;

/// <summary>Permissions of the legal library. Reading and searching are open to everyone (the texts are public law);
/// importing the corpus is an administrator's task (the CLI verbs run with the operator's rights).</summary>
public sealed class Permissions : IPermissionProvider
{
    public const string ImportCorpus = "LegalLibrary.ImportCorpus";

    private static readonly Permission ImportCorpusP = new(ImportCorpus, "Nhập và lập chỉ mục thư viện pháp luật");

    public IEnumerable<Permission> GetPermissions() => [ImportCorpusP];

    public IEnumerable<RoleGrant> GetDefaultGrants() => [new(BuiltInRoles.Administrator, [ImportCorpusP])];
}
