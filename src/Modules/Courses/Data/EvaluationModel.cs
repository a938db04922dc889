using Microsoft.EntityFrameworkCore;
using Training.Abstractions.Text;

namespace Training.Courses.Data;

/// <summary>Tables of the course evaluation (issue 14 item 4), kept apart from the context's main mapping.</summary>
internal static class EvaluationModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<EvaluationForm>(e =>
        {
            e.ToTable("courses_evaluation_forms");
            e.HasKey(x => x.CourseId);
            e.HasMany(x => x.Items).WithOne().HasForeignKey(x => x.CourseId);
        });
        b.Entity<EvaluationItem>(e =>
        {
            e.ToTable("courses_evaluation_items");
            e.Property(x => x.Text).HasMaxLength(TextLimits.Line);
        });
        b.Entity<EvaluationResponse>(e =>
        {
            e.ToTable("courses_evaluation_responses");
            e.HasIndex(x => x.CourseId);
        });
        b.Entity<EvaluationAnswer>(e =>
        {
            e.ToTable("courses_evaluation_answers");
            e.HasKey(x => new { x.ResponseId, x.ItemId });
            e.Property(x => x.Text).HasMaxLength(TextLimits.Paragraph);
            e.HasIndex(x => new { x.CourseId, x.ItemId });
        });
        b.Entity<EvaluationAnswered>(e =>
        {
            e.ToTable("courses_evaluation_answered");
            e.HasKey(x => new { x.CourseId, x.UserId });
            e.Property(x => x.UserId).HasMaxLength(450);
        });
    }
}
