using System.Buffers.Text;

namespace CcsviBot.Channels.DirectLine;

internal readonly record struct TokenCheck(DirectLineGrant? Grant, TokenProblem Problem);
