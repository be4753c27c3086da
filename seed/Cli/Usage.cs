namespace SafetyDuty.Seed.Cli;

internal static class Usage
{
    public static int Print()
    {
        Console.Error.WriteLine("""
            用法 (usage):
              safetyduty-seed ingest [--json] --db PATH FILE_OR_FOLDER...   读取文件并写入知识库 (load documents)
                （不给 --db 时按配置 Store__Kind、Store__Path (without --db: configuration)）
              safetyduty-seed report [--json] FILE                 只读取、不写入，输出质量报告 (quality report)
              safetyduty-seed generate --places N --db PATH [--revision R]   生成合成知识库 (synthetic knowledge base)
            """);
        return 2;
    }
}
