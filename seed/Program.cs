// The command-line tool: `ingest` and `report`. Filled in by the reader issue.
return 0;
