// SPDX-License-Identifier: MIT
#include "recorder.h"

#include "recorderworker.h"

#include <QThread>

using namespace Qt::StringLiterals;

namespace lettascope::appserver {

Recorder::Recorder(store::StoreWriter &writer, store::ServerRecord server, AppServerEndpoint endpoint,
                   RecorderOptions options, QObject *parent)
    : QObject(parent)
    , m_thread(std::make_unique<QThread>())
{
    qRegisterMetaType<RecorderState>();
    qRegisterMetaType<RecorderStats>();
    qRegisterMetaType<RecordingGap>();
    qRegisterMetaType<Error>();
    m_thread->setObjectName(u"lettascope-recorder"_s);
    m_worker = new RecorderWorker(writer, std::move(server), std::move(endpoint), options);
    m_worker->moveToThread(m_thread.get());
    connect(m_thread.get(), &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &RecorderWorker::stateChanged, this, [this](RecorderState state, const QString &detail) {
        m_stats.state = state;
        Q_EMIT stateChanged(state, detail);
    });
    connect(m_worker, &RecorderWorker::statsChanged, this, [this](const RecorderStats &stats) {
        m_stats = stats;
        Q_EMIT statsChanged(stats);
    });
    connect(m_worker, &RecorderWorker::gapRecorded, this, &Recorder::gapRecorded);
    connect(m_worker, &RecorderWorker::failed, this, &Recorder::failed);
    m_thread->start();
}

Recorder::~Recorder()
{
    if (!m_stopped)
        QMetaObject::invokeMethod(m_worker, &RecorderWorker::shutdown, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

void Recorder::start()
{
    QMetaObject::invokeMethod(m_worker, &RecorderWorker::start);
}

void Recorder::stop()
{
    if (m_stopped)
        return;
    m_stopped = true;
    QMetaObject::invokeMethod(m_worker, [this, worker = m_worker] {
        worker->shutdown();
        QMetaObject::invokeMethod(this, &Recorder::stopped);
    });
}

} // namespace lettascope::appserver
