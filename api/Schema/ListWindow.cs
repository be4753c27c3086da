using System.Globalization;
using GraphQL;
using GraphQL.Builders;
using GraphQL.DataLoader;

namespace SafetyDuty.Api.Schema;

/// <summary>Optional <c>first</c> and <c>offset</c> arguments on a plain list field, so that no list grows with the
/// number of places loaded (a law cited in a thousand places' documents): the field keeps its list type, a client
/// that asks nothing gets the first <c>defaultFirst</c> items, and one that wants more asks for the next window.</summary>
public static class ListWindow
{
    /// <summary>The most items any list field returns in one answer.</summary>
    public const int MaxFirst = 1000;

    /// <summary>Adds the two arguments, documented with the field's default.</summary>
    public static FieldBuilder<TSource, TReturn> Windowed<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, int defaultFirst) =>
        field
            .Argument<GraphQL.Types.IntGraphType>("first",
                string.Create(CultureInfo.InvariantCulture, $"至多返回条数，默认 {defaultFirst}，至多 {MaxFirst} (at most this many; default {defaultFirst}, at most {MaxFirst})."))
            .Argument<GraphQL.Types.IntGraphType>("offset", "跳过前若干条，默认 0 (skip this many first; default 0).");

    /// <summary>The window of <paramref name="items"/> the field's arguments ask for.</summary>
    public static IReadOnlyList<T> Apply<T>(IResolveFieldContext context, IReadOnlyList<T> items, int defaultFirst)
    {
        var (skip, take) = Of(context, defaultFirst);
        return skip == 0 && take >= items.Count ? items : [.. items.Skip(skip).Take(take)];
    }

    /// <summary>The window of a list still to be fetched.</summary>
    public static IDataLoaderResult<IReadOnlyList<T>> Apply<T>(IResolveFieldContext context, IDataLoaderResult<IReadOnlyList<T>> items, int defaultFirst)
    {
        var (skip, take) = Of(context, defaultFirst);
        return new Window<T>(items, skip, take);
    }

    /// <summary>How many to skip and how many to take; arguments out of range are the client's error.</summary>
    public static (int Skip, int Take) Of(IResolveFieldContext context, int defaultFirst)
    {
        var first = context.GetArgument<int?>("first") ?? defaultFirst;
        if (first is < 0 or > MaxFirst)
        {
            throw RequestErrors.InvalidArgument(string.Create(CultureInfo.InvariantCulture,
                $"first 须在 0 到 {MaxFirst} 之间 (first must be between 0 and {MaxFirst})."));
        }
        var offset = context.GetArgument<int?>("offset") ?? 0;
        if (offset < 0)
        {
            throw RequestErrors.InvalidArgument("offset 不能为负 (offset must not be negative).");
        }
        return (offset, first);
    }

    private sealed class Window<T>(IDataLoaderResult<IReadOnlyList<T>> items, int skip, int take) : IDataLoaderResult<IReadOnlyList<T>>
    {
        public async Task<IReadOnlyList<T>> GetResultAsync(CancellationToken cancellationToken = default)
        {
            var list = await items.GetResultAsync(cancellationToken);
            return skip == 0 && take >= list.Count ? list : [.. list.Skip(skip).Take(take)];
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken);
    }
}
