using Training.Courses;
using Training.Organisation;
using Training.Site.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddTrainingHost(args);
builder.Services
    .AddOrganisation()
    .AddCourses();

var app = builder.Build();
app.UseTrainingHost();
app.MapOrganisation();
app.MapCourses();

return await app.RunSiteOrVerbAsync(args);

/// <summary>Entry point, visible to the functional tests.</summary>
public partial class Program;
