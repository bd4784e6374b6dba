using CommunitySafety.Data;
using CommunitySafety.Tests.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CommunitySafety.Tests.Components;

/// <summary>
/// The component context over a real temporary database (<see cref="TestDatabase"/>). Every service that
/// AddCommunitySafetyData registers is served from that database's own provider, so a component finds whatever the
/// data layer offers, whichever of its services it happens to inject. What the component context already has (the
/// fake figures, the test's notifier) is kept.
/// </summary>
public abstract class DataComponentTestContext : ComponentTestContext, IAsyncLifetime
{
    protected TestDatabase Database { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        var data = Database.Services;
        // The app's own registration list, read rather than copied, so a service added to the data layer is served here too.
        var registered = new ServiceCollection().AddCommunitySafetyData(data.GetRequiredService<DataSettings>());
        foreach (var descriptor in registered.Where(d => !d.ServiceType.IsGenericTypeDefinition).DistinctBy(d => d.ServiceType))
        {
            var type = descriptor.ServiceType;
            Services.TryAdd(new ServiceDescriptor(type, _ => data.GetRequiredService(type), descriptor.Lifetime));
        }
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Database.DisposeAsync();
    }
}
