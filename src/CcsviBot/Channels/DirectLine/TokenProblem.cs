using System.Buffers.Text;

namespace CcsviBot.Channels.DirectLine;

/// <summary>Why a credential was refused; the code is what Azure Direct Line puts in its 403 error body.</summary>
internal enum TokenProblem
{
    None,
    MissingToken,
    TokenInvalid,
    TokenExpired,
}
