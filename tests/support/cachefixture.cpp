// SPDX-License-Identifier: MIT
#include "cachefixture.h"

#include "session/opencache.h"
#include "store/sqlite.h"

using namespace Qt::StringLiterals;
using namespace lettascope;

namespace testsupport {

CacheFixture::CacheFixture() : m_writer(std::make_unique<store::StoreWriter>()) { }

bool CacheFixture::open()
{
    if (!m_dir.isValid()) {
        qWarning("no temporary folder");
        return false;
    }
    if (auto opened = session::openCache(*m_writer, path()); !opened) {
        qWarning("%s", qPrintable(opened.error().toString()));
        return false;
    }
    auto id = m_writer->ensureServer({u"test-server"_s, u"Test"_s, u"http://127.0.0.1:1"_s, u"rest"_s, u"1.0"_s}).result();
    if (!id) {
        qWarning("%s", qPrintable(id.error().toString()));
        return false;
    }
    m_serverId = *id;
    return true;
}

bool CacheFixture::write(const QList<ScenarioRun> &runs, const QList<Agent> &agents, int batchSize)
{
    for (qsizetype i = 0; i < std::max<qsizetype>(runs.size(), 1); i += batchSize) {
        store::WriteBatch batch = batchOf(runs.mid(i, batchSize), i == 0 ? agents : QList<Agent>());
        if (batch.isEmpty())
            break;
        auto written = m_writer->write(m_serverId, std::move(batch)).result();
        if (!written) {
            qWarning("%s", qPrintable(written.error().toString()));
            return false;
        }
    }
    return true;
}

store::Database CacheFixture::read()
{
    auto db = store::Database::open(path(), store::Database::Mode::ReadOnly);
    if (!db)
        qFatal("%s", qPrintable(db.error().toString()));
    return std::move(db).value();
}

} // namespace testsupport
