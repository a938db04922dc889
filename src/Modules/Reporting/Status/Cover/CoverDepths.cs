namespace Training.Reporting.Status;

/// <summary>Sets <see cref="StaffMember.MinDepth"/> and <see cref="StaffMember.Shares"/> on one person's posts, so that
/// summing posts per ancestor counts each person once. Posts in unit-id order; post <c>j</c> gets
/// <c>MinDepth = 1 + max over earlier posts i of depth(LCA(p_i, p_j))</c> (0 for the first, or when no earlier post shares
/// an ancestor). In the subtree of a unit R, the first of the person's posts there has every earlier post outside R
/// (its LCAs lie above R: MinDepth ≤ depth(R)) and every later one has an earlier post inside R (MinDepth > depth(R)):
/// exactly one post counts. A post with <c>MinDepth = depth(R) + 1</c> is in a row of R (a child's subtree, or R itself)
/// that no earlier post of the person is in: the rows beyond the person's first.</summary>
public static class CoverDepths
{
    public static void Assign(IReadOnlyList<StaffMember> posts, UnitTree tree)
    {
        var ordered = posts.OrderBy(p => p.UnitId).ToList();
        var branches = new HashSet<Guid>();
        for (var j = 0; j < ordered.Count; j++)
        {
            var common = -1;
            for (var i = 0; i < j; i++) common = Math.Max(common, tree.CommonDepth(ordered[i].UnitId, ordered[j].UnitId));
            ordered[j].MinDepth = common + 1;
            ordered[j].Shares = common >= 0 && branches.Add(tree.AncestorAt(ordered[j].UnitId, common));
        }
    }

    /// <summary>Every person's posts in <paramref name="staff"/> (rows of one person need not be adjacent).</summary>
    public static void AssignAll(IEnumerable<StaffMember> staff, UnitTree tree)
    {
        foreach (var person in staff.Where(s => s.Posts > 1).GroupBy(s => s.UserId, StringComparer.Ordinal)) Assign(person.ToList(), tree);
    }
}
