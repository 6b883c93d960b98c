// SPDX-License-Identifier: MIT
#include "listloader.h"

#include <limits>

#include "common/logging.h"
#include "recordmodel.h"
#include "session/cachereader.h"
#include "common/whenready.h"

using namespace Qt::StringLiterals;

namespace lettascope::ui {

ListLoader::ListLoader(session::CacheReader &reader, RecordModel *model, QObject *parent)
    : QObject(parent)
    , m_reader(reader)
    , m_model(model)
{
    m_model->setFetchMoreHandler([this](int offset) { request(Mode::Append, offset, m_pageSize); });
}

void ListLoader::setFetch(Fetch fetch)
{
    m_fetch = std::move(fetch);
    reload();
}

void ListLoader::reload()
{
    m_generation.next();
    request(Mode::Replace, 0, m_pageSize);
}

void ListLoader::refresh()
{
    if (!m_fetch)
        return;
    // A refresh while a load is in flight would race it; one more after it is enough.
    if (m_pending > 0) {
        m_refreshQueued = true;
        return;
    }
    request(Mode::Merge, 0, qMax<qint64>(m_pageSize, m_model->rowCount()));
}

QFuture<Result<RowWindow>> ListLoader::fetchAll() const
{
    if (!m_fetch)
        return QtFuture::makeReadyFuture(Result<RowWindow>(Error{ErrorKind::BadRequest, u"nothing to export yet"_s}));
    return m_reader.read<RowWindow>([fetch = m_fetch](store::Database &db) {
        return fetch(db, 0, std::numeric_limits<int>::max());
    });
}

void ListLoader::request(Mode mode, qint64 offset, qint64 limit)
{
    if (!m_fetch)
        return;
    const Generation::Token generation = m_generation.current();
    if (m_pending++ == 0)
        Q_EMIT loadingChanged(true);
    whenReady(m_reader
        .read<RowWindow>([fetch = m_fetch, offset, limit](store::Database &db) { return fetch(db, offset, limit); }), this, [this, mode, generation](const Result<RowWindow> &window) {
            if (--m_pending == 0)
                Q_EMIT loadingChanged(false);
            if (!m_generation.isCurrent(generation))
                return;
            if (!window) {
                qCWarning(lcUi) << "list load failed:" << window.error().toString();
                if (mode == Mode::Append)
                    m_model->appendRows({}); // re-arms fetchMore for a later scroll
                Q_EMIT failed(window.error().message);
                return;
            }
            switch (mode) {
            case Mode::Replace: m_model->reset(window->rows, window->total); break;
            case Mode::Append:
                m_model->setTotal(window->total);
                m_model->appendRows(window->rows);
                break;
            case Mode::Merge: m_model->merge(window->rows, window->total); break;
            }
            Q_EMIT loaded(window->total);
            if (m_refreshQueued && m_pending == 0) {
                m_refreshQueued = false;
                refresh();
            }
        });
}

} // namespace lettascope::ui
