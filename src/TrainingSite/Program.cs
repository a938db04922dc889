using Training.Certification;
using Training.Organisation;
using Training.Site.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddTrainingHost(args);
builder.Services
    .AddOrganisation()
    .AddCertification();

var app = builder.Build();
app.UseTrainingHost();
app.MapOrganisation();
app.MapCertification();

return await app.RunSiteOrVerbAsync(args);

/// <summary>Entry point, visible to the functional tests.</summary>
public partial class Program;
