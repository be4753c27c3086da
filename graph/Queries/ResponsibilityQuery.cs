using SafetyDuty.Graph.Model;

namespace SafetyDuty.Graph.Queries;

/// <summary>Answers "who is responsible for these topics here?" (燃气 + 餐饮 in 昆山市): every body with a role in the
/// topics' sectors (RoleModel: lead, assist, or a duty about them), place by place. Within a place, the bodies whose one
/// duty covers every topic come first, then those whose several duties cover them all, then those that lead or assist
/// on only some topics (a duty about only some, with no remit over them, is left out); within each, leads before
/// assists before other duties. Groups (各部门, 政府, 企业) come after the bodies.</summary>
public sealed class ResponsibilityQuery(AnswerCache cache)
{
    /// <summary>Answers per place when all places are asked and no other bound is given: a question then costs what a
    /// page shows, not what every place in the country says.</summary>
    public const int DefaultPerPlace = 20;

    /// <param name="snapshot">The content version to answer from (<see cref="ReadModel.CurrentAsync"/>).</param>
    /// <param name="topics">Sector names or synonyms, exactly as the taxonomy writes them; each stands for its sector
    /// and all sub-sectors, and a topic that names no sector covers nothing. (The API reads officers' own words with
    /// <see cref="TopicInterpreter"/> and asks with the topics it read.)</param>
    /// <param name="jurisdictionId">Restrict to one place; null for all places.</param>
    /// <param name="perPlace">At most this many answers per place; null for <see cref="DefaultPerPlace"/> over all
    /// places and no bound in one place.</param>
    public async Task<IReadOnlyList<Responsibility>> FindAsync(
        ReadModel.Snapshot snapshot,
        IReadOnlyList<string> topics,
        string? jurisdictionId,
        int? perPlace = null,
        CancellationToken cancellationToken = default)
    {
        var asked = new List<AskedTopic>();
        foreach (var topic in topics.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct())
        {
            asked.Add(new AskedTopic(topic, await snapshot.SectorClosureAsync(topic, cancellationToken)));
        }
        return await FindAsync(snapshot, asked, jurisdictionId, perPlace, cancellationToken: cancellationToken);
    }

    /// <param name="snapshot">The content version to answer from.</param>
    /// <param name="topics">The topics with the sectors each stands for (<see cref="TopicInterpreter.TopicsOf"/>).
    /// Two topics of the same sectors are one.</param>
    /// <param name="jurisdictionId">Restrict to one place; null for all places.</param>
    /// <param name="perPlace">At most this many answers per place; null for <see cref="DefaultPerPlace"/> over all
    /// places and no bound in one place.</param>
    /// <param name="skip">Answers to skip, counted over the places in order (a next page).</param>
    /// <param name="take">At most this many answers; the places after the page are not read.</param>
    public Task<IReadOnlyList<Responsibility>> FindAsync(
        ReadModel.Snapshot snapshot,
        IReadOnlyList<AskedTopic> topics,
        string? jurisdictionId,
        int? perPlace = null,
        int skip = 0,
        int take = int.MaxValue,
        CancellationToken cancellationToken = default)
    {
        var distinctTopics = topics
            .Select(t => (t.Name, SectorIds: t.Sectors.Select(s => s.Id).Distinct().Order(StringComparer.Ordinal).ToList()))
            .DistinctBy(t => string.Join('\n', t.SectorIds))
            .ToList();
        if (distinctTopics.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<Responsibility>>([]);
        }
        var limit = perPlace ?? (jurisdictionId is null ? DefaultPerPlace : int.MaxValue);
        // Each part length-prefixed, so no topic text can make two questions share a key; the names are part of the
        // answer (Responsibility.Topics), so they are part of the key.
        string Key() => "responsibilities/" + string.Concat(distinctTopics.SelectMany(t => new[] { t.Name, string.Join(',', t.SectorIds) })
            .Prepend(jurisdictionId ?? "").Prepend(string.Join(',', limit, skip, take))
            .Select(part => $"{part.Length}:{part}"));
        return cache.GetOrComputeAsync(snapshot.Version, Key, () => ComputeAsync(snapshot, distinctTopics, jurisdictionId, limit, skip, take, cancellationToken));
    }

    /// <summary>Topics to sectors: sector id → the indexes of the topics whose closure holds it (a sector can serve two
    /// topics). Everything after it works on sectors.</summary>
    private static Dictionary<string, HashSet<int>> ResolveTopics(List<(string Name, List<string> SectorIds)> topics)
    {
        var topicsOfSector = new Dictionary<string, HashSet<int>>();
        for (var i = 0; i < topics.Count; i++)
        {
            foreach (var sectorId in topics[i].SectorIds)
            {
                if (!topicsOfSector.TryGetValue(sectorId, out var set))
                {
                    topicsOfSector[sectorId] = set = [];
                }
                set.Add(i);
            }
        }
        return topicsOfSector;
    }

    private static async Task<IReadOnlyList<Responsibility>> ComputeAsync(
        ReadModel.Snapshot snapshot,
        List<(string Name, List<string> SectorIds)> distinctTopics,
        string? jurisdictionId,
        int perPlace,
        int skip,
        int take,
        CancellationToken cancellationToken)
    {
        var topicsOfSector = ResolveTopics(distinctTopics);
        if (topicsOfSector.Count == 0 || take == 0)
        {
            return [];
        }

        // Place by place, in the order of their names; a page reads the places up to its last answer, no further.
        IEnumerable<Jurisdiction> places = jurisdictionId is null
            ? snapshot.PlacesInNameOrder
            : snapshot.PlaceById(jurisdictionId) is { } one ? [one] : [];
        var topicNames = distinctTopics.Select(t => t.Name).ToList();
        var answers = new List<Responsibility>();
        foreach (var place in places)
        {
            var graph = await snapshot.PlaceGraphAsync(place, cancellationToken);
            foreach (var answer in AnswersIn(graph, topicsOfSector, topicNames).Take(perPlace))
            {
                if (skip > 0)
                {
                    skip--;
                    continue;
                }
                answers.Add(answer);
                if (answers.Count == take)
                {
                    return answers;
                }
            }
        }
        return answers;
    }

    // One place's answers, ranked: bodies before groups, whole matches before partial ones, leads first. Written as
    // loops: it runs for every place a question reads.
    private static List<Responsibility> AnswersIn(PlaceGraph graph, Dictionary<string, HashSet<int>> topicsOfSector, List<string> topicNames)
    {
        var table = graph.Roles;
        var covered = new bool[topicNames.Count];
        // Whether one duty's sectors serve every topic asked.
        bool CoversAllTopics(string dutyId)
        {
            Array.Clear(covered);
            var count = 0;
            foreach (var sectorId in table.SectorsOfDuty[dutyId])
            {
                if (!topicsOfSector.TryGetValue(sectorId, out var topics))
                {
                    continue;
                }
                foreach (var topic in topics)
                {
                    if (!covered[topic])
                    {
                        covered[topic] = true;
                        count++;
                    }
                }
            }
            return count == covered.Length;
        }

        // The roles in the topics' sectors, body by body.
        var rolesOfBody = new Dictionary<string, List<SectorRole>>(StringComparer.Ordinal);
        foreach (var sectorId in topicsOfSector.Keys)
        {
            foreach (var sectorRole in table.InSector(sectorId))
            {
                if (!rolesOfBody.TryGetValue(sectorRole.BodyId, out var roles))
                {
                    rolesOfBody[sectorRole.BodyId] = roles = [];
                }
                roles.Add(sectorRole);
            }
        }

        var answers = new List<(Responsibility Answer, int Tier)>(rolesOfBody.Count);
        var seenEvidence = new HashSet<string>(StringComparer.Ordinal);
        var seenBasis = new HashSet<RoleBasis>();
        var bodyTopics = new bool[topicNames.Count];
        foreach (var (bodyId, roles) in rolesOfBody)
        {
            var body = table.Bodies[bodyId];
            var isGroup = table.IsGroup(body.Id);
            var role = roles[0].Role;
            foreach (var sectorRole in roles)
            {
                role = sectorRole.Role < role ? sectorRole.Role : role;
            }
            // The duties that make the role first, then the body's other duties about the topics; each once. The
            // topics its roles serve; the grounds of its strongest role, each once.
            var evidenceIds = new List<string>();
            var basis = new List<RoleBasis>();
            seenEvidence.Clear();
            seenBasis.Clear();
            Array.Clear(bodyTopics);
            var topicCount = 0;
            for (var pass = 0; pass < 2; pass++)
            {
                var strongest = pass == 0;
                foreach (var sectorRole in roles)
                {
                    if (sectorRole.Role == role != strongest)
                    {
                        continue;
                    }
                    foreach (var id in sectorRole.Evidence)
                    {
                        if (seenEvidence.Add(id))
                        {
                            evidenceIds.Add(id);
                        }
                    }
                    if (strongest)
                    {
                        foreach (var ground in sectorRole.Basis)
                        {
                            if (seenBasis.Add(ground))
                            {
                                basis.Add(ground);
                            }
                        }
                    }
                    foreach (var topic in topicsOfSector[sectorRole.SectorId])
                    {
                        if (!bodyTopics[topic])
                        {
                            bodyTopics[topic] = true;
                            topicCount++;
                        }
                    }
                }
            }
            var oneDutyCoversAll = evidenceIds.Exists(id => !table.Duties[id].IsCommon && CoversAllTopics(id));
            var tier = oneDutyCoversAll ? 0 : topicCount == topicNames.Count ? 1 : 2;
            if (tier == 2 && role == Role.Duty)
            {
                // Part of the question, and no remit over it either (市气象局's lightning protection at chemical
                // stores, asked about chemicals on the road): a careful reader would not list it. A body that
                // leads or assists one topic for the whole place stays, as a partial match.
                continue;
            }
            var topicsServed = new List<string>(topicCount);
            for (var topic = 0; topic < bodyTopics.Length; topic++)
            {
                if (bodyTopics[topic])
                {
                    topicsServed.Add(topicNames[topic]);
                }
            }
            var match = oneDutyCoversAll && !isGroup ? TopicMatch.AllTopics : TopicMatch.SomeTopics;
            var evidence = new List<Duty>(evidenceIds.Count);
            foreach (var id in evidenceIds)
            {
                evidence.Add(table.Duties[id]);
            }
            answers.Add((new Responsibility(body, graph.Place, role, match, evidence, basis, topicsServed, isGroup), tier));
        }

        // Every answer is a different body, so the last key decides every tie.
        answers.Sort(static (x, y) =>
        {
            var (a, b) = (x.Answer, y.Answer);
            var order = a.IsGroup.CompareTo(b.IsGroup);
            order = order != 0 ? order : x.Tier.CompareTo(y.Tier);
            order = order != 0 ? order : a.Role.CompareTo(b.Role);
            order = order != 0 ? order : b.Topics.Count.CompareTo(a.Topics.Count);
            order = order != 0 ? order : b.Evidence.Count.CompareTo(a.Evidence.Count);
            order = order != 0 ? order : (a.Body.Source?.Start ?? int.MaxValue).CompareTo(b.Body.Source?.Start ?? int.MaxValue);
            return order != 0 ? order : string.CompareOrdinal(a.Body.Id, b.Body.Id);
        });
        return answers.ConvertAll(a => a.Answer);
    }
}
