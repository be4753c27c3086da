using GraphQL.DataLoader;
using GraphQL.Types;
using SafetyDuty.Graph.Model;
using SafetyDuty.Graph.Queries;

namespace SafetyDuty.Api.Schema;

/// <summary>GraphQL type <c>Body</c>.</summary>
public sealed class BodyGraphType : ObjectGraphType<Body>
{
    public BodyGraphType()
    {
        Name = "Body";
        Description = "单位/部门：部门、党委机构、议事机构、群团、企业、村等 (an organisational unit with duties).";
        Interface<NodeGraphType>();
        Field<NonNullGraphType<IdGraphType>, string>("id").Description("稳定 ID (stable id).").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>, string>("name").Description("文件中的名称，如 市公安局 (name as written).").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<StringGraphType>, string>("kind")
            .Description("类别：DEPARTMENT | PARTY_ORGAN | COMMITTEE | COMMITTEE_OFFICE | ENTERPRISE | GRASSROOTS … (kind).")
            .Resolve(c => ConstantCase.Of(c.Source.Kind));
        Field<StringGraphType, string?>("agencyType")
            .Description("跨地区、跨机构改革的规范职能，如 应急管理、市场监督管理 (canonical function); 未知时为空.")
            .Resolve(c => c.Source.AgencyType);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>, IReadOnlyList<string>>("aliases")
            .Description("文件引入的简称，如 区安委会 (short names).")
            .Resolve(c => c.Source.Aliases);
        Field<NonNullGraphType<JurisdictionGraphType>, object?>("jurisdiction")
            .Description("所在行政区域 (the place).")
            .Resolve(c => GraphBatchLoader.Of(c).NodeOrDeferred<Jurisdiction>(c.Source.JurisdictionId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DutyGraphType>>>, IDataLoaderResult<IReadOnlyList<Duty>>>("duties")
            .Description("本单位的职责条目，按文件顺序 (the body's duties, in document order).")
            .Windowed(ListWindow.MaxFirst)
            .Resolve(c => ListWindow.Apply(c, GraphBatchLoader.Of(c).Neighbours<Duty>(c.Source.Id, EdgeType.HasDuty, Direction.Outgoing), ListWindow.MaxFirst));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SectorGraphType>>>, object>("leads")
            .Description("牵头/主责的行业领域 (sectors the body leads).")
            .Resolve(c => GraphBatchLoader.Of(c).NeighboursOrDeferred<Sector>(c.Source.Id, EdgeType.Lead, Direction.Outgoing));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SectorGraphType>>>, IDataLoaderResult<IReadOnlyList<Sector>>>("assists")
            .Description("配合/协助的行业领域；已牵头的领域不再列出 (sectors the body assists on and does not lead).")
            .Resolve(c => GraphBatchLoader.Of(c).AssistsNotLed(c.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SectorShareGraphType>>>, IReadOnlyList<SectorShare>>("shares")
            .Description("与谁共同负责：本单位牵头或配合的每个行业领域，及同一地区牵头、配合该领域的其他单位 (each sector the body leads or assists, with the other bodies of its place that lead or assist it).")
            .ResolveAsync(async c =>
            {
                var snapshot = await GraphBatchLoader.Of(c).SnapshotAsync(c.CancellationToken);
                return snapshot.PlaceById(c.Source.JurisdictionId) is { } place
                    ? (await snapshot.PlaceGraphAsync(place, c.CancellationToken)).Roles.SharesOf(c.Source, snapshot.Taxonomy)
                    : [];
            });
        Field<NonNullGraphType<BooleanGraphType>, bool>("isGroup")
            .Description("部门组或泛称（各部门、政府、企业、党委、其他部门…）：保留其职责，但不作为具体部门排名 (a group or a name for many).")
            .Resolve(c => BodyGroups.IsGroup(c.Source));
        Field<BodyGraphType, object?>("hostedBy")
            .Description("挂靠单位，如 区安委会办公室 设在 区应急管理局 (the body hosting this one).")
            .Resolve(c => GraphBatchLoader.Of(c).NodeOrDeferred<Body>(c.Source.HostedById));
    }
}

/// <summary>GraphQL type <c>SectorShare</c>: one sector a body leads or assists, and who else does.</summary>
public sealed class SectorShareGraphType : ObjectGraphType<SectorShare>
{
    public SectorShareGraphType()
    {
        Name = "SectorShare";
        Description = "本单位牵头或配合的一个行业领域，及同一地区的其他牵头、配合单位 (a sector the body leads or assists, and who else does).";
        Field<NonNullGraphType<SectorGraphType>, Sector>("sector").Description("行业领域 (the sector).").Resolve(c => c.Source.Sector);
        Field<NonNullGraphType<RoleGraphType>, Role>("role").Description("本单位在该领域的角色：牵头或配合 (the body's own role: lead or assist).").Resolve(c => c.Source.Role);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<BodyGraphType>>>, IReadOnlyList<Body>>("lead")
            .Description("同一地区牵头该领域的其他单位 (the other bodies of the place that lead it).")
            .Resolve(c => c.Source.Lead);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<BodyGraphType>>>, IReadOnlyList<Body>>("assist")
            .Description("同一地区配合该领域的其他单位 (the other bodies of the place that assist on it).")
            .Resolve(c => c.Source.Assist);
    }
}
