using Training.Courses.Bench;

// Bulk assignment benchmark (issue 10, item 9). Usage, from the repository root:
//   dotnet run -c Release --project bench/Courses.Bench -- timing [sqlite|postgres] [people=40000] [runs=3]
//   dotnet run -c Release --project bench/Courses.Bench -- kill [sqlite|postgres] [people=40000] [tries=5]
//   dotnet run -c Release --project bench/Courses.Bench -- markdown [small=6000] [large=24000] [runs=5]
// PostgreSQL uses the server in TRAINING_TEST_POSTGRES (as ./test.sh sets it) and creates a fresh database.
var repo = new DirectoryInfo(AppContext.BaseDirectory);
while (repo is not null && !File.Exists(Path.Combine(repo.FullName, "Training.sln"))) repo = repo.Parent;
// WebApplicationFactory finds the site's content root through this variable when run outside a test project.
Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_TRAININGSITE", Path.Combine(repo!.FullName, "src", "TrainingSite"));

string Arg(int i, string fallback) => args.ElementAtOrDefault(i) ?? fallback;
int Number(int i, int fallback) => int.TryParse(args.ElementAtOrDefault(i), out var v) ? v : fallback;
return Arg(0, "timing") switch
{
    "timing" => await AssignTiming.RunAsync(Arg(1, "sqlite"), Number(2, 40_000), Number(3, 3)),
    "kill" => await KillTest.RunAsync(Arg(1, "sqlite"), Number(2, 40_000), Number(3, 5)),
    "markdown" => await MarkdownTiming.RunAsync(Number(1, 6_000), Number(2, 24_000), Number(3, 5)),
    "kill-child" => await KillTest.ChildAsync(Arg(1, ""), Arg(2, ""), Arg(3, "")),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: timing|kill [sqlite|postgres] [people] [runs|tries] | markdown [small] [large] [runs]");
    return 2;
}
