using Training.Organisation;
using Training.Reporting;
using Training.Site.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddTrainingHost(args);
builder.Services
    .AddOrganisation()
    .AddReporting();

var app = builder.Build();
app.UseTrainingHost();
app.MapOrganisation();
app.MapReporting();

return await app.RunSiteOrVerbAsync(args);

/// <summary>Entry point, visible to the functional tests.</summary>
public partial class Program;
