using Training.Courses.Data;
using Training.Courses.Questions;

namespace Training.Courses.Tests.Domain;

public sealed class ItemStatisticsTests
{
    [Fact]
    public void FacilityIsTheMeanCreditAndDiscriminationThePearsonCorrelationWithTheRestScore()
    {
        var s = new ItemStatistics();
        s.Add(1m, 0.9m);
        s.Add(1m, 0.7m);
        s.Add(0m, 0.4m);
        s.Add(0m, 0.2m);
        Assert.Equal(4, s.Attempts);
        Assert.Equal(0.5, s.Facility);
        // x̄ = 0.5, ȳ = 0.55; cov = Σ(x−x̄)(y−ȳ) = 0.5·0.35 + 0.5·0.15 + 0.5·0.15 + 0.5·0.35 = 0.5;
        // Σ(x−x̄)² = 1, Σ(y−ȳ)² = 0.35² ·2 + 0.15² ·2 = 0.29 → r = 0.5 / √0.29.
        Assert.Equal(0.5 / Math.Sqrt(0.29), s.Discrimination!.Value, 10);
    }

    [Fact]
    public void AQuestionEveryoneGetsRightHasNoDiscrimination()
    {
        var s = new ItemStatistics();
        s.Add(1m, 0.2m);
        s.Add(1m, 0.9m);
        Assert.Equal(1.0, s.Facility);
        Assert.Null(s.Discrimination);
        Assert.Null(new ItemStatistics().Facility);
    }

    [Fact]
    public async Task TheRestScoreLeavesTheQuestionItselfOut()
    {
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        static async IAsyncEnumerable<List<GivenAnswer>> Attempts(Guid a, Guid b)
        {
            yield return [new(a, [], true, null, 1m), new(b, [], false, null, 0m)];
            yield return [new(a, [], false, null, 0m), new(b, [], true, null, 1m)];
            yield return [new(a, [], true, null, 1m), new(b, [], true, null, 1m)];
            await Task.CompletedTask;
        }
        var stats = await ItemAnalysis.ComputeAsync(Attempts(a, b), CancellationToken.None);
        Assert.Equal(3, stats[a].Attempts);
        Assert.Equal(2.0 / 3, stats[a].Facility!.Value, 10);
        // a's credits 1,0,1 against b's 0,1,1: r = −0.5.
        Assert.Equal(-0.5, stats[a].Discrimination!.Value, 10);
    }
}
