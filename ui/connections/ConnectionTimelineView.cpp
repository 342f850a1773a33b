#include "ui/connections/ConnectionTimelineView.h"

#include "ui/connections/TimelineModel.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace aerodesk::ui {

using timeline::TimelineKind;

ConnectionTimelineView::ConnectionTimelineView(QWidget *parent)
    : QWidget(parent)
    , m_model(new TimelineModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("connectionTimeline"));
    setAccessibleName(tr("Connection timeline"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterRole(TimelineModel::KindNameRole);

    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("timelineKindFilter"));
    m_kind->setAccessibleName(tr("Show steps of kind"));
    m_kind->addItem(tr("All kinds"), QString());
    for (TimelineKind kind : timeline::allTimelineKinds())
        m_kind->addItem(timeline::timelineKindLabel(kind), timeline::timelineKindName(kind));
    auto *kindLabel = new QLabel(tr("&Show:"), this);
    kindLabel->setBuddy(m_kind);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("timelineTable"));
    m_table->setAccessibleName(tr("Timeline steps"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setAccessibleName(tr("Step numbers"));
    m_table->horizontalHeader()->setAccessibleName(tr("Columns"));
    m_table->setCornerButtonEnabled(false);
    for (auto *corner : m_table->findChildren<QAbstractButton *>())
        corner->setAccessibleName(tr("Select all"));
    // Fixed row heights: no per-row size computation, so thousands of steps stay fast.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->horizontalHeader()->setSectionResizeMode(TimelineModel::SummaryColumn,
                                                      QHeaderView::Stretch);
    // No content-based sizing: nothing scans thousands of rows to lay out.
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_table->setColumnWidth(
        TimelineModel::TimeColumn,
        fontMetrics().horizontalAdvance(QStringLiteral("0000-00-00 00:00:00.000")) + 16);
    // The short columns are at least as wide as their (translated) titles.
    for (const int column :
         { int(TimelineModel::KindColumn), int(TimelineModel::CorrelationColumn) }) {
        const QString title = m_table->model()->headerData(column, Qt::Horizontal).toString();
        m_table->setColumnWidth(
            column,
            std::max(m_table->columnWidth(column),
                     m_table->horizontalHeader()->fontMetrics().horizontalAdvance(title) + 32));
    }
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);

    m_copy = new QAction(tr("&Copy step"), this);
    m_copy->setObjectName(QStringLiteral("timelineCopyStep"));
    m_copy->setShortcut(QKeySequence::Copy);
    m_copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_copy->setEnabled(false);
    connect(m_copy, &QAction::triggered, this, [this] { copySelectedSteps(); });
    m_table->addAction(m_copy);

    m_correlation = new QLabel(this);
    m_correlation->setObjectName(QStringLiteral("timelineCorrelation"));
    m_correlation->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_placeholder = new QLabel(this);
    m_placeholder->setObjectName(QStringLiteral("timelinePlaceholder"));
    m_placeholder->setWordWrap(true);
    m_placeholder->hide();

    auto *top = new QHBoxLayout;
    top->addWidget(kindLabel);
    top->addWidget(m_kind, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_placeholder);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_correlation);

    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] { applyFilter(); });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { showSelectedCorrelation(); });
    showSelectedCorrelation();
}

void ConnectionTimelineView::setEntries(const QList<timeline::TimelineEntry> &entries)
{
    m_model->setEntries(entries);
    m_placeholder->hide();
    m_table->show();
    showSelectedCorrelation();
}

void ConnectionTimelineView::addEntry(const timeline::TimelineEntry &entry)
{
    m_model->addEntry(entry);
    m_placeholder->hide();
    m_table->show();
}

void ConnectionTimelineView::setPlaceholder(const QString &text)
{
    m_model->setEntries({});
    m_placeholder->setText(text);
    m_placeholder->show();
    m_table->hide();
    showSelectedCorrelation();
}

void ConnectionTimelineView::setKindFilter(std::optional<TimelineKind> kind)
{
    const int index =
        kind ? m_kind->findData(timeline::timelineKindName(*kind)) : m_kind->findData(QString());
    m_kind->setCurrentIndex(std::max(index, 0));
    applyFilter();
}

void ConnectionTimelineView::applyFilter()
{
    const QString name = m_kind->currentData().toString();
    m_proxy->setFilterRegularExpression(
        name.isEmpty()
            ? QRegularExpression()
            : QRegularExpression(QStringLiteral("^%1$").arg(QRegularExpression::escape(name))));
    showSelectedCorrelation();
}

void ConnectionTimelineView::showSelectedCorrelation()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    m_copy->setEnabled(!rows.isEmpty());
    if (rows.isEmpty()) {
        m_correlation->setText(tr("%n step(s) shown", nullptr, m_proxy->rowCount()));
        return;
    }
    const QString id = rows.first().data(TimelineModel::CorrelationRole).toString();
    m_correlation->setText(tr("Correlation id: %1").arg(id.isEmpty() ? tr("(none)") : id));
}

bool ConnectionTimelineView::copySelectedSteps()
{
    QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return false;
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QStringList texts;
    for (const QModelIndex &row : rows)
        texts.append(row.data(TimelineModel::StepTextRole).toString());
    QApplication::clipboard()->setText(texts.join(QStringLiteral("\n\n")));
    return true;
}

} // namespace aerodesk::ui
