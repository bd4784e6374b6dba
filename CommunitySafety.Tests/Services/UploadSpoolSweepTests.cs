using CommunitySafety.Dashboard.Services;

namespace CommunitySafety.Tests.Services;

/// <summary>A starting app clears what a stopped one left half-uploaded, but not what another instance sharing the folder is uploading.</summary>
public sealed class UploadSpoolSweepTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("spool-sweep-").FullName;

    [Fact]
    public void Only_folders_untouched_for_an_hour_are_swept()
    {
        var now = DateTime.UtcNow;
        var left = Directory.CreateDirectory(Path.Combine(_root, "left-by-a-stopped-app")).FullName;
        File.WriteAllText(Path.Combine(left, "q1.csv"), "Month,Beat,Category,Count");
        File.SetLastWriteTimeUtc(Path.Combine(left, "q1.csv"), now.AddHours(-2));
        Directory.SetLastWriteTimeUtc(left, now.AddHours(-2));

        using var uploading = new UploadSpool(_root); // another instance's upload in progress
        File.WriteAllText(Path.Combine(uploading.Folder, "q2.csv"), "Month,Beat,Category,Count");

        UploadSpool.SweepStale(_root, now);

        Assert.False(Directory.Exists(left));
        Assert.True(File.Exists(Path.Combine(uploading.Folder, "q2.csv")));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
