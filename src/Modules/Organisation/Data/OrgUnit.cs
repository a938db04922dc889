namespace Training.Organisation.Data;

/// <summary>A unit of the organisation tree (Sở, phòng, trường, UBND huyện ...).</summary>
public sealed class OrgUnit
{
    public Guid Id { get; set; }
    public Guid? ParentId { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";

    /// <summary>Free text: "Sở", "Phòng", "Trường", "UBND huyện" ...</summary>
    public string Kind { get; set; } = "";

    /// <summary>Materialised path of ids, "/id1/id2/", so a subtree is one prefix query.</summary>
    public string Path { get; set; } = "";
    public int Depth { get; set; }
}
