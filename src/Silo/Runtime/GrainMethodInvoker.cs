using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;

namespace OrleansTraining.Silo.Runtime;

/// <summary>
/// Calls one grain interface method on a grain object through a compiled delegate, and shapes its result:
/// copying mutable arguments and results, adding the response timeout, converting ValueTask for the caller.
/// </summary>
internal abstract class GrainMethodInvoker
{
    private static readonly ConcurrentDictionary<MethodInfo, GrainMethodInvoker> Cache = new();

    private readonly bool[] _copyArgument;

    protected GrainMethodInvoker(MethodInfo method)
    {
        Method = method;
        DisplayName = $"{method.DeclaringType!.Name}.{method.Name}";
        ReturnsValueTask = method.ReturnType == typeof(ValueTask)
            || (method.ReturnType.IsGenericType && method.ReturnType.GetGenericTypeDefinition() == typeof(ValueTask<>));
        _copyArgument = method.GetParameters().Select(p => !DeepCopier.IsImmutable(p.ParameterType)).ToArray();
        CopiesArguments = _copyArgument.Any(c => c);
    }

    public MethodInfo Method { get; }

    /// <summary>Interface and method, for errors, logs and spans.</summary>
    public string DisplayName { get; }

    protected bool ReturnsValueTask { get; }

    private bool CopiesArguments { get; }

    public static GrainMethodInvoker For(MethodInfo method) => Cache.GetOrAdd(method, Create);

    public static void ValidateInterface(Type grainInterface)
    {
        foreach (var method in grainInterface.GetMethods())
        {
            For(method);
        }
    }

    /// <summary>Starts the method on the grain. Never throws: a synchronous exception becomes a faulted task.</summary>
    public abstract Task Call(object grain, object?[] arguments);

    /// <summary>A queued call whose task the caller awaits until the activation runs it.</summary>
    public abstract WorkItem CreateWorkItem(object?[] arguments, CallChain? chain);

    /// <summary>What the proxy returns to the caller: a task (with timeout and copied result) or a ValueTask around it.</summary>
    public abstract object ToCallerResult(Task task, GrainRuntime runtime, GrainId grainId);

    public void CopyArguments(object?[] arguments)
    {
        if (!CopiesArguments)
        {
            return;
        }

        for (var i = 0; i < arguments.Length; i++)
        {
            if (_copyArgument[i])
            {
                arguments[i] = DeepCopier.Copy(arguments[i]);
            }
        }
    }

    protected TimeoutException TimedOut(GrainRuntime runtime, GrainId grainId) =>
        new($"Call to {DisplayName} on grain {grainId} (type '{grainId.Type}', key '{grainId.Key}') did not answer within {runtime.Options.ResponseTimeout}.");

    private static GrainMethodInvoker Create(MethodInfo method)
    {
        var returnType = method.ReturnType;
        if (returnType == typeof(Task) || returnType == typeof(ValueTask))
        {
            return new VoidInvoker(method);
        }

        if (returnType.IsGenericType && (returnType.GetGenericTypeDefinition() == typeof(Task<>) || returnType.GetGenericTypeDefinition() == typeof(ValueTask<>)))
        {
            var resultType = returnType.GetGenericArguments()[0];
            return (GrainMethodInvoker)Activator.CreateInstance(typeof(ResultInvoker<>).MakeGenericType(resultType), method)!;
        }

        throw new InvalidOperationException(
            $"Grain method {method.DeclaringType!.Name}.{method.Name} returns {returnType.Name}; grain methods return Task, Task<T>, ValueTask or ValueTask<T>.");
    }

    /// <summary>Compiles (grain, args) => ((TInterface)grain).Method((T0)args[0], …) returning the method's own return type.</summary>
    protected static Func<object, object?[], TReturn> Compile<TReturn>(MethodInfo method)
    {
        var grain = Expression.Parameter(typeof(object), "grain");
        var arguments = Expression.Parameter(typeof(object?[]), "arguments");
        var parameters = method.GetParameters()
            .Select((p, i) => (Expression)Expression.Convert(Expression.ArrayIndex(arguments, Expression.Constant(i)), p.ParameterType));
        var call = Expression.Call(Expression.Convert(grain, method.DeclaringType!), method, parameters);
        return Expression.Lambda<Func<object, object?[], TReturn>>(call, grain, arguments).Compile();
    }

    private sealed class VoidInvoker : GrainMethodInvoker
    {
        private readonly Func<object, object?[], Task>? _taskCall;
        private readonly Func<object, object?[], ValueTask>? _valueTaskCall;

        public VoidInvoker(MethodInfo method)
            : base(method)
        {
            if (ReturnsValueTask)
            {
                _valueTaskCall = Compile<ValueTask>(method);
            }
            else
            {
                _taskCall = Compile<Task>(method);
            }
        }

        public override Task Call(object grain, object?[] arguments)
        {
            try
            {
                return _taskCall is not null ? _taskCall(grain, arguments) : _valueTaskCall!(grain, arguments).AsTask();
            }
            catch (Exception exception)
            {
                return Task.FromException(exception);
            }
        }

        public override WorkItem CreateWorkItem(object?[] arguments, CallChain? chain) => new CallWorkItem<object?>(this, arguments, chain);

        public override object ToCallerResult(Task task, GrainRuntime runtime, GrainId grainId)
        {
            if (!task.IsCompleted)
            {
                task = WithTimeout(task, runtime, grainId);
            }

            return ReturnsValueTask ? new ValueTask(task) : task;
        }

        private async Task WithTimeout(Task task, GrainRuntime runtime, GrainId grainId)
        {
            try
            {
                await task.WaitAsync(runtime.Options.ResponseTimeout, runtime.TimeProvider).ConfigureAwait(false);
            }
            catch (TimeoutException) when (!task.IsCompleted)
            {
                throw TimedOut(runtime, grainId);
            }
        }
    }

    private sealed class ResultInvoker<TResult> : GrainMethodInvoker
    {
        private static readonly bool CopiesResult = !DeepCopier.IsImmutable(typeof(TResult));
        private readonly Func<object, object?[], Task<TResult>>? _taskCall;
        private readonly Func<object, object?[], ValueTask<TResult>>? _valueTaskCall;

        public ResultInvoker(MethodInfo method)
            : base(method)
        {
            if (ReturnsValueTask)
            {
                _valueTaskCall = Compile<ValueTask<TResult>>(method);
            }
            else
            {
                _taskCall = Compile<Task<TResult>>(method);
            }
        }

        public override Task Call(object grain, object?[] arguments)
        {
            try
            {
                return _taskCall is not null ? _taskCall(grain, arguments) : _valueTaskCall!(grain, arguments).AsTask();
            }
            catch (Exception exception)
            {
                return Task.FromException<TResult>(exception);
            }
        }

        public override WorkItem CreateWorkItem(object?[] arguments, CallChain? chain) => new CallWorkItem<TResult>(this, arguments, chain);

        public override object ToCallerResult(Task task, GrainRuntime runtime, GrainId grainId)
        {
            var typed = (Task<TResult>)task;
            if (!typed.IsCompleted)
            {
                typed = WithTimeout(typed, runtime, grainId);
            }
            else if (CopiesResult && typed.IsCompletedSuccessfully)
            {
                typed = Task.FromResult((TResult)DeepCopier.Copy(typed.Result)!);
            }

            return ReturnsValueTask ? new ValueTask<TResult>(typed) : typed;
        }

        private async Task<TResult> WithTimeout(Task<TResult> task, GrainRuntime runtime, GrainId grainId)
        {
            try
            {
                var result = await task.WaitAsync(runtime.Options.ResponseTimeout, runtime.TimeProvider).ConfigureAwait(false);
                return CopiesResult ? (TResult)DeepCopier.Copy(result)! : result;
            }
            catch (TimeoutException) when (!task.IsCompleted)
            {
                throw TimedOut(runtime, grainId);
            }
        }
    }
}
