using System.Diagnostics;
using System.Reflection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansTraining.Silo.Hosting;
using OrleansTraining.Silo.Reminders;
using OrleansTraining.Silo.Storage;

namespace OrleansTraining.Silo.Runtime;

/// <summary>The grain runtime of one node: hands out references and routes each call to its activation.</summary>
internal sealed class GrainRuntime : IGrainFactory
{
    private readonly IServiceProvider _services;
    private readonly GrainTypeRegistry _registry;
    private readonly StorageRegistry _storage;

    public GrainRuntime(
        IServiceProvider services,
        GrainTypeRegistry registry,
        StorageRegistry storage,
        IOptions<GrainHostOptions> options,
        TimeProvider timeProvider,
        ILogger<GrainRuntime> logger)
    {
        _services = services;
        _registry = registry;
        _storage = storage;
        Options = options.Value;
        TimeProvider = timeProvider;
        Logger = logger;
        Catalog = new Catalog(this);
    }

    public GrainHostOptions Options { get; }

    public TimeProvider TimeProvider { get; }

    public ILogger Logger { get; }

    public Catalog Catalog { get; }

    /// <summary>Set by the reminder service when it starts; reminders need storage the runtime itself does not own.</summary>
    public ReminderService Reminders { get; set; } = null!;

    public TGrainInterface GetGrain<TGrainInterface>(string primaryKey) where TGrainInterface : IGrainWithStringKey
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(primaryKey);
        if (primaryKey.Any(char.IsControl))
        {
            throw new ArgumentException("A grain key cannot contain control characters.", nameof(primaryKey));
        }

        var grainClass = _registry.ForInterface(typeof(TGrainInterface));
        return CreateReference<TGrainInterface>(new GrainId(grainClass.TypeName, primaryKey));
    }

    /// <summary>A reference through <typeparamref name="TGrainInterface"/> to a grain known by its stored type name (reminders use this).</summary>
    public TGrainInterface CreateReference<TGrainInterface>(GrainId grainId) where TGrainInterface : IGrain
    {
        var proxy = DispatchProxy.Create<TGrainInterface, GrainProxy>();
        ((GrainProxy)(object)proxy).Bind(this, grainId);
        return proxy;
    }

    public bool IsRegisteredType(string typeName) => _registry.TryGetByTypeName(typeName, out _);

    public Grain CreateGrain(GrainContext context)
    {
        if (!_registry.TryGetByTypeName(context.Id.Type, out var grainClass))
        {
            throw new InvalidOperationException($"No grain class is registered for grain type '{context.Id.Type}'.");
        }

        return grainClass.Create(_services, context, _storage);
    }

    public object InvokeFromProxy(GrainId grainId, MethodInfo method, object?[] arguments)
    {
        var invoker = GrainMethodInvoker.For(method);
        invoker.CopyArguments(arguments);
        var task = SiloTelemetry.IsObserved ? DispatchObservedAsync(grainId, invoker, arguments) : Dispatch(grainId, invoker, arguments);
        return invoker.ToCallerResult(task, this, grainId);
    }

    /// <summary>Sends a message that reached a deactivating activation on to the grain's next activation.</summary>
    public void Forward(GrainId grainId, WorkItem item)
    {
        while (!Catalog.GetOrCreate(grainId).TryEnqueue(item))
        {
        }
    }

    private Task Dispatch(GrainId grainId, GrainMethodInvoker invoker, object?[] arguments)
    {
        var chain = CallChain.Current;
        while (true)
        {
            var task = Catalog.GetOrCreate(grainId).TryInvoke(invoker, arguments, chain);
            if (task is not null)
            {
                return task;
            }
        }
    }

    private Task DispatchObservedAsync(GrainId grainId, GrainMethodInvoker invoker, object?[] arguments)
    {
        var parent = Activity.Current;
        var activity = SiloTelemetry.StartCall(grainId, invoker.DisplayName);
        var started = Stopwatch.GetTimestamp();
        var task = Dispatch(grainId, invoker, arguments);

        // The call's span flowed into the grain; the caller carries on under its own span.
        Activity.Current = parent;
        if (task.IsCompleted)
        {
            SiloTelemetry.EndCall(activity, grainId, task, started);
            return task;
        }

        task.ContinueWith(
            (finished, _) => SiloTelemetry.EndCall(activity, grainId, finished, started),
            null,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return task;
    }
}
