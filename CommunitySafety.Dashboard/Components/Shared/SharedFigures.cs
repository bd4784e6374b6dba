using System.Runtime.CompilerServices;

namespace CommunitySafety.Dashboard.Components.Shared;

/// <summary>
/// A page's figures built from a figure the figures service shares (a data version's summary for a period and area),
/// built once and shared read-only by every open page showing the same; they are let go with that figure, when a new
/// version of the data replaces it. Each page's figures type has its own table.
/// </summary>
public static class SharedFigures<TFigures> where TFigures : class
{
    private static readonly ConditionalWeakTable<object, Task<TFigures>> Kept = new();

    /// <summary>
    /// The figures built from <paramref name="sharedBy"/>, building them the first time. <paramref name="build"/> must
    /// depend on nothing but what <paramref name="sharedBy"/> stands for, and takes no page's cancellation: others may
    /// be waiting for it. A build that fails is forgotten, so the next page tries again.
    /// </summary>
    /// <summary>The figures built from <paramref name="sharedBy"/> if their build has finished; null otherwise.</summary>
    public static TFigures? Built(object sharedBy) =>
        Kept.TryGetValue(sharedBy, out var task) && task.IsCompletedSuccessfully ? task.Result : null;

    public static async Task<TFigures> GetAsync(object sharedBy, Func<Task<TFigures>> build)
    {
        var task = Kept.GetValue(sharedBy, _ => build());
        try
        {
            return await task;
        }
        catch
        {
            if (Kept.TryGetValue(sharedBy, out var kept) && kept == task) Kept.Remove(sharedBy);
            throw;
        }
    }
}
