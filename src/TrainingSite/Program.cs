using Training.Certification;
using Training.Courses;
using Training.LegalLibrary;
using Training.Organisation;
using Training.Reporting;
using Training.Site.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddTrainingHost(args);
builder.Services
    .AddOrganisation()
    .AddLegalLibrary()
    .AddCourses()
    .AddCertification()
    .AddReporting();

var app = builder.Build();
app.UseTrainingHost();
app.MapOrganisation();
app.MapLegalLibrary();
app.MapCourses();
app.MapCertification();
app.MapReporting();

return await app.RunSiteOrVerbAsync(args);

/// <summary>Entry point, visible to the functional tests.</summary>
public partial class Program;
