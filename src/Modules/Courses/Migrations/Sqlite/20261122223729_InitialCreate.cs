using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Training.Courses.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "courses_assignments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CourseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AssignedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AssignedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Target = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_courses_assignments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "courses_attempts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    VersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Deadline = table.Column<long>(type: "INTEGER", nullable: true),
                    Drawn = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Answers = table.Column<string>(type: "TEXT", nullable: false),
                    ScorePercent = table.Column<double>(type: "REAL", nullable: true),
                    Passed = table.Column<bool>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_courses_attempts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "courses_class_registrations",
                columns: table => new
                {
                    ClassId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    FullName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RegisteredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Attended = table.Column<bool>(type: "INTEGER", nullable: false),
                    ResultPercent = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_courses_class_registrations", x => new { x.ClassId, x.UserId });
                });

            migrationBuilder.CreateTable(
                name: "courses_classes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CourseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TrainerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    TrainerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    AttendanceTakenAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_courses_classes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "courses_completions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CourseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    ScorePercent = table.Column<double>(type: "REAL", nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClassId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AttemptId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_courses_completions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "courses_courses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Audience = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    EstimatedHours = table.Column<double>(type: "REAL", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    LatestVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    PublishedVersionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    QuizQuestionCount = table.Column<int>(type: "INTEGER", nullable: false),
                    PassingPercent = table.Column<int>(type: "INTEGER", nullable: false),
                    AttemptLimit = table.Column<int>(type: "INTEGER", nullable: false),
                    TimeLimitMinutes = table.Column<int>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_courses_courses", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "courses_enrolments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CourseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    EnrolledAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LastLessonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    IsCurrent = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_courses_enrolments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "courses_lesson_citations",
                columns: table => new
                {
                    LessonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ArticleKey = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    VersionId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_courses_lesson_citations", x => new { x.LessonId, x.ArticleKey });
                });

            migrationBuilder.CreateTable(
                name: "courses_lesson_progress",
                columns: table => new
                {
                    EnrolmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LessonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DoneAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_courses_lesson_progress", x => new { x.EnrolmentId, x.LessonId });
                });

            migrationBuilder.CreateTable(
                name: "courses_outbox",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ProcessedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_courses_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "courses_version_lessons",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CourseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SourceLessonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SectionOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    SectionTitle = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Markdown = table.Column<string>(type: "TEXT", nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_courses_version_lessons", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "courses_version_questions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    Options = table.Column<string>(type: "TEXT", nullable: false),
                    Correct = table.Column<string>(type: "TEXT", nullable: false),
                    Explanation = table.Column<string>(type: "TEXT", nullable: false),
                    Citation = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_courses_version_questions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "courses_versions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CourseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Audience = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    EstimatedHours = table.Column<double>(type: "REAL", nullable: false),
                    QuizQuestionCount = table.Column<int>(type: "INTEGER", nullable: false),
                    PassingPercent = table.Column<int>(type: "INTEGER", nullable: false),
                    AttemptLimit = table.Column<int>(type: "INTEGER", nullable: false),
                    TimeLimitMinutes = table.Column<int>(type: "INTEGER", nullable: true),
                    LessonCount = table.Column<int>(type: "INTEGER", nullable: false),
                    QuestionCount = table.Column<int>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_courses_versions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "courses_xapi_statements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ActorEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Verb = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ObjectPath = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ObjectName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ObjectType = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ScoreScaled = table.Column<double>(type: "REAL", nullable: true),
                    Success = table.Column<bool>(type: "INTEGER", nullable: true),
                    Completion = table.Column<bool>(type: "INTEGER", nullable: true),
                    Timestamp = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_courses_xapi_statements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "courses_owners",
                columns: table => new
                {
                    CourseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_courses_owners", x => new { x.CourseId, x.UserId });
                    table.ForeignKey(
                        name: "FK_courses_owners_courses_courses_CourseId",
                        column: x => x.CourseId,
                        principalTable: "courses_courses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "courses_questions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CourseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    Options = table.Column<string>(type: "TEXT", nullable: false),
                    Correct = table.Column<string>(type: "TEXT", nullable: false),
                    Explanation = table.Column<string>(type: "TEXT", nullable: false),
                    Citation = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_courses_questions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_courses_questions_courses_courses_CourseId",
                        column: x => x.CourseId,
                        principalTable: "courses_courses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "courses_sections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CourseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_courses_sections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_courses_sections_courses_courses_CourseId",
                        column: x => x.CourseId,
                        principalTable: "courses_courses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "courses_lessons",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CourseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Markdown = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_courses_lessons", x => x.Id);
                    table.ForeignKey(
                        name: "FK_courses_lessons_courses_sections_SectionId",
                        column: x => x.SectionId,
                        principalTable: "courses_sections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_courses_assignments_CourseId_UserId",
                table: "courses_assignments",
                columns: new[] { "CourseId", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_courses_attempts_EnrolmentId_Number",
                table: "courses_attempts",
                columns: new[] { "EnrolmentId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_courses_classes_CourseId",
                table: "courses_classes",
                column: "CourseId");

            migrationBuilder.CreateIndex(
                name: "IX_courses_completions_EnrolmentId",
                table: "courses_completions",
                column: "EnrolmentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_courses_completions_UserId_CourseId",
                table: "courses_completions",
                columns: new[] { "UserId", "CourseId" });

            migrationBuilder.CreateIndex(
                name: "IX_courses_courses_Code",
                table: "courses_courses",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_courses_enrolments_CourseId",
                table: "courses_enrolments",
                column: "CourseId");

            migrationBuilder.CreateIndex(
                name: "IX_courses_enrolments_UserId_CourseId",
                table: "courses_enrolments",
                columns: new[] { "UserId", "CourseId" });

            migrationBuilder.CreateIndex(
                name: "IX_courses_lesson_citations_ArticleKey",
                table: "courses_lesson_citations",
                column: "ArticleKey");

            migrationBuilder.CreateIndex(
                name: "IX_courses_lessons_CourseId",
                table: "courses_lessons",
                column: "CourseId");

            migrationBuilder.CreateIndex(
                name: "IX_courses_lessons_SectionId",
                table: "courses_lessons",
                column: "SectionId");

            migrationBuilder.CreateIndex(
                name: "IX_courses_outbox_ProcessedAt_NextAttemptAt",
                table: "courses_outbox",
                columns: new[] { "ProcessedAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_courses_owners_UserId",
                table: "courses_owners",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_courses_questions_CourseId",
                table: "courses_questions",
                column: "CourseId");

            migrationBuilder.CreateIndex(
                name: "IX_courses_sections_CourseId",
                table: "courses_sections",
                column: "CourseId");

            migrationBuilder.CreateIndex(
                name: "IX_courses_version_lessons_VersionId_Number",
                table: "courses_version_lessons",
                columns: new[] { "VersionId", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_courses_version_questions_VersionId",
                table: "courses_version_questions",
                column: "VersionId");

            migrationBuilder.CreateIndex(
                name: "IX_courses_versions_CourseId_Version",
                table: "courses_versions",
                columns: new[] { "CourseId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_courses_xapi_statements_Timestamp",
                table: "courses_xapi_statements",
                column: "Timestamp");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "courses_assignments");

            migrationBuilder.DropTable(
                name: "courses_attempts");

            migrationBuilder.DropTable(
                name: "courses_class_registrations");

            migrationBuilder.DropTable(
                name: "courses_classes");

            migrationBuilder.DropTable(
                name: "courses_completions");

            migrationBuilder.DropTable(
                name: "courses_enrolments");

            migrationBuilder.DropTable(
                name: "courses_lesson_citations");

            migrationBuilder.DropTable(
                name: "courses_lesson_progress");

            migrationBuilder.DropTable(
                name: "courses_lessons");

            migrationBuilder.DropTable(
                name: "courses_outbox");

            migrationBuilder.DropTable(
                name: "courses_owners");

            migrationBuilder.DropTable(
                name: "courses_questions");

            migrationBuilder.DropTable(
                name: "courses_version_lessons");

            migrationBuilder.DropTable(
                name: "courses_version_questions");

            migrationBuilder.DropTable(
                name: "courses_versions");

            migrationBuilder.DropTable(
                name: "courses_xapi_statements");

            migrationBuilder.DropTable(
                name: "courses_sections");

            migrationBuilder.DropTable(
                name: "courses_courses");
        }
    }
}
