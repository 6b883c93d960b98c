// SPDX-License-Identifier: MIT
#include "commands.h"

using namespace Qt::StringLiterals;

namespace lettascope::cli {

int runDemoServer(CliContext &context, const QStringList &arguments)
{
    Q_UNUSED(arguments)
    return context.fail(u"demo-server is not built yet"_s);
}

} // namespace lettascope::cli
