// SPDX-License-Identifier: MIT
#include "resourcesview.h"

#include "common/whenready.h"
#include "session/cachereader.h"
#include "store/queries/catalogqueries.h"

#include <QHeaderView>
#include <QJsonDocument>
#include <QTreeWidget>

using namespace Qt::StringLiterals;

namespace lettascope::ui::settings {

ResourcesView::ResourcesView(session::CacheReader &reader, QWidget *parent)
    : QTabWidget(parent)
    , m_reader(reader)
{
    setObjectName(u"resourcesTabs"_s);
    setAccessibleName(tr("Server resources"));
    for (int k = 0; k < ResourceKindCount; ++k) {
        auto *tree = new QTreeWidget(this);
        tree->setObjectName(u"resources_"_s + resourceKindKey(ResourceKind(k)));
        tree->setHeaderLabels({tr("Name"), tr("Summary"), tr("Id")});
        tree->setRootIsDecorated(false);
        tree->setUniformRowHeights(true);
        tree->setColumnWidth(0, 260);
        tree->setColumnWidth(1, 360);
        addTab(tree, resourceKindTitle(ResourceKind(k)));
    }
    connect(this, &QTabWidget::currentChanged, this, &ResourcesView::load);
}

void ResourcesView::setServer(qint64 serverId)
{
    m_serverId = serverId;
    reload();
}

void ResourcesView::reload()
{
    load(currentIndex());
}

void ResourcesView::load(int index)
{
    auto *tree = qobject_cast<QTreeWidget *>(widget(index));
    if (!tree || m_serverId == 0)
        return;
    const Generation::Token generation = m_generation.next();
    whenReady(m_reader.read<QList<Resource>>([serverId = m_serverId, kind = ResourceKind(index)](store::Database &db) {
        return store::listResources(db, serverId, kind);
    }), this, [this, tree, generation](const Result<QList<Resource>> &resources) {
        if (!m_generation.isCurrent(generation))
            return;
        tree->clear();
        if (!resources) {
            new QTreeWidgetItem(tree, {tr("Could not load: %1").arg(resources.error().message)});
            return;
        }
        if (resources->isEmpty())
            new QTreeWidgetItem(tree, {tr("None cached for this server")});
        for (const Resource &r : *resources) {
            auto *item = new QTreeWidgetItem(tree, {r.name, r.summary, r.id});
            item->setToolTip(1, QString::fromUtf8(QJsonDocument(r.raw).toJson(QJsonDocument::Indented)).left(4000));
        }
    });
}

} // namespace lettascope::ui::settings
