#include "core/api/LinkWidgetEventDispatcher.h"

#include "core/util/LogCategories.h"

namespace aerodesk::api {

LinkWidgetEventDispatcher::LinkWidgetEventDispatcher(QObject *parent)
    : QObject(parent)
{
}

void LinkWidgetEventDispatcher::dispatch(const LinkWidgetEvent &event)
{
    switch (event.type) {
    case LinkWidgetEvent::Type::PageSuccess: {
        Q_EMIT successArriving(event.success);
        QString why;
        const bool stored = m_persist ? m_persist(event.success, &why) : false;
        if (!m_persist)
            qCWarning(aerodesk::log::connections)
                << "pageSuccess with no connection store attached: not persisted";
        if (!stored)
            Q_EMIT persistFailed(event.success,
                                 m_persist ? why
                                           : QStringLiteral("No connection store is attached: the "
                                                            "connectionId was not persisted."));
        Q_EMIT pageSuccess(event.success);
        break;
    }
    case LinkWidgetEvent::Type::WidgetClose:
        Q_EMIT widgetClosed();
        break;
    case LinkWidgetEvent::Type::WidgetError:
    case LinkWidgetEvent::Type::Malformed:
        qCInfo(aerodesk::log::api).noquote()
            << "widget error event:" << event.error.code << event.error.title;
        Q_EMIT widgetError(event.error);
        break;
    default:
        break;
    }
    Q_EMIT eventReceived(event);
}

} // namespace aerodesk::api
