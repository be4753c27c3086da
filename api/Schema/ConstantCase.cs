using System.Text;

namespace SafetyDuty.Api.Schema;

/// <summary>Enum values as GraphQL spells them (CommitteeOffice → COMMITTEE_OFFICE), for fields typed String.</summary>
public static class ConstantCase
{
    public static string Of<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                builder.Append('_');
            }
            builder.Append(char.ToUpperInvariant(name[i]));
        }
        return builder.ToString();
    }
}
