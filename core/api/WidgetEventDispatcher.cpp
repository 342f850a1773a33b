#include "core/api/WidgetEventDispatcher.h"

namespace aerodesk::api {

WidgetEventDispatcher::WidgetEventDispatcher(QObject *parent) : QObject(parent) {}

void WidgetEventDispatcher::dispatch(const WidgetEvent &event)
{
    switch (event.type) {
    case WidgetEvent::Type::PageSuccess: {
        QString why;
        const bool stored = m_persist ? m_persist(event.success, &why) : false;
        if (!stored)
            Q_EMIT persistFailed(event.success, m_persist ? why : QStringLiteral("No connection store is attached: the "
                                                                                 "connectionId was not persisted."));
        Q_EMIT pageSuccess(event.success);
        break;
    }
    case WidgetEvent::Type::WidgetClose:
        Q_EMIT widgetClosed();
        break;
    case WidgetEvent::Type::WidgetError:
    case WidgetEvent::Type::Malformed:
        Q_EMIT widgetError(event.error);
        break;
    default:
        break;
    }
    Q_EMIT eventReceived(event);
}

} // namespace aerodesk::api
