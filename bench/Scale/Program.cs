using Training.Scale.Bench;

// National-scale generator and dashboard benchmark (issue 13, item 5). See docs/benchmarks-scale.md.
//   dotnet run -c Release --project bench/Scale -- migrate|generate [scale]|backfill [--force]|measure [runs]|dry
// SCALE_PG: the PostgreSQL connection string (default: the persistent cluster of bench/scale-pg.sh on port 5499).
var connection = Environment.GetEnvironmentVariable("SCALE_PG") ?? "Host=127.0.0.1;Port=5499;Username=postgres;Database=scale;Command Timeout=0";
var verb = args.ElementAtOrDefault(0) ?? "measure";
Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_TRAININGSITE", Repo.SitePath);
switch (verb)
{
    case "migrate":
        await Migrate.RunAsync(connection);
        break;
    case "generate":
        // An optional second argument scales the row counts (0.01 = 20,000 staff) to try the generator quickly.
        await Generate.RunAsync(connection, double.TryParse(args.ElementAtOrDefault(1), System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : 1.0);
        break;
    case "backfill":
        await Backfill.RunAsync(connection, args.Contains("--force"));
        break;
    case "measure":
        await Measure.RunAsync(connection, int.TryParse(args.ElementAtOrDefault(1), out var runs) ? runs : 20);
        break;
    case "dry":
        {
            var org = new OrgModel(Generate.UnitCount);
            var staff = Generate.Staff;
            Console.WriteLine($"units={org.Units.Count} provinces={org.Units.Count(u => u.Depth == 1)} departments={org.Units.Count(u => u.Depth == 2)} leaves={org.Units.Count(u => u.Depth == 3)}");
            var perProvince = new int[Names.Provinces.Length];
            for (long p = 0; p < staff; p++) perProvince[org.UnitOf(p).Province]++;
            Console.WriteLine($"staff per province: min={perProvince.Min():N0} median={perProvince.Order().ElementAt(31):N0} max={perProvince.Max():N0}");
            Console.WriteLine($"certificates for {staff:N0} staff: {Certificates.DryCount(staff):N0}");
            break;
        }
    default:
        Console.Error.WriteLine("usage: Scale migrate|generate [scale]|backfill [--force]|measure [runs]|dry");
        return 2;
}
return 0;
