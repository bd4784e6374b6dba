using System.Text;
using CommunitySafety.Dashboard.Services;
using CommunitySafety.Data.Audit;
using CommunitySafety.Data.Import;
using CommunitySafety.Data.Storage;
using CommunitySafety.Tests.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CommunitySafety.Tests.Services;

/// <summary>An import on the Imports page that must wait for another server's import says so while it waits.</summary>
public sealed class ImportSessionWaitingTests
{
    /// <summary>A writer that, like PostgreSQL's when another instance holds the import lock, says it waits, then waits to be let go.</summary>
    private sealed class WaitingWriter(IImportWriter inner) : IImportWriter
    {
        public TaskCompletionSource LetGo { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<WrittenImport> WriteAsync(NewImport import, CancellationToken cancellationToken = default)
        {
            import.Waiting?.Invoke(PostgreSqlImportWriter.WaitingSentence);
            await LetGo.Task.WaitAsync(cancellationToken);
            return await inner.WriteAsync(import, cancellationToken);
        }
    }

    [Fact]
    public async Task While_another_servers_import_is_written_the_page_says_its_import_waits_then_imports()
    {
        await using var db = await TestDatabase.CreateAsync();
        var writer = new WaitingWriter(db.NewWriter());
        using var session = new ImportSession(db.ImporterWith(writer), db.Services.GetRequiredService<BeatMapStore>(), new ErrorReportDownloads(),
            Path.Combine(db.Folder, "incoming"), new ImportsOptions(), NullLogger.Instance,
            () => Task.FromResult(TestPeople.Manager("Sam Analyst")), db.Services.GetRequiredService<AuditLog>());
        var waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        session.Changed += () => { if (session.WaitingForAnotherImport) waiting.TrySetResult(); };

        var bytes = Encoding.UTF8.GetBytes("Month,Beat,Category,Count\n2023-04,Town,ASB,3\n");
        await session.StartAsync([new IncomingFile("q1.csv", bytes.Length, _ => new MemoryStream(bytes))]);
        Assert.Equal(ImportStep.Preview, session.Step);
        var commit = session.CommitAsync(new Dictionary<string, string>());

        await waiting.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(ImportStep.Importing, session.Step);
        Assert.StartsWith("Another import is being written, perhaps from another server. Yours will be written as soon as it has finished", session.Status);

        writer.LetGo.SetResult();
        await commit.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(ImportStep.Done, session.Step);
        Assert.DoesNotContain("Another import", session.Status);
    }
}
