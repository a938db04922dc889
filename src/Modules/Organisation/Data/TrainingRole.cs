using Microsoft.AspNetCore.Identity;

namespace Training.Organisation.Data;

public sealed class TrainingRole : IdentityRole
{
    public TrainingRole() { }

    public TrainingRole(string name, string displayName) : base(name) => DisplayName = displayName;

    public string DisplayName { get; set; } = "";
}
