namespace AdeBot.Storage;

/// The database behind the stores, whichever the provider: migrated at start-up and probed by
/// `/readyz`. The stores migrate on first use too, so a command without the hosted initializer works.
public interface IStorageDatabase
{
    /// The schema version this AdeBot expects (the last of its provider's migrations).
    int LatestSchemaVersion { get; }

    /// Creates what is missing and applies pending migrations; safe from several processes at once.
    Task InitializeAsync(CancellationToken cancellationToken);

    /// Whether the database answers, takes a write and carries this AdeBot's schema.
    Task<StorageReadiness> CheckReadinessAsync(CancellationToken cancellationToken);
}
