#pragma once

#include "core/api/LinkWidgetEvent.h"

#include <QObject>

#include <functional>

namespace aerodesk::api {

/// Delivers widget events in a guaranteed order. A pageSuccess is first handed to the persist
/// hook (E2's connection repository: it must store connectionId and aeroPassUserUuid), called
/// synchronously; only when it returns do the signals run, so nothing else (a job, a GET
/// /accounts) can start before the connection is persisted. If the hook reports a failure,
/// persistFailed() is emitted before pageSuccess() so the UI can warn loudly.
class LinkWidgetEventDispatcher : public QObject
{
    Q_OBJECT
public:
    /// Returns true when persisted; on failure fills `why`.
    using PersistHook = std::function<bool(const LinkWidgetEvent::PageSuccess &, QString *why)>;

    explicit LinkWidgetEventDispatcher(QObject *parent = nullptr);

    void setPersistHook(PersistHook hook) { m_persist = std::move(hook); }
    bool hasPersistHook() const { return bool(m_persist); }

    /// Dispatches one parsed event.
    void dispatch(const LinkWidgetEvent &event);
    /// Parses and dispatches a raw posted message.
    void dispatchRaw(const QByteArray &message) { dispatch(LinkWidgetEvent::parse(message)); }

Q_SIGNALS:
    /// A pageSuccess is about to be persisted: emitted BEFORE the persist hook, so an observer
    /// can tie the connection(s) to what it knows before the hook's follow-up calls go out (the
    /// timeline's correlation id). It must not start anything itself.
    void successArriving(const aerodesk::api::LinkWidgetEvent::PageSuccess &success);
    void persistFailed(const aerodesk::api::LinkWidgetEvent::PageSuccess &success,
                       const QString &why);
    void pageSuccess(const aerodesk::api::LinkWidgetEvent::PageSuccess &success);
    void widgetClosed();
    void widgetError(const aerodesk::api::ErrorInfo &error);
    void
    eventReceived(const aerodesk::api::LinkWidgetEvent &event); ///< every event, after the above

private:
    PersistHook m_persist;
};

} // namespace aerodesk::api
