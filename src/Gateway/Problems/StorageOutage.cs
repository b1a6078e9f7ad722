using Npgsql;

namespace OrleansTraining.Gateway.Problems;

/// <summary>
/// Whether a grain call failed because the database is unreachable or not yet serving (stopped, restarting, the
/// network down, too many connections): a fault that passes by itself, so a 503 to retry rather than a 500. Orleans
/// wraps the driver's exception (an OrleansException "Error from storage provider …" around it); the driver says
/// itself which of its failures are transient.
/// </summary>
public static class StorageOutage
{
    public static bool Caused(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is NpgsqlException { IsTransient: true })
            {
                return true;
            }

            if (current is AggregateException aggregate)
            {
                return aggregate.InnerExceptions.Any(Caused);
            }
        }

        return false;
    }
}
