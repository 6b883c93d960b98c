// SPDX-License-Identifier: MIT
#include "readworker.h"

#include "common/logging.h"

using namespace Qt::StringLiterals;

namespace lettascope::trajectories {

ReadWorker::ReadWorker(const QString &cachePath)
    : m_db(u"trajectory-reader"_s)
{
    m_db.open(cachePath, store::Database::Mode::ReadOnly);
    m_db.post([this](store::Database *db) {
        if (!db)
            qCWarning(lcTrajectories).noquote() << "cannot read the cache:" << m_db.notOpenError().toString();
    });
}

void ReadWorker::post(std::function<void()> task)
{
    m_db.post([task = std::move(task)](store::Database *) { task(); });
}

} // namespace lettascope::trajectories
