using Portal.Domain.Common;

namespace Portal.Infrastructure.Files;

/// <summary>
/// A file as it was posted, read into memory for <see cref="FileInspector"/> to check: an answer's files, an objection's,
/// a report's photo. The caller refuses a file above <see cref="FileInspector.MaxFileBytes"/> before reading it.
/// </summary>
public sealed record FileUpload(string? FileName, byte[] Content)
{
    public static async Task<FileUpload> ReadAsync(IFormFile file)
    {
        await using var stream = file.OpenReadStream();
        using var buffer = new MemoryStream((int)file.Length);
        await stream.CopyToAsync(buffer);
        return new FileUpload(file.FileName, buffer.ToArray());
    }

    /// <summary>
    /// Checks files sent together (an answer's, an objection's) before anything is stored: at most <paramref name="maxFiles"/>
    /// (else <paramref name="tooManyKey"/>), within the size limits, each of a type <see cref="FileInspector"/> accepts.
    /// Throws a <see cref="DomainException"/> with the key that says why not.
    /// </summary>
    public static IReadOnlyList<(FileUpload Upload, string ContentType)> CheckAll(IReadOnlyList<FileUpload> uploads, int maxFiles, string tooManyKey)
    {
        if (uploads.Count > maxFiles) throw new DomainException(tooManyKey);
        if (uploads.Sum(u => (long)u.Content.Length) > FileInspector.MaxApplicationBytes) throw new DomainException("Request.Error.FilesTooLarge");
        var checkedFiles = new List<(FileUpload Upload, string ContentType)>();
        foreach (var upload in uploads)
        {
            if (upload.Content.LongLength > FileInspector.MaxFileBytes) throw new DomainException("Request.Error.FileTooLarge");
            var inspection = FileInspector.Inspect(upload.FileName, upload.Content);
            if (!inspection.Accepted) throw new DomainException(inspection.RefusalKey!);
            checkedFiles.Add((upload, inspection.ContentType!));
        }
        return checkedFiles;
    }
}
