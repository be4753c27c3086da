using SafetyDuty.Graph.Model;
using SafetyDuty.Graph.Store;

namespace SafetyDuty.Graph.Queries;

/// <summary>Answers "who is responsible for these topics here?" (燃气 + 餐饮 in 昆山市): every body whose duties or
/// lead/assist relations touch the topics' sectors, the bodies with one duty covering every topic first.</summary>
public sealed class ResponsibilityQuery(IGraphStore store, AnswerCache cache)
{
    /// <param name="topics">Sector names or synonyms; each stands for its sector and all sub-sectors.</param>
    /// <param name="jurisdictionId">Restrict to one place; null for all places.</param>
    public Task<IReadOnlyList<Responsibility>> FindAsync(
        IReadOnlyList<string> topics,
        string? jurisdictionId,
        CancellationToken cancellationToken = default)
    {
        var distinctTopics = topics.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct().ToList();
        if (distinctTopics.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<Responsibility>>([]);
        }
        // Each part length-prefixed, so no topic text can make two questions share a key.
        var key = string.Concat(distinctTopics.Prepend(jurisdictionId ?? "").Select(part => $"{part.Length}:{part}"));
        key = "responsibilities/" + key;
        return cache.GetOrComputeAsync(key, () => ComputeAsync(distinctTopics, jurisdictionId, cancellationToken), cancellationToken);
    }

    private async Task<IReadOnlyList<Responsibility>> ComputeAsync(
        List<string> distinctTopics,
        string? jurisdictionId,
        CancellationToken cancellationToken)
    {

        // sector id → the indexes of the topics whose closure holds it (a sector can serve two topics).
        var topicsOfSector = new Dictionary<string, HashSet<int>>();
        for (var i = 0; i < distinctTopics.Count; i++)
        {
            foreach (var sector in await store.GetSectorClosureAsync(distinctTopics[i], cancellationToken))
            {
                if (!topicsOfSector.TryGetValue(sector.Id, out var set))
                {
                    topicsOfSector[sector.Id] = set = [];
                }
                set.Add(i);
            }
        }
        if (topicsOfSector.Count == 0)
        {
            return [];
        }

        var sectorIds = topicsOfSector.Keys.ToList();
        // In one place, only its edges into the (shared) sectors; everywhere, every place's.
        string[]? places = jurisdictionId is null ? null : [jurisdictionId];
        var covers = await store.GetEdgesAsync(sectorIds, EdgeType.Covers, Direction.Incoming, places, cancellationToken);
        var leads = await store.GetEdgesAsync(sectorIds, EdgeType.Lead, Direction.Incoming, places, cancellationToken);
        var assists = await store.GetEdgesAsync(sectorIds, EdgeType.Assist, Direction.Incoming, places, cancellationToken);

        var topicsOfDuty = new Dictionary<string, HashSet<int>>();
        foreach (var edge in covers)
        {
            if (!topicsOfDuty.TryGetValue(edge.FromId, out var set))
            {
                topicsOfDuty[edge.FromId] = set = [];
            }
            set.UnionWith(topicsOfSector[edge.ToId]);
        }

        var dutyIds = topicsOfDuty.Keys
            .Concat(leads.SelectMany(e => e.Evidence))
            .Concat(assists.SelectMany(e => e.Evidence))
            .ToHashSet();
        var duties = (await store.GetNodesAsync(dutyIds, cancellationToken))
            .OfType<Duty>()
            .Where(d => jurisdictionId is null || d.JurisdictionId == jurisdictionId)
            .ToDictionary(d => d.Id);

        var candidates = new Dictionary<string, Candidate>();
        Candidate CandidateOf(string bodyId) =>
            candidates.TryGetValue(bodyId, out var c) ? c : candidates[bodyId] = new Candidate();

        foreach (var duty in duties.Values)
        {
            if (!topicsOfDuty.TryGetValue(duty.Id, out var dutyTopics))
            {
                continue;
            }
            var candidate = CandidateOf(duty.OwnerId);
            candidate.Evidence.Add(duty.Id);
            candidate.Topics.UnionWith(dutyTopics);
            // 共同职责 (owned by the department group) bind every department at once: they count only where their own
            // text covers a topic, and never as one body's specific remit over all of them.
            if (duty.IsCommon)
            {
                candidate.Common = true;
            }
            else if (dutyTopics.Count == distinctTopics.Count)
            {
                candidate.OneDutyCoversAll = true;
            }
        }
        foreach (var (edges, isLead) in new[] { (leads, true), (assists, false) })
        {
            foreach (var edge in edges)
            {
                var evidence = edge.Evidence.Where(duties.ContainsKey).ToList();
                if (evidence.Count == 0)
                {
                    continue;
                }
                var candidate = CandidateOf(edge.FromId);
                candidate.Topics.UnionWith(topicsOfSector[edge.ToId]);
                candidate.Evidence.UnionWith(evidence);
                (isLead ? candidate.LeadEvidence : candidate.AssistEvidence).UnionWith(evidence);
                candidate.HasLeadEdge |= isLead;
            }
        }

        // A group body (各部门) answers only through the common duties that cover the topics; a group named as a
        // whole in a lead or assist relation (其他有关部门) names nobody in particular.
        var bodies = (await store.GetNodesAsync(candidates.Keys, cancellationToken))
            .OfType<Body>()
            .Where(b => b.Kind != BodyKind.Group || candidates[b.Id].Common)
            .ToList();
        var jurisdictions = (await store.GetNodesAsync(bodies.Select(b => b.JurisdictionId).ToHashSet(), cancellationToken))
            .OfType<Jurisdiction>()
            .ToDictionary(j => j.Id);

        var answers = new List<(Responsibility Answer, int TopicCount, bool Common)>();
        foreach (var body in bodies)
        {
            var candidate = candidates[body.Id];
            if (candidate.Evidence.Count == 0 || !jurisdictions.TryGetValue(body.JurisdictionId, out var jurisdiction))
            {
                continue;
            }
            var isGroup = body.Kind == BodyKind.Group;
            var evidence = candidate.Evidence
                .Select(id => duties[id])
                .Where(d => !isGroup || d.IsCommon)
                .OrderBy(d => d.DocumentId, StringComparer.Ordinal)
                .ThenBy(d => d.Source.Start)
                .ThenBy(d => d.Order)
                .ToList();
            // A body's own duty counts as leading unless the reader read it only as an assist (配合…).
            var leadsThem = candidate.HasLeadEdge || evidence.Any(d =>
                d.OwnerId == body.Id
                && (!candidate.AssistEvidence.Contains(d.Id) || candidate.LeadEvidence.Contains(d.Id)));
            var match = candidate.OneDutyCoversAll && !isGroup ? TopicMatch.AllTopics : TopicMatch.SomeTopics;
            answers.Add((new Responsibility(body, jurisdiction, leadsThem ? Role.Lead : Role.Assist, match, evidence), candidate.Topics.Count, isGroup));
        }

        // Specific bodies first; the department group's common duties, which bind all of them alike, after them.
        return answers
            .OrderBy(a => a.Common)
            .ThenBy(a => a.Answer.Match)
            .ThenBy(a => a.Answer.Role)
            .ThenByDescending(a => a.TopicCount)
            .ThenByDescending(a => a.Answer.Evidence.Count)
            .ThenBy(a => a.Answer.Jurisdiction.Name, StringComparer.Ordinal)
            .ThenBy(a => a.Answer.Body.Source?.Start ?? int.MaxValue)
            .ThenBy(a => a.Answer.Body.Id, StringComparer.Ordinal)
            .Select(a => a.Answer)
            .ToList();
    }

    private sealed class Candidate
    {
        public HashSet<string> Evidence { get; } = [];
        public HashSet<string> LeadEvidence { get; } = [];
        public HashSet<string> AssistEvidence { get; } = [];
        public HashSet<int> Topics { get; } = [];
        public bool OneDutyCoversAll { get; set; }
        public bool HasLeadEdge { get; set; }
        public bool Common { get; set; }
    }
}
