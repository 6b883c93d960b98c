// SPDX-License-Identifier: MIT
#include "cachereader.h"

using namespace Qt::StringLiterals;

namespace lettascope::session {

CacheReader::CacheReader()
    : m_db(u"cache-reader"_s)
{
}

QFuture<Status> CacheReader::open(const QString &path)
{
    return m_db.open(path, store::Database::Mode::ReadOnly);
}

QFuture<void> CacheReader::close()
{
    return m_db.close();
}

} // namespace lettascope::session
