using System.Globalization;
using System.Text;

namespace SafetyDuty.Seed.Reading;

/// <summary>Turns the bytes of a plain-text document into text. The encoding is detected from the bytes, never assumed:
/// a byte-order mark decides; otherwise strict UTF-8 is tried first (it rejects almost every GB18030 text), then strict
/// GB18030, which covers GBK and GB2312.</summary>
public static class TextDecoder
{
    private const int Gb18030CodePage = 54936;

    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Decode(ReadOnlySpan<byte> bytes, string fileName)
    {
        if (bytes.IsEmpty)
        {
            throw new DocumentReadException(fileName, 0, 0, "文件为空 (empty file)");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Strict(new UTF8Encoding(false, true), bytes[3..], fileName, "UTF-8");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Strict(new UnicodeEncoding(false, false, true), bytes[2..], fileName, "UTF-16LE");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Strict(new UnicodeEncoding(true, false, true), bytes[2..], fileName, "UTF-16BE");
        }

        RefuseBinary(bytes, fileName);

        try
        {
            return new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            // Not UTF-8: the Chinese national encoding is the only other one these documents come in without a BOM.
        }

        var gb18030 = Encoding.GetEncoding(Gb18030CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        return Strict(gb18030, bytes, fileName, "GB18030");
    }

    /// <summary>Refuses text that decoded without error but is not text: mostly characters no document contains
    /// (unassigned code points, private use, replacement characters, controls), as when bytes behind a UTF-16 BOM were
    /// written in another encoding. Such a "document" would be read as nothing, or as nonsense.</summary>
    public static void RefuseGarbage(string text, string fileName)
    {
        var seen = 0;
        var bad = 0;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            seen++;
            if (c == '\uFFFD' || char.GetUnicodeCategory(c) is UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse
                or UnicodeCategory.Surrogate or UnicodeCategory.Control)
            {
                bad++;
            }
        }

        if (seen > 0 && bad * 5 > seen)
        {
            throw new DocumentReadException(fileName, 0, 0,
                $"无法解码：{bad * 100 / seen}% 的字符是未分配、私用区或替换字符，文件的编码与其内容不符 (undecodable: mostly not text)。请另存为 UTF-8 文本或 .docx 再载入");
        }
    }

    private static string Strict(Encoding encoding, ReadOnlySpan<byte> bytes, string fileName, string name)
    {
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            var (line, column) = Position(bytes, e.Index);
            throw new DocumentReadException(fileName, line, column,
                $"无法按 {name} 解码：第 {Math.Max(e.Index, 0)} 字节处有非法字节序列 (undecodable bytes)", e);
        }
    }

    // NUL bytes and runs of control characters do not occur in text of any of the encodings we accept (UTF-16 has a BOM).
    private static void RefuseBinary(ReadOnlySpan<byte> bytes, string fileName)
    {
        var sample = bytes[..Math.Min(bytes.Length, 8192)];
        var control = 0;
        for (var i = 0; i < sample.Length; i++)
        {
            var b = sample[i];
            if (b == 0)
            {
                var (line, column) = Position(bytes, i);
                throw new DocumentReadException(fileName, line, column, "这是二进制文件，不是文本 (binary file: NUL byte)");
            }

            if (b < 0x20 && b is not (0x09 or 0x0A or 0x0D or 0x0C))
            {
                control++;
            }
        }

        if (control > sample.Length / 20)
        {
            throw new DocumentReadException(fileName, 0, 0, "这是二进制文件，不是文本 (binary file: control bytes)");
        }
    }

    private static (int Line, int Column) Position(ReadOnlySpan<byte> bytes, int index)
    {
        if (index < 0)
        {
            return (0, 0);
        }

        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < Math.Min(index, bytes.Length); i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, index - lineStart + 1);
    }
}
