using System.Net;
using Training.Testing.Cluster;

namespace Training.Site.Tests.Cluster;

/// <summary>The test harness itself: real site processes on one PostgreSQL database behind nginx on loopback.</summary>
public sealed class SiteClusterTests
{
    [Fact]
    public async Task TwoNodesBehindNginxShareASignInAndKeepServingWhenOneIsKilled()
    {
        await using var cluster = await SiteCluster.StartAsync(nodes: 2, seedDemo: true);
        Assert.NotEqual(cluster.Nodes[0].DataPath, cluster.Nodes[1].DataPath);

        // Signed in on node 0, the same cookie is accepted by node 1 (keys in the database).
        var cookies = new CookieContainer();
        using (var first = cluster.Nodes[0].CreateClient(cookies))
            await first.SignInAsync("learner");
        using (var second = cluster.Nodes[1].CreateClient(cookies))
        {
            var page = await second.GetAsync("/learning");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("Học tập của tôi", await page.Content.ReadAsStringAsync());
        }

        // nginx sends requests to both nodes...
        using var client = cluster.CreateClient();
        var upstreams = new HashSet<string>();
        for (var i = 0; i < 10; i++)
        {
            var health = await client.GetAsync("/health");
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            upstreams.Add(health.Headers.GetValues("X-Upstream").Single());
        }
        Assert.Equal(cluster.Nodes.Select(n => $"127.0.0.1:{n.Port}").Order(), upstreams.Order());

        // ...and when one is killed, every request still gets an answer from the other.
        cluster.Nodes[0].Kill();
        for (var i = 0; i < 20; i++)
        {
            var health = await client.GetAsync("/health");
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.EndsWith($":{cluster.Nodes[1].Port}", health.Headers.GetValues("X-Upstream").Single());
        }
    }
}
