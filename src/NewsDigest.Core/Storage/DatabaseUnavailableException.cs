namespace NewsDigest.Core.Storage;

/// <summary>
/// The database file cannot be opened for writing at start: the folder or the file is not
/// writable, or the file is not a (sound) SQLite database. <see cref="Cause"/> is for people
/// ("the folder is not writable"); the message is the one line the portal and the command-line
/// tools print before they exit.
/// </summary>
public sealed class DatabaseUnavailableException(string path, string cause, Exception? innerException = null)
    : Exception($"cannot open database {path}: {cause}", innerException)
{
    public string Path { get; } = path;

    public string Cause { get; } = cause;
}
