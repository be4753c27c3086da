namespace SafetyDuty.Graph.Sqlite;

// Node keys (nodes.key, which is also the node's rowid in the full-text index) are grouped by place: a place's
// number (places.code) times PerPlace, plus the node's order of arrival in that place. Nodes of no place
// (jurisdictions, sectors, laws) use range 0. A search in one place is then the full-text match narrowed to one
// rowid range, which FTS5 seeks to in each posting list; a search everywhere reads the postings in key order,
// a place at a time, and stops when its page is full. Within a place, keys follow loading order: a document's
// nodes in the order it gave them (its clauses in reading order).
internal static class NodeKeys
{
    public const long PerPlace = 1L << 24;

    public static (long First, long Last) Of(long place) => (Math.Max(1, place * PerPlace), ((place + 1) * PerPlace) - 1);

    public static long PlaceOf(long key) => key / PerPlace;
}
