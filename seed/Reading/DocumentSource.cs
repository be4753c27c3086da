namespace SafetyDuty.Seed.Reading;

/// <summary>Gets the normalised text of a document file of any supported form (.txt and other plain text, .docx, .pdf,
/// .html/.htm), refusing files too large to be a duty list before reading them into memory, forms it cannot read (.doc,
/// .wps and the rest, with how to convert them) and decodings that are mostly not text.</summary>
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
        if (bytes.Length == 0)
        {
            throw new DocumentReadException(fileName, 0, 0, "文件为空 (empty file)");
        }

        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        RefuseOtherFormats(bytes, fileName, extension);
        var text = extension switch
        {
            ".docx" => DocxTextReader.Read(new MemoryStream(bytes, false), fileName),
            ".pdf" => PdfTextReader.Read(bytes, fileName),
            ".html" or ".htm" or ".xhtml" or ".shtml" => HtmlTextReader.Read(bytes, fileName),
            _ => TextDecoder.Decode(bytes, fileName),
        };
        TextDecoder.RefuseGarbage(text, fileName);
        return TextNormalizer.Normalize(text);
    }

    /// <summary>The file forms read as plain text.</summary>
    public static readonly IReadOnlySet<string> TextExtensions = new HashSet<string> { ".txt", ".text", ".md", "" };

    /// <summary>Every form the reader takes: plain text, Word 2007+, PDF and web pages.</summary>
    public static readonly IReadOnlySet<string> Extensions =
        new HashSet<string>(TextExtensions) { ".docx", ".pdf", ".html", ".htm", ".xhtml", ".shtml" };

    private const string HowToConvert = "请用 Word 或 WPS 打开后“另存为” .docx（Word 文档）再载入，或另存为 .txt / .pdf";

    // Legacy Word and WPS files are OLE compound files: their text sits in binary streams a plain-text reading would turn
    // into garbage. Refused by their bytes whatever they are called, and by their names; so is any form not read here.
    private static void RefuseOtherFormats(byte[] bytes, string fileName, string extension)
    {
        var compound = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
        if (extension is ".doc" or ".wps" or ".dot" or ".wpt" || compound && extension is not (".xls" or ".et" or ".ppt" or ".dps"))
        {
            var kind = extension == ".wps" ? "WPS 文字旧格式 (.wps)" : "旧版 Word 格式 (.doc)";
            throw new DocumentReadException(fileName, 0, 0,
                $"{fileName} 是{kind}，无法直接读取。{HowToConvert} (legacy .doc/.wps is not read: save it as .docx)");
        }

        if (Extensions.Contains(extension))
        {
            return;
        }

        var reason = extension switch
        {
            ".xls" or ".xlsx" or ".et" or ".csv" => $"{fileName} 是电子表格，不是职责清单文件。请把表格复制到 Word 另存为 .docx 再载入 (spreadsheets are not read)",
            ".ppt" or ".pptx" or ".dps" => $"{fileName} 是演示文稿，无法读取。{HowToConvert} (presentations are not read)",
            ".rtf" or ".odt" or ".wpt" => $"{fileName} 的格式 {extension} 无法读取。{HowToConvert} (save it as .docx)",
            ".ofd" or ".ceb" or ".caj" => $"{fileName} 是版式文件 {extension}，无法读取。请导出为 .pdf 或 .docx 再载入 (export it as .pdf or .docx)",
            _ => $"不支持的文件类型 {extension}：{fileName}。可读取 .txt、.docx、.pdf、.html/.htm (unsupported file type)",
        };
        throw new DocumentReadException(fileName, 0, 0, reason);
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
