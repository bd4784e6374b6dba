using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CommunitySafety.Tests.Deployment;

/// <summary>deploy/'s nginx site for two instances is one nginx accepts, and routes each browser to one instance.</summary>
public sealed class TwoInstancesNginxTests : IDisposable
{
    private const string Site = "nginx-community-safety-two-instances.conf";
    private readonly string _folder = Directory.CreateTempSubdirectory("community-safety-nginx-").FullName;

    [Fact]
    public void The_two_instance_site_passes_nginx_t_with_sticky_routing_to_two_servers()
    {
        Assert.True(File.Exists(PublishedDeployment.NginxPath), $"{PublishedDeployment.NginxPath} is missing: apt-get install nginx (scripts/test.sh does this).");
        var site = File.ReadAllText(Path.Combine(PublishedDeployment.DeployFolder, Site));
        Assert.Contains("hash $community_safety_instance consistent;", site);
        Assert.Equal(2, site.Split('\n').Count(l => l.TrimStart().StartsWith("server 10.0.0.", StringComparison.Ordinal)));

        var (certificate, key) = (Path.Combine(_folder, "site.pem"), Path.Combine(_folder, "site.key"));
        var (sslExit, sslOutput) = Run("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost", "-keyout", key, "-out", certificate]);
        Assert.True(sslExit == 0, $"openssl could not make a certificate: {sslOutput}");
        site = site
            .Replace("    listen [::]:80;\n", "", StringComparison.Ordinal)
            .Replace("    listen [::]:443 ssl;\n", "", StringComparison.Ordinal)
            .Replace("listen 80;", $"listen 127.0.0.1:{FreePort()};", StringComparison.Ordinal)
            .Replace("listen 443 ssl;", $"listen 127.0.0.1:{FreePort()} ssl;", StringComparison.Ordinal)
            .Replace("/etc/ssl/certs/community-safety.pem", certificate, StringComparison.Ordinal)
            .Replace("/etc/ssl/private/community-safety.key", key, StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(_folder, "site.conf"), site);
        var temp = string.Join("\n", new[] { "client_body", "proxy", "fastcgi", "uwsgi", "scgi" }.Select(t => $"    {t}_temp_path {Path.Combine(_folder, t)};"));
        var configuration = Path.Combine(_folder, "nginx.conf");
        File.WriteAllText(configuration, $$"""
            {{(Environment.UserName == "root" ? "user root;" : "")}}
            worker_processes 1;
            pid {{Path.Combine(_folder, "nginx.pid")}};
            error_log {{Path.Combine(_folder, "error.log")}} warn;
            events { worker_connections 64; }
            http {
                access_log off;
            {{temp}}
                include {{Path.Combine(_folder, "site.conf")}};
            }
            """);

        var (exit, output) = Run(PublishedDeployment.NginxPath, ["-t", "-p", _folder + "/", "-c", configuration]);
        Assert.True(exit == 0, $"nginx -t refused deploy/{Site}:\n{output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static (int Exit, string Output) Run(string file, string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result + error);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
