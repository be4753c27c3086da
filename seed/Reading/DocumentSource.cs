namespace SafetyDuty.Seed.Reading;

/// <summary>Gets the normalised text of a document file of any supported form (.txt and other plain text, .docx, .pdf),
/// refusing files too large to be a duty list before reading them into memory.</summary>
public static class DocumentSource
{
    /// <summary>The largest file accepted. The longest real duty lists are well under 1 MB as text.</summary>
    public const long MaxBytes = 20L * 1024 * 1024;

    public static string ReadText(string path)
    {
        var name = Path.GetFileName(path);
        FileInfo info = new(path);
        if (!info.Exists)
        {
            throw new DocumentReadException(name, 0, 0, "文件不存在 (file not found)");
        }

        if (info.Length > MaxBytes)
        {
            throw TooLarge(name, info.Length);
        }

        using var stream = info.OpenRead();
        return ReadText(stream, name);
    }

    public static string ReadText(Stream stream, string fileName)
    {
        var bytes = ReadCapped(stream, fileName);
        var extension = Path.GetExtension(fileName).ToUpperInvariant();
        var text = extension switch
        {
            ".DOCX" => DocxTextReader.Read(new MemoryStream(bytes, false), fileName),
            ".PDF" => PdfTextReader.Read(bytes, fileName),
            ".DOC" => throw new DocumentReadException(fileName, 0, 0, "不支持旧版 .doc 格式，请另存为 .docx (legacy .doc not supported)"),
            _ => TextDecoder.Decode(bytes, fileName),
        };
        if (bytes.Length == 0)
        {
            throw new DocumentReadException(fileName, 0, 0, "文件为空 (empty file)");
        }

        return TextNormalizer.Normalize(text);
    }

    private static byte[] ReadCapped(Stream stream, string fileName)
    {
        if (stream.CanSeek && stream.Length - stream.Position > MaxBytes)
        {
            throw TooLarge(fileName, stream.Length);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBytes)
            {
                throw TooLarge(fileName, buffer.Length);
            }
        }

        return buffer.ToArray();
    }

    private static DocumentReadException TooLarge(string fileName, long length) =>
        new(fileName, 0, 0, $"文件过大：{length / (1024 * 1024)} MB，上限 {MaxBytes / (1024 * 1024)} MB (file too large)");
}
